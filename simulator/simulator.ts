// A stand-in for the National Public Service Portal (Cổng DVCQG) on 127.0.0.1, for development, tests and
// benchmarks. It speaks the shapes of docs/integration/national-portal.md — its own implementation of
// them, importing nothing from server/, so that a mistake in motcua's adapter shows up here:
//   POST /api/v1/hoso/dongbo              E1 dossier status sync ("DongBoHoSoMC"), batches of ≤ 10
//   GET  /api/v1/hoso/tructuyen?cursor=   E2 dossiers submitted on the portal, not yet acknowledged
//   POST /api/v1/hoso/tructuyen/xacnhan   E2 acknowledgement
//   GET  /_sim/dossiers/<code>            what the portal holds (stands for the portal's query API)
//   /api/v1/thanhtoan/*, /thanh-toan/*   the payment platform (E4): simulator/payments.ts
// and a control API for faults (/_sim/faults), seeding (/_sim/inbound), planting differences
// (PUT/DELETE /_sim/dossiers/<code>), statistics (/_sim/stats) and /_sim/reset. Faults touch the portal
// routes only; /_sim/* always answers.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { inboundSeed, type InboundRecord } from './inbound-seed.ts';
import { createFeedbackFeed, type FeedbackRecord } from './feedback-feed.ts';
import {
  createPaymentPlatform,
  type PaymentPlatformControl,
  type PaymentPlatformOptions,
} from './payments.ts';

export const SIMULATOR_DEFAULT_SECRET = 'motcua-portal-simulator-secret';
export type SimulatorAuth = 'hmac' | 'header';

export type Faults = {
  /** Share of portal requests answered with an error (0–1). */
  errorRate: number;
  /** http-500: HTTP 500; error-code: HTTP 200 with error_code "-1"; mixed: either. */
  errorKind: 'http-500' | 'error-code' | 'mixed';
  /** Added before every portal answer. */
  latencyMs: number;
  latencyJitterMs: number;
  /** Share of E1 requests that are processed but answered only after timeoutMs. */
  timeoutRate: number;
  timeoutMs: number;
  /** Epoch ms: between them every portal request has its socket closed (connection lost). */
  outageFrom: number | null;
  outageUntil: number | null;
  /** E2: share of listed records sent again (duplicates, including already acknowledged ones). */
  inboundDuplicateRate: number;
  /** E2: pages come out of order. */
  inboundShuffle: boolean;
};

const NO_FAULTS: Faults = {
  errorRate: 0,
  errorKind: 'http-500',
  latencyMs: 0,
  latencyJitterMs: 0,
  timeoutRate: 0,
  timeoutMs: 0,
  outageFrom: null,
  outageUntil: null,
  inboundDuplicateRate: 0,
  inboundShuffle: false,
};

export type FaultsInput = {
  errorRate?: number;
  errorKind?: Faults['errorKind'];
  latencyMs?: number;
  latencyJitterMs?: number;
  timeoutRate?: number;
  timeoutMs?: number;
  /** null ends an outage; durationMs from now (or from startInMs). */
  outage?: { startInMs?: number; durationMs: number } | null;
  inbound?: { duplicateRate?: number; shuffle?: boolean };
  /** Reseeds the simulator's random generator (faults are drawn from it). */
  seed?: number;
};

export type HistoryEntry = {
  messageId: string;
  TrangThaiHoSo: number;
  receivedAt: string;
  /** Set by the control API, not by a message. */
  planted?: boolean;
};

export type SimDossier = {
  MaHoSo: string;
  /** The latest status: that of the last message received (arrival order, as a naive portal would). */
  TrangThaiHoSo: number;
  latest: Record<string, unknown>;
  updatedAt: string;
  history: HistoryEntry[];
};

export type SimStats = {
  requests: number;
  batches: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  unauthorised: number;
  errorsInjected: number;
  timeoutsInjected: number;
  dropped: number;
  inboundListed: number;
  inboundAcked: number;
};

