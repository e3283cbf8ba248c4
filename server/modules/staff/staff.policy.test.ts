// Who may give which grant where, as a property over a synthetic tree: actor grants × role × target.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ROLES, type Role } from '../../../common/auth/roles.ts';
import { actorWith, grantAt } from '../../test/actors.ts';
import { canAdministerGrant, canManageAccount, canReadStaffAt } from './staff.policy.ts';

// 2 provinces × 2 districts × 2 communes, one agency each, plus a department beside each committee.
type Node = { unitPath: string; agencyPath: string };
const nodes: Node[] = [];
let id = 1;
for (let p = 1; p <= 2; p++) {
  const pu = `/P${p}/`;
  const pa = `/${id++}/`;
  nodes.push({ unitPath: pu, agencyPath: pa }, { unitPath: pu, agencyPath: `/${id++}/` });
  for (let d = 1; d <= 2; d++) {
    const du = `${pu}D${d}/`;
    const da = `${pa}${id++}/`;
    nodes.push({ unitPath: du, agencyPath: da }, { unitPath: du, agencyPath: `/${id++}/` });
    for (let c = 1; c <= 2; c++) nodes.push({ unitPath: `${du}C${c}/`, agencyPath: `${da}${id++}/` });
  }
}

/** The reach rule restated: own agency and agencies under it, and every agency of a unit strictly below. */
const reaches = (from: Node, to: Node) =>
  to.agencyPath.startsWith(from.agencyPath) ||
  (to.unitPath !== from.unitPath && to.unitPath.startsWith(from.unitPath));

const arbGrants = fc.array(fc.record({ node: fc.constantFrom(...nodes), role: fc.constantFrom(...ROLES) }), {
  minLength: 0,
  maxLength: 3,
});

test('a grant is administered only by an administrator reaching it; province-admin only by a province-admin', () => {
  fc.assert(
    fc.property(arbGrants, fc.constantFrom(...nodes), fc.constantFrom(...ROLES), (held, target, role) => {
      const a = actorWith(held.map((h) => grantAt(h.node, h.role)));
      const allowedBy: Role[] =
        role === 'province-admin' ? ['province-admin'] : ['unit-admin', 'province-admin'];
      const expected = held.some((h) => allowedBy.includes(h.role) && reaches(h.node, target));
      assert.equal(canAdministerGrant(a, { role, ...target }), expected);
      // Reading follows the reach of any role, auditors included.
      assert.equal(
        canReadStaffAt(a, target),
        held.some((h) => reaches(h.node, target)),
      );
    }),
    { numRuns: 2000 },
  );
});

test('an account is managed only when every one of its grants is, and never one’s own', () => {
  fc.assert(
    fc.property(arbGrants, arbGrants, fc.boolean(), (held, targetGrants, self) => {
      const a = actorWith(held.map((h) => grantAt(h.node, h.role)));
      const grants = targetGrants.map((t) => ({ role: t.role, ...t.node }));
      const expected = !self && grants.length > 0 && grants.every((g) => canAdministerGrant(a, g));
      assert.equal(canManageAccount(a, self ? '1' : '2', grants), expected);
    }),
    { numRuns: 1000 },
  );
});
