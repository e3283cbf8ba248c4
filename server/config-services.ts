// The variables of the services motcua talks to for notifications (#18: SMTP, SMS brandname, Zalo
// ZNS) and signatures (#19: trust roots, seals, remote signing, time-stamps), kept apart from
// config.ts, which spreads them into VARIABLES in the order of `.env.example`, and their typed sections.
import path from 'node:path';
import { httpUrl, int, refined, text, type Variable } from './config-variables.ts';

/** Notifications to applicants: e-mail over SMTP, SMS brandname, Zalo ZNS (docs/domain/notifications.md). */
export type NotifyConfig = {
  /** smtp://host:port (smtps:// for TLS); null: demo mode runs the SMTP sink in-process, else e-mail waits. */
  smtpUrl: string | null;
  mailFrom: string;
  /** Base URL of the eSMS-shaped SMS API; null: as smtpUrl (the messaging simulator in demo mode). */
  smsUrl: string | null;
  smsApiKey: string;
  smsSecretKey: string;
  smsBrandname: string;
  zaloUrl: string | null;
  zaloAccessToken: string;
  zaloAppId: string;
  zaloSecret: string;
  /** The shared secret of the eSMS callback URL. */
  callbackSecret: string;
  timeoutMs: number;
  maxAttempts: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  concurrency: number;
  alertFailures: number;
  alertMinutes: number;
  simulatorPort: number;
};

/** Signed results and slips (#19; docs/domain/signatures-product.md). */
export type SigningConfig = {
  /** PEM files of the roots verification trusts; empty: the project's trust-roots/ directory. */
  trustRoots: string[];
  /** The agencies' organisation seals: <agency code>.p12 with <agency code>.pass. */
  sealsDir: string;
  /** The remote signing service; null: remote signing is not offered (demo mode runs the simulator). */
  remoteUrl: string | null;
  /** An RFC 3161 time-stamp authority; null: signatures carry the signing time only. */
  timestampUrl: string | null;
};

export const SERVICE_VARIABLES = {
  NOTIFY_SMTP_URL: refined((v) => /^smtps?:\/\/[^\s/]+(:\d+)?\/?$/.test(v), {
    mustBe: 'smtp://host:port or smtps://host:port (user:password@ allowed)',
    doc: 'SMTP server notifications are sent through (nodemailer). Empty: in demo mode an SMTP sink runs inside the server (its inbox on NOTIFY_SIMULATOR_PORT + 1); otherwise e-mail notifications wait, queued',
  }),
  NOTIFY_MAIL_FROM: text('motcua <no-reply@motcua.local>', 'Sender of notification e-mails'),
  NOTIFY_SMS_URL: httpUrl(
    'Base URL of the SMS brandname API (eSMS-shaped). Empty: in demo mode the messaging simulator runs inside the server; otherwise SMS wait, queued',
  ),
  NOTIFY_SMS_API_KEY: { ...text('sim-api-key', 'ApiKey of the SMS brandname account'), quiet: true },
  NOTIFY_SMS_SECRET_KEY: { ...text('sim-secret-key', 'SecretKey of the SMS brandname account'), quiet: true },
  NOTIFY_SMS_BRANDNAME: refined((v) => /^(?![0-9 ]+$)[A-Za-z0-9._ -]{1,11}$/.test(v), {
    mustBe: 'a brandname of 1–11 Latin letters, digits, ".", "_", "-" or spaces, not all digits (NĐ 91/2020)',
    doc: 'SMS brandname (tên định danh) used when a province has not set its own',
    fallback: 'MOTCUA',
  }),
  NOTIFY_ZALO_URL: httpUrl(
    'Base URL of the Zalo ZNS API (https://business.openapi.zalo.me). Empty: in demo mode the messaging simulator; otherwise Zalo messages wait, queued',
  ),
  NOTIFY_ZALO_ACCESS_TOKEN: { ...text('sim-zalo-token', 'Zalo OA access token for ZNS'), quiet: true },
  NOTIFY_ZALO_APP_ID: text('sim-app', 'Zalo app id (part of the webhook signature)'),
  NOTIFY_ZALO_SECRET: {
    ...text('sim-zalo-secret', 'Zalo OA secret key that signs delivery webhooks (X-ZEvent-Signature)'),
    quiet: true,
  },
  NOTIFY_CALLBACK_SECRET: {
    ...text(
      'motcua-notify-callback-secret',
      'Shared secret carried in the SMS delivery callback URL given to the provider (at least 16 characters in production)',
    ),
    quiet: true,
  },
  NOTIFY_TIMEOUT_MS: int(
    50,
    120_000,
    10_000,
    'Time one request to a messaging provider (or SMTP exchange) may take',
  ),
  NOTIFY_MAX_ATTEMPTS: int(1, 1000, 30, 'Attempts of a notification event before it is dead-lettered'),
  NOTIFY_BACKOFF_BASE_MS: int(
    1,
    3_600_000,
    2000,
    'First retry delay of a notification (doubles, with jitter)',
  ),
  NOTIFY_BACKOFF_MAX_MS: int(1, 86_400_000, 300_000, 'Longest retry delay of a notification'),
  NOTIFY_CONCURRENCY: int(1, 256, 16, 'Notification events delivered at once by the worker'),
  NOTIFY_ALERT_FAILURES: int(
    1,
    10_000,
    5,
    'Failed attempts in a row on a channel before the operators are alerted',
  ),
  NOTIFY_ALERT_MINUTES: int(
    1,
    7 * 24 * 60,
    15,
    'Minutes without a success on a channel that was tried before the operators are alerted',
  ),
  NOTIFY_SIMULATOR_PORT: int(
    0,
    65535,
    3950,
    'Port of the messaging simulator in demo mode (SMS and Zalo); the SMTP sink listens on the next port and its inbox on the one after',
  ),
  SIGNING_TRUST_ROOTS: text(
    undefined,
    "Comma-separated PEM files of the root certificates signature verification trusts (the national root of the Government Cipher Committee). Empty: the PEM files in the project's trust-roots/ directory (and the demo root in demo mode)",
  ),
  SIGNING_SEALS_DIR: text(
    undefined,
    "Directory of the agencies' organisation seals: <agency code>.p12 with its password in <agency code>.pass. Empty: DATA_DIR/signing/seals (demo mode generates a demo seal per agency there)",
  ),
  REMOTE_SIGNING_URL: httpUrl(
    'Base URL of the remote signing service (NEAC eSign gateway shape). Empty: in demo mode the remote signing simulator runs inside the server; otherwise remote signing is not offered',
  ),
  SIGNING_TIMESTAMP_URL: httpUrl(
    'RFC 3161 time-stamp authority for the signatures motcua makes. Empty: no timestamp (the signing time only)',
  ),
} satisfies Record<string, Variable>;

