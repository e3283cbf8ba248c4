// What the dossier journey tests do over HTTP, once: sign in (sessions kept per user), receive the
// demo birth registration at a desk, upload a file,
// take an action with the version just read, forward to a named officer (taking the step first when it
// is offered), and find a ward's People's Committee. Bound to the runtime a test file creates in its
// `before` hook, hence the getter.
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { TestRuntime } from './db.ts';
import { loginAs, ORIGIN } from './http.ts';
import { signInCitizen } from './citizen.ts';
import { birthAtCounter } from './fixtures.ts';
import { userId } from './seeded.ts';

export function dossierKit(runtime: () => TestRuntime) {
  const cookies = new Map<string, string>();
  const app = () => runtime().app;

  /** A staff member's session cookie (demo password), signed in once. */
  const staff = async (username: string) => {
    if (!cookies.has(username)) cookies.set(username, await loginAs(app(), username));
    return cookies.get(username)!;
  };
  /** A citizen's session cookie, signed in once at the test identity provider (`dev-<id number>`). */
  const citizen = async (sub: string) => {
    if (!cookies.has(sub)) cookies.set(sub, await signInCitizen(app(), sub));
    return cookies.get(sub)!;
  };

  const get = (url: string, cookie?: string) =>
    app().inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

  /** POST /files as multipart: the new file's id. The declared type is not trusted, the bytes are. */
  async function upload(cookie: string, bytes: Buffer, name: string): Promise<string> {
    const boundary = '----motcua' + Math.random().toString(16).slice(2);
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await app().inject({
      method: 'POST',
      url: '/api/v1/files',
      headers: { cookie, origin: ORIGIN, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload,
    });
    assert.equal(res.statusCode, 201, res.body);
    return res.json<{ fileId: string }>().fileId;
  }

  /** An action with If-Match set to the version read just before; the answer, whatever it is. */
  async function act(cookie: string, code: string, action: string, body: Record<string, unknown> = {}) {
    return actWithHeaders(cookie, code, { action, body });
  }

  /** `act` with request headers beside If-Match (e.g. an Idempotency-Key). */
  async function actWithHeaders(
    cookie: string,
    code: string,
    request: { action: string; body?: Record<string, unknown>; headers?: Record<string, string> },
  ) {
    const { action, body = {}, headers = {} } = request;
    const current = await get(`/api/v1/dossiers/${code}`, cookie);
    assert.equal(current.statusCode, 200, current.body);
    return app().inject({
      method: 'POST',
      url: `/api/v1/dossiers/${code}/actions/${action}`,
      headers: {
        cookie,
        origin: ORIGIN,
        'if-match': String(current.json<{ version: number }>().version),
        ...headers,
      },
      payload: body,
    });
  }

  /** An action that must succeed. */
  async function actOk(cookie: string, code: string, action: string, body: Record<string, unknown> = {}) {
    const res = await act(cookie, code, action, body);
    assert.equal(res.statusCode, 200, `${action}: ${res.body}`);
    return res;
  }

  /** The step moves on to `nextUser` (named when the step asks for the next handler). */
  async function forward(cookie: string, code: string, nextUser: string): Promise<void> {
    const offered = (await get(`/api/v1/dossiers/${code}/actions`, cookie)).json<{
      items: { kind: string; inputs: { properties?: Record<string, unknown> } }[];
    }>().items;
    if (offered.some((a) => a.kind === 'claim')) await actOk(cookie, code, 'claim');
    const fwd = offered.find((a) => a.kind === 'forward');
    assert.ok(fwd, JSON.stringify(offered.map((a) => a.kind)));
    const next = await userId(runtime().deps.db, nextUser);
    const body =
      fwd.inputs.properties && 'nextAssigneeId' in fwd.inputs.properties ? { nextAssigneeId: next } : {};
    await actOk(cookie, code, 'forward', body);
  }

  /**
   * A birth registration (1.001193) for Nguyễn Thị Hường received at `desk`'s counter for `agencyCode`,
   * with the two papers handed in as originals: its code.
   */
  async function receiveBirth(agencyCode: string, desk = 'desk.hang-trong'): Promise<string> {
    return (await receiveBirthAt(app(), await staff(desk), agencyCode)).code;
  }

  return { staff, citizen, get, upload, act, actWithHeaders, actOk, forward, receiveBirth };
}

/** POST a birth registration (`birthAtCounter`) as the desk whose session is `cookie`; must be received. */
export async function receiveBirthAt(
  app: FastifyInstance,
  cookie: string,
  agencyCode: string,
): Promise<{ code: string; version: number }> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    headers: { cookie, origin: ORIGIN },
    payload: birthAtCounter(agencyCode),
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json<{ code: string; version: number }>();
}
