import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApiError } from '../../app/http.ts';
import { en } from '../../app/i18n/en.ts';
import { vi } from '../../app/i18n/vi.ts';
import { editorFailure } from './editor-failure.ts';

const locate = (path: string): string | null => (path.startsWith('body/rows/') ? path.slice(5) : null);

test('a 409 STALE_VERSION is stale, whatever its details', () => {
  const error = new ApiError({ status: 409, code: 'STALE_VERSION', message: 'cũ' });
  assert.deepEqual(editorFailure(vi, error, locate, 'cấm'), { kind: 'stale' });
});

test('details go beside their field (the first wins) or above the form', () => {
  const error = new ApiError({
    status: 400,
    code: 'VALIDATION_ERROR',
    message: 'sai',
    details: [
      { path: 'body/rows/0/date', message: 'Ngày trùng.' },
      { path: 'body/rows/0/date', message: 'Ngày ngoài năm.' },
      { path: 'body/version', message: 'Thiếu phiên bản.' },
    ],
  });
  assert.deepEqual(editorFailure(vi, error, locate, 'cấm'), {
    kind: 'problems',
    fields: { 'rows/0/date': 'Ngày trùng.' },
    general: ['Thiếu phiên bản.'],
  });
});

test('a 403 without details says forbidden; another failure says the error in words', () => {
  const refused = new ApiError({ status: 403, code: 'FORBIDDEN', message: 'Không có quyền.' });
  assert.deepEqual(editorFailure(vi, refused, locate, 'cấm'), {
    kind: 'problems',
    fields: {},
    general: ['cấm'],
  });
  const down = new ApiError({ status: 0, code: 'NETWORK_ERROR', message: '' });
  assert.deepEqual(editorFailure(en, down, locate, 'no'), {
    kind: 'problems',
    fields: {},
    general: [en.errors.network],
  });
  assert.deepEqual(editorFailure(vi, new Error('bug'), locate, 'cấm').kind, 'problems');
});
