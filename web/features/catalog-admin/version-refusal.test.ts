import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApiError } from '../../app/http.ts';
import { vi } from '../../app/i18n/vi.ts';
import { refusalItem, refusalOf } from './version-refusal.ts';

test('refusalItem names a province-wide workflow, an agency one, or nothing known', () => {
  const direct = vi.catalog.channels.direct;
  assert.deepEqual(refusalItem(vi, 'workflows/direct/steps/2/share', 'Sai.'), {
    text: `${vi.catalogAdmin.refusalProvince(direct)}: Sai.`,
    channel: 'direct',
    provinceWide: true,
  });
  assert.deepEqual(refusalItem(vi, 'workflows/online/57/steps', 'Thiếu.'), {
    text: `${vi.catalogAdmin.refusalAgency(vi.catalog.channels.online)}: Thiếu.`,
    channel: 'online',
    provinceWide: false,
  });
  assert.deepEqual(refusalItem(vi, 'workflows/fax/steps', 'X.'), {
    text: 'X.',
    channel: null,
    provinceWide: false,
  });
  assert.deepEqual(refusalItem(vi, 'version', 'Y.'), { text: 'Y.', channel: null, provinceWide: false });
});

test('refusalOf keeps the message and one item per detail', () => {
  const error = new ApiError({
    status: 422,
    code: 'UNPROCESSABLE',
    message: 'Chưa công bố được.',
    details: [{ path: 'workflows/direct/steps', message: 'Tổng sai.' }],
  });
  const refusal = refusalOf(vi, error);
  assert.equal(refusal.message, 'Chưa công bố được.');
  assert.equal(refusal.items.length, 1);
  assert.equal(refusalOf(vi, new Error('x')).items.length, 0);
});
