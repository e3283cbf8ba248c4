import assert from 'node:assert/strict';
import { test } from 'node:test';
import { STAFF_PAGE_SIZE } from './staff-api.ts';
import { NO_FILTERS, staffQuery } from './staff-query.ts';

test('staffQuery leaves blank filters out and reads the status as active or not', () => {
  assert.deepEqual(staffQuery(NO_FILTERS, 1), {
    q: undefined,
    role: undefined,
    active: undefined,
    page: 1,
    pageSize: STAFF_PAGE_SIZE,
  });
  assert.deepEqual(staffQuery({ q: ' lan ', role: 'specialist', status: 'inactive' }, 3), {
    q: 'lan',
    role: 'specialist',
    active: false,
    page: 3,
    pageSize: STAFF_PAGE_SIZE,
  });
  assert.equal(staffQuery({ ...NO_FILTERS, status: 'active' }, 1).active, true);
});
