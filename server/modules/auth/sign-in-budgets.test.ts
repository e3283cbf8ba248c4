// Sign-in budgets (ADR 0011) over HTTP: the attempt is reserved before the password is checked, so a
// burst cannot outrun the count, and a spent budget makes its caller wait without locking the owner out.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { createTestRuntime, manualClock, type TestRuntime } from '../../test/db.ts';
import { errorOf } from '../../test/http.ts';
import { passwordVerifications } from './auth.crypto.ts';
import { budgetAddress } from './sign-in-budgets.ts';
import { resetPassword } from './index.ts';

let rt: TestRuntime;
const clock = manualClock('2026-11-20T02:00:00Z');
before(async () => {
  rt = await createTestRuntime({ clock });
});
after(() => rt.close());

const signIn = (username: string, password: string, remoteAddress: string) =>
  rt.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
    remoteAddress,
  });

function statuses(answers: LightMyRequestResponse[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const a of answers) counts[a.statusCode] = (counts[a.statusCode] ?? 0) + 1;
  return counts;
}

/** The seconds a refusal asks to wait, checked to be a 429 in the envelope. */
function waitOf(res: LightMyRequestResponse): number {
  assert.equal(res.statusCode, 429, res.body);
  assert.equal(errorOf(res).code, 'TOO_MANY_REQUESTS');
  const seconds = Number(res.headers['retry-after']);
  assert.ok(Number.isInteger(seconds) && seconds >= 1, `retry-after ${String(res.headers['retry-after'])}`);
  return seconds;
}

test('#20.1 a hundred simultaneous guesses for one account from one address check at most LOGIN_MAX_FAILURES passwords', async () => {
  const { loginMaxFailures } = rt.deps.config;
  const before = passwordVerifications();
  const answers = await Promise.all(
    Array.from({ length: 100 }, (_, i) => signIn('desk.hang-bac', `sai-${i}`, '203.0.113.10')),
  );
  const checked = passwordVerifications() - before;
  assert.ok(checked >= 1 && checked <= loginMaxFailures, `${checked} passwords checked`);
  const counts = statuses(answers);
  assert.equal(counts[401], checked, JSON.stringify(counts));
  assert.equal(counts[429], 100 - checked);
  for (const a of answers.filter((r) => r.statusCode === 429)) waitOf(a);

  // The owner, elsewhere, is not kept out by what was tried from 203.0.113.10.
  assert.equal((await signIn('desk.hang-bac', 'demo', '198.51.100.20')).statusCode, 200);
  // Nor is that address forgiven by the owner's sign-in elsewhere.
  waitOf(await signIn('desk.hang-bac', 'demo', '203.0.113.10'));
});

test('#20.1 a spent budget waits LOGIN_BACKOFF_SECONDS, doubling each time it is spent again, then opens', async () => {
  const { loginMaxFailures, loginBackoffSeconds } = rt.deps.config;
  const spend = async () => {
    for (let i = 0; i < loginMaxFailures; i++) {
      assert.equal((await signIn('specialist.hang-bac', `sai-${i}`, '203.0.113.11')).statusCode, 401);
    }
    return waitOf(await signIn('specialist.hang-bac', 'demo', '203.0.113.11'));
  };
  const first = await spend();
  assert.equal(first, loginBackoffSeconds);
  // While it waits, no password is checked, not even the right one.
  const before = passwordVerifications();
  clock.advance((first - 1) * 1000);
  assert.equal(waitOf(await signIn('specialist.hang-bac', 'demo', '203.0.113.11')), 1);
  assert.equal(passwordVerifications(), before);
  clock.advance(1000);
  assert.equal(await spend(), 2 * loginBackoffSeconds);
  clock.advance(2 * loginBackoffSeconds * 1000);
  assert.equal(await spend(), 4 * loginBackoffSeconds);
  clock.advance(4 * loginBackoffSeconds * 1000);
  // The right password after the wait signs in, and the budget starts again from nothing.
  assert.equal((await signIn('specialist.hang-bac', 'demo', '203.0.113.11')).statusCode, 200);
  assert.equal(await spend(), loginBackoffSeconds);
});

