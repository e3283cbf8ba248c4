import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { ERRORS_DOC, renderErrorDocs } from './error-docs.ts';

test('docs/errors.md lists the error catalogue as the code declares it', async () => {
  const expected = await renderErrorDocs();
  const actual = fs.existsSync(ERRORS_DOC) ? fs.readFileSync(ERRORS_DOC, 'utf8') : '';
  assert.equal(actual, expected, 'docs/errors.md is out of date: run npm run docs:errors');
  assert.match(actual, /IDEMPOTENCY_KEY_REUSED/);
});
