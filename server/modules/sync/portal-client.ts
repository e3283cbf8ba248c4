// With portal-adapter.ts (the formats), the one code that knows the national portal's (Cổng DVCQG)
// endpoints: the HTTP client, its base URL, credentials and signing from configuration. A province
// whose endpoints differ changes PATHS here and nowhere else.
import { createHash, createHmac } from 'node:crypto';
import type { PortalConfig } from '../../config.ts';
import type { E1Record } from './portal-adapter.ts';

/** Endpoint paths under PORTAL_BASE_URL. The query path is the simulator's (see the doc). */
export const PATHS = {
  sync: '/api/v1/hoso/dongbo',
  inboundList: '/api/v1/hoso/tructuyen',
  inboundAck: '/api/v1/hoso/tructuyen/xacnhan',
  /** PAKN sent on the national portal (issue #18; the simulator's feed, simulator/feedback-feed.ts). */
  feedbackList: '/api/v1/pakn',
  feedbackAck: '/api/v1/pakn/xacnhan',
  query: (code: string) => `/_sim/dossiers/${encodeURIComponent(code)}`,
} as const;

export const E1_SERVICE = 'DongBoHoSoMC';
/** The portal takes at most 10 dossiers per sync request (legal-notes §5 E1). */
export const E1_MAX_BATCH = 10;

export const PORTAL_ERROR_KINDS = [
  'timeout',
  'connection',
  'http',
  'rejected',
  'unauthorised',
  'invalid-answer',
  'aborted',
] as const;
export type PortalErrorKind = (typeof PORTAL_ERROR_KINDS)[number];

export class PortalError extends Error {
  readonly kind: PortalErrorKind;
  constructor(kind: PortalErrorKind, message: string) {
    super(message);
    this.name = 'PortalError';
    this.kind = kind;
  }
}

export type PortalDossierView = { code: string; statusCode: number; updatedAt: string | null };

export type InboundPage = { records: unknown[]; nextCursor: string | null };

export type PortalClient = {
  readonly baseUrl: string;
  /** E1: one request for ≤ 10 records; resolves when the portal answers error_code "0". */
  pushStatuses: (
    records: E1Record[],
    messageIds: string[],
    options: { isUpdating: boolean; signal?: AbortSignal },
  ) => Promise<void>;
  /** The portal's view of one dossier; null when it holds none. */
  queryDossier: (code: string, signal?: AbortSignal) => Promise<PortalDossierView | null>;
  listInbound: (cursor: string | null, limit: number, signal?: AbortSignal) => Promise<InboundPage>;
  ackInbound: (codes: string[], signal?: AbortSignal) => Promise<void>;
  listFeedback: (cursor: string | null, limit: number, signal?: AbortSignal) => Promise<InboundPage>;
  ackFeedback: (codes: string[], signal?: AbortSignal) => Promise<void>;
};

export type PortalSettings = Omit<PortalConfig, 'baseUrl'> & { baseUrl: string };

/** Authentication headers for one request (docs/integration/national-portal.md, "Authentication"). */
export function authHeaders(
  settings: Pick<PortalSettings, 'auth' | 'secret'>,
  request: { method: string; pathAndQuery: string; body: string; nowMs?: number },
): Record<string, string> {
  const { method, pathAndQuery, body, nowMs = Date.now() } = request;
  if (settings.auth === 'header') return { 'x-api-key': settings.secret };
  const timestamp = String(Math.floor(nowMs / 1000));
  const bodyHash = createHash('sha256').update(body).digest('hex');
  const signature = createHmac('sha256', settings.secret)
    .update(`${timestamp}\n${method.toUpperCase()}\n${pathAndQuery}\n${bodyHash}`)
    .digest('hex');
  return { 'x-timestamp': timestamp, 'x-signature': signature };
}

type Answer = { status: number; body: Record<string, unknown> | null };

