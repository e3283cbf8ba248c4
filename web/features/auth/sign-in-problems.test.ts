import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApiError } from '../../app/http.ts';
import { vi } from '../../app/i18n/vi.ts';
import { describeSignIn } from './sign-in-problems.ts';

test('a lockout says the minutes to wait, at least one', () => {
  const locked = (retryAfterSeconds: number | null) =>
    new ApiError({ status: 429, code: 'TOO_MANY_REQUESTS', message: 'Thử lại sau.', retryAfterSeconds });
  assert.deepEqual(describeSignIn(vi, locked(600)), { general: vi.signIn.lockout(10), fields: {} });
  assert.deepEqual(describeSignIn(vi, locked(5)), { general: vi.signIn.lockout(1), fields: {} });
  assert.deepEqual(describeSignIn(vi, locked(null)), { general: 'Thử lại sau.', fields: {} });
});

test('field problems go to their field (the first wins), the others are joined', () => {
  const error = new ApiError({
    status: 400,
    code: 'VALIDATION_ERROR',
    message: 'Sai.',
    details: [
      { path: 'body/username', message: 'Nhập tên đăng nhập.' },
      { path: 'body/username', message: 'Quá dài.' },
      { path: 'body/password', message: 'Nhập mật khẩu.' },
      { path: 'body', message: 'Một.' },
      { path: 'query/x', message: 'Hai.' },
    ],
  });
  assert.deepEqual(describeSignIn(vi, error), {
    general: 'Một. Hai.',
    fields: { username: 'Nhập tên đăng nhập.', password: 'Nhập mật khẩu.' },
  });
});

test('anything else is one general line', () => {
  const wrong = new ApiError({ status: 401, code: 'INVALID_CREDENTIALS', message: 'Sai mật khẩu.' });
  assert.deepEqual(describeSignIn(vi, wrong), { general: 'Sai mật khẩu.', fields: {} });
  assert.deepEqual(describeSignIn(vi, new Error('x')), { general: vi.errors.generic, fields: {} });
});
