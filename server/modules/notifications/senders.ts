// The three channels' adapters: e-mail through nodemailer over SMTP, SMS to an eSMS-shaped brandname
// API, Zalo to a ZNS-shaped API. Each answers accepted (with the provider's id), or failed, temporary
// (an outage: connection refused or lost, a timeout, HTTP 5xx, SMTP 4xx, eSMS 99, ZNS -1 — retried) or
// permanent (the provider's error code: not retried). A permanent failure caused by the recipient (an
// address or phone the provider refuses, a phone without Zalo) is marked `recipient`: the channel works,
// and its health does not count it. docs/domain/notifications.md.
import nodemailer from 'nodemailer';
import type { NotifyConfig } from '../../config.ts';
import type { NotificationChannel, RenderedMessage } from '../../../common/contracts/notifications.ts';

export type Outgoing = {
  recipient: string;
  content: RenderedMessage;
  trackingId: string;
  brandname: string;
};

export type SendResult =
  | { ok: true; providerId: string | null; delivered: boolean }
  | { ok: false; temporary: boolean; error: string; recipient?: boolean };

export type Sender = (message: Outgoing) => Promise<SendResult>;
export type Senders = Partial<Record<NotificationChannel, Sender>> & { close: () => Promise<void> };

export const ESMS_SEND_PATH = '/MainService.svc/json/SendMultipleMessage_V4_post_json/';
export const ZNS_SEND_PATH = '/message/template';

/** A JSON field as text: a string or number as given, anything else empty. */
const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

const temporary = (error: string): SendResult => ({ ok: false, temporary: true, error });
const permanent = (error: string): SendResult => ({ ok: false, temporary: false, error });
const refusedRecipient = (error: string): SendResult => ({
  ok: false,
  temporary: false,
  error,
  recipient: true,
});

/** ZNS refusals of the recipient: -108 phone invalid, -114 user inactive or refusing, -118 no Zalo account. */
export const ZNS_RECIPIENT_ERRORS: readonly number[] = [-108, -114, -118];

/** SMTP's enhanced status 5.1.x (RFC 3463: addressing — no such mailbox, bad address): the recipient's. */
const smtpRecipientRefused = (text: string) => /\b5\.1\.\d{1,3}\b/.test(text);

/** 0912345678 → 84912345678 (ZNS wants the country code). */
export const internationalPhone = (phone: string) =>
  phone.startsWith('+84') ? phone.slice(1) : phone.startsWith('0') ? `84${phone.slice(1)}` : phone;

async function postJson(
  url: string,
  body: unknown,
  options: { timeoutMs: number; headers?: Record<string, string> },
): Promise<{ status: number; json: Record<string, unknown> | null } | { error: string }> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...options.headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    const text = await res.text();
    let json: Record<string, unknown> | null = null;
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {
      json = null;
    }
    return { status: res.status, json };
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause?.code;
    return { error: `${(err as Error).name}: ${cause ?? (err as Error).message}` };
  }
}

export function emailSender(config: NotifyConfig & { smtpUrl: string }): Sender & { close: () => void } {
  const transport = nodemailer.createTransport(config.smtpUrl, {
    pool: true,
    maxConnections: Math.min(config.concurrency, 8),
    maxMessages: Infinity,
    connectionTimeout: config.timeoutMs,
    greetingTimeout: config.timeoutMs,
    socketTimeout: config.timeoutMs,
  } as object);
  const send = async (m: Outgoing): Promise<SendResult> => {
    try {
      const info = await transport.sendMail({
        from: config.mailFrom,
        to: m.recipient,
        subject: m.content.subject ?? '',
        text: m.content.text,
        html: m.content.html ?? undefined,
        messageId: `<${m.trackingId}@motcua>`,
      });
      // SMTP has no delivery report: the server's 250 after DATA is what "delivered" means here.
      return { ok: true, providerId: info.messageId ?? null, delivered: true };
    } catch (err) {
      const code = (err as { responseCode?: number }).responseCode;
      const text = `SMTP ${code ?? (err as { code?: string }).code ?? ''}: ${(err as Error).message}`.slice(
        0,
        500,
      );
      if (code === undefined || code < 500) return temporary(text);
      return smtpRecipientRefused(text) ? refusedRecipient(text) : permanent(text);
    }
  };
  return Object.assign(send, { close: () => transport.close() });
}

export function smsSender(config: NotifyConfig & { smsUrl: string }, callbackUrl: string): Sender {
  return async (m) => {
    const r = await postJson(
      `${config.smsUrl}${ESMS_SEND_PATH}`,
      {
        ApiKey: config.smsApiKey,
        SecretKey: config.smsSecretKey,
        Phone: m.recipient,
        Content: m.content.text,
        Brandname: m.brandname,
        SmsType: '2',
        IsUnicode: '0',
        RequestId: m.trackingId,
        CallbackUrl: callbackUrl,
      },
      { timeoutMs: config.timeoutMs },
    );
    if ('error' in r) return temporary(`SMS: ${r.error}`);
    if (r.status >= 500 || r.json === null) return temporary(`SMS: HTTP ${r.status}`);
    const code = str(r.json.CodeResult);
    if (code === '100') return { ok: true, providerId: str(r.json.SMSID) || null, delivered: false };
    // The same RequestId again: the provider has it already (an answer lost on the way back).
    if (code === '124') return { ok: true, providerId: null, delivered: false };
    const text = `eSMS ${code}: ${str(r.json.ErrorMessage)}`;
    return code === '99' ? temporary(text) : permanent(text);
  };
}

export function zaloSender(config: NotifyConfig & { zaloUrl: string }): Sender {
  return async (m) => {
    const zalo = m.content.zalo;
    if (zalo === null) return permanent('ZNS: no template');
    const r = await postJson(
      `${config.zaloUrl}${ZNS_SEND_PATH}`,
      {
        phone: internationalPhone(m.recipient),
        template_id: zalo.templateId,
        template_data: zalo.params,
        tracking_id: m.trackingId,
      },
      { timeoutMs: config.timeoutMs, headers: { access_token: config.zaloAccessToken } },
    );
    if ('error' in r) return temporary(`ZNS: ${r.error}`);
    if (r.status >= 500 || r.json === null) return temporary(`ZNS: HTTP ${r.status}`);
    const error = Number(r.json.error);
    if (error === 0) {
      const data = (r.json.data ?? {}) as Record<string, unknown>;
      return { ok: true, providerId: typeof data.msg_id === 'string' ? data.msg_id : null, delivered: false };
    }
    const text = `ZNS ${error}: ${str(r.json.message)}`;
    if (error === -1) return temporary(text);
    return ZNS_RECIPIENT_ERRORS.includes(error) ? refusedRecipient(text) : permanent(text);
  };
}
