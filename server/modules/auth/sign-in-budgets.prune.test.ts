// What anonymous sign-in failures leave in sign_in_budgets is bounded in time: budgets quiet for a day
// are forgotten by the worker's hourly job (auth.jobs.ts → forgetQuietBudgets), not only when somebody
// signs in; a budget that remembers a sign-in of the last 30 days is kept.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, manualClock, type TestRuntime } from '../../test/db.ts';
import { countRows } from '../../test/seeded.ts';
import { forgetQuietBudgets } from './index.ts';

let rt: TestRuntime;
const clock = manualClock('2026-11-20T02:00:00Z');

before(async () => {
  rt = await createTestRuntime({ clock });
});

after(async () => {
  await rt.close();
});

const signIn = (username: string, password: string, remoteAddress: string) =>
  rt.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
    remoteAddress,
  });

test('failed sign-ins from many addresses are forgotten a day after, a known address is kept', async () => {
  const known = await signIn('desk.hang-trong', 'demo', '198.51.100.7');
  assert.equal(known.statusCode, 200);
  for (let i = 1; i <= 20; i++) {
    const res = await signIn(`khong-co-${i}`, 'sai-mat-khau', `203.0.113.${i}`);
    assert.equal(res.statusCode, 401, res.body);
  }
  const before = await countRows(rt.deps.db, 'sign_in_budgets');
  assert.ok(before >= 40, `budgets written: ${before}`);

  clock.advance(23 * 3_600_000);
  assert.equal(await forgetQuietBudgets(rt.deps.db, clock.now()), 0, 'within the day nothing goes');

  clock.advance(2 * 3_600_000);
  const removed = await forgetQuietBudgets(rt.deps.db, clock.now());
  const left = await rt.deps.db
    .selectFrom('sign_in_budgets')
    .select(['scope', 'username', 'address'])
    .execute();
  assert.equal(removed, before - left.length);
  assert.deepEqual(
    left.map((r) => `${r.scope} ${r.username} ${r.address}`),
    ['account-address desk.hang-trong 198.51.100.7'],
    'only the pair that remembers a sign-in stays',
  );
});