export function createPortalClient(settings: PortalSettings, fetchImpl: typeof fetch = fetch): PortalClient {
  const base = settings.baseUrl.replace(/\/+$/, '');

  async function call(
    method: 'GET' | 'POST',
    pathAndQuery: string,
    options: { body?: unknown; signal?: AbortSignal | undefined; headers?: Record<string, string> } = {},
  ) {
    const { body, signal, headers: extraHeaders = {} } = options;
    const text = body === undefined ? '' : JSON.stringify(body);
    const headers: Record<string, string> = {
      accept: 'application/json',
      ...authHeaders(settings, { method, pathAndQuery, body: text }),
    };
    if (body !== undefined) headers['content-type'] = 'application/json';
    Object.assign(headers, extraHeaders);
    const timeout = AbortSignal.timeout(settings.timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    const failure = (err: unknown): PortalError => {
      if (timeout.aborted) return new PortalError('timeout', `no answer within ${settings.timeoutMs} ms`);
      if (signal?.aborted) return new PortalError('aborted', 'stopped');
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      return new PortalError(
        'connection',
        `connection failed: ${cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err))}`,
      );
    };
    let res: Response;
    let raw: string;
    try {
      res = await fetchImpl(`${base}${pathAndQuery}`, {
        method,
        headers,
        ...(body !== undefined ? { body: text } : {}),
        signal: combined,
      });
      raw = await res.text();
    } catch (err) {
      throw failure(err);
    }
    let parsed: Record<string, unknown> | null;
    try {
      const v: unknown = raw === '' ? null : JSON.parse(raw);
      parsed =
        typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
    } catch {
      parsed = null;
    }
    return { status: res.status, body: parsed } satisfies Answer;
  }

  /** error_code "0" in a 2xx answer is success; anything else is a PortalError. */
  function expectOk(answer: Answer, what: string): Record<string, unknown> {
    if (answer.status === 401 || answer.status === 403)
      throw new PortalError('unauthorised', `${what}: HTTP ${answer.status} (credentials refused)`);
    if (answer.status < 200 || answer.status >= 300) {
      const message = typeof answer.body?.message === 'string' ? `: ${answer.body.message}` : '';
      throw new PortalError('http', `${what}: HTTP ${answer.status}${message}`);
    }
    if (!answer.body || typeof answer.body.error_code !== 'string')
      throw new PortalError('invalid-answer', `${what}: the answer has no error_code`);
    if (answer.body.error_code !== '0') {
      const extra = Array.isArray(answer.body.errors)
        ? ` (${answer.body.errors.slice(0, 3).join('; ')})`
        : '';
      throw new PortalError(
        'rejected',
        `${what}: error_code ${answer.body.error_code}: ${typeof answer.body.message === 'string' ? answer.body.message : ''}${extra}`,
      );
    }
    return answer.body;
  }

  return {
    baseUrl: base,
    pushStatuses: async (records, messageIds, options) => {
      if (records.length === 0) return;
      if (records.length > E1_MAX_BATCH) throw new Error(`at most ${E1_MAX_BATCH} records per request`);
      if (messageIds.length !== records.length) throw new Error('one message id per record');
      if (messageIds.some((id) => !/^[A-Za-z0-9._:-]{1,100}$/.test(id)))
        throw new Error('invalid message id');
      const answer = await call('POST', PATHS.sync, {
        body: { service: E1_SERVICE, isUpdating: options.isUpdating, data: records },
        signal: options.signal,
        // One id per record, stable across retries: the portal's key for deduplication (assumed).
        headers: { 'x-message-ids': messageIds.join(',') },
      });
      expectOk(answer, 'DongBoHoSoMC');
    },
    queryDossier: async (code, signal) => {
      const answer = await call('GET', PATHS.query(code), { signal });
      if (answer.status === 404) return null;
      if (answer.status < 200 || answer.status >= 300 || !answer.body)
        throw new PortalError('http', `query ${code}: HTTP ${answer.status}`);
      const status = answer.body.TrangThaiHoSo;
      if (typeof status !== 'number')
        throw new PortalError('invalid-answer', `query ${code}: no TrangThaiHoSo`);
      return {
        code,
        statusCode: status,
        updatedAt: typeof answer.body.updatedAt === 'string' ? answer.body.updatedAt : null,
      };
    },
    listInbound: async (cursor, limit, signal) => {
      const q = new URLSearchParams({ limit: String(limit) });
      if (cursor !== null) q.set('cursor', cursor);
      const body = expectOk(await call('GET', `${PATHS.inboundList}?${q.toString()}`, { signal }), 'E2 list');
      if (!Array.isArray(body.data)) throw new PortalError('invalid-answer', 'E2 list: no data list');
      return {
        records: body.data as unknown[],
        nextCursor: typeof body.nextCursor === 'string' && body.nextCursor !== '' ? body.nextCursor : null,
      };
    },
    ackInbound: async (codes, signal) => {
      if (codes.length === 0) return;
      expectOk(await call('POST', PATHS.inboundAck, { body: { MaHoSo: codes }, signal }), 'E2 ack');
    },
    listFeedback: async (cursor, limit, signal) => {
      const q = new URLSearchParams({ limit: String(limit) });
      if (cursor !== null) q.set('cursor', cursor);
      const body = expectOk(
        await call('GET', `${PATHS.feedbackList}?${q.toString()}`, { signal }),
        'PAKN list',
      );
      if (!Array.isArray(body.data)) throw new PortalError('invalid-answer', 'PAKN list: no data list');
      return {
        records: body.data as unknown[],
        nextCursor: typeof body.nextCursor === 'string' && body.nextCursor !== '' ? body.nextCursor : null,
      };
    },
    ackFeedback: async (codes, signal) => {
      if (codes.length === 0) return;
      expectOk(await call('POST', PATHS.feedbackAck, { body: { MaPAKN: codes }, signal }), 'PAKN ack');
    },
  };
}
