// Citizen sign-in through the development identity provider, on real HTTP, as the national one works.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, type TestRuntime } from '../../test/db.ts';
import { authorizeAtIdp, signInCitizen, startTestIdp } from '../../test/citizen.ts';
import { testConfig } from '../../test/template.ts';
import type { DevIdp } from '../../../simulator/identity-provider.ts';
import { AppError } from '../../platform/errors.ts';
import { failureCause, startSignIn } from './citizens.service.ts';

let rt: TestRuntime;
let idp: DevIdp;

before(async () => {
  const started = await startTestIdp();
  idp = started.idp;
  rt = await createTestRuntime({ config: started.config(testConfig(null).oidc) });
});
after(async () => {
  await rt.close();
  await idp.close();
});

test('a citizen signs in with the identity provider and the account carries the vouched name and ID number', async () => {
  const cookie = await signInCitizen(rt.app, 'dev-001190012345', '/cong-dich-vu-cong/ho-so-cua-toi');
  const me = await rt.app.inject({ method: 'GET', url: '/api/v1/citizen/me', headers: { cookie } });
  assert.equal(me.statusCode, 200, me.body);
  assert.deepEqual(me.json(), {
    citizen: {
      fullName: 'Nguyễn Thị Hường',
      idNumberMasked: '••••••••2345',
      idNumber: '001190012345',
      birthDate: '1990-05-14',
      phone: '0912345678',
      email: 'huong@example.vn',
    },
  });
  const row = await rt.deps.db.selectFrom('citizens').selectAll().executeTakeFirstOrThrow();
  assert.equal(row.id_number, '001190012345');
  assert.equal(row.issuer, idp.url);
  // A citizen is not staff.
  const staffOnly = await rt.app.inject({ method: 'GET', url: '/api/v1/dossiers', headers: { cookie } });
  assert.equal(staffOnly.statusCode, 401);
  const out = await rt.app.inject({
    method: 'POST',
    url: '/api/v1/citizen/sign-out',
    headers: { cookie, origin: 'http://localhost:3000' },
  });
  assert.equal(out.statusCode, 204);
  const gone = await rt.app.inject({ method: 'GET', url: '/api/v1/citizen/me', headers: { cookie } });
  assert.equal(gone.statusCode, 401);
});

test('the callback returns to the page the citizen came from, never to another site', async () => {
  for (const [next, expected] of [
    ['/thu-tuc/1.001193', '/thu-tuc/1.001193'],
    ['//evil.example/x', '/'],
    ['https://evil.example/', '/'],
  ] as const) {
    const start = await rt.app.inject({
      method: 'GET',
      url: `/api/v1/citizen/sign-in?next=${encodeURIComponent(next)}`,
    });
    const callback = await authorizeAtIdp(start.headers.location as string, { pick: 'dev-001085004321' });
    const done = await rt.app.inject({ method: 'GET', url: callback });
    assert.equal(done.headers.location, expected);
  }
});

test('the authorization request asks for PKCE, a state and a nonce', async () => {
  const start = await rt.app.inject({ method: 'GET', url: '/api/v1/citizen/sign-in' });
  const url = new URL(start.headers.location as string);
  assert.equal(url.origin, idp.url);
  assert.equal(url.searchParams.get('code_challenge_method'), 'S256');
  for (const p of ['code_challenge', 'state', 'nonce']) assert.ok(url.searchParams.get(p), p);
  assert.equal(url.searchParams.get('redirect_uri'), 'http://localhost:3000/api/v1/citizen/callback');
});

test('a forged, replayed or cancelled callback opens no session', async () => {
  const start = await rt.app.inject({ method: 'GET', url: '/api/v1/citizen/sign-in' });
  const callback = await authorizeAtIdp(start.headers.location as string, { pick: 'dev-079190001122' });
  const forged = callback.replace(/state=[^&]+/, 'state=forged-state-value');
  for (const url of [forged, '/api/v1/citizen/callback?code=x&state=y', '/api/v1/citizen/callback']) {
    const res = await rt.app.inject({ method: 'GET', url });
    assert.equal(res.statusCode, 302, res.body);
    assert.match(String(res.headers.location), /^\/cong-dich-vu-cong\/dang-nhap\?loi=UNAUTHENTICATED$/);
    assert.equal(res.cookies.length, 0);
  }
  const ok = await rt.app.inject({ method: 'GET', url: callback });
  assert.ok(ok.cookies.some((c) => c.name === 'motcua_citizen'));
  const replay = await rt.app.inject({ method: 'GET', url: callback });
  assert.match(String(replay.headers.location), /loi=UNAUTHENTICATED/);
  assert.equal(replay.cookies.length, 0);

  const denied = await rt.app.inject({ method: 'GET', url: '/api/v1/citizen/sign-in' });
  const back = await authorizeAtIdp(denied.headers.location as string, { deny: '1' });
  const res = await rt.app.inject({ method: 'GET', url: back });
  assert.match(String(res.headers.location), /loi=UNAUTHENTICATED/);
});

