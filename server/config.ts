// The only reader of process.env. Every variable is declared once here, in VARIABLES: its TypeBox
// schema (type, bounds, default, documentation), from which TypeBox's Value converts and checks the
// environment's strings. `.env.example` must list the same variables (config.test.ts keeps the two in
// step). What relates several variables (production refusals, derived defaults) follows the schema.
import path from 'node:path';
import {
  bool,
  httpUrl,
  int,
  isProxyAddress,
  isUrl,
  oneOf,
  proxyList,
  refined,
  text,
  type Variable,
} from './config-variables.ts';
import { Value } from 'typebox/value';
import {
  notifyConfig,
  SERVICE_VARIABLES,
  signingConfig,
  type NotifyConfig,
  type SigningConfig,
} from './config-services.ts';

export type { NotifyConfig, SigningConfig };

const NODE_ENVS = ['development', 'test', 'production'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

export type Config = {
  nodeEnv: NodeEnv;
  host: string;
  port: number;
  publicUrl: string;
  databaseUrl: string | null;
  /** The schema owner's connection, for migrations; DATABASE_URL when unset. */
  migrationDatabaseUrl: string | null;
  dataDir: string;
  backupEveryMinutes: number;
  demoMode: boolean;
  secretKey: string;
  logLevel: string;
  bodyLimitBytes: number;
  sessionTtlHours: number;
  /** Sign-in budgets and waits (docs/adr/0011-sign-in-throttling.md). */
  loginMaxFailures: number;
  loginAccountMaxFailures: number;
  loginAddressMaxFailures: number;
  loginBackoffSeconds: number;
  loginBackoffMaxMinutes: number;
  /** The reverse proxies whose X-Forwarded-For is believed: addresses, CIDR ranges or proxy-addr's names. */
  trustProxy: string[];
  /** The bearer token /metrics asks for; null: /metrics is open, except in production where it is off. */
  metricsToken: string | null;
  /** Serve the API docs UI (/docs) and the OpenAPI document (/openapi.json). */
  apiDocs: boolean;
  workerInApi: boolean;
  portal: PortalConfig;
  sync: SyncConfig;
  simulatorPort: number;
  /** The VGCA signing plugin's local WebSocket service, as the officers' browsers reach it (#19). */
  vgcaPluginUrl: string;
  oidc: OidcConfig;
  citizenPortal: CitizenPortalConfig;
  payment: PaymentConfig;
  province: ProvinceConfig;
  notify: NotifyConfig;
  signing: SigningConfig;
};

/** The deployment's province on the screen: the header and the page title (#14). */
export type ProvinceConfig = {
  /** "Thành phố Hà Nội"; null: the header shows the system's name only. */
  name: string | null;
  /** Absolute path of the emblem image (SVG or PNG); null: no emblem, never a stand-in. */
  emblemPath: string | null;
};

/** The emblem files served (by extension), with their media type. */
export const EMBLEM_TYPES = { '.svg': 'image/svg+xml', '.png': 'image/png' } as const;

export const CITIZEN_PORTAL_MODES = ['local', 'national'] as const;

/** Where citizens apply online (docs/web.md, national-portal mode). */
export type CitizenPortalConfig = {
  mode: (typeof CITIZEN_PORTAL_MODES)[number];
  /** With {code} for the procedure code. */
  nationalProcedureUrl: string;
};

/** Citizen sign-in through an OpenID Connect identity provider (VNeID in production). */
export type OidcConfig = {
  /** null: in demo mode the development provider runs in-process; otherwise citizen sign-in is off. */
  issuer: string | null;
  clientId: string;
  clientSecret: string;
  scope: string;
  /** The claim carrying the 12-digit personal identification number. */
  idNumberClaim: string;
  devIdpPort: number;
};

/** The payment platform of the national portal (legal-notes §5 E4; docs/integration/national-portal.md). */
export type PaymentConfig = {
  /** null: not configured (demo mode runs the simulator in-process; otherwise only desk payments). */
  baseUrl: string | null;
  /** MaDoiTac: the partner code the platform gave the province. */
  partnerCode: string;
  /** The secret appended to MaXacThuc's pipe-joined fields. */
  secret: string;
  /** Minutes between reconciliations of pending payments (QUERY); 0 turns it off. */
  reconcileMinutes: number;
  /** Callbacks taken per minute from one client address (anyone may call; each is recorded). */
  callbacksPerMinute: number;
};

export const PORTAL_AUTH_MODES = ['hmac', 'header'] as const;
export type PortalAuthMode = (typeof PORTAL_AUTH_MODES)[number];

/** The national portal (Cổng DVCQG) endpoints and credentials (docs/integration/national-portal.md). */
export type PortalConfig = {
  /** null: not configured (demo mode runs the simulator in-process; otherwise messages wait). */
  baseUrl: string | null;
  auth: PortalAuthMode;
  secret: string;
  timeoutMs: number;
};

/** The outbox worker and the sync jobs. */
export type SyncConfig = {
  batchSize: number;
  maxAttempts: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  pollMs: number;
  reconcileMinutes: number;
  reconcileWindowHours: number;
  inboundSeconds: number;
};

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const NATIONAL_PROCEDURE_URL = 'https://dichvucong.gov.vn/p/home/dvc-tim-kiem-thu-tuc.html?keyword={code}';

/** Every variable, in the order of `.env.example`. */
const VARIABLES = {
  NODE_ENV: oneOf(NODE_ENVS, 'development', 'development | test | production'),
  HOST: text('127.0.0.1', 'Interface to listen on (0.0.0.0 in a container)'),
  PORT: int(0, 65535, 3000, 'HTTP port'),
  PUBLIC_URL: refined((v) => isUrl(v), {
    mustBe: 'an absolute URL',
    doc: 'Origin the browser uses; writes from any other origin are refused (CSRF)',
    example: 'http://localhost:3000',
  }),
  DATABASE_URL: refined((v) => /^postgres(ql)?:\/\//.test(v), {
    mustBe: 'a URL starting with postgres:// or postgresql://',
    doc: 'postgres://… for a real PostgreSQL; empty for the embedded PGlite in DATA_DIR',
    quiet: true,
  }),
  MIGRATION_DATABASE_URL: refined((v) => /^postgres(ql)?:\/\//.test(v), {
    mustBe: 'a URL starting with postgres:// or postgresql://',
    doc: 'The schema owner (migrator) for migrations; DATABASE_URL is then the runtime role (docs/operations.md). Defaults to DATABASE_URL',
    quiet: true,
  }),
  DATA_DIR: text('./data', 'Embedded database and files directory'),
  BACKUP_EVERY_MINUTES: int(
    0,
    7 * 24 * 60,
    24 * 60,
    'Embedded database only: the server writes a backup to DATA_DIR/backups this often, keeping 7 (0: never)',
  ),
  DEMO_MODE: bool(
    undefined,
    'Seed demo staff (password "demo"); on by default for the embedded database, refused in production',
  ),
  SECRET_KEY: {
    ...text(
      undefined,
      'Key for hashing session ids and API tokens (HMAC-SHA256); at least 32 characters in production',
    ),
    quiet: true,
  },
  LOG_LEVEL: oneOf(
    LOG_LEVELS,
    undefined,
    'pino level: fatal, error, warn, info, debug, trace, silent',
    'info',
  ),
  BODY_LIMIT_BYTES: int(1024, 100 * 1024 * 1024, 1024 * 1024, 'Largest JSON request body accepted'),
  SESSION_TTL_HOURS: int(1, 24 * 30, 12, 'Staff session lifetime'),
  LOGIN_MAX_FAILURES: int(
    1,
    100,
    5,
    'Sign-in attempts for one account from one address before that address waits (docs/adr/0011-sign-in-throttling.md)',
  ),
  LOGIN_ACCOUNT_MAX_FAILURES: int(
    1,
    10_000,
    20,
    'Sign-in attempts for one account from all addresses before addresses it has not signed in from for 30 days wait',
  ),
  LOGIN_ADDRESS_MAX_FAILURES: int(
    1,
    100_000,
    50,
    'Sign-in attempts from one address (an office NAT: every account) before it waits, but for accounts that signed in from it within 30 days',
  ),
  LOGIN_BACKOFF_SECONDS: int(
    1,
    3600,
    60,
    'First wait once a sign-in budget is spent; it doubles each time the budget is spent again',
  ),
  LOGIN_BACKOFF_MAX_MINUTES: int(1, 24 * 60, 60, 'Longest wait of a spent sign-in budget'),
  TRUST_PROXY: refined((v) => proxyList(v).every(isProxyAddress), {
    mustBe:
      "false, or a comma-separated list of the reverse proxies' addresses or CIDR ranges (or loopback, linklocal, uniquelocal); true, which trusted every hop and let a client choose its address, is no longer accepted",
    doc: 'Reverse proxies whose X-Forwarded-For is believed, by address or CIDR range, comma-separated (e.g. 127.0.0.1 or 10.0.0.0/8); false: none',
    fallback: 'false',
  }),
  METRICS_TOKEN: {
    ...text(
      undefined,
      'Bearer token Prometheus sends for /metrics (at least 16 characters). Empty: /metrics is open, except in production, where it is then off',
    ),
    quiet: true,
  },
  API_DOCS: bool(
    undefined,
    'Serve the API docs UI at /docs and the OpenAPI document at /openapi.json; on by default, except in production',
  ),
  WORKER_IN_API: bool(
    true,
    'Run the background worker inside the API process (default true for --role=all)',
    '',
  ),
  PORTAL_BASE_URL: httpUrl(
    'Base URL of the national portal (Cổng DVCQG) sync endpoints. Empty: in demo mode the portal simulator runs inside the server; otherwise portal messages wait, pending, until it is set',
  ),
  PORTAL_AUTH: oneOf(
    PORTAL_AUTH_MODES,
    'hmac',
    'How requests to the portal are signed: hmac (X-Timestamp and X-Signature, HMAC-SHA256 with PORTAL_SECRET) or header (X-Api-Key: PORTAL_SECRET)',
  ),
  PORTAL_SECRET: {
    ...text(
      undefined,
      'Secret shared with the portal (and with the simulator); required in production when PORTAL_BASE_URL is set',
    ),
    quiet: true,
  },
  PORTAL_TIMEOUT_MS: int(50, 600_000, 10_000, 'Time one portal request may take before it counts as failed'),
  SYNC_BATCH_SIZE: int(1, 10, 10, 'Dossier records per sync request (the portal takes at most 10)'),
  SYNC_MAX_ATTEMPTS: int(
    1,
    1000,
    20,
    'Delivery attempts before a message is dead-lettered (an operator re-drives it)',
  ),
  SYNC_BACKOFF_BASE_MS: int(
    1,
    24 * 3_600_000,
    5000,
    'Ceiling of the first retry delay; it doubles per attempt and the delay is drawn below it (full jitter)',
  ),
  SYNC_BACKOFF_MAX_MS: int(1, 7 * 24 * 3_600_000, 3_600_000, 'Largest retry delay ceiling'),
  SYNC_POLL_MS: int(
    10,
    3_600_000,
    1000,
    'Longest sleep of an idle worker between looks for new messages (after a delivery it looks again after 20 ms, doubling)',
  ),
  SYNC_RECONCILE_MINUTES: int(
    0,
    7 * 24 * 60,
    60,
    'Minutes between reconciliation runs (compare what the portal holds, re-send differences); 0 turns it off',
  ),
  SYNC_RECONCILE_WINDOW_HOURS: int(
    1,
    24 * 366,
    48,
    'Reconciliation looks at dossiers changed within this many hours',
  ),
  SYNC_INBOUND_SECONDS: int(
    0,
    24 * 3600,
    60,
    'Seconds between fetches of dossiers submitted on the national portal; 0 turns it off',
  ),
  SIMULATOR_PORT: int(
    0,
    65535,
    3900,
    'Port of the national-portal simulator (npm run simulator, and the in-process one in demo mode)',
  ),
  VGCA_PLUGIN_URL: refined((v) => isUrl(v, ['ws:', 'wss:']) && new URL(v).pathname === '/', {
    mustBe: 'a ws:// or wss:// origin',
    fallback: 'wss://127.0.0.1:8987',
    doc: "Where the pages reach the Government Cipher Committee's signing plugin (VGCA) on an officer's PC, to sign results with a USB token; the pages' content security policy allows it",
  }),
  OIDC_ISSUER: httpUrl(
    'Issuer URL of the citizen identity provider (OpenID Connect; VNeID in production). Empty: in demo mode a development provider runs inside the server on DEV_IDP_PORT; otherwise citizen sign-in is off',
  ),
  OIDC_CLIENT_ID: text('motcua', 'Client id registered with the identity provider'),
  OIDC_CLIENT_SECRET: {
    ...text(
      undefined,
      'Client secret registered with the identity provider; required in production when OIDC_ISSUER is set',
    ),
    quiet: true,
  },
  OIDC_SCOPE: text('openid profile', 'Scopes asked for at sign-in'),
  OIDC_ID_NUMBER_CLAIM: text(
    'citizen_id',
    'Claim of the ID token or userinfo that carries the 12-digit personal identification number',
  ),
  DEV_IDP_PORT: int(
    0,
    65535,
    3901,
    'Port of the development identity provider started in demo mode when OIDC_ISSUER is empty',
  ),
  CITIZEN_PORTAL_MODE: oneOf(
    CITIZEN_PORTAL_MODES,
    'local',
    'local: citizens apply online here (the province portal). national: the mode in force since 1 July 2025 — the portal keeps the catalogue, lookup, QR and kiosk, desks take assisted submissions, and "apply" hands over to the national portal (dossiers from it arrive by the inbound fetch)',
  ),
  NATIONAL_PORTAL_PROCEDURE_URL: refined((v) => v.includes('{code}') && /^https?:\/\//.test(v), {
    mustBe: 'an http(s) URL containing {code}',
    doc: 'The national portal page of a procedure, {code} replaced by the procedure code (where "apply" hands over in national mode)',
    fallback: NATIONAL_PROCEDURE_URL,
  }),
  PAYMENT_BASE_URL: httpUrl(
    'Base URL of the payment platform (INIT, QUERY). Empty: in demo mode the payment simulator runs inside the server; otherwise only desk payments are taken',
  ),
  PAYMENT_PARTNER_CODE: refined((v) => /^[A-Za-z0-9._-]{1,50}$/.test(v), {
    mustBe: '1–50 letters, digits, ".", "_" or "-"',
    doc: 'Partner code (MaDoiTac) the payment platform gave the province',
    fallback: 'MOTCUA',
  }),
  PAYMENT_SECRET: {
    ...text(
      undefined,
      'Secret shared with the payment platform for MaXacThuc (and with the simulator); required in production when PAYMENT_BASE_URL is set',
    ),
    quiet: true,
  },
  PAYMENT_RECONCILE_MINUTES: int(
    0,
    7 * 24 * 60,
    10,
    'Minutes between reconciliations of pending online payments with the platform (QUERY); 0 turns it off',
  ),
  PAYMENT_CALLBACKS_PER_MINUTE: int(
    1,
    1_000_000,
    300,
    'Payment callbacks taken per minute from one client address; past that, 429 (the platform sends again, reconciliation catches up)',
  ),
  PROVINCE_NAME: refined(
    (v) => v.trim().length <= 100 && ![...v].some((c) => c < ' ' || c === '<' || c === '>'),
    {
      mustBe: 'a name of at most 100 characters, without control characters or < >',
      doc: "The province or city this deployment serves, as the header and the page title name it (e.g. Thành phố Hà Nội). Empty: the system's name only",
    },
  ),
  PROVINCE_EMBLEM: refined((v) => /\.(svg|png)$/i.test(v) && !v.includes('\u0000'), {
    mustBe: 'the path of an .svg or .png file',
    doc: "The province's emblem shown beside its name: an .svg or .png file, a path relative to DATA_DIR or absolute. Empty: no emblem (the name alone; the product ships none)",
  }),
  ...SERVICE_VARIABLES,
} satisfies Record<string, Variable>;

