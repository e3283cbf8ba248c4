// The payment platform of the national portal (legal-notes §5 E4), as the simulator plays it: its own
// implementation of the messages (nothing imported from server/), so that a mistake in motcua's
// adapter shows up here.
//   POST /api/v1/thanhtoan/init     INIT: a payment for a reference and an amount → UrlThanhToan
//   GET  /thanh-toan/<token>        the payment page (Vietnamese): "Xác nhận thanh toán" or "Hủy"
//   POST /thanh-toan/<token>        the payer's choice; the platform then POSTs a signed CONFIRM
//                                   callback to the partner's callback URL
//   POST /api/v1/thanhtoan/query    QUERY: the state of a transaction (TrangThaiGD 1 paid, 3 pending,
//                                   4 failed; MaLoi "02" unknown reference)
// Control (never subject to faults): /_sim/payments (transactions), /_sim/payments/<ref>,
// /_sim/payments/<ref>/confirm | cancel | callback (send the callback again), DELETE /_sim/payments/<ref>
// (the platform loses it), /_sim/payments/faults,
// /_sim/payments/partners, /_sim/payments/callbacks (deliveries and motcua's answers),
// /_sim/payments/flush (release held callbacks).
//
// MaXacThuc = SHA-256 hex of the message's fields joined by "|" and the partner's secret, in the order
// of docs/integration/national-portal.md ("Payments").
import type http from 'node:http';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** The development secret, the same as motcua's DEV_PAYMENT_SECRET. */
export const PAYMENT_DEFAULT_SECRET = 'motcua-payment-simulator-secret';

export type PaymentPartner = {
  /** MaDoiTac. */
  code: string;
  secret: string;
  /** Where CONFIRM callbacks go; null: none are sent (QUERY only). */
  callbackUrl: string | null;
};

export type PaymentFaults = {
  /** Share of INIT and QUERY requests answered with an error (0–1). */
  errorRate: number;
  /** http-500: HTTP 500; error-code: HTTP 200 with an error code. */
  errorKind: 'http-500' | 'error-code';
  /** Added before every INIT and QUERY answer. */
  latencyMs: number;
  /** Share of INIT and QUERY requests processed but answered only after timeoutMs. */
  timeoutRate: number;
  timeoutMs: number;
  /** Epoch ms: INIT and QUERY have their socket closed in between (full outage). */
  outageFrom: number | null;
  outageUntil: number | null;
  /** Share of callbacks never sent (the partner must reconcile with QUERY). */
  dropCallbackRate: number;
  /** Extra copies of every callback sent (0–5). */
  duplicateCallbacks: number;
  /** Callbacks are held and released newest first (after callbackDelayMs, or on flush). */
  outOfOrder: boolean;
  /** Share of callbacks signed with a wrong secret. */
  badSignatureRate: number;
  /** Share of callbacks claiming another amount (correctly signed). */
  wrongAmountRate: number;
  /** Wait before a callback leaves. */
  callbackDelayMs: number;
};

export type PaymentFaultsInput = Partial<Omit<PaymentFaults, 'outageFrom' | 'outageUntil'>> & {
  /** null ends an outage; durationMs from now (or from startInMs). */
  outage?: { startInMs?: number; durationMs: number } | null;
  seed?: number;
};

const NO_FAULTS: PaymentFaults = {
  errorRate: 0,
  errorKind: 'http-500',
  latencyMs: 0,
  timeoutRate: 0,
  timeoutMs: 0,
  outageFrom: null,
  outageUntil: null,
  dropCallbackRate: 0,
  duplicateCallbacks: 0,
  outOfOrder: false,
  badSignatureRate: 0,
  wrongAmountRate: 0,
  callbackDelayMs: 0,
};

export type SimTransaction = {
  reference: string;
  partnerCode: string;
  amount: number;
  currency: string;
  status: 'pending' | 'paid' | 'cancelled';
  /** MaGiaoDich, once paid. */
  transactionId: string | null;
  bankCode: string | null;
  info: string;
  payerName: string;
  dossierCode: string;
  agencyName: string;
  token: string;
  payUrl: string;
  createdAt: string;
  settledAt: string | null;
  /** The INIT message as received. */
  init: Record<string, unknown>;
};

