// Small helpers for route tests through app.inject().
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import assert from 'node:assert/strict';

export const ORIGIN = 'http://localhost:3000';

export async function loginAs(app: FastifyInstance, username: string, password = 'demo'): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
  });
  assert.equal(res.statusCode, 200, `login ${username}: ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'motcua_session');
  assert.ok(cookie, 'session cookie set');
  return `motcua_session=${cookie.value}`;
}

export function errorOf(res: LightMyRequestResponse): {
  code: string;
  /** The catalogue name of the error (platform/error-catalogue.ts). */
  reason?: string;
  message: string;
  details?: { path: string; message: string }[];
  requestId: string;
} {
  const body = res.json<{ error: ReturnType<typeof errorOf> }>();
  assert.ok(body.error, `expected an error envelope, got ${res.body}`);
  assert.equal(typeof body.error.requestId, 'string');
  return body.error;
}