export type SimulatorControl = {
  setFaults: (input: FaultsInput) => Faults;
  faults: () => Faults;
  reset: () => void;
  seedInbound: (input?: { count?: number; agencyCode?: string; records?: InboundRecord[] }) => string[];
  /** PAKN sent on the national portal, listed at /api/v1/pakn until acknowledged (issue #18). */
  seedFeedback: (input?: { count?: number; agencyCode?: string; records?: FeedbackRecord[] }) => string[];
  dossier: (code: string) => SimDossier | null;
  dossiers: () => SimDossier[];
  plant: (code: string, statusCode: number) => void;
  forget: (code: string) => void;
  stats: () => SimStats;
  /** The payment platform (simulator/payments.ts). */
  payments: PaymentPlatformControl;
};

export type Simulator = { url: string; port: number; close: () => Promise<void>; control: SimulatorControl };

export type SimulatorOptions = {
  /** 0: any free port. The simulator listens on 127.0.0.1 only. */
  port?: number;
  secret?: string;
  auth?: SimulatorAuth;
  /** Seed of the fault generator (default 1). */
  seed?: number;
  log?: (line: string) => void;
  /** The payment platform's partners (MaDoiTac, secret, callback URL); more via /_sim/payments/partners. */
  payment?: PaymentPlatformOptions;
};