export type CallbackDelivery = {
  reference: string;
  /** The body sent (after faults). */
  body: Record<string, unknown>;
  fault: 'none' | 'bad-signature' | 'wrong-amount' | 'duplicate' | 'dropped';
  status: number | null;
  answer: unknown;
  error: string | null;
  sentAt: string;
};

export type PaymentPlatformControl = {
  setPartner: (partner: PaymentPartner) => void;
  partners: () => PaymentPartner[];
  setFaults: (input: PaymentFaultsInput) => PaymentFaults;
  faults: () => PaymentFaults;
  transactions: () => SimTransaction[];
  transaction: (reference: string) => SimTransaction | null;
  /** The payer confirms (as the page's button); the callback leaves in the background. */
  confirm: (reference: string, bankCode?: string) => SimTransaction;
  cancel: (reference: string) => SimTransaction;
  /** The platform loses a transaction (QUERY then answers "02", unknown reference). */
  forget: (reference: string) => void;
  /** Sends the callback of a settled transaction again (a replay). */
  resendCallback: (reference: string) => void;
  /** Releases callbacks held by the out-of-order fault, newest first. */
  flush: () => void;
  /** Resolves when no callback is held or on its way. */
  settle: () => Promise<void>;
  deliveries: () => CallbackDelivery[];
  reset: () => void;
};

export type PaymentPlatformOptions = {
  partners?: PaymentPartner[];
  seed?: number;
};

export class PaymentHttpFailure extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

const SIGNED = {
  INIT: [
    'LoaiBanTin',
    'PhienBan',
    'MaDoiTac',
    'MaThamChieu',
    'SoTien',
    'LoaiHinhThanhToan',
    'MaKenhThanhToan',
    'MaThietBi',
    'NgonNgu',
    'MaTienTe',
    'MaNganHang',
    'ThongTinGiaoDich',
    'ThoiGianGD',
    'Ip',
  ],
  QUERY: ['LoaiBanTin', 'PhienBan', 'MaDoiTac', 'MaThamChieu', 'ThoiGianGD'],
  CONFIRM: [
    'LoaiBanTin',
    'MaLoi',
    'MaDoiTac',
    'MaThamChieu',
    'SoTien',
    'MaTienTe',
    'MaGiaoDich',
    'MaNganHang',
    'ThoiGianGD',
    'ThongTinGiaoDich',
  ],
} as const;

/** MaXacThuc of a message as the platform computes it. */
export function simSign(kind: keyof typeof SIGNED, message: Record<string, unknown>, secret: string): string {
  const values = SIGNED[kind].map((f) => {
    const v = message[f];
    return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
  });
  return createHash('sha256')
    .update([...values, secret].join('|'), 'utf8')
    .digest('hex');
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a.toLowerCase());
  const y = Buffer.from(b.toLowerCase());
  return x.length === y.length && timingSafeEqual(x, y);
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

const pad2 = (n: number) => String(n).padStart(2, '0');
function vnTime(at: Date): string {
  const d = new Date(at.getTime() + 7 * 3_600_000);
  return (
    `${d.getUTCFullYear()}${pad2(d.getUTCMonth() + 1)}${pad2(d.getUTCDate())}` +
    `${pad2(d.getUTCHours())}${pad2(d.getUTCMinutes())}${pad2(d.getUTCSeconds())}`
  );
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const money = (n: number) => `${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đồng`;

const BANKS = [
  { code: 'VCB', name: 'Vietcombank' },
  { code: 'BIDV', name: 'BIDV' },
  { code: 'CTG', name: 'VietinBank' },
  { code: 'AGRIBANK', name: 'Agribank' },
];

const MAX_BODY = 256 * 1024;

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new PaymentHttpFailure(413, 'Dữ liệu quá lớn');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  if (res.writableEnded || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

function sendHtml(res: http.ServerResponse, status: number, title: string, body: string): void {
  if (res.writableEnded || res.destroyed) return;
  const html = `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — Cổng thanh toán (giả lập)</title>
<style>
body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1b1b1b}
h1{font-size:1.4rem}dl{display:grid;grid-template-columns:auto 1fr;gap:.25rem 1rem}dt{font-weight:600}
.buttons{display:flex;gap:1rem;margin-top:1.5rem}button{font-size:1rem;padding:.6rem 1.2rem;border-radius:.3rem;border:2px solid #0b5394;cursor:pointer}
.confirm{background:#0b5394;color:#fff}.cancel{background:#fff;color:#0b5394}
button:focus-visible,select:focus-visible{outline:3px solid #f9a825;outline-offset:2px}
label{display:block;font-weight:600;margin-top:1rem}select{font-size:1rem;padding:.3rem}
.note{color:#555;font-size:.9rem}
</style>
</head>
<body>
<main>
${body}
<p class="note">Đây là cổng thanh toán giả lập dùng để phát triển và kiểm thử motcua; không có giao dịch tiền thật.</p>
</main>
</body>
</html>`;
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(html),
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
  });
  res.end(html);
}