type VariableName = keyof typeof VARIABLES;

/** Documented in the same order as `.env.example`. */
export const CONFIG_VARIABLES: readonly { name: VariableName; doc: string; example: string }[] = (
  Object.entries(VARIABLES) as [VariableName, Variable][]
).map(([name, v]) => {
  const fallback = v.schema.default as string | number | boolean | undefined;
  return {
    name,
    doc: String(v.schema.description),
    example: v.example ?? (fallback === undefined ? '' : String(fallback)),
  };
});

type Values = {
  [K in VariableName]: (typeof VARIABLES)[K] extends Variable<infer T> ? T : never;
};

/**
 * The environment's values, converted and checked by the schema, defaults filled in. A wrong value
 * is named in `problems` and reads as its default (or unset), so the checks that follow still run.
 */
function readVariables(env: Env, problems: string[]): Values {
  const values: Record<string, unknown> = {};
  for (const [name, v] of Object.entries(VARIABLES) as [VariableName, Variable][]) {
    const raw = env[name]?.trim();
    const value = raw ? Value.Convert(v.schema, raw) : v.schema.default;
    // One variable at a time: TypeBox caps the errors of one check, and every wrong variable is named.
    if (raw && !Value.Check(v.schema, value)) {
      problems.push(`${name} must be ${v.mustBe}` + (v.quiet ? '' : ` (got "${raw}")`));
      values[name] = v.schema.default;
    } else values[name] = value;
  }
  return values as Values;
}