test('#20.1 guesses from a hundred addresses check at most LOGIN_ACCOUNT_MAX_FAILURES; the owner still signs in where they did before', async () => {
  const { loginAccountMaxFailures } = rt.deps.config;
  assert.equal((await signIn('leader.hoan-kiem', 'demo', '192.0.2.1')).statusCode, 200);
  const before = passwordVerifications();
  const answers = await Promise.all(
    Array.from({ length: 100 }, (_, i) => signIn('leader.hoan-kiem', `sai-${i}`, `203.0.113.${100 + i}`)),
  );
  const checked = passwordVerifications() - before;
  assert.ok(checked <= loginAccountMaxFailures, `${checked} passwords checked`);
  assert.equal(statuses(answers)[429], 100 - checked);
  // An address the account never signed in from waits (the account's budget is spent)…
  waitOf(await signIn('leader.hoan-kiem', 'demo', '198.51.100.30'));
  // …the owner's usual address does not.
  assert.equal((await signIn('leader.hoan-kiem', 'demo', '192.0.2.1')).statusCode, 200);
});

test('#20.1 one address trying many accounts waits after LOGIN_ADDRESS_MAX_FAILURES, for a while only, and never for accounts that signed in from it', async () => {
  const { loginAddressMaxFailures } = rt.deps.config;
  const office = '192.0.2.50';
  assert.equal((await signIn('desk.hoan-kiem', 'demo', office)).statusCode, 200);
  const before = passwordVerifications();
  const answers = await Promise.all(
    Array.from({ length: loginAddressMaxFailures + 20 }, (_, i) => signIn(`khong-co.${i}`, 'x', office)),
  );
  const checked = passwordVerifications() - before;
  assert.ok(checked <= loginAddressMaxFailures, `${checked} passwords checked`);
  assert.equal(statuses(answers)[429], loginAddressMaxFailures + 20 - checked);
  // Colleagues who signed in from the office before are not kept out…
  assert.equal((await signIn('desk.hoan-kiem', 'demo', office)).statusCode, 200);
  // …one who never did waits, for a bounded time, then signs in.
  const wait = waitOf(await signIn('specialist.hoan-kiem', 'demo', office));
  assert.ok(wait <= rt.deps.config.loginBackoffMaxMinutes * 60);
  clock.advance(wait * 1000);
  assert.equal((await signIn('specialist.hoan-kiem', 'demo', office)).statusCode, 200);
});

test('resetting the password (the unlock) opens the account from every address at once', async () => {
  for (let i = 0; i < rt.deps.config.loginMaxFailures; i++) {
    await signIn('auditor.ha-noi', `sai-${i}`, '203.0.113.12');
  }
  waitOf(await signIn('auditor.ha-noi', 'demo', '203.0.113.12'));
  await resetPassword(
    rt.deps,
    { userId: null, label: 'test' },
    { username: 'auditor.ha-noi', password: 'mat-khau-moi' },
  );
  assert.equal((await signIn('auditor.ha-noi', 'mat-khau-moi', '203.0.113.12')).statusCode, 200);
});

test('an IPv6 client is budgeted by its /64; an IPv4-mapped address as IPv4', () => {
  assert.equal(budgetAddress('2001:db8:1:2:3:4:5:6'), '2001:db8:1:2::/64');
  assert.equal(budgetAddress('2001:db8:1:2::9'), '2001:db8:1:2::/64');
  assert.equal(budgetAddress('2001:0db8::1'), '2001:db8:0:0::/64');
  assert.equal(budgetAddress('::1'), '0:0:0:0::/64');
  assert.equal(budgetAddress('::ffff:203.0.113.9'), '203.0.113.9');
  assert.equal(budgetAddress('203.0.113.9'), '203.0.113.9');
});
