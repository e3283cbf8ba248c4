// A stand-in for the messaging providers on 127.0.0.1, for development, tests, the demo and the bench,
// speaking their shapes (docs/domain/notifications.md; notes §4) — its own implementation, importing
// nothing from server/:
//   POST /MainService.svc/json/SendMultipleMessage_V4_post_json/   SMS brandname, eSMS-shaped:
//        { ApiKey, SecretKey, Phone, Content, Brandname, SmsType, IsUnicode, RequestId, CallbackUrl }
//        → { CodeResult: '100', SMSID } | CodeResult 101 (auth), 104 (brandname), 124 (duplicate
//        RequestId), 146 (template not registered: unaccented text required, or a registered pattern);
//        delivery report later by GET CallbackUrl?SMSID&SendStatus&SendSuccess&SendFailed&RequestId…
//   POST /message/template                                           Zalo ZNS-shaped:
//        header access_token; { phone: '84…', template_id, template_data, tracking_id }
//        → { error: 0, message, data: { msg_id, sent_time } } | error -124 (token), -108 (phone),
//        -114 (user inactive or rejects), -118 (no Zalo account for the phone), -1131 (template not
//        approved, this simulator's code);
//        then the webhook POST { event_name: 'user_received_message', message: { msg_id, tracking_id },
//        timestamp (ms) } with X-ZEvent-Signature: mac=sha256(appId + body + timestamp + secret).
//   control: POST /_sim/faults, POST /_sim/callbacks/flush, GET /_sim/messages, GET /_sim/stats,
//   POST /_sim/reset, POST /_sim/phones { inactive?: string[], noZalo?: string[], failing?: string[] }.
// Callbacks are sent later (callbackDelayMs, or only when flushed with callbacks: 'manual'), some
// twice (duplicateRate) and out of order (an intermediate status after the final one, outOfOrder).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash } from 'node:crypto';

export const ESMS_PATH = '/MainService.svc/json/SendMultipleMessage_V4_post_json/';
export const ZNS_PATH = '/message/template';

/** A JSON field as text: a string or number as given, anything else empty. */
const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

export type Channel = 'sms' | 'zalo';
export type MessagingFaults = {
  /** Epoch ms until which the channel's API drops connections (an outage). */
  outageUntil: number | null;
  /** The next K requests are refused with a provider error (SMS 99 / ZNS -1). */
  rejectNext: number;
  latencyMs: number;
  /** Share of delivery callbacks never sent. */
  dropCallbacks: number;
  /** Share of delivery callbacks sent twice. */
  duplicateRate: number;
  /** Send an intermediate status after the final one. */
  outOfOrder: boolean;
};

export type SentMessage = {
  channel: Channel;
  providerId: string;
  requestId: string;
  phone: string;
  content: string;
  templateId: string | null;
  params: Record<string, string> | null;
  brandname: string | null;
  at: string;
};

export type MessagingOptions = {
  port?: number;
  esms?: { apiKey: string; secretKey: string; brandnames: string[] };
  zns?: {
    accessToken: string;
    appId: string;
    secret: string;
    webhookUrl: string | null;
    templateIds?: string[];
  };
  /** 'auto': callbacks after callbackDelayMs (random up to it); 'manual': only on flush. */
  callbacks?: 'auto' | 'manual';
  callbackDelayMs?: number;
  seed?: number;
  log?: (line: string) => void;
};

export type Messaging = {
  url: string;
  port: number;
  control: {
    setFaults: (channel: Channel | 'all', input: FaultsInput) => Record<Channel, MessagingFaults>;
    flushCallbacks: () => Promise<number>;
    sent: () => SentMessage[];
    stats: () => typeof NO_STATS;
    setPhones: (input: { inactive?: string[]; noZalo?: string[]; failing?: string[] }) => void;
    setWebhook: (url: string) => void;
    reset: () => void;
  };
  close: () => Promise<void>;
};

export type FaultsInput = {
  outage?: { durationMs: number } | null;
  rejectNext?: number;
  latencyMs?: number;
  dropCallbacks?: number;
  duplicateRate?: number;
  outOfOrder?: boolean;
};

