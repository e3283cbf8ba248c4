// Issue #13's size limits, held: no server file over 600 lines (the generated table types excepted)
// and no web component over 300 (dictionaries are .ts, not components). A file that grows past its
// limit is split by reason to change, not exempted here.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { globSync } from 'node:fs';
import { test } from 'node:test';

const lines = (file: string) => fs.readFileSync(file, 'utf8').split('\n').length - 1;
const over = (pattern: string, limit: number, except: string[] = []) =>
  globSync(pattern, { exclude: (f) => f.includes('node_modules') })
    .filter((f) => !except.includes(f))
    .map((f) => ({ f, n: lines(f) }))
    .filter(({ n }) => n > limit)
    .map(({ f, n }) => `${f}: ${n} lines`);

test('no server file is over 600 lines, the generated table types excepted', () => {
  assert.deepEqual(over('server/**/*.ts', 600, ['server/db/schema.generated.ts']), []);
});

test('no web component is over 300 lines', () => {
  assert.deepEqual(over('web/**/*.tsx', 300), []);
});
