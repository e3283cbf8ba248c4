import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ROLES } from '../../../../common/auth/roles.ts';
import { findAgencies, getAgency } from '../reference/agencies.ts';
import { referenceData } from '../reference.ts';
import { DEMO_STAFF } from './demo-staff.ts';

const { agencies } = referenceData();

test('usernames are unique and URL-safe', () => {
  const usernames = DEMO_STAFF.map((s) => s.username);
  assert.equal(new Set(usernames).size, usernames.length);
  for (const u of usernames) assert.match(u, /^[a-z0-9]+([.-][a-z0-9]+)*$/, u);
});

test('every selector names exactly one reference agency', () => {
  for (const staff of DEMO_STAFF) {
    assert.ok(staff.roles.length > 0, staff.username);
    for (const { role, agency } of staff.roles) {
      assert.ok((ROLES as readonly string[]).includes(role), `${staff.username}: ${role}`);
      assert.equal(findAgencies(agencies, agency).length, 1, `${staff.username}: ${JSON.stringify(agency)}`);
    }
  }
});

test('full names are Vietnamese, with diacritics', () => {
  for (const { username, fullName } of DEMO_STAFF) {
    assert.match(fullName, /^\p{Lu}\p{Ll}*(\s\p{Lu}\p{Ll}*)+$/u, username);
    assert.notEqual(fullName.normalize('NFD'), fullName, username);
  }
});

test('desk officers sit at agencies with a one-stop desk', () => {
  for (const staff of DEMO_STAFF) {
    for (const { role, agency } of staff.roles) {
      if (role === 'desk-officer') assert.ok(getAgency(agencies, agency).hasDesk, staff.username);
    }
  }
});

test('the accounts land on the agencies the demo script expects', () => {
  const agencyOf = (username: string) => {
    const staff = DEMO_STAFF.find((s) => s.username === username);
    assert.ok(staff, username);
    return getAgency(agencies, staff.roles[0]!.agency);
  };
  assert.equal(agencyOf('demo-admin').code, 'H26');
  const names: [string, string][] = [
    ['auditor.ha-noi', 'Ủy ban nhân dân Thành phố Hà Nội'],
    ['admin.quang-nam', 'Ủy ban nhân dân Thành phố Đà Nẵng'],
    ['desk.hang-trong', 'Ủy ban nhân dân Phường Hoàn Kiếm'],
    ['specialist.hang-bac', 'Ủy ban nhân dân Phường Cửa Nam'],
    ['admin.hoan-kiem', 'Ủy ban nhân dân Thành phố Hà Nội'],
    ['leader.thanh-oai', 'Ủy ban nhân dân Xã Thanh Oai'],
    ['desk.my-duc', 'Ủy ban nhân dân Xã Mỹ Đức'],
    ['leader.stp-ha-noi', 'Sở Tư pháp Thành phố Hà Nội'],
    ['desk.ttpvhcc-ha-noi', 'Trung tâm Phục vụ hành chính công Thành phố Hà Nội'],
    ['desk.tay-giang', 'Ủy ban nhân dân Xã Tây Giang'],
    ['desk.nam-tra-my', 'Ủy ban nhân dân Xã Nam Trà My'],
    ['leader.quan-3', 'Ủy ban nhân dân Phường Nhiêu Lộc'],
  ];
  for (const [username, name] of names) assert.equal(agencyOf(username).name, name, username);
});
