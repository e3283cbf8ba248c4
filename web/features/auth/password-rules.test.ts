import assert from 'node:assert/strict';
import { test } from 'node:test';
import { en } from '../../app/i18n/en.ts';
import { vi } from '../../app/i18n/vi.ts';
import { checkPasswords, serverProblems } from './password-rules.ts';

test('#14 the change-password form names each field that is wrong', () => {
  assert.deepEqual(checkPasswords(vi, { currentPassword: '', newPassword: 'ngan', again: '' }), {
    currentPassword: 'Hãy nhập mật khẩu hiện tại.',
    newPassword: 'Mật khẩu mới cần ít nhất 10 ký tự.',
  });
  assert.deepEqual(
    checkPasswords(en, { currentPassword: 'x', newPassword: 'mot-mat-khau-moi', again: 'khac' }),
    {
      again: 'The two new passwords differ.',
    },
  );
  assert.deepEqual(
    checkPasswords(en, { currentPassword: 'x', newPassword: 'mot-mat-khau-moi', again: 'mot-mat-khau-moi' }),
    {},
  );
});

test('#14 the server’s refusals land on their fields, in English by their code', () => {
  const details = [
    { path: 'body/currentPassword', message: 'Mật khẩu hiện tại không đúng.', code: 'password-wrong' },
  ];
  assert.deepEqual(serverProblems(vi, details), { currentPassword: 'Mật khẩu hiện tại không đúng.' });
  assert.deepEqual(serverProblems(en, details), { currentPassword: 'The current password is not right.' });
});
