import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createTestRuntime } from '../test/db.ts';
import { GENERATED_FILE, generateSchemaTypes } from '../../scripts/db-types.ts';

test('schema.generated.ts is what kysely-codegen makes of the migrated database', async () => {
  const rt = await createTestRuntime();
  try {
    const fresh = await generateSchemaTypes(rt.handle.db);
    const checkedIn = fs.readFileSync(GENERATED_FILE, 'utf8');
    if (fresh !== checkedIn) {
      const a = fresh.split('\n');
      const b = checkedIn.split('\n');
      const line = a.findIndex((l, i) => l !== b[i]);
      assert.fail(
        `server/db/schema.generated.ts differs from the migrated schema: run npm run db:types\n` +
          `first difference at line ${line + 1}:\n  migrated:   ${a[line]}\n  checked in: ${b[line]}`,
      );
    }
  } finally {
    await rt.close();
  }
});