/** HMAC-SHA256 over "timestamp\nMETHOD\npath?query\nsha256(body)", hex (see the integration doc). */
export function portalSignature(
  secret: string,
  timestamp: string,
  method: string,
  pathAndQuery: string,
  body: string,
): string {
  const bodyHash = createHash('sha256').update(body).digest('hex');
  return createHmac('sha256', secret)
    .update(`${timestamp}\n${method.toUpperCase()}\n${pathAndQuery}\n${bodyHash}`)
    .digest('hex');
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DATE14 = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/;
function isDate14(v: unknown): boolean {
  if (typeof v !== 'string') return false;
  const m = DATE14.exec(v);
  if (!m) return false;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const t = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return t.getUTCMonth() === mo - 1 && t.getUTCDate() === d && h < 24 && mi < 60 && s < 60;
}

const DATE_FIELDS = [
  'NgayTiepNhan',
  'NgayHenTra',
  'NgayYeuCauBoSung',
  'NgayTuChoi',
  'NgayKetThucXuLy',
  'NgayTra',
];

/** The simulator's reading of an E1 record: what it refuses, field by field. */
export function e1Problems(r: unknown, index: number): string[] {
  const at = (f: string) => `data[${index}].${f}`;
  if (typeof r !== 'object' || r === null || Array.isArray(r)) return [`data[${index}] is not an object`];
  const o = r as Record<string, unknown>;
  const out: string[] = [];
  const text = (f: string, max: number) => {
    if (typeof o[f] !== 'string' || o[f].trim() === '' || o[f].length > max)
      out.push(`${at(f)} is required (text ≤ ${max})`);
  };
  text('MaHoSo', 100);
  // The other system's code of the dossier (the portal's own, for one it handed over): optional.
  if (o.MaHoSoKhac !== undefined) text('MaHoSoKhac', 100);
  text('TenTTHC', 1000);
  text('DonViXuLy', 100);
  text('ChuHoSo', 300);
  if (typeof o.MaTTHC !== 'string' || !/^\d\.\d{6}$/.test(o.MaTTHC))
    out.push(`${at('MaTTHC')} must be like 1.001193`);
  const status = o.TrangThaiHoSo;
  if (!Number.isInteger(status) || (status as number) < 1 || (status as number) > 10)
    out.push(`${at('TrangThaiHoSo')} must be an integer 1–10`);
  if (!isDate14(o.NgayNopHoSo)) out.push(`${at('NgayNopHoSo')} must be yyyyMMddHHmmss`);
  for (const f of DATE_FIELDS) {
    if (o[f] !== undefined && o[f] !== null && o[f] !== '' && !isDate14(o[f]))
      out.push(`${at(f)} must be yyyyMMddHHmmss`);
  }
  if (![1, 2, 3].includes(o.KenhThucHien as number)) out.push(`${at('KenhThucHien')} must be 1, 2 or 3`);
  if (![1, 2, 3, 4].includes(o.LoaiDoiTuong as number)) out.push(`${at('LoaiDoiTuong')} must be 1–4`);
  if (typeof o.TrichYeuHoSo === 'string' && o.TrichYeuHoSo.length > 1000)
    out.push(`${at('TrichYeuHoSo')} is longer than 1000`);
  if (o.DinhDanhCHS !== undefined) {
    if (!Array.isArray(o.DinhDanhCHS)) out.push(`${at('DinhDanhCHS')} must be a list`);
    else
      o.DinhDanhCHS.forEach((d: unknown, i: number) => {
        const x = d as { LoaiDinhDanh?: unknown; SoDinhDanh?: unknown };
        const ok =
          (x.LoaiDinhDanh === 1 && typeof x.SoDinhDanh === 'string' && /^\d{12}$/.test(x.SoDinhDanh)) ||
          (x.LoaiDinhDanh === 2 && typeof x.SoDinhDanh === 'string' && /^\d{9}$/.test(x.SoDinhDanh));
        if (!ok) out.push(`${at(`DinhDanhCHS[${i}]`)} must be {LoaiDinhDanh 1, 12 digits} or {2, 9 digits}`);
      });
  }
  // The dates a status implies.
  const has = (f: string) => isDate14(o[f]);
  if ([2, 4, 9, 10].includes(status as number) && !has('NgayTiepNhan'))
    out.push(`${at('NgayTiepNhan')} is required for status ${String(status)}`);
  if (status === 3 && !has('NgayTuChoi')) out.push(`${at('NgayTuChoi')} is required for status 3`);
  if (status === 5 && !has('NgayYeuCauBoSung'))
    out.push(`${at('NgayYeuCauBoSung')} is required for status 5`);
  if (status === 10 && !has('NgayTra')) out.push(`${at('NgayTra')} is required for status 10`);
  return out;
}

type Inbound = { seq: number; record: InboundRecord; acked: boolean };

class HttpFailure extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

const MAX_BODY = 2 * 1024 * 1024;

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new HttpFailure(413, 'Dữ liệu quá lớn');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  if (res.writableEnded || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

const rate = (v: unknown, name: string): number => {
  if (typeof v !== 'number' || !(v >= 0 && v <= 1))
    throw new HttpFailure(400, `${name} must be a number 0–1`);
  return v;
};
const ms = (v: unknown, name: string): number => {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 24 * 3_600_000)
    throw new HttpFailure(400, `${name} must be milliseconds ≥ 0`);
  return v;
};

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const host = '127.0.0.1';
  const secret = options.secret ?? SIMULATOR_DEFAULT_SECRET;
  const auth = options.auth ?? 'hmac';
  const log = options.log ?? (() => {});
  let random = mulberry32(options.seed ?? 1);
  let faults: Faults = { ...NO_FAULTS };
  let dossiers = new Map<string, SimDossier>();
  let seen = new Set<string>();
  let inbound: Inbound[] = [];
  let inboundSeq = 0;
  const feedbackFeed = createFeedbackFeed();
  const zeroStats = (): SimStats => ({
    requests: 0,
    batches: 0,
    accepted: 0,
    duplicates: 0,
    rejected: 0,
    unauthorised: 0,
    errorsInjected: 0,
    timeoutsInjected: 0,
    dropped: 0,
    inboundListed: 0,
    inboundAcked: 0,
  });
  let stats = zeroStats();
  // Held answers (latency, timeouts), released at once by close().
  const timers = new Map<NodeJS.Timeout, () => void>();
  let baseUrl = '';
  const payments = createPaymentPlatform(() => baseUrl, options.payment, log);

  const delay = (n: number) =>
    new Promise<void>((resolve) => {
      if (n <= 0) return resolve();
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, n);
      timers.set(t, resolve);
    });

  const control: SimulatorControl = {
    setFaults: (input) => {
      const next = { ...faults };
      if (input.errorRate !== undefined) next.errorRate = rate(input.errorRate, 'errorRate');
      if (input.errorKind !== undefined) {
        if (!['http-500', 'error-code', 'mixed'].includes(input.errorKind))
          throw new HttpFailure(400, 'errorKind must be http-500, error-code or mixed');
        next.errorKind = input.errorKind;
      }
      if (input.latencyMs !== undefined) next.latencyMs = ms(input.latencyMs, 'latencyMs');
      if (input.latencyJitterMs !== undefined)
        next.latencyJitterMs = ms(input.latencyJitterMs, 'latencyJitterMs');
      if (input.timeoutRate !== undefined) next.timeoutRate = rate(input.timeoutRate, 'timeoutRate');
      if (input.timeoutMs !== undefined) next.timeoutMs = ms(input.timeoutMs, 'timeoutMs');
      if (input.outage === null) {
        next.outageFrom = null;
        next.outageUntil = null;
      } else if (input.outage !== undefined) {
        const from = Date.now() + ms(input.outage.startInMs ?? 0, 'outage.startInMs');
        next.outageFrom = from;
        next.outageUntil = from + ms(input.outage.durationMs, 'outage.durationMs');
      }
      if (input.inbound?.duplicateRate !== undefined)
        next.inboundDuplicateRate = rate(input.inbound.duplicateRate, 'inbound.duplicateRate');
      if (input.inbound?.shuffle !== undefined) next.inboundShuffle = input.inbound.shuffle === true;
      if (input.seed !== undefined) {
        if (!Number.isInteger(input.seed)) throw new HttpFailure(400, 'seed must be an integer');
        random = mulberry32(input.seed);
      }
      faults = next;
      log(`faults ${JSON.stringify(faults)}`);
      return { ...faults };
    },
    faults: () => ({ ...faults }),
    reset: () => {
      faults = { ...NO_FAULTS };
      dossiers = new Map();
      seen = new Set();
      inbound = [];
      inboundSeq = 0;
      feedbackFeed.reset();
      stats = zeroStats();
      random = mulberry32(options.seed ?? 1);
      payments.control.reset();
    },
    seedFeedback: (input = {}) => feedbackFeed.seed(input, new Date()),
    seedInbound: (input = {}) => {
      const records =
        input.records ??
        inboundSeed(input.count ?? 3, input.agencyCode ?? '000.00.00.H26', inboundSeq + 1, new Date());
      for (const record of records) inbound.push({ seq: ++inboundSeq, record, acked: false });
      return records.map((r) => r.MaHoSo);
    },
    dossier: (code) => {
      const d = dossiers.get(code);
      return d ? structuredClone(d) : null;
    },
    dossiers: () => [...dossiers.values()].map((d) => structuredClone(d)),
    plant: (code, statusCode) => {
      const now = new Date().toISOString();
      const d = dossiers.get(code) ?? {
        MaHoSo: code,
        TrangThaiHoSo: statusCode,
        latest: { MaHoSo: code },
        updatedAt: now,
        history: [],
      };
      d.TrangThaiHoSo = statusCode;
      d.latest = { ...d.latest, TrangThaiHoSo: statusCode };
      d.updatedAt = now;
      d.history.push({
        messageId: `planted-${d.history.length + 1}`,
        TrangThaiHoSo: statusCode,
        receivedAt: now,
        planted: true,
      });
      dossiers.set(code, d);
    },
    forget: (code) => {
      dossiers.delete(code);
    },
    stats: () => ({ ...stats }),
    payments: payments.control,
  };

  function authorised(req: http.IncomingMessage, pathAndQuery: string, body: string): boolean {
    const equal = (a: string, b: string) => {
      const x = Buffer.from(a);
      const y = Buffer.from(b);
      return x.length === y.length && timingSafeEqual(x, y);
    };
    if (auth === 'header') {
      const key = req.headers['x-api-key'];
      return typeof key === 'string' && equal(key, secret);
    }
    const ts = req.headers['x-timestamp'];
    const sig = req.headers['x-signature'];
    if (typeof ts !== 'string' || typeof sig !== 'string' || !/^\d{10}$/.test(ts)) return false;
    if (Math.abs(Date.now() / 1000 - Number(ts)) > 300) return false;
    return equal(sig, portalSignature(secret, ts, req.method ?? 'GET', pathAndQuery, body));
  }

  /** Outage, auth, latency and injected errors; true when the request may go on. */
  async function portalGate(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    pathAndQuery: string,
    body: string,
  ): Promise<boolean> {
    const now = Date.now();
    if (
      faults.outageFrom !== null &&
      faults.outageUntil !== null &&
      now >= faults.outageFrom &&
      now < faults.outageUntil
    ) {
      stats.dropped++;
      req.socket.destroy();
      return false;
    }
    if (!authorised(req, pathAndQuery, body)) {
      stats.unauthorised++;
      send(res, 401, { error_code: '401', message: 'Xác thực không hợp lệ' });
      return false;
    }
    const wait =
      faults.latencyMs + (faults.latencyJitterMs > 0 ? Math.floor(random() * faults.latencyJitterMs) : 0);
    await delay(wait);
    if (faults.errorRate > 0 && random() < faults.errorRate) {
      stats.errorsInjected++;
      const kind =
        faults.errorKind === 'mixed' ? (random() < 0.5 ? 'http-500' : 'error-code') : faults.errorKind;
      if (kind === 'http-500') send(res, 500, { error_code: '500', message: 'Lỗi máy chủ (giả lập)' });
      else send(res, 200, { error_code: '-1', message: 'Hệ thống đang bận, vui lòng thử lại (giả lập)' });
      return false;
    }
    return true;
  }

  async function handleSync(req: http.IncomingMessage, res: http.ServerResponse, pathAndQuery: string) {
    const body = await readBody(req);
    if (!(await portalGate(req, res, pathAndQuery, body))) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      stats.rejected++;
      return send(res, 400, { error_code: '400', message: 'JSON không hợp lệ' });
    }
    const p = parsed as { service?: unknown; isUpdating?: unknown; data?: unknown };
    if (p.service !== 'DongBoHoSoMC' || !Array.isArray(p.data)) {
      stats.rejected++;
      return send(res, 200, { error_code: '2', message: 'Thiếu service "DongBoHoSoMC" hoặc danh sách data' });
    }
    if (p.data.length < 1 || p.data.length > 10) {
      stats.rejected++;
      return send(res, 200, { error_code: '3', message: 'Mỗi lần đồng bộ từ 1 đến 10 hồ sơ' });
    }
    const problems = p.data.flatMap((r, i) => e1Problems(r, i));
    const header = req.headers['x-message-ids'];
    const ids = typeof header === 'string' && header !== '' ? header.split(',').map((s) => s.trim()) : null;
    if (ids && ids.length !== p.data.length) problems.push('X-Message-Ids must name one id per data item');
    if (problems.length > 0) {
      stats.rejected++;
      log(`rejected: ${problems.join('; ')}`);
      return send(res, 200, { error_code: '2', message: 'Dữ liệu không hợp lệ', errors: problems });
    }
    stats.batches++;
    const now = new Date().toISOString();
    p.data.forEach((item, i) => {
      const record = item as Record<string, unknown> & { MaHoSo: string; TrangThaiHoSo: number };
      const messageId = ids?.[i] ?? createHash('sha256').update(JSON.stringify(record)).digest('hex');
      const seenKey = `${record.MaHoSo}\u0000${messageId}`;
      if (seen.has(seenKey)) {
        stats.duplicates++;
        return;
      }
      seen.add(seenKey);
      stats.accepted++;
      const d = dossiers.get(record.MaHoSo) ?? {
        MaHoSo: record.MaHoSo,
        TrangThaiHoSo: record.TrangThaiHoSo,
        latest: record,
        updatedAt: now,
        history: [],
      };
      d.TrangThaiHoSo = record.TrangThaiHoSo;
      d.latest = record;
      d.updatedAt = now;
      d.history.push({ messageId, TrangThaiHoSo: record.TrangThaiHoSo, receivedAt: now });
      dossiers.set(record.MaHoSo, d);
    });
    const answer = { error_code: '0', message: `Đồng bộ thành công ${p.data.length} hồ sơ` };
    if (faults.timeoutRate > 0 && random() < faults.timeoutRate) {
      // Processed, but the answer comes too late: the caller sees a timeout and will send again.
      stats.timeoutsInjected++;
      await delay(faults.timeoutMs);
    }
    send(res, 200, answer);
  }

  async function handleInboundList(req: http.IncomingMessage, res: http.ServerResponse, url: URL) {
    if (!(await portalGate(req, res, url.pathname + url.search, ''))) return;
    const cursor = Number(url.searchParams.get('cursor') ?? '0');
    const limit = Math.min(Math.max(Number(url.searchParams.get('limit') ?? '20'), 1), 50);
    if (!Number.isInteger(cursor) || cursor < 0 || !Number.isInteger(limit))
      return send(res, 400, { error_code: '400', message: 'cursor, limit không hợp lệ' });
    const open = inbound.filter((x) => !x.acked && x.seq > cursor);
    const page = open.slice(0, limit);
    const out: InboundRecord[] = page.map((x) => x.record);
    if (faults.inboundDuplicateRate > 0) {
      for (const x of page) if (random() < faults.inboundDuplicateRate) out.push(x.record);
      for (const x of inbound) if (x.acked && random() < faults.inboundDuplicateRate) out.push(x.record);
    }
    if (faults.inboundShuffle) {
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
    }
    stats.inboundListed += out.length;
    const nextCursor = open.length > page.length ? String(page.at(-1)!.seq) : null;
    send(res, 200, { error_code: '0', message: 'Thành công', data: out, nextCursor });
  }

  async function handleInboundAck(req: http.IncomingMessage, res: http.ServerResponse, pathAndQuery: string) {
    const body = await readBody(req);
    if (!(await portalGate(req, res, pathAndQuery, body))) return;
    let codes: unknown;
    try {
      codes = (JSON.parse(body) as { MaHoSo?: unknown }).MaHoSo;
    } catch {
      return send(res, 400, { error_code: '400', message: 'JSON không hợp lệ' });
    }
    if (!Array.isArray(codes) || !codes.every((c) => typeof c === 'string'))
      return send(res, 200, { error_code: '2', message: 'MaHoSo phải là danh sách mã hồ sơ' });
    let acknowledged = 0;
    for (const x of inbound) {
      if (codes.includes(x.record.MaHoSo) && !x.acked) {
        x.acked = true;
        acknowledged++;
      }
    }
    stats.inboundAcked += acknowledged;
    send(res, 200, { error_code: '0', message: 'Đã xác nhận', acknowledged });
  }

  async function handleFeedbackList(req: http.IncomingMessage, res: http.ServerResponse, url: URL) {
    if (!(await portalGate(req, res, url.pathname + url.search, ''))) return;
    const cursor = Number(url.searchParams.get('cursor') ?? '0');
    const limit = Math.min(Math.max(Number(url.searchParams.get('limit') ?? '20'), 1), 50);
    if (!Number.isInteger(cursor) || cursor < 0 || !Number.isInteger(limit))
      return send(res, 400, { error_code: '400', message: 'cursor, limit không hợp lệ' });
    const page = feedbackFeed.list(cursor, limit, { duplicateRate: faults.inboundDuplicateRate, random });
    send(res, 200, { error_code: '0', message: 'Thành công', ...page });
  }

  async function handleFeedbackAck(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    pathAndQuery: string,
  ) {
    const body = await readBody(req);
    if (!(await portalGate(req, res, pathAndQuery, body))) return;
    let codes: unknown;
    try {
      codes = (JSON.parse(body) as { MaPAKN?: unknown }).MaPAKN;
    } catch {
      return send(res, 400, { error_code: '400', message: 'JSON không hợp lệ' });
    }
    if (!Array.isArray(codes) || !codes.every((c) => typeof c === 'string'))
      return send(res, 200, { error_code: '2', message: 'MaPAKN phải là danh sách mã PAKN' });
    send(res, 200, { error_code: '0', message: 'Đã xác nhận', acknowledged: feedbackFeed.ack(codes) });
  }

  async function handleControl(req: http.IncomingMessage, res: http.ServerResponse, url: URL) {
    const method = req.method ?? 'GET';
    const p = url.pathname;
    const json = async () => {
      const text = await readBody(req);
      if (text === '') return {};
      try {
        return JSON.parse(text) as Record<string, unknown>;
      } catch {
        throw new HttpFailure(400, 'JSON không hợp lệ');
      }
    };
    const dossierMatch = /^\/_sim\/dossiers\/([^/]+)$/.exec(p);
    if (dossierMatch) {
      const code = decodeURIComponent(dossierMatch[1]!);
      if (method === 'GET') {
        const d = control.dossier(code);
        return d ? send(res, 200, d) : send(res, 404, { error_code: '404', message: 'Không có hồ sơ' });
      }
      if (method === 'PUT') {
        const b = await json();
        const s = b.TrangThaiHoSo;
        if (!Number.isInteger(s) || (s as number) < 1 || (s as number) > 10)
          throw new HttpFailure(400, 'TrangThaiHoSo must be an integer 1–10');
        control.plant(code, s as number);
        return send(res, 200, control.dossier(code));
      }
      if (method === 'DELETE') {
        control.forget(code);
        return send(res, 204, {});
      }
    }
    if (p === '/_sim/faults' && method === 'GET') return send(res, 200, control.faults());
    if (p === '/_sim/faults' && method === 'POST') return send(res, 200, control.setFaults(await json()));
    if (p === '/_sim/reset' && method === 'POST') {
      control.reset();
      return send(res, 200, { ok: true });
    }
    if (p === '/_sim/inbound' && method === 'POST') {
      const b = await json();
      if (
        b.count !== undefined &&
        (!Number.isInteger(b.count) || (b.count as number) < 1 || (b.count as number) > 1000)
      )
        throw new HttpFailure(400, 'count must be 1–1000');
      if (b.agencyCode !== undefined && typeof b.agencyCode !== 'string')
        throw new HttpFailure(400, 'agencyCode must be text');
      const codes = control.seedInbound({
        ...(b.count !== undefined ? { count: b.count as number } : {}),
        ...(typeof b.agencyCode === 'string' ? { agencyCode: b.agencyCode } : {}),
      });
      return send(res, 201, { seeded: codes });
    }
    if (p === '/_sim/pakn' && method === 'POST') {
      const b = await json();
      if (
        b.count !== undefined &&
        (!Number.isInteger(b.count) || (b.count as number) < 1 || (b.count as number) > 1000)
      )
        throw new HttpFailure(400, 'count must be 1–1000');
      if (b.agencyCode !== undefined && typeof b.agencyCode !== 'string')
        throw new HttpFailure(400, 'agencyCode must be text');
      const codes = control.seedFeedback({
        ...(b.count !== undefined ? { count: b.count as number } : {}),
        ...(typeof b.agencyCode === 'string' ? { agencyCode: b.agencyCode } : {}),
      });
      return send(res, 201, { seeded: codes });
    }
    if (p === '/_sim/stats' && method === 'GET') return send(res, 200, control.stats());
    if (p === '/_sim/health' && method === 'GET') return send(res, 200, { status: 'ok' });
    send(res, 404, { error_code: '404', message: 'Không có đường dẫn này' });
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://simulator');
    const method = req.method ?? 'GET';
    const route = async () => {
      if (payments.handles(url.pathname)) return payments.handle(req, res, url);
      if (url.pathname.startsWith('/_sim/')) return handleControl(req, res, url);
      stats.requests++;
      if (url.pathname === '/api/v1/hoso/dongbo' && method === 'POST')
        return handleSync(req, res, url.pathname + url.search);
      if (url.pathname === '/api/v1/hoso/tructuyen' && method === 'GET')
        return handleInboundList(req, res, url);
      if (url.pathname === '/api/v1/hoso/tructuyen/xacnhan' && method === 'POST')
        return handleInboundAck(req, res, url.pathname + url.search);
      if (url.pathname === '/api/v1/pakn' && method === 'GET') return handleFeedbackList(req, res, url);
      if (url.pathname === '/api/v1/pakn/xacnhan' && method === 'POST')
        return handleFeedbackAck(req, res, url.pathname + url.search);
      send(res, 404, { error_code: '404', message: 'Không có đường dẫn này' });
    };
    route().catch((err: unknown) => {
      if (err instanceof HttpFailure)
        send(res, err.status, { error_code: String(err.status), message: err.message });
      else {
        log(`error: ${err instanceof Error ? err.stack : String(err)}`);
        send(res, 500, { error_code: '500', message: 'Lỗi máy chủ' });
      }
    });
  });
  server.keepAliveTimeout = 5000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host}:${port}`;
  baseUrl = url;
  log(`national-portal simulator on ${url} (auth ${auth})`);

  return {
    url,
    port,
    control,
    close: async () => {
      for (const [t, resolve] of timers) {
        clearTimeout(t);
        resolve();
      }
      timers.clear();
      payments.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
