import assert from 'node:assert/strict';
import { test } from 'node:test';
import { vi } from '../../app/i18n/vi.ts';
import { portalAddress, portalStatus, readFilters } from './portal-filters.ts';

test('readFilters reads known values and defaults the rest', () => {
  assert.deepEqual(readFilters('?q=khai+sinh&level=commune&online=full&page=3'), {
    q: 'khai sinh',
    level: 'commune',
    online: 'full',
    page: 3,
  });
  assert.deepEqual(readFilters('?level=planet&online=x&page=0'), { q: '', level: '', online: '', page: 1 });
  assert.equal(readFilters('?page=2.5').page, 1);
});

test('portalAddress writes only what differs from the defaults', () => {
  assert.equal(portalAddress('/p', { q: '  ', level: '', online: '', page: 1 }), '/p');
  assert.equal(
    portalAddress('/p', { q: ' kết hôn ', level: '', online: '', page: 2 }),
    '/p?q=k%E1%BA%BFt+h%C3%B4n&page=2',
  );
});

test('portalStatus counts the shown range or says none', () => {
  assert.equal(portalStatus(vi, { items: [], total: 0 }, 1, 10), vi.portal.none);
  assert.equal(portalStatus(vi, { items: [1, 2, 3], total: 13 }, 2, 10), vi.portal.found(13, 11, 13));
});
