import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, manualClock, type TestRuntime } from '../../test/db.ts';
import { ORIGIN, errorOf, loginAs } from '../../test/http.ts';

let rt: TestRuntime;
const clock = manualClock('2026-11-20T02:00:00Z');
before(async () => {
  rt = await createTestRuntime({ clock });
});
after(() => rt.close());

test('a desk officer signs in and gets an httpOnly, SameSite=Lax session cookie and their roles', async () => {
  const res = await rt.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: 'desk.hang-trong', password: 'demo' },
  });
  assert.equal(res.statusCode, 200);
  const { user } = res.json<{
    user: { username: string; fullName: string; roles: { role: string; unitCode: string }[] };
  }>();
  assert.equal(user.username, 'desk.hang-trong');
  assert.deepEqual(
    user.roles.map((r) => [r.role, r.unitCode]),
    [['desk-officer', '00070']],
  );
  const cookie = res.cookies.find((c) => c.name === 'motcua_session')!;
  assert.equal(cookie.httpOnly, true);
  assert.equal(cookie.sameSite, 'Lax');
  assert.equal(cookie.secure, undefined);
  assert.equal(res.headers['x-content-type-options'], 'nosniff');
  assert.ok(String(res.headers['content-security-policy']).includes("default-src 'self'"));
});

test('unknown user and wrong password get the same answer', async () => {
  const a = await rt.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: 'nobody.here', password: 'x' },
  });
  const b = await rt.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: 'leader.hang-trong', password: 'wrong' },
  });
  assert.equal(a.statusCode, 401);
  assert.equal(b.statusCode, 401);
  assert.equal(errorOf(a).code, 'INVALID_CREDENTIALS');
  assert.equal(errorOf(a).message, errorOf(b).message);
});

test('me, then logout ends the session', async () => {
  const cookie = await loginAs(rt.app, 'leader.hoan-kiem');
  const me = await rt.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
  assert.equal(me.statusCode, 200);
  assert.equal(me.json<{ user: { username: string } }>().user.username, 'leader.hoan-kiem');
  const out = await rt.app.inject({
    method: 'POST',
    url: '/api/v1/auth/logout',
    headers: { cookie, origin: ORIGIN },
  });
  assert.equal(out.statusCode, 204);
  const again = await rt.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
  assert.equal(again.statusCode, 401);
  assert.equal(errorOf(again).code, 'UNAUTHENTICATED');
});

test('five failures from one address make that address wait, even with the right password; it signs in after the wait', async () => {
  for (let i = 0; i < 5; i++) {
    const r = await rt.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'desk.hang-bac', password: `bad${i}` },
    });
    assert.equal(r.statusCode, 401);
  }
  const locked = await rt.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: 'desk.hang-bac', password: 'demo' },
  });
  assert.equal(locked.statusCode, 429);
  assert.equal(errorOf(locked).code, 'TOO_MANY_REQUESTS');
  assert.ok(Number(locked.headers['retry-after']) > 0);
  clock.advance(Number(locked.headers['retry-after']) * 1000);
  await loginAs(rt.app, 'desk.hang-bac');
});

test('CSRF: a cookie-authenticated write from another site is refused; same origin and Bearer clients pass', async () => {
  const cookie = await loginAs(rt.app, 'specialist.hang-trong');
  const create = (headers: Record<string, string>) =>
    rt.injectBare({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      headers: { cookie, ...headers },
      payload: { name: 'csrf' },
    });
  const evil = await create({ origin: 'https://evil.example' });
  assert.equal(evil.statusCode, 403);
  assert.equal(errorOf(evil).code, 'CSRF_REJECTED');
  const crossSite = await create({ 'sec-fetch-site': 'cross-site' });
  assert.equal(crossSite.statusCode, 403);
  const sameSite = await create({ 'sec-fetch-site': 'same-site', origin: 'https://other.localhost' });
  assert.equal(sameSite.statusCode, 403);
  assert.equal((await create({ origin: ORIGIN, 'sec-fetch-site': 'same-origin' })).statusCode, 201);
  assert.equal((await create({ origin: ORIGIN })).statusCode, 201);
  assert.equal((await create({ 'sec-fetch-site': 'same-origin' })).statusCode, 201);
  const loginCsrf = await rt.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    headers: { origin: 'https://evil.example' },
    payload: { username: 'desk.hang-trong', password: 'demo' },
  });
  assert.equal(loginCsrf.statusCode, 403);
});

