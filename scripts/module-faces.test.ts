// The lint rule that keeps code out of another module's internals (eslint-rules/module-faces.js, ADR 0009).
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { Linter } from 'eslint';
import motcua from '../eslint-rules/module-faces.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const config = [
  { files: ['**/*.ts'], plugins: { motcua }, rules: { 'motcua/module-faces': 'error' as const } },
];
const problems = (file: string, code: string) =>
  new Linter({ configType: 'flat' })
    .verify(code, config, { filename: path.join(ROOT, file) })
    .map((m) => m.message);

test('a deep import into another module fails; its index.ts and its own files do not', () => {
  const deep = problems(
    'server/modules/payments/x.ts',
    "import { loadRow } from '../dossiers/dossier.repository.ts';",
  );
  assert.equal(deep.length, 1);
  assert.match(deep[0]!, /reaches into module dossiers/);
  assert.deepEqual(
    problems('server/modules/payments/x.ts', "import { loadRow } from '../dossiers/index.ts';"),
    [],
  );
  assert.deepEqual(
    problems('server/modules/dossiers/views/x.ts', "import { loadRow } from '../dossier.repository.ts';"),
    [],
  );
  assert.equal(problems('server/app.ts', "export { x } from './modules/sync/sync.routes.ts';").length, 1);
  assert.deepEqual(problems('server/app.ts', "import { sql } from 'kysely';"), []);
});
