// Citizen sign-in for route tests: the development identity provider on real HTTP, the app through
// app.inject() (the provider redirects the "browser" — this helper — back to the callback).
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { startDevIdentityProvider, type DevIdp } from '../../simulator/identity-provider.ts';
import type { Config } from '../config.ts';

export const TEST_OIDC_CLIENT = { clientId: 'motcua-test', clientSecret: 'motcua-test-secret' };

/** Starts a development provider for the test's app and the config that points the app at it. */
export async function startTestIdp(publicUrl = 'http://localhost:3000'): Promise<{
  idp: DevIdp;
  config: (base: Config['oidc']) => Partial<Config>;
}> {
  const idp = await startDevIdentityProvider({
    port: 0,
    clients: [{ ...TEST_OIDC_CLIENT, redirectUris: [`${publicUrl}/api/v1/citizen/callback`] }],
  });
  return {
    idp,
    config: (base) => ({ oidc: { ...base, issuer: idp.url, ...TEST_OIDC_CLIENT } }),
  };
}

/** Runs the provider's authorization step: returns the callback path and query the browser would follow. */
export async function authorizeAtIdp(authorizeUrl: string, choice: Record<string, string>): Promise<string> {
  const url = new URL(authorizeUrl);
  const page = await fetch(url);
  assert.equal(page.status, 200, await page.text());
  const form = new URLSearchParams(url.searchParams);
  for (const [k, v] of Object.entries(choice)) form.set(k, v);
  const res = await fetch(`${url.origin}/authorize`, { method: 'POST', body: form, redirect: 'manual' });
  assert.equal(res.status, 302, await res.text());
  const back = new URL(res.headers.get('location')!);
  return back.pathname + back.search;
}

/** Signs a demo citizen in (by the provider's `sub`, e.g. dev-001190012345) and returns the cookie header. */
export async function signInCitizen(app: FastifyInstance, sub: string, next = '/'): Promise<string> {
  const start = await app.inject({
    method: 'GET',
    url: `/api/v1/citizen/sign-in?next=${encodeURIComponent(next)}`,
  });
  assert.equal(start.statusCode, 302, start.body);
  const callback = await authorizeAtIdp(start.headers.location as string, { pick: sub });
  const done = await app.inject({ method: 'GET', url: callback });
  assert.equal(done.statusCode, 302, done.body);
  const cookie = done.cookies.find((c) => c.name === 'motcua_citizen');
  assert.ok(cookie, `citizen cookie set (redirected to ${String(done.headers.location)})`);
  return `motcua_citizen=${cookie.value}`;
}
