import { afterEach, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  ApiError,
  apiErrorOf,
  apiGet,
  apiPatch,
  apiPostFile,
  apiPostOnce,
  apiRequest,
  endsSession,
  parseRetryAfter,
  setUnauthorizedHandler,
  withQuery,
} from './http.ts';

describe('apiErrorOf, the one envelope parser', () => {
  it('reads every field of the envelope, and keeps the fields beyond them', () => {
    const error = apiErrorOf(422, {
      error: {
        code: 'DOSSIER_INCOMPLETE',
        message: 'Hồ sơ chưa đủ',
        details: [{ path: 'body/idNumber', message: 'Sai số', code: 'pattern' }],
        requestId: 'req-1',
        dossierCode: 'H01.01-251206-0001',
        slip: 'supplement-request',
      },
    });
    assert.ok(error instanceof ApiError);
    assert.equal(error.status, 422);
    assert.equal(error.code, 'DOSSIER_INCOMPLETE');
    assert.equal(error.message, 'Hồ sơ chưa đủ');
    assert.deepEqual(error.details, [{ path: 'body/idNumber', message: 'Sai số', code: 'pattern' }]);
    assert.equal(error.requestId, 'req-1');
    assert.deepEqual(error.extra, { dossierCode: 'H01.01-251206-0001', slip: 'supplement-request' });
    assert.equal(error.retryAfterSeconds, null);
  });

  it('describes a body that is not the envelope by its status alone', () => {
    for (const body of [null, 'Bad Gateway', { message: 'x' }, { error: 'x' }, { error: null }, []]) {
      const error = apiErrorOf(502, body);
      assert.equal(error.code, 'INTERNAL_ERROR');
      assert.equal(error.message, '');
      assert.deepEqual(error.details, []);
      assert.equal(error.requestId, null);
      assert.deepEqual(error.extra, {});
    }
  });

  it('keeps a code without a message, and drops details that are not { path, message }', () => {
    const error = apiErrorOf(400, {
      error: { code: 'VALIDATION_ERROR', details: [{ path: 'a', message: 'b' }, { path: 1 }, 'c'] },
    });
    assert.equal(error.code, 'VALIDATION_ERROR');
    assert.equal(error.message, '');
    assert.deepEqual(error.details, [{ path: 'a', message: 'b' }]);
  });

  it('reads Retry-After', () => {
    assert.equal(apiErrorOf(429, null, '30').retryAfterSeconds, 30);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds, and refuses what is not a delay', () => {
    assert.equal(parseRetryAfter('0'), 0);
    assert.equal(parseRetryAfter('120'), 120);
    assert.equal(parseRetryAfter(null), null);
    assert.equal(parseRetryAfter(''), null);
    assert.equal(parseRetryAfter('-5'), null);
    assert.equal(parseRetryAfter('soon'), null);
  });

  it('reads an HTTP date as seconds from now, whatever the time zone of the machine', () => {
    const now = Date.UTC(2026, 11, 6, 7, 27, 0);
    assert.equal(parseRetryAfter('Sun, 06 Dec 2026 07:28:00 GMT', now), 60);
    // Already past: no wait, never a negative one.
    assert.equal(parseRetryAfter('Sun, 06 Dec 2026 07:00:00 GMT', now), 0);
  });
});

describe('withQuery', () => {
  it('leaves out empty and undefined values and encodes the rest', () => {
    assert.equal(
      withQuery('/a', { q: 'Nguyễn Văn A', page: 2, x: undefined, y: '' }),
      '/a?q=Nguy%E1%BB%85n+V%C4%83n+A&page=2',
    );
    assert.equal(withQuery('/a', { x: undefined }), '/a');
  });
});

describe('endsSession', () => {
  it('a 401 ends the staff session except on the sign-in endpoints', () => {
    assert.equal(endsSession('staff', '/api/v1/dossiers?page=2'), true);
    assert.equal(endsSession('staff', '/api/v1/auth/me'), false);
    assert.equal(endsSession('staff', '/api/v1/auth/login'), false);
  });
  it('a 401 ends the citizen session except when asking who is signed in', () => {
    assert.equal(endsSession('citizen', '/api/v1/portal/dossiers'), true);
    assert.equal(endsSession('citizen', '/api/v1/citizen/me'), false);
    assert.equal(endsSession('citizen', '/api/v1/citizen/me?x=1'), false);
  });
});

type Call = { url: string; init: RequestInit };