test('#20.13 a write with a session cookie and neither Origin nor Sec-Fetch-Site is refused; a Bearer client needs neither', async () => {
  const cookie = await loginAs(rt.app, 'specialist.hang-trong');
  const bare = await rt.injectBare({
    method: 'POST',
    url: '/api/v1/auth/tokens',
    headers: { cookie },
    payload: { name: 'khong-nguon' },
  });
  assert.equal(bare.statusCode, 403);
  assert.equal(errorOf(bare).code, 'CSRF_REJECTED');
  const logout = await rt.injectBare({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } });
  assert.equal(logout.statusCode, 403);
  const created = await rt.injectBare({
    method: 'POST',
    url: '/api/v1/auth/tokens',
    headers: { cookie, origin: ORIGIN },
    payload: { name: 'tich-hop' },
  });
  const { token } = created.json<{ token: string }>();
  const bearer = await rt.injectBare({
    method: 'POST',
    url: '/api/v1/auth/tokens',
    headers: { authorization: `Bearer ${token}` },
    payload: { name: 'tu-tich-hop' },
  });
  assert.equal(bearer.statusCode, 201);
  // A sign-in carries no session yet: a script signs in without the headers.
  const login = await rt.injectBare({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: 'desk.hang-trong', password: 'demo' },
  });
  assert.equal(login.statusCode, 200);
});

test('API tokens: shown once, stored hashed, work as Bearer, revocable', async () => {
  const cookie = await loginAs(rt.app, 'desk.quan-3');
  const created = await rt.app.inject({
    method: 'POST',
    url: '/api/v1/auth/tokens',
    headers: { cookie },
    payload: { name: 'Kiosk Quận 3', expiresInDays: 30 },
  });
  assert.equal(created.statusCode, 201);
  const { token, item } = created.json<{ token: string; item: { id: string; name: string } }>();
  assert.match(token, /^mct_[A-Za-z0-9_-]{43}$/);
  const stored = await rt.deps.db
    .selectFrom('api_tokens')
    .select('token_hash')
    .where('api_token_id', '=', item.id)
    .executeTakeFirstOrThrow();
  assert.notEqual(stored.token_hash, token);
  assert.ok(!stored.token_hash.includes(token.slice(4)));

  const bearer = { authorization: `Bearer ${token}` };
  const me = await rt.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer });
  assert.equal(me.json<{ user: { username: string } }>().user.username, 'desk.quan-3');
  // A Bearer write from a browser context is not a CSRF risk: the browser never adds the header by itself.
  const list = await rt.app.inject({ method: 'GET', url: '/api/v1/auth/tokens', headers: bearer });
  assert.equal(list.json<{ items: { name: string }[] }>().items[0]!.name, 'Kiosk Quận 3');
  assert.ok(!list.body.includes(token));

  const revoke = await rt.app.inject({
    method: 'DELETE',
    url: `/api/v1/auth/tokens/${item.id}`,
    headers: bearer,
  });
  assert.equal(revoke.statusCode, 204);
  const after = await rt.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer });
  assert.equal(after.statusCode, 401);
  const bogus = await rt.app.inject({
    method: 'GET',
    url: '/api/v1/auth/me',
    headers: { authorization: 'Bearer mct_nope' },
  });
  assert.equal(bogus.statusCode, 401);
});

test('an expired session is refused', async () => {
  const cookie = await loginAs(rt.app, 'leader.quan-3');
  clock.advance(13 * 3_600_000);
  const me = await rt.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
  assert.equal(me.statusCode, 401);
});