test('a typed identity without a 12-digit number is refused by the provider page', async () => {
  const start = await rt.app.inject({ method: 'GET', url: '/api/v1/citizen/sign-in' });
  const url = new URL(start.headers.location as string);
  const form = new URLSearchParams(url.searchParams);
  form.set('name', 'Phạm Văn Tư');
  form.set('citizen_id', '12345');
  const res = await fetch(`${url.origin}/authorize`, { method: 'POST', body: form, redirect: 'manual' });
  assert.equal(res.status, 400);
  assert.match(await res.text(), /12 chữ số/);
});

test('the portal says where citizens apply; in national mode online submission here is refused', async () => {
  const local = await rt.app.inject({ method: 'GET', url: '/api/v1/portal/settings' });
  assert.equal(local.statusCode, 200);
  assert.deepEqual(local.json(), {
    mode: 'local',
    nationalProcedureUrl: 'https://dichvucong.gov.vn/p/home/dvc-tim-kiem-thu-tuc.html?keyword={code}',
    citizenSignIn: true,
  });
  const base = testConfig(null);
  const national = await createTestRuntime({
    config: {
      oidc: { ...base.oidc, issuer: idp.url, clientId: 'motcua-test', clientSecret: 'motcua-test-secret' },
      citizenPortal: { ...base.citizenPortal, mode: 'national' },
    },
  });
  try {
    const settings = await national.app.inject({ method: 'GET', url: '/api/v1/portal/settings' });
    assert.equal(settings.json<{ mode: string }>().mode, 'national');
    const cookie = await signInCitizen(national.app, 'dev-001190012345');
    const res = await national.app.inject({
      method: 'POST',
      url: '/api/v1/portal/dossiers',
      headers: { cookie, origin: 'http://localhost:3000' },
      payload: {
        procedureCode: '1.001193',
        agencyCode: '000.00.22.H26',
        applicant: { kind: 'person', phone: '0912345678' },
        formData: {},
        components: [],
      },
    });
    assert.equal(res.statusCode, 409, res.body);
    assert.match(res.json<{ error: { message: string } }>().error.message, /Cổng Dịch vụ công quốc gia/);
  } finally {
    await national.close();
  }
});

test('an identity provider that cannot be reached sends the browser to the sign-in page with SERVICE_UNAVAILABLE', async () => {
  // A provider that was there and is gone: its port refuses connections.
  const gone = await startTestIdp();
  await gone.idp.close();
  const down = await createTestRuntime({ config: gone.config(testConfig(null).oidc) });
  try {
    const res = await down.app.inject({
      method: 'GET',
      url: `/api/v1/citizen/sign-in?next=${encodeURIComponent('/cong-dich-vu-cong/nop-ho-so/1.001193')}`,
    });
    assert.equal(res.statusCode, 303, res.body);
    assert.equal(
      res.headers.location,
      '/cong-dich-vu-cong/dang-nhap?loi=SERVICE_UNAVAILABLE&next=%2Fcong-dich-vu-cong%2Fnop-ho-so%2F1.001193',
    );
    assert.equal(res.cookies.length, 0);
    // Nothing is half-started: no sign-in flow was stored.
    assert.equal((await down.deps.db.selectFrom('oidc_sign_ins').selectAll().execute()).length, 0);
    // An unsafe `next` is dropped, not carried to the page.
    const evil = await down.app.inject({
      method: 'GET',
      url: `/api/v1/citizen/sign-in?next=${encodeURIComponent('//evil.example/')}`,
    });
    assert.equal(evil.headers.location, '/cong-dich-vu-cong/dang-nhap?loi=SERVICE_UNAVAILABLE');
    // The cause is kept for the log: the refused connection, not a generic message.
    const failure = await startSignIn(down.deps, undefined).then(
      () => assert.fail('sign-in started without a provider'),
      (err: unknown) => err,
    );
    assert.ok(failure instanceof AppError);
    assert.equal(failure.code, 'SERVICE_UNAVAILABLE');
    assert.match(failureCause(failure.cause) ?? '', /ECONNREFUSED/);
  } finally {
    await down.close();
  }
  // The provider of the other tests still works: the failure was not cached.
  const start = await rt.app.inject({ method: 'GET', url: '/api/v1/citizen/sign-in' });
  assert.equal(start.statusCode, 302);
});