const rate = (v: unknown, name: string): number => {
  if (typeof v !== 'number' || !(v >= 0 && v <= 1))
    throw new PaymentHttpFailure(400, `${name} must be a number 0–1`);
  return v;
};
const ms = (v: unknown, name: string): number => {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 24 * 3_600_000)
    throw new PaymentHttpFailure(400, `${name} must be milliseconds ≥ 0`);
  return v;
};

export type PaymentPlatform = {
  /** Whether the path belongs to the payment platform (its routes or its control API). */
  handles: (pathname: string) => boolean;
  handle: (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => Promise<void>;
  control: PaymentPlatformControl;
  close: () => void;
};

export function createPaymentPlatform(
  baseUrl: () => string,
  options: PaymentPlatformOptions = {},
  log: (line: string) => void = () => {},
): PaymentPlatform {
  const seed = options.seed ?? 7;
  let random = mulberry32(seed);
  let faults: PaymentFaults = { ...NO_FAULTS };
  const partners = new Map<string, PaymentPartner>((options.partners ?? []).map((p) => [p.code, { ...p }]));
  let byReference = new Map<string, SimTransaction>();
  let byToken = new Map<string, SimTransaction>();
  let deliveries: CallbackDelivery[] = [];
  let held: { reference: string; body: Record<string, unknown>; fault: CallbackDelivery['fault'] }[] = [];
  let heldTimer: NodeJS.Timeout | null = null;
  const inFlight = new Set<Promise<void>>();
  // Held waits (latency, timeouts, callback delays, retries), released at once by close().
  const timers = new Map<NodeJS.Timeout, () => void>();
  let txSeq = 0;
  let closed = false;

  const sleep = (n: number) =>
    new Promise<void>((resolve) => {
      if (n <= 0) return resolve();
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, n);
      timers.set(t, resolve);
    });

  // ---- callbacks ---------------------------------------------------------------------------------

  async function deliver(reference: string, body: Record<string, unknown>, fault: CallbackDelivery['fault']) {
    const tx = byReference.get(reference);
    const partner = tx ? partners.get(tx.partnerCode) : undefined;
    const record: CallbackDelivery = {
      reference,
      body,
      fault,
      status: null,
      answer: null,
      error: null,
      sentAt: new Date().toISOString(),
    };
    deliveries.push(record);
    if (!partner?.callbackUrl) {
      record.error = 'no callback URL for the partner';
      return;
    }
    // A platform retries a callback that did not get through (connection, 5xx), a few times.
    for (let attempt = 0; attempt < 3 && !closed; attempt++) {
      try {
        const res = await fetch(partner.callbackUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(5000),
        });
        const text = await res.text();
        record.status = res.status;
        try {
          record.answer = JSON.parse(text);
        } catch {
          record.answer = text;
        }
        record.error = null;
        if (res.status < 500) return;
      } catch (err) {
        record.error = err instanceof Error ? err.message : String(err);
      }
      await sleep(100 * 2 ** attempt);
    }
  }

  function track(p: Promise<void>) {
    const wrapped = p.catch((err: unknown) => log(`callback error: ${String(err)}`));
    inFlight.add(wrapped);
    void wrapped.finally(() => inFlight.delete(wrapped));
  }

  function release() {
    if (heldTimer) clearTimeout(heldTimer);
    heldTimer = null;
    const batch = held.reverse();
    held = [];
    track(
      (async () => {
        for (const h of batch) await deliver(h.reference, h.body, h.fault);
      })(),
    );
  }

  function confirmBody(tx: SimTransaction, code: string): Record<string, unknown> {
    const partner = partners.get(tx.partnerCode);
    const body: Record<string, unknown> = {
      LoaiBanTin: 'CONFIRM',
      MaLoi: code,
      MaDoiTac: tx.partnerCode,
      MaThamChieu: tx.reference,
      SoTien: tx.amount,
      MaTienTe: tx.currency,
      MaGiaoDich: tx.transactionId ?? '',
      MaNganHang: tx.bankCode ?? '',
      ThoiGianGD: vnTime(new Date(tx.settledAt ?? tx.createdAt)),
      ThongTinGiaoDich: tx.info,
    };
    body.MaXacThuc = simSign('CONFIRM', body, partner?.secret ?? '');
    return body;
  }

  /** Sends the callback of a settled transaction, with the faults in force. */
  function sendCallback(tx: SimTransaction) {
    const code = tx.status === 'paid' ? '00' : '01';
    const copies: { body: Record<string, unknown>; fault: CallbackDelivery['fault'] }[] = [];
    if (faults.dropCallbackRate > 0 && random() < faults.dropCallbackRate) {
      deliveries.push({
        reference: tx.reference,
        body: confirmBody(tx, code),
        fault: 'dropped',
        status: null,
        answer: null,
        error: 'dropped (fault)',
        sentAt: new Date().toISOString(),
      });
      log(`callback ${tx.reference} dropped (fault)`);
      return;
    }
    let body = confirmBody(tx, code);
    let fault: CallbackDelivery['fault'] = 'none';
    if (faults.wrongAmountRate > 0 && random() < faults.wrongAmountRate) {
      const partner = partners.get(tx.partnerCode);
      body = { ...body, SoTien: tx.amount + 1000 };
      body.MaXacThuc = simSign('CONFIRM', body, partner?.secret ?? '');
      fault = 'wrong-amount';
    } else if (faults.badSignatureRate > 0 && random() < faults.badSignatureRate) {
      body = { ...body, MaXacThuc: simSign('CONFIRM', body, 'not-the-partner-secret') };
      fault = 'bad-signature';
    }
    copies.push({ body, fault });
    for (let i = 0; i < Math.min(5, faults.duplicateCallbacks); i++)
      copies.push({ body, fault: 'duplicate' });
    if (faults.outOfOrder) {
      for (const c of copies) held.push({ reference: tx.reference, ...c });
      if (!heldTimer) {
        heldTimer = setTimeout(release, Math.max(faults.callbackDelayMs, 50));
      }
      return;
    }
    const delay = faults.callbackDelayMs;
    track(
      (async () => {
        await sleep(delay);
        // Copies leave together, as a platform retrying too eagerly sends them.
        await Promise.all(copies.map((c) => deliver(tx.reference, c.body, c.fault)));
      })(),
    );
  }

  // ---- control -----------------------------------------------------------------------------------

  const need = (reference: string): SimTransaction => {
    const tx = byReference.get(reference);
    if (!tx) throw new PaymentHttpFailure(404, `Không có giao dịch ${reference}`);
    return tx;
  };

  function settleTx(tx: SimTransaction, outcome: 'paid' | 'cancelled', bankCode?: string): SimTransaction {
    if (tx.status === outcome) return tx;
    if (tx.status !== 'pending')
      throw new PaymentHttpFailure(
        409,
        `Giao dịch ${tx.reference} đã ${tx.status === 'paid' ? 'thanh toán' : 'hủy'}`,
      );
    tx.status = outcome;
    tx.settledAt = new Date().toISOString();
    if (outcome === 'paid') {
      txSeq++;
      tx.transactionId = `SIM${vnTime(new Date())}${String(txSeq).padStart(6, '0')}`;
      tx.bankCode = BANKS.some((b) => b.code === bankCode) ? bankCode! : 'VCB';
    }
    log(`payment ${tx.reference} ${outcome}`);
    sendCallback(tx);
    return tx;
  }

  const control: PaymentPlatformControl = {
    setPartner: (p) => {
      if (!/^[A-Za-z0-9._-]{1,50}$/.test(p.code))
        throw new PaymentHttpFailure(400, 'code must be a partner code');
      if (typeof p.secret !== 'string' || p.secret === '')
        throw new PaymentHttpFailure(400, 'secret is required');
      if (p.callbackUrl !== null && !/^https?:\/\//.test(p.callbackUrl))
        throw new PaymentHttpFailure(400, 'callbackUrl must be an http(s) URL or null');
      partners.set(p.code, { ...p });
    },
    partners: () => [...partners.values()].map((p) => ({ ...p })),
    setFaults: (input) => {
      const next = { ...faults };
      if (input.errorRate !== undefined) next.errorRate = rate(input.errorRate, 'errorRate');
      if (input.errorKind !== undefined) {
        if (input.errorKind !== 'http-500' && input.errorKind !== 'error-code')
          throw new PaymentHttpFailure(400, 'errorKind must be http-500 or error-code');
        next.errorKind = input.errorKind;
      }
      if (input.latencyMs !== undefined) next.latencyMs = ms(input.latencyMs, 'latencyMs');
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
      if (input.dropCallbackRate !== undefined)
        next.dropCallbackRate = rate(input.dropCallbackRate, 'dropCallbackRate');
      if (input.duplicateCallbacks !== undefined) {
        const n = input.duplicateCallbacks;
        if (!Number.isInteger(n) || n < 0 || n > 5)
          throw new PaymentHttpFailure(400, 'duplicateCallbacks must be an integer 0–5');
        next.duplicateCallbacks = n;
      }
      if (input.outOfOrder !== undefined) next.outOfOrder = input.outOfOrder === true;
      if (input.badSignatureRate !== undefined)
        next.badSignatureRate = rate(input.badSignatureRate, 'badSignatureRate');
      if (input.wrongAmountRate !== undefined)
        next.wrongAmountRate = rate(input.wrongAmountRate, 'wrongAmountRate');
      if (input.callbackDelayMs !== undefined)
        next.callbackDelayMs = ms(input.callbackDelayMs, 'callbackDelayMs');
      if (input.seed !== undefined) {
        if (!Number.isInteger(input.seed)) throw new PaymentHttpFailure(400, 'seed must be an integer');
        random = mulberry32(input.seed);
      }
      faults = next;
      if (!faults.outOfOrder && held.length > 0) release();
      log(`payment faults ${JSON.stringify(faults)}`);
      return { ...faults };
    },
    faults: () => ({ ...faults }),
    transactions: () => [...byReference.values()].map((t) => structuredClone(t)),
    transaction: (reference) => {
      const tx = byReference.get(reference);
      return tx ? structuredClone(tx) : null;
    },
    confirm: (reference, bankCode) => structuredClone(settleTx(need(reference), 'paid', bankCode)),
    cancel: (reference) => structuredClone(settleTx(need(reference), 'cancelled')),
    forget: (reference) => {
      const tx = byReference.get(reference);
      if (!tx) return;
      byReference.delete(reference);
      byToken.delete(tx.token);
    },
    resendCallback: (reference) => {
      const tx = need(reference);
      if (tx.status === 'pending') throw new PaymentHttpFailure(409, `Giao dịch ${reference} chưa kết thúc`);
      sendCallback(tx);
    },
    flush: () => {
      if (held.length > 0) release();
    },
    settle: async () => {
      while (held.length > 0 || inFlight.size > 0) {
        if (held.length > 0 && !heldTimer) release();
        await Promise.race([...inFlight, sleep(20)]);
      }
    },
    deliveries: () => deliveries.map((d) => structuredClone(d)),
    reset: () => {
      faults = { ...NO_FAULTS };
      byReference = new Map();
      byToken = new Map();
      deliveries = [];
      held = [];
      if (heldTimer) clearTimeout(heldTimer);
      heldTimer = null;
      random = mulberry32(seed);
    },
  };

  // ---- the platform's endpoints ------------------------------------------------------------------

  /** Outage, latency and injected errors for INIT and QUERY; true when the request may go on. */
  async function gate(req: http.IncomingMessage, res: http.ServerResponse, kind: 'INIT' | 'QUERY') {
    const now = Date.now();
    if (
      faults.outageFrom !== null &&
      faults.outageUntil !== null &&
      now >= faults.outageFrom &&
      now < faults.outageUntil
    ) {
      req.socket.destroy();
      return false;
    }
    await sleep(faults.latencyMs);
    if (faults.errorRate > 0 && random() < faults.errorRate) {
      if (faults.errorKind === 'http-500')
        sendJson(res, 500, { error_code: '500', message: 'Lỗi máy chủ (giả lập)' });
      else if (kind === 'INIT')
        sendJson(res, 200, { error_code: '-1', message: 'Hệ thống đang bận (giả lập)' });
      else sendJson(res, 200, { MaLoi: '99', MoTaLoi: 'Hệ thống đang bận (giả lập)' });
      return false;
    }
    return true;
  }

  /** The timeout fault: the request was processed, the answer comes after timeoutMs. */
  const late = async () => {
    if (faults.timeoutRate > 0 && random() < faults.timeoutRate) await sleep(faults.timeoutMs);
  };

  const parseObject = (text: string): Record<string, unknown> | null => {
    try {
      const v: unknown = JSON.parse(text);
      return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
    } catch {
      return null;
    }
  };

  async function handleInit(req: http.IncomingMessage, res: http.ServerResponse) {
    const text = await readBody(req);
    if (!(await gate(req, res, 'INIT'))) return;
    const m = parseObject(text);
    if (!m) return sendJson(res, 400, { error_code: '1', message: 'JSON không hợp lệ' });
    const s = (f: string): string => {
      const v = m[f];
      return typeof v === 'string' ? v : '';
    };
    const partner = partners.get(s('MaDoiTac'));
    if (!partner) return sendJson(res, 200, { error_code: '2', message: 'Mã đối tác không hợp lệ' });
    if (!sameText(s('MaXacThuc'), simSign('INIT', m, partner.secret)))
      return sendJson(res, 200, { error_code: '3', message: 'Mã xác thực không hợp lệ' });
    const problems: string[] = [];
    if (s('LoaiBanTin') !== 'INIT') problems.push('LoaiBanTin phải là INIT');
    if (!/^[A-Za-z0-9]{1,64}$/.test(s('MaThamChieu'))) problems.push('MaThamChieu không hợp lệ');
    if (!/^[1-9][0-9]{0,14}$/.test(s('SoTien'))) problems.push('SoTien phải là số nguyên dương');
    if (s('MaTienTe') !== 'VND') problems.push('MaTienTe phải là VND');
    if (!/^\d{14}$/.test(s('ThoiGianGD'))) problems.push('ThoiGianGD phải có dạng yyyyMMddHHmmss');
    const bill = (
      typeof m.ThongTinBienLai === 'object' && m.ThongTinBienLai !== null ? m.ThongTinBienLai : {}
    ) as Record<string, unknown>;
    if (typeof bill.MaHoSo !== 'string' || bill.MaHoSo === '')
      problems.push('ThongTinBienLai.MaHoSo là bắt buộc');
    if (problems.length > 0) return sendJson(res, 200, { error_code: '4', message: problems.join('; ') });
    const reference = s('MaThamChieu');
    const amount = Number(s('SoTien'));
    const existing = byReference.get(reference);
    if (existing) {
      // The same INIT again (a retry after a timeout) gets the same page; another amount is refused.
      if (existing.amount !== amount || existing.partnerCode !== partner.code)
        return sendJson(res, 200, { error_code: '5', message: 'Mã tham chiếu đã được dùng' });
      return sendJson(res, 200, {
        error_code: '0',
        message: JSON.stringify({ UrlThanhToan: existing.payUrl, MaThamChieu: reference }),
      });
    }
    const token = randomBytes(12).toString('hex');
    const tx: SimTransaction = {
      reference,
      partnerCode: partner.code,
      amount,
      currency: 'VND',
      status: 'pending',
      transactionId: null,
      bankCode: null,
      info: s('ThongTinGiaoDich'),
      payerName: typeof bill.HoTenNguoiNop === 'string' ? bill.HoTenNguoiNop : '',
      dossierCode: bill.MaHoSo as string,
      agencyName: typeof bill.TenDonVi === 'string' ? bill.TenDonVi : '',
      token,
      payUrl: `${baseUrl()}/thanh-toan/${token}`,
      createdAt: new Date().toISOString(),
      settledAt: null,
      init: m,
    };
    byReference.set(reference, tx);
    byToken.set(token, tx);
    log(`INIT ${reference} ${amount} VND`);
    await late();
    sendJson(res, 200, {
      error_code: '0',
      message: JSON.stringify({ UrlThanhToan: tx.payUrl, MaThamChieu: reference }),
    });
  }

  async function handleQuery(req: http.IncomingMessage, res: http.ServerResponse) {
    const text = await readBody(req);
    if (!(await gate(req, res, 'QUERY'))) return;
    const m = parseObject(text);
    if (!m) return sendJson(res, 400, { MaLoi: '01', MoTaLoi: 'JSON không hợp lệ' });
    const s = (f: string): string => {
      const v = m[f];
      return typeof v === 'string' ? v : '';
    };
    const partner = partners.get(s('MaDoiTac'));
    if (!partner) return sendJson(res, 200, { MaLoi: '04', MoTaLoi: 'Mã đối tác không hợp lệ' });
    if (!sameText(s('MaXacThuc'), simSign('QUERY', m, partner.secret)))
      return sendJson(res, 200, { MaLoi: '03', MoTaLoi: 'Mã xác thực không hợp lệ' });
    const tx = byReference.get(s('MaThamChieu'));
    if (!tx || tx.partnerCode !== partner.code)
      return sendJson(res, 200, {
        MaLoi: '02',
        MoTaLoi: 'Không tìm thấy giao dịch',
        MaThamChieu: s('MaThamChieu'),
      });
    const answer: Record<string, unknown> = {
      LoaiBanTin: 'QUERY',
      MaLoi: '00',
      MoTaLoi: '',
      MaDoiTac: partner.code,
      MaThamChieu: tx.reference,
      SoTien: tx.amount,
      MaTienTe: tx.currency,
      MaGiaoDich: tx.transactionId ?? '',
      MaNganHang: tx.bankCode ?? '',
      ThoiGianGD: vnTime(new Date(tx.settledAt ?? tx.createdAt)),
      ThongTinGiaoDich: tx.info,
      TrangThaiGD: tx.status === 'paid' ? '1' : tx.status === 'pending' ? '3' : '4',
    };
    answer.MaXacThuc = simSign('CONFIRM', answer, partner.secret);
    await late();
    sendJson(res, 200, answer);
  }

  function page(tx: SimTransaction): string {
    const rows = [
      ['Đơn vị thụ hưởng', tx.agencyName],
      ['Mã hồ sơ', tx.dossierCode],
      ['Người nộp', tx.payerName],
      ['Nội dung', tx.info],
      ['Mã tham chiếu', tx.reference],
      ['Số tiền', money(tx.amount)],
    ]
      .map(([k, v]) => `<dt>${escapeHtml(k!)}</dt><dd>${escapeHtml(v!)}</dd>`)
      .join('');
    if (tx.status !== 'pending') {
      const done = tx.status === 'paid';
      return `<h1>${done ? 'Thanh toán thành công' : 'Giao dịch đã hủy'}</h1>
<p role="status">${done ? `Mã giao dịch: ${escapeHtml(tx.transactionId ?? '')}` : 'Giao dịch không được thực hiện.'}</p>
<dl>${rows}</dl>
<p>Bạn có thể đóng trang này và quay lại hệ thống một cửa để xem biên lai.</p>`;
    }
    const options = BANKS.map((b) => `<option value="${b.code}">${escapeHtml(b.name)}</option>`).join('');
    return `<h1>Thanh toán phí, lệ phí</h1>
<dl>${rows}</dl>
<form method="post" action="/thanh-toan/${tx.token}">
<label for="bank">Ngân hàng thanh toán</label>
<select id="bank" name="bank">${options}</select>
<div class="buttons">
<button class="confirm" type="submit" name="action" value="confirm">Xác nhận thanh toán</button>
<button class="cancel" type="submit" name="action" value="cancel">Hủy</button>
</div>
</form>`;
  }

  async function handlePage(req: http.IncomingMessage, res: http.ServerResponse, token: string) {
    const tx = byToken.get(token);
    if (!tx) return sendHtml(res, 404, 'Không tìm thấy', '<h1>Không tìm thấy giao dịch</h1>');
    if (req.method === 'GET') return sendHtml(res, 200, 'Thanh toán', page(tx));
    if (req.method !== 'POST')
      return sendHtml(res, 405, 'Không hỗ trợ', '<h1>Phương thức không được hỗ trợ</h1>');
    const form = new URLSearchParams(await readBody(req));
    const action = form.get('action');
    if (action !== 'confirm' && action !== 'cancel')
      return sendHtml(res, 400, 'Yêu cầu không hợp lệ', '<h1>Yêu cầu không hợp lệ</h1>');
    try {
      settleTx(tx, action === 'confirm' ? 'paid' : 'cancelled', form.get('bank') ?? undefined);
    } catch (err) {
      if (err instanceof PaymentHttpFailure)
        return sendHtml(res, err.status, 'Không thực hiện được', `<h1>${escapeHtml(err.message)}</h1>`);
      throw err;
    }
    sendHtml(res, 200, tx.status === 'paid' ? 'Thành công' : 'Đã hủy', page(tx));
  }

  async function handleControl(req: http.IncomingMessage, res: http.ServerResponse, url: URL) {
    const method = req.method ?? 'GET';
    const p = url.pathname;
    const json = async () => {
      const text = await readBody(req);
      if (text === '') return {};
      const o = parseObject(text);
      if (!o) throw new PaymentHttpFailure(400, 'JSON không hợp lệ');
      return o;
    };
    if (p === '/_sim/payments' && method === 'GET')
      return sendJson(res, 200, { transactions: control.transactions() });
    if (p === '/_sim/payments/faults' && method === 'GET') return sendJson(res, 200, control.faults());
    if (p === '/_sim/payments/faults' && method === 'POST')
      return sendJson(res, 200, control.setFaults(await json()));
    if (p === '/_sim/payments/partners' && method === 'GET')
      return sendJson(res, 200, {
        partners: control.partners().map((x) => ({ code: x.code, callbackUrl: x.callbackUrl })),
      });
    if (p === '/_sim/payments/partners' && method === 'POST') {
      const b = await json();
      control.setPartner({
        code: typeof b.code === 'string' ? b.code : '',
        secret: typeof b.secret === 'string' ? b.secret : '',
        callbackUrl: typeof b.callbackUrl === 'string' ? b.callbackUrl : null,
      });
      return sendJson(res, 200, {
        partners: control.partners().map((x) => ({ code: x.code, callbackUrl: x.callbackUrl })),
      });
    }
    if (p === '/_sim/payments/callbacks' && method === 'GET')
      return sendJson(res, 200, { deliveries: control.deliveries() });
    if (p === '/_sim/payments/flush' && method === 'POST') {
      control.flush();
      return sendJson(res, 200, { ok: true });
    }
    const m = /^\/_sim\/payments\/([A-Za-z0-9]{1,64})(?:\/(confirm|cancel|callback))?$/.exec(p);
    if (m) {
      const reference = m[1]!;
      if (!m[2] && method === 'GET') {
        const tx = control.transaction(reference);
        return tx
          ? sendJson(res, 200, tx)
          : sendJson(res, 404, { error_code: '404', message: 'Không có giao dịch' });
      }
      if (!m[2] && method === 'DELETE') {
        control.forget(reference);
        return sendJson(res, 204, {});
      }
      if (m[2] === 'confirm' && method === 'POST') {
        const b = await json();
        return sendJson(
          res,
          200,
          control.confirm(reference, typeof b.bank === 'string' ? b.bank : undefined),
        );
      }
      if (m[2] === 'cancel' && method === 'POST') return sendJson(res, 200, control.cancel(reference));
      if (m[2] === 'callback' && method === 'POST') {
        control.resendCallback(reference);
        return sendJson(res, 202, { ok: true });
      }
    }
    sendJson(res, 404, { error_code: '404', message: 'Không có đường dẫn này' });
  }

  return {
    handles: (pathname) =>
      pathname.startsWith('/api/v1/thanhtoan/') ||
      pathname.startsWith('/thanh-toan/') ||
      pathname === '/_sim/payments' ||
      pathname.startsWith('/_sim/payments/'),
    handle: async (req, res, url) => {
      try {
        const method = req.method ?? 'GET';
        if (url.pathname.startsWith('/_sim/payments')) return await handleControl(req, res, url);
        if (url.pathname === '/api/v1/thanhtoan/init' && method === 'POST') return await handleInit(req, res);
        if (url.pathname === '/api/v1/thanhtoan/query' && method === 'POST')
          return await handleQuery(req, res);
        const token = /^\/thanh-toan\/([a-f0-9]{24})$/.exec(url.pathname);
        if (token) return await handlePage(req, res, token[1]!);
        sendJson(res, 404, { error_code: '404', message: 'Không có đường dẫn này' });
      } catch (err) {
        if (err instanceof PaymentHttpFailure)
          return sendJson(res, err.status, { error_code: String(err.status), message: err.message });
        log(`payment error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
        sendJson(res, 500, { error_code: '500', message: 'Lỗi máy chủ' });
      }
    },
    control,
    close: () => {
      closed = true;
      if (heldTimer) clearTimeout(heldTimer);
      heldTimer = null;
      held = [];
      for (const [t, resolve] of timers) {
        clearTimeout(t);
        resolve();
      }
      timers.clear();
    },
  };
}