const DEV_SECRET = 'motcua-development-secret-not-for-production';
/** The simulator's default secret, so that development works with no configuration. */
export const DEV_PORTAL_SECRET = 'motcua-portal-simulator-secret';

/** The payment simulator's default secret, so that demo payments work with no configuration. */
export const DEV_PAYMENT_SECRET = 'motcua-payment-simulator-secret';

/** The development identity provider's client secret, so that demo sign-in works with no configuration. */
export const DEV_OIDC_SECRET = 'motcua-dev-identity-provider-secret';

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.problems = problems;
  }
}

type Env = Record<string, string | undefined>;

const trimSlashes = (url: string | undefined): string | null => url?.replace(/\/+$/, '') ?? null;

export function parseConfig(env: Env, cwd: string = process.cwd()): Config {
  const problems: string[] = [];
  const v = readVariables(env, problems);
  const nodeEnv = v.NODE_ENV;
  const production = nodeEnv === 'production';
  const databaseUrl = v.DATABASE_URL ?? null;
  const publicUrl = v.PUBLIC_URL ?? `http://localhost:${v.PORT}`;
  const demoMode = v.DEMO_MODE ?? (databaseUrl === null && !production);
  // Development works with no configuration; production refuses the development secrets.
  const secretKey = v.SECRET_KEY ?? (production ? '' : DEV_SECRET);
  const portalSecret = v.PORTAL_SECRET ?? (production ? '' : DEV_PORTAL_SECRET);
  const oidcSecret = v.OIDC_CLIENT_SECRET ?? (production ? '' : DEV_OIDC_SECRET);
  const paymentSecret = v.PAYMENT_SECRET ?? (production ? '' : DEV_PAYMENT_SECRET);
  const weak = (secret: string, dev: string, min: number) => secret.length < min || secret === dev;
  if (production) {
    if (weak(secretKey, DEV_SECRET, 32)) {
      problems.push('SECRET_KEY must be set to a random value of at least 32 characters in production');
    }
    if (demoMode)
      problems.push('DEMO_MODE cannot be on in production (demo accounts share the password "demo")');
    if (databaseUrl === null)
      problems.push('DATABASE_URL is required in production (PGlite is for one machine)');
    if (v.PORTAL_BASE_URL !== undefined && weak(portalSecret, DEV_PORTAL_SECRET, 16)) {
      problems.push(
        'PORTAL_SECRET must be set (at least 16 characters) in production when PORTAL_BASE_URL is set',
      );
    }
    if (v.OIDC_ISSUER !== undefined && !isUrl(v.OIDC_ISSUER, ['https:'])) {
      problems.push(`OIDC_ISSUER must be an absolute https URL (got "${v.OIDC_ISSUER}")`);
    }
    if (v.OIDC_ISSUER !== undefined && weak(oidcSecret, DEV_OIDC_SECRET, 1)) {
      problems.push('OIDC_CLIENT_SECRET must be set in production when OIDC_ISSUER is set');
    }
    if (v.PAYMENT_BASE_URL !== undefined && weak(paymentSecret, DEV_PAYMENT_SECRET, 16)) {
      problems.push(
        'PAYMENT_SECRET must be set (at least 16 characters) in production when PAYMENT_BASE_URL is set',
      );
    }
  }
  if (env.LOGIN_LOCKOUT_MINUTES?.trim()) {
    problems.push(
      'LOGIN_LOCKOUT_MINUTES is no longer read: a spent sign-in budget waits LOGIN_BACKOFF_SECONDS, doubling up to LOGIN_BACKOFF_MAX_MINUTES (docs/adr/0011-sign-in-throttling.md)',
    );
  }
  if (v.METRICS_TOKEN !== undefined && v.METRICS_TOKEN.length < 16) {
    problems.push('METRICS_TOKEN must be at least 16 characters');
  }
  if (v.LOGIN_BACKOFF_MAX_MINUTES * 60 < v.LOGIN_BACKOFF_SECONDS) {
    problems.push('LOGIN_BACKOFF_MAX_MINUTES must not be shorter than LOGIN_BACKOFF_SECONDS');
  }
  if (production && v.NOTIFY_SMS_URL !== undefined && v.NOTIFY_CALLBACK_SECRET.length < 16) {
    problems.push('NOTIFY_CALLBACK_SECRET must be at least 16 characters in production');
  }
  if (v.SYNC_BACKOFF_MAX_MS < v.SYNC_BACKOFF_BASE_MS) {
    problems.push('SYNC_BACKOFF_MAX_MS must not be smaller than SYNC_BACKOFF_BASE_MS');
  }
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    nodeEnv,
    host: v.HOST,
    port: v.PORT,
    publicUrl: publicUrl.replace(/\/$/, ''),
    databaseUrl,
    migrationDatabaseUrl: databaseUrl === null ? null : (v.MIGRATION_DATABASE_URL ?? databaseUrl),
    dataDir: path.resolve(cwd, v.DATA_DIR),
    backupEveryMinutes: v.BACKUP_EVERY_MINUTES,
    demoMode,
    secretKey,
    logLevel: v.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info'),
    bodyLimitBytes: v.BODY_LIMIT_BYTES,
    sessionTtlHours: v.SESSION_TTL_HOURS,
    loginMaxFailures: v.LOGIN_MAX_FAILURES,
    loginAccountMaxFailures: v.LOGIN_ACCOUNT_MAX_FAILURES,
    loginAddressMaxFailures: v.LOGIN_ADDRESS_MAX_FAILURES,
    loginBackoffSeconds: v.LOGIN_BACKOFF_SECONDS,
    loginBackoffMaxMinutes: v.LOGIN_BACKOFF_MAX_MINUTES,
    trustProxy: proxyList(v.TRUST_PROXY),
    metricsToken: v.METRICS_TOKEN ?? null,
    apiDocs: v.API_DOCS ?? !production,
    workerInApi: v.WORKER_IN_API,
    portal: {
      baseUrl: trimSlashes(v.PORTAL_BASE_URL),
      auth: v.PORTAL_AUTH,
      secret: portalSecret,
      timeoutMs: v.PORTAL_TIMEOUT_MS,
    },
    sync: {
      batchSize: v.SYNC_BATCH_SIZE,
      maxAttempts: v.SYNC_MAX_ATTEMPTS,
      backoffBaseMs: v.SYNC_BACKOFF_BASE_MS,
      backoffMaxMs: v.SYNC_BACKOFF_MAX_MS,
      pollMs: v.SYNC_POLL_MS,
      reconcileMinutes: v.SYNC_RECONCILE_MINUTES,
      reconcileWindowHours: v.SYNC_RECONCILE_WINDOW_HOURS,
      inboundSeconds: v.SYNC_INBOUND_SECONDS,
    },
    simulatorPort: v.SIMULATOR_PORT,
    vgcaPluginUrl: new URL(v.VGCA_PLUGIN_URL).origin,
    oidc: {
      issuer: trimSlashes(v.OIDC_ISSUER),
      clientId: v.OIDC_CLIENT_ID,
      clientSecret: oidcSecret,
      scope: v.OIDC_SCOPE,
      idNumberClaim: v.OIDC_ID_NUMBER_CLAIM,
      devIdpPort: v.DEV_IDP_PORT,
    },
    citizenPortal: { mode: v.CITIZEN_PORTAL_MODE, nationalProcedureUrl: v.NATIONAL_PORTAL_PROCEDURE_URL },
    province: {
      name: v.PROVINCE_NAME?.trim() || null,
      emblemPath: v.PROVINCE_EMBLEM === undefined ? null : path.resolve(cwd, v.DATA_DIR, v.PROVINCE_EMBLEM),
    },
    signing: signingConfig(v, { cwd, dataDir: v.DATA_DIR }),
    payment: {
      baseUrl: trimSlashes(v.PAYMENT_BASE_URL),
      partnerCode: v.PAYMENT_PARTNER_CODE,
      secret: paymentSecret,
      reconcileMinutes: v.PAYMENT_RECONCILE_MINUTES,
      callbacksPerMinute: v.PAYMENT_CALLBACKS_PER_MINUTE,
    },
    notify: notifyConfig(v),
  };
}

export function loadConfig(): Config {
  return parseConfig(process.env);
}
