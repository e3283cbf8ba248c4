// What the PAKN tests do over HTTP, once: send one on the portal, upload an attachment, take an action
// with the version just read, read the record and the public view. Bound to the runtime a test file
// creates in its `before` hook, hence the getter.
import assert from 'node:assert/strict';
import type { TestRuntime } from '../../test/db.ts';
import { loginAs, ORIGIN } from '../../test/http.ts';

export const SENDER = {
  fullName: 'Trần Văn Bình',
  phone: '0912345678',
  email: 'binh.tran@example.vn',
  address: 'Số 5 phố Hàng Trống, Phường Hoàn Kiếm, Hà Nội',
};

export const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);

export function feedbackKit(runtime: () => TestRuntime) {
  const cookies = new Map<string, string>();
  const app = () => runtime().app;
  const staff = async (username: string) => {
    if (!cookies.has(username)) cookies.set(username, await loginAs(app(), username));
    return cookies.get(username)!;
  };
  const get = (url: string, cookie?: string) =>
    app().inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
  const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
    app().inject({
      method: 'POST',
      url,
      headers: { origin: ORIGIN, ...headers },
      payload: payload as object,
    });

  /** POST /api/v1/feedback, anonymous unless a cookie is given. */
  const submit = (body: Record<string, unknown>, opts: { cookie?: string; remoteAddress?: string } = {}) =>
    app().inject({
      method: 'POST',
      url: '/api/v1/feedback',
      headers: { origin: ORIGIN, ...(opts.cookie ? { cookie: opts.cookie } : {}) },
      payload: body,
      ...(opts.remoteAddress ? { remoteAddress: opts.remoteAddress } : {}),
    });

  /** POST /api/v1/public/feedback/files as multipart. */
  const upload = (bytes: Buffer, name: string, remoteAddress?: string) => {
    const boundary = '----pakn' + Math.random().toString(16).slice(2);
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return app().inject({
      method: 'POST',
      url: '/api/v1/public/feedback/files',
      headers: { origin: ORIGIN, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload,
      ...(remoteAddress ? { remoteAddress } : {}),
    });
  };

  /** The staff record of a PAKN (must be visible). */
  async function record(username: string, code: string) {
    const res = await get(`/api/v1/feedback/${code}`, await staff(username));
    assert.equal(res.statusCode, 200, res.body);
    return res.json<{ version: number; status: string; may: string[] } & Record<string, unknown>>();
  }

  /** An action with If-Match set to the version `username` reads just before; the answer, whatever it is. */
  async function act(username: string, code: string, action: string, body: Record<string, unknown> = {}) {
    const cookie = await staff(username);
    const current = await get(`/api/v1/feedback/${code}`, cookie);
    const version = current.statusCode === 200 ? current.json<{ version: number }>().version : 0;
    return post(`/api/v1/feedback/${code}/actions/${action}`, body, { cookie, 'if-match': String(version) });
  }

  async function actOk(username: string, code: string, action: string, body: Record<string, unknown> = {}) {
    const res = await act(username, code, action, body);
    assert.equal(res.statusCode, 200, `${action} by ${username}: ${res.body}`);
    return res.json<{ version: number; status: string; may: string[] } & Record<string, unknown>>();
  }

  return { staff, get, post, submit, upload, record, act, actOk, cookies };
}
