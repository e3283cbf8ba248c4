import assert from 'node:assert/strict';
import { test } from 'node:test';
import { documentTitle } from './deployment.ts';

test('#14 the page title names the province when one is configured', () => {
  assert.equal(
    documentTitle('Sign in', 'Electronic one-stop information system', 'Thành phố Hà Nội'),
    'Sign in – Electronic one-stop information system – Thành phố Hà Nội',
  );
  assert.equal(documentTitle('Đăng nhập', 'Một cửa', null), 'Đăng nhập – Một cửa');
});