describe('apiRequest', () => {
  const realFetch = globalThis.fetch;
  let calls: Call[];
  let answer: () => Promise<Response>;
  let ended: string[];

  beforeEach(() => {
    calls = [];
    ended = [];
    answer = () => Promise.resolve(Response.json({ ok: true }));
    globalThis.fetch = (url: string | URL | Request, init?: RequestInit) => {
      const href = typeof url === 'string' ? url : url instanceof URL ? url.href : url.url;
      calls.push({ url: href, init: init ?? {} });
      return answer();
    };
    setUnauthorizedHandler((path) => ended.push(`staff ${path}`), 'staff');
    setUnauthorizedHandler((path) => ended.push(`citizen ${path}`), 'citizen');
  });
  afterEach(() => {
    globalThis.fetch = realFetch;
    setUnauthorizedHandler(() => {}, 'staff');
    setUnauthorizedHandler(() => {}, 'citizen');
  });

  it('sends JSON on the same origin, a content type only with a body', async () => {
    assert.deepEqual(await apiGet('/api/v1/x', { page: 2 }), { ok: true });
    const get = calls[0]!;
    assert.equal(get.url, '/api/v1/x?page=2');
    assert.equal(get.init.method, 'GET');
    assert.equal(get.init.credentials, 'same-origin');
    assert.equal(get.init.body, null);
    assert.deepEqual(get.init.headers, { accept: 'application/json' });

    await apiPostOnce('/api/v1/y', undefined, 'key-1');
    const post = calls[1]!;
    assert.equal(post.init.body, '{}');
    assert.deepEqual(post.init.headers, {
      accept: 'application/json',
      'content-type': 'application/json',
      'idempotency-key': 'key-1',
    });
  });

  it('sends a file as its own bytes with its content type, and PATCH as JSON', async () => {
    const file = new Blob(['Mã định danh;Tên cơ quan\n'], { type: 'text/plain' });
    await apiPostFile('/api/v1/agencies/import/dry-run', file, 'text/csv');
    const sent = calls[0]!;
    assert.equal(sent.init.method, 'POST');
    assert.equal(sent.init.body, file);
    assert.deepEqual(sent.init.headers, { accept: 'application/json', 'content-type': 'text/csv' });
    await apiPatch('/api/v1/agencies/H26.101', { name: 'X' });
    assert.equal(calls[1]!.init.method, 'PATCH');
    assert.equal(calls[1]!.init.body, '{"name":"X"}');
  });

  it('answers undefined for 204', async () => {
    answer = () => Promise.resolve(new Response(null, { status: 204 }));
    assert.equal(await apiRequest('POST', '/api/v1/z', { body: {} }), undefined);
  });

  it('throws the envelope as an ApiError, and a 401 ends only the session that asked', async () => {
    answer = () =>
      Promise.resolve(
        Response.json(
          { error: { code: 'UNAUTHENTICATED', message: 'Hết phiên', requestId: 'r' } },
          { status: 401 },
        ),
      );
    await assert.rejects(
      apiGet('/api/v1/dossiers'),
      (e: unknown) => e instanceof ApiError && e.code === 'UNAUTHENTICATED',
    );
    await assert.rejects(apiRequest('GET', '/api/v1/portal/dossiers', { as: 'citizen' }));
    await assert.rejects(apiGet('/api/v1/auth/me'));
    await assert.rejects(apiRequest('GET', '/api/v1/citizen/me', { as: 'citizen' }));
    assert.deepEqual(ended, ['staff /api/v1/dossiers', 'citizen /api/v1/portal/dossiers']);
  });

  it('a non-JSON failure is described by its status', async () => {
    answer = () => Promise.resolve(new Response('<html>Bad gateway</html>', { status: 502 }));
    await assert.rejects(
      apiGet('/api/v1/x'),
      (e: unknown) => e instanceof ApiError && e.status === 502 && e.code === 'INTERNAL_ERROR',
    );
  });

  it('an unreachable server is NETWORK_ERROR, an abort stays an abort', async () => {
    answer = () => Promise.reject(new TypeError('fetch failed'));
    await assert.rejects(
      apiGet('/api/v1/x'),
      (e: unknown) => e instanceof ApiError && e.status === 0 && e.code === 'NETWORK_ERROR',
    );
    answer = () => Promise.reject(new DOMException('aborted', 'AbortError'));
    await assert.rejects(
      apiGet('/api/v1/x'),
      (e: unknown) => e instanceof DOMException && e.name === 'AbortError',
    );
  });
});
