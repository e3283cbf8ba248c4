import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApiError } from '../../app/http.ts';
import { vi } from '../../app/i18n/vi.ts';
import {
  createFailure,
  grantErrorKey,
  grantsBody,
  grantsFailure,
  mapGrantErrors,
  newGrantRow,
} from './grants-rows.ts';

const rows = () => [
  newGrantRow({ role: 'specialist', agency: { code: '000.00.31.H26', name: 'UBND' } }),
  newGrantRow(),
];

test('grantsBody sends blank choices as blanks', () => {
  const [full, blank] = rows();
  assert.deepEqual(grantsBody([full!, blank!]), [
    { role: 'specialist', agencyCode: '000.00.31.H26' },
    { role: '', agencyCode: '' },
  ]);
});

test('mapGrantErrors puts problems on the row sent, "choose" for a blank choice', () => {
  const sent = rows();
  const mapped = mapGrantErrors(vi, sent, [
    { path: 'body/grants/0/agencyCode', message: 'Ngoài phạm vi.' },
    { path: 'body/grants/1/role', message: 'must be one of' },
    { path: 'body/grants/1', message: 'Trùng.' },
    { path: 'body/grants/7/role', message: 'Không có.' },
    { path: 'body/grants', message: 'Ít nhất một.' },
    { path: 'body/username', message: 'Sai.' },
  ]);
  assert.deepEqual(mapped.fields, {
    [grantErrorKey(sent[0]!.id, 'agency')]: 'Ngoài phạm vi.',
    [grantErrorKey(sent[1]!.id, 'role')]: vi.staff.grants.chooseRole,
    [grantErrorKey(sent[1]!.id, 'agency')]: vi.staff.grants.chooseAgency,
  });
  assert.deepEqual(mapped.general, ['Không có.', 'Ít nhất một.']);
  assert.deepEqual(mapped.rest, [{ path: 'body/username', message: 'Sai.' }]);
});

test('createFailure names account fields and keeps the rest in general', () => {
  const sent = rows();
  const error = new ApiError({
    status: 400,
    code: 'VALIDATION_ERROR',
    message: 'Sai.',
    details: [
      { path: 'body/username', message: 'Tên đã có.' },
      { path: 'body/password', message: 'Ngắn.' },
      { path: 'body/other', message: 'Khác.' },
    ],
  });
  assert.deepEqual(createFailure(vi, error, sent), {
    fields: { username: 'Tên đã có.', password: 'Ngắn.' },
    grants: {},
    general: ['Khác.'],
  });
  assert.deepEqual(createFailure(vi, new Error('x'), sent), {
    fields: {},
    grants: {},
    general: [vi.errors.generic],
  });
});

test('grantsFailure says the error itself when no detail names a grant', () => {
  const sent = rows();
  const error = new ApiError({
    status: 400,
    code: 'VALIDATION_ERROR',
    message: 'Không lưu được.',
    details: [{ path: 'body/grantsVersion', message: 'Quá dài.' }],
  });
  assert.deepEqual(grantsFailure(vi, error, sent), {
    fields: {},
    grants: {},
    general: ['Không lưu được.', 'Quá dài.'],
  });
});
