// Issue #20 (intake throughput): the session cache serves a session read a moment ago, and never
// outlives this process's sign-out, role or account change; another process's change (not seen by
// the write watch) is seen within SESSION_CACHE_MS.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { createTestRuntime, type TestRuntime } from '../../test/db.ts';
import { ORIGIN, loginAs } from '../../test/http.ts';
import { WriteWatch } from '../../db/write-watch.ts';
import { SESSION_CACHE_MS } from './session-cache.ts';

let rt: TestRuntime;
before(async () => {
  rt = await createTestRuntime();
});
after(() => rt.close());

type Me = { user: { username: string; roles: { role: string }[] } };
const me = (cookie: string) => rt.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
const userId = async (username: string) =>
  (
    await rt.deps.db
      .selectFrom('users')
      .select('user_id')
      .where('username', '=', username)
      .executeTakeFirstOrThrow()
  ).user_id;

test('#20 session cache: a sign-out ends the session at once, though it was just read', async () => {
  const cookie = await loginAs(rt.app, 'leader.hoan-kiem');
  assert.equal((await me(cookie)).statusCode, 200);
  assert.equal((await me(cookie)).statusCode, 200);
  const out = await rt.app.inject({
    method: 'POST',
    url: '/api/v1/auth/logout',
    headers: { cookie, origin: ORIGIN },
  });
  assert.equal(out.statusCode, 204);
  assert.equal((await me(cookie)).statusCode, 401);
});

test('#20 session cache: a role taken away or an account switched off here is seen by the next request', async () => {
  const cookie = await loginAs(rt.app, 'desk.hang-trong');
  assert.deepEqual(
    (await me(cookie)).json<Me>().user.roles.map((r) => r.role),
    ['desk-officer'],
  );
  const id = await userId('desk.hang-trong');
  const roles = await rt.deps.db.selectFrom('user_roles').selectAll().where('user_id', '=', id).execute();
  await rt.deps.db.deleteFrom('user_roles').where('user_id', '=', id).execute();
  assert.deepEqual((await me(cookie)).json<Me>().user.roles, []);
  await rt.deps.db.insertInto('user_roles').values(roles).execute();
  assert.equal((await me(cookie)).json<Me>().user.roles.length, 1);
  await rt.deps.db.updateTable('users').set({ active: false }).where('user_id', '=', id).execute();
  assert.equal((await me(cookie)).statusCode, 401);
  await rt.deps.db.updateTable('users').set({ active: true }).where('user_id', '=', id).execute();
  assert.equal((await me(cookie)).statusCode, 200);
});

test('#20 session cache: a change this process does not see (another process, raw SQL) is seen within SESSION_CACHE_MS', async () => {
  const cookie = await loginAs(rt.app, 'specialist.hang-trong');
  assert.equal((await me(cookie)).statusCode, 200);
  const id = await userId('specialist.hang-trong');
  await sql`UPDATE users SET active = false WHERE user_id = ${id}`.execute(rt.deps.db);
  try {
    await sleep(SESSION_CACHE_MS + 50);
    assert.equal((await me(cookie)).statusCode, 401);
  } finally {
    await sql`UPDATE users SET active = true WHERE user_id = ${id}`.execute(rt.deps.db);
  }
});

test('#20 write watch: writes to a watched table move the epoch, also inside a WITH; reads and other tables do not', async () => {
  const watch = new WriteWatch();
  const db = rt.deps.db.withPlugin(watch);
  const moved = async (run: () => Promise<unknown>) => {
    const before = watch.epoch(['users']);
    await run();
    return watch.epoch(['users']) !== before;
  };
  assert.equal(await moved(() => db.selectFrom('users').select('user_id').execute()), false);
  assert.equal(
    await moved(() =>
      db
        .updateTable('agencies')
        .set({ name: sql`name` })
        .where(sql<boolean>`false`)
        .execute(),
    ),
    false,
  );
  assert.equal(
    await moved(() =>
      db
        .updateTable('users')
        .set({ active: sql`active` })
        .where(sql<boolean>`false`)
        .execute(),
    ),
    true,
  );
  assert.equal(
    await moved(() =>
      db
        .deleteFrom('users as u')
        .where(sql<boolean>`false`)
        .execute(),
    ),
    true,
  );
  assert.equal(
    await moved(() =>
      db
        .with('gone', (w) =>
          w
            .deleteFrom('users')
            .where(sql<boolean>`false`)
            .returning('user_id'),
        )
        .selectFrom('gone')
        .selectAll()
        .execute(),
    ),
    true,
  );
  assert.equal(
    await moved(() =>
      db.transaction().execute((trx) =>
        trx
          .updateTable('users')
          .set({ active: sql`active` })
          .where(sql<boolean>`false`)
          .execute(),
      ),
    ),
    true,
  );
});