const NO_FAULTS: MessagingFaults = {
  outageUntil: null,
  rejectNext: 0,
  latencyMs: 0,
  dropCallbacks: 0,
  duplicateRate: 0,
  outOfOrder: false,
};
const NO_STATS = {
  smsAccepted: 0,
  smsRefused: 0,
  znsAccepted: 0,
  znsRefused: 0,
  callbacksSent: 0,
  callbacksFailed: 0,
};

export const ZNS_DEFAULT_TEMPLATE_IDS = Array.from({ length: 12 }, (_, i) => String(3000101 + i));

/** X-ZEvent-Signature: mac=sha256(appId + body + timestamp + secret), hex. */
export function znsSignature(appId: string, body: string, timestamp: string, secret: string): string {
  return `mac=${createHash('sha256').update(`${appId}${body}${timestamp}${secret}`).digest('hex')}`;
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

type Callback = { run: () => Promise<void> };

const UNACCENTED = /^[\x20-\x7e\n\r]*$/;

export async function startMessaging(options: MessagingOptions = {}): Promise<Messaging> {
  const log = options.log ?? (() => {});
  const esms = options.esms ?? { apiKey: 'sim-api-key', secretKey: 'sim-secret-key', brandnames: ['MOTCUA'] };
  const zns = {
    accessToken: 'sim-zalo-token',
    appId: 'sim-app',
    secret: 'sim-zalo-secret',
    webhookUrl: null as string | null,
    ...options.zns,
  };
  const templateIds = new Set(options.zns?.templateIds ?? ZNS_DEFAULT_TEMPLATE_IDS);
  const random = mulberry32(options.seed ?? 1);
  const delay = options.callbackDelayMs ?? 1000;
  const manual = options.callbacks === 'manual';
  let faults: Record<Channel, MessagingFaults> = { sms: { ...NO_FAULTS }, zalo: { ...NO_FAULTS } };
  let stats = { ...NO_STATS };
  let sent: SentMessage[] = [];
  const requestIds = new Set<string>();
  let inactive = new Set<string>();
  let noZalo = new Set<string>();
  let failing = new Set<string>();
  let pending: Callback[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let seq = 0;

  const deliverLater = (cbs: Callback[]) => {
    if (manual) {
      pending.push(...cbs);
      return;
    }
    for (const cb of cbs) {
      const t = setTimeout(
        () => {
          timers.delete(t);
          void cb.run();
        },
        Math.floor(random() * delay),
      );
      timers.add(t);
    }
  };

  /** The callbacks of one message: its final report, maybe an intermediate one after it, maybe twice. */
  const schedule = (channel: Channel, make: (final: boolean) => Callback) => {
    const f = faults[channel];
    if (random() < f.dropCallbacks) return;
    const list = [make(true)];
    if (f.outOfOrder) list.push(make(false));
    if (random() < f.duplicateRate) list.push(make(true));
    deliverLater(list);
  };

  const call = async (url: string, init: RequestInit) => {
    try {
      const res = await fetch(url, { ...init, signal: AbortSignal.timeout(5000) });
      await res.arrayBuffer();
      if (res.ok) stats.callbacksSent++;
      else stats.callbacksFailed++;
    } catch {
      stats.callbacksFailed++;
    }
  };

  function sms(body: Record<string, unknown>): Record<string, unknown> {
    const s = (k: string) => (typeof body[k] === 'string' ? body[k] : '');
    if (s('ApiKey') !== esms.apiKey || s('SecretKey') !== esms.secretKey)
      return { CodeResult: '101', ErrorMessage: 'Authorize Failed' };
    if (!esms.brandnames.includes(s('Brandname')))
      return { CodeResult: '104', ErrorMessage: 'Brandname chua duoc dang ky' };
    const requestId = s('RequestId');
    if (requestId !== '' && requestIds.has(requestId))
      return { CodeResult: '124', ErrorMessage: 'RequestId da ton tai' };
    const content = s('Content');
    if (content === '' || (s('IsUnicode') !== '1' && !UNACCENTED.test(content)))
      return { CodeResult: '146', ErrorMessage: 'Noi dung chua dang ky mau (template)' };
    if (faults.sms.rejectNext > 0) {
      faults.sms.rejectNext--;
      return { CodeResult: '99', ErrorMessage: 'Loi khong xac dinh (simulated)' };
    }
    if (requestId !== '') requestIds.add(requestId);
    const smsId = `sms-${++seq}`;
    const phone = s('Phone');
    sent.push({
      channel: 'sms',
      providerId: smsId,
      requestId,
      phone,
      content,
      templateId: null,
      params: null,
      brandname: s('Brandname'),
      at: new Date().toISOString(),
    });
    const callbackUrl = s('CallbackUrl');
    if (callbackUrl !== '')
      schedule('sms', (final) => ({
        run: () => {
          const fail = failing.has(phone);
          const q = new URLSearchParams({
            SMSID: smsId,
            SendStatus: final ? '5' : '7',
            SendSuccess: final && !fail ? '1' : '0',
            SendFailed: final && fail ? '1' : '0',
            TypeId: s('SmsType') || '2',
            telcoid: '1',
            phonenumber: phone,
            RequestId: requestId,
          });
          const url = `${callbackUrl}${callbackUrl.includes('?') ? '&' : '?'}${q}`;
          return call(url, { method: 'GET' });
        },
      }));
    return { CodeResult: '100', SMSID: smsId, CountRegenerate: 0 };
  }

  function zalo(token: string, body: Record<string, unknown>): Record<string, unknown> {
    if (token !== zns.accessToken) return { error: -124, message: 'Access token is invalid' };
    const phone = typeof body.phone === 'string' ? body.phone : '';
    if (!/^84\d{9,10}$/.test(phone)) return { error: -108, message: 'Phone number is invalid' };
    const templateId = str(body.template_id);
    if (!templateIds.has(templateId)) return { error: -1131, message: 'Template is not approved' };
    if (noZalo.has(phone)) return { error: -118, message: 'Zalo account not existed' };
    if (inactive.has(phone))
      return {
        error: -114,
        message:
          'User is inactive, or reject the message, or using an outdated Zalo version, or other errors',
      };
    if (faults.zalo.rejectNext > 0) {
      faults.zalo.rejectNext--;
      return { error: -1, message: 'Internal error (simulated)' };
    }
    const data = (body.template_data ?? {}) as Record<string, string>;
    const msgId = `zns-${++seq}`;
    const trackingId = str(body.tracking_id);
    sent.push({
      channel: 'zalo',
      providerId: msgId,
      requestId: trackingId,
      phone,
      content: Object.values(data).join(' | '),
      templateId,
      params: data,
      brandname: null,
      at: new Date().toISOString(),
    });
    schedule('zalo', (final) => ({
      run: async () => {
        if (zns.webhookUrl === null) return;
        const now = String(Date.now());
        const payload = JSON.stringify({
          app_id: zns.appId,
          event_name: final ? 'user_received_message' : 'user_send_template',
          timestamp: now,
          message: { msg_id: msgId, tracking_id: trackingId, delivery_time: now },
          recipient: { phone },
        });
        await call(zns.webhookUrl, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-zevent-signature': znsSignature(zns.appId, payload, now, zns.secret),
            'x-zevent-timestamp': now,
          },
          body: payload,
        });
      },
    }));
    return { error: 0, message: 'Success', data: { msg_id: msgId, sent_time: String(Date.now()) } };
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const url = new URL(req.url ?? '/', 'http://sim');
        const json = (status: number, body: unknown) => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(body));
        };
        let body: Record<string, unknown>;
        try {
          body = chunks.length
            ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>)
            : {};
        } catch {
          return json(400, { error: 'body must be JSON' });
        }
        const channel: Channel | null =
          url.pathname === ESMS_PATH ? 'sms' : url.pathname === ZNS_PATH ? 'zalo' : null;
        if (channel !== null && req.method === 'POST') {
          const f = faults[channel];
          if (f.outageUntil !== null && Date.now() < f.outageUntil) {
            if (channel === 'sms') stats.smsRefused++;
            else stats.znsRefused++;
            req.socket.destroy();
            return;
          }
          if (f.latencyMs > 0) await new Promise((r) => setTimeout(r, f.latencyMs));
          const answer =
            channel === 'sms' ? sms(body) : zalo(String(req.headers['access_token'] ?? ''), body);
          const ok = channel === 'sms' ? answer.CodeResult === '100' : answer.error === 0;
          if (channel === 'sms') stats[ok ? 'smsAccepted' : 'smsRefused']++;
          else stats[ok ? 'znsAccepted' : 'znsRefused']++;
          return json(200, answer);
        }
        if (url.pathname === '/_sim/faults' && req.method === 'POST') {
          const target = (body.channel ?? 'all') as Channel | 'all';
          return json(200, control.setFaults(target, body));
        }
        if (url.pathname === '/_sim/callbacks/flush' && req.method === 'POST')
          return json(200, { sent: await control.flushCallbacks() });
        if (url.pathname === '/_sim/messages' && req.method === 'GET') return json(200, { items: sent });
        if (url.pathname === '/_sim/stats' && req.method === 'GET') return json(200, stats);
        if (url.pathname === '/_sim/phones' && req.method === 'POST') {
          control.setPhones(body);
          return json(200, { ok: true });
        }
        if (url.pathname === '/_sim/reset' && req.method === 'POST') {
          control.reset();
          return json(200, { ok: true });
        }
        json(404, { error: 'not found' });
      })();
    });
  });

  const control: Messaging['control'] = {
    setFaults: (channel, input) => {
      const channels: Channel[] = channel === 'all' ? ['sms', 'zalo'] : [channel];
      for (const c of channels) {
        const f = { ...faults[c] };
        if (input.outage === null) f.outageUntil = null;
        else if (input.outage !== undefined)
          f.outageUntil = Date.now() + Math.max(0, input.outage.durationMs);
        if (input.rejectNext !== undefined) f.rejectNext = Math.max(0, Math.floor(input.rejectNext));
        if (input.latencyMs !== undefined) f.latencyMs = Math.max(0, input.latencyMs);
        if (input.dropCallbacks !== undefined) f.dropCallbacks = input.dropCallbacks;
        if (input.duplicateRate !== undefined) f.duplicateRate = input.duplicateRate;
        if (input.outOfOrder !== undefined) f.outOfOrder = input.outOfOrder;
        faults = { ...faults, [c]: f };
      }
      log(`faults ${JSON.stringify(faults)}`);
      return structuredClone(faults);
    },
    flushCallbacks: async () => {
      const list = pending;
      pending = [];
      // Out of order across messages too: the last queued goes first.
      for (const cb of list.reverse()) await cb.run();
      return list.length;
    },
    sent: () => [...sent],
    stats: () => ({ ...stats }),
    setPhones: (input) => {
      if (input.inactive) inactive = new Set(input.inactive);
      if (input.noZalo) noZalo = new Set(input.noZalo);
      if (input.failing) failing = new Set(input.failing);
    },
    setWebhook: (url) => {
      zns.webhookUrl = url;
    },
    reset: () => {
      faults = { sms: { ...NO_FAULTS }, zalo: { ...NO_FAULTS } };
      stats = { ...NO_STATS };
      sent = [];
      pending = [];
      requestIds.clear();
      inactive = new Set();
      noZalo = new Set();
      failing = new Set();
    },
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  log(`SMS (eSMS-shaped) and Zalo ZNS-shaped APIs on ${url}`);
  return {
    url,
    port,
    control,
    close: async () => {
      for (const t of timers) clearTimeout(t);
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

if (import.meta.main) {
  const env = (n: string) => process.env[n]?.trim() || undefined;
  const sim = await startMessaging({
    port: Number(env('MESSAGING_SIM_PORT') ?? '3950'),
    esms: {
      apiKey: env('NOTIFY_SMS_API_KEY') ?? 'sim-api-key',
      secretKey: env('NOTIFY_SMS_SECRET_KEY') ?? 'sim-secret-key',
      brandnames: [env('NOTIFY_SMS_BRANDNAME') ?? 'MOTCUA'],
    },
    zns: {
      accessToken: env('NOTIFY_ZALO_ACCESS_TOKEN') ?? 'sim-zalo-token',
      appId: env('NOTIFY_ZALO_APP_ID') ?? 'sim-app',
      secret: env('NOTIFY_ZALO_SECRET') ?? 'sim-zalo-secret',
      webhookUrl: `${(env('PUBLIC_URL') ?? 'http://localhost:3000').replace(/\/+$/, '')}/api/v1/notifications/callbacks/zalo`,
    },
    log: (l) => console.log(`[messaging] ${l}`),
  });
  console.log(`[messaging] set NOTIFY_SMS_URL=${sim.url} and NOTIFY_ZALO_URL=${sim.url} for motcua`);
  const stop = () => void sim.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
