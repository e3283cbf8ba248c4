// Demo staff (all with the password "demo"). Demo mode only; refused in production.
import type { Deps } from '../../deps.ts';
import { createUser, hashPassword } from '../../modules/auth/index.ts';
import { DEMO_PASSWORD, DEMO_STAFF } from './demo/demo-staff.ts';
import { getAgency } from './reference/agencies.ts';
import { referenceData } from './reference.ts';

export async function seedDemo(deps: Deps): Promise<{ created: number; existing: number }> {
  if (deps.config.nodeEnv === 'production') throw new Error('demo data cannot be seeded in production');
  const existingNames = new Set(
    (await deps.db.selectFrom('users').select('username').execute()).map((r) => r.username),
  );
  const todo = DEMO_STAFF.filter((s) => !existingNames.has(s.username));
  if (todo.length === 0) return { created: 0, existing: DEMO_STAFF.length };
  const { agencies } = referenceData();
  // One hash for every demo account: an argon2 run per account would only slow the first start.
  const shared = await hashPassword(DEMO_PASSWORD);
  for (const staff of todo) {
    await createUser(
      deps,
      { userId: null, label: 'seed:demo' },
      {
        username: staff.username,
        fullName: staff.fullName,
        password: null,
        passwordHash: shared,
        roles: staff.roles.map((r) => ({ role: r.role, agencyCode: getAgency(agencies, r.agency).code })),
      },
    );
  }
  return { created: todo.length, existing: DEMO_STAFF.length - todo.length };
}
