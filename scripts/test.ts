// Runs every *.test.ts under server/, common/, scripts/, bench/ and web/ with node:test (the web's
// tests are of its .ts modules: node strips types from .ts, not .tsx).
// Database tests share one migrated template (see server/test/db.ts); PGlite by default,
// PostgreSQL when DATABASE_URL is set.
import { spawnSync } from 'node:child_process';
import { globSync } from 'node:fs';

const files = globSync(
  [
    'server/**/*.test.ts',
    'common/**/*.test.ts',
    'scripts/**/*.test.ts',
    'bench/**/*.test.ts',
    'web/**/*.test.ts',
  ],
  {
    exclude: (f) => f.includes('node_modules'),
  },
).sort();
const extra = process.argv.slice(2);
const selected = extra.length > 0 ? files.filter((f) => extra.some((e) => f.includes(e))) : files;
if (selected.length === 0) {
  console.error('no test files matched');
  process.exit(1);
}
// Build (or reuse) the seeded template once, before the test files start in parallel; the web's
// tests need no database.
let template = '';
if (selected.some((f) => !f.startsWith('web/'))) {
  const { prepareTemplate } = await import('../server/test/template.ts');
  template = await prepareTemplate(process.env.DATABASE_URL || undefined);
}
const concurrency = process.env.TEST_CONCURRENCY ?? '2';
const result = spawnSync(
  process.execPath,
  ['--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec', ...selected],
  { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test', TZ: 'UTC', MOTCUA_TEST_TEMPLATE: template } },
);
process.exit(result.status ?? 1);
