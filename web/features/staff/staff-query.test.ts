import assert from 'node:assert/strict';
import { test } from 'node:test';
import { STAFF_PAGE_SIZE } from './staff-api.ts';
import { NO_FILTERS, staffQuery } from './staff-query.ts';

test('staffQuery leaves blank filters out and reads the status as active or not', () => {
  assert.deepEqual(staffQuery(NO_FILTERS, 1), {
    q: undefined,
    role: undefined,
    agencyCode: undefined,
    below: undefined,
    active: undefined,
    page: 1,
    pageSize: STAFF_PAGE_SIZE,
  });
  assert.deepEqual(staffQuery({ ...NO_FILTERS, q: ' lan ', role: 'specialist', status: 'inactive' }, 3), {
    q: 'lan',
    role: 'specialist',
    agencyCode: undefined,
    below: undefined,
    active: false,
    page: 3,
    pageSize: STAFF_PAGE_SIZE,
  });
  assert.equal(staffQuery({ ...NO_FILTERS, status: 'active' }, 1).active, true);
});

test('#14 staffQuery filters by agency, with the agencies below it only when one is chosen', () => {
  const agency = { code: '000.00.12.H26', name: 'Ủy ban nhân dân Quận Hoàn Kiếm' };
  const q = staffQuery({ ...NO_FILTERS, agency, below: true }, 1);
  assert.equal(q.agencyCode, '000.00.12.H26');
  assert.equal(q.below, true);
  assert.equal(staffQuery({ ...NO_FILTERS, agency, below: false }, 1).below, undefined);
  assert.equal(staffQuery({ ...NO_FILTERS, below: true }, 1).below, undefined);
});