type ServiceValues = {
  [K in keyof typeof SERVICE_VARIABLES]: (typeof SERVICE_VARIABLES)[K] extends Variable<infer T> ? T : never;
};

const trimSlashes = (url: string | undefined): string | null => url?.replace(/\/+$/, '') ?? null;

export function notifyConfig(v: ServiceValues): NotifyConfig {
  return {
    smtpUrl: v.NOTIFY_SMTP_URL ?? null,
    mailFrom: v.NOTIFY_MAIL_FROM,
    smsUrl: trimSlashes(v.NOTIFY_SMS_URL),
    smsApiKey: v.NOTIFY_SMS_API_KEY,
    smsSecretKey: v.NOTIFY_SMS_SECRET_KEY,
    smsBrandname: v.NOTIFY_SMS_BRANDNAME,
    zaloUrl: trimSlashes(v.NOTIFY_ZALO_URL),
    zaloAccessToken: v.NOTIFY_ZALO_ACCESS_TOKEN,
    zaloAppId: v.NOTIFY_ZALO_APP_ID,
    zaloSecret: v.NOTIFY_ZALO_SECRET,
    callbackSecret: v.NOTIFY_CALLBACK_SECRET,
    timeoutMs: v.NOTIFY_TIMEOUT_MS,
    maxAttempts: v.NOTIFY_MAX_ATTEMPTS,
    backoffBaseMs: v.NOTIFY_BACKOFF_BASE_MS,
    backoffMaxMs: v.NOTIFY_BACKOFF_MAX_MS,
    concurrency: v.NOTIFY_CONCURRENCY,
    alertFailures: v.NOTIFY_ALERT_FAILURES,
    alertMinutes: v.NOTIFY_ALERT_MINUTES,
    simulatorPort: v.NOTIFY_SIMULATOR_PORT,
  };
}

export function signingConfig(v: ServiceValues, at: { cwd: string; dataDir: string }): SigningConfig {
  const { cwd } = at;
  return {
    trustRoots: (v.SIGNING_TRUST_ROOTS ?? '')
      .split(',')
      .map((f) => f.trim())
      .filter((f) => f !== '')
      .map((f) => path.resolve(cwd, f)),
    sealsDir: path.resolve(cwd, at.dataDir, v.SIGNING_SEALS_DIR ?? 'signing/seals'),
    remoteUrl: trimSlashes(v.REMOTE_SIGNING_URL),
    timestampUrl: v.SIGNING_TIMESTAMP_URL ?? null,
  };
}
