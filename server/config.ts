// The only reader of process.env. Every variable is declared once here, with its documentation;
// `.env.example` must list the same variables (config.test.ts keeps the two in step).
import path from 'node:path';

export type NodeEnv = 'development' | 'test' | 'production';

export type Config = {
  nodeEnv: NodeEnv;
  host: string;
  port: number;
  publicUrl: string;
  databaseUrl: string | null;
  dataDir: string;
  demoMode: boolean;
  secretKey: string;
  logLevel: string;
  bodyLimitBytes: number;
  sessionTtlHours: number;
  loginMaxFailures: number;
  loginLockoutMinutes: number;
  trustProxy: boolean;
  workerInApi: boolean;
  portal: PortalConfig;
  sync: SyncConfig;
  simulatorPort: number;
  oidc: OidcConfig;
  citizenPortal: CitizenPortalConfig;
  payment: PaymentConfig;
};

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

type VariableSpec = {
  name: string;
  doc: string;
  example: string;
};

/** Documented in the same order as `.env.example`. */
export const CONFIG_VARIABLES: readonly VariableSpec[] = [
  { name: 'NODE_ENV', doc: 'development | test | production', example: 'development' },
  { name: 'HOST', doc: 'Interface to listen on (0.0.0.0 in a container)', example: '127.0.0.1' },
  { name: 'PORT', doc: 'HTTP port', example: '3000' },
  {
    name: 'PUBLIC_URL',
    doc: 'Origin the browser uses; writes from any other origin are refused (CSRF)',
    example: 'http://localhost:3000',
  },
  {
    name: 'DATABASE_URL',
    doc: 'postgres://… for a real PostgreSQL; empty for the embedded PGlite in DATA_DIR',
    example: '',
  },
  { name: 'DATA_DIR', doc: 'Embedded database and files directory', example: './data' },
  {
    name: 'DEMO_MODE',
    doc: 'Seed demo staff (password "demo"); on by default for the embedded database, refused in production',
    example: '',
  },
  {
    name: 'SECRET_KEY',
    doc: 'Key for hashing session ids and API tokens (HMAC-SHA256); at least 32 characters in production',
    example: '',
  },
  { name: 'LOG_LEVEL', doc: 'pino level: fatal, error, warn, info, debug, trace, silent', example: 'info' },
  { name: 'BODY_LIMIT_BYTES', doc: 'Largest JSON request body accepted', example: '1048576' },
  { name: 'SESSION_TTL_HOURS', doc: 'Staff session lifetime', example: '12' },
  { name: 'LOGIN_MAX_FAILURES', doc: 'Failed sign-ins before a temporary lockout', example: '5' },
  { name: 'LOGIN_LOCKOUT_MINUTES', doc: 'Length of the lockout and of the failure window', example: '15' },
  { name: 'TRUST_PROXY', doc: 'true behind a reverse proxy that sets X-Forwarded-For', example: 'false' },
  {
    name: 'WORKER_IN_API',
    doc: 'Run the background worker inside the API process (default true for --role=all)',
    example: '',
  },
  {
    name: 'PORTAL_BASE_URL',
    doc: 'Base URL of the national portal (Cổng DVCQG) sync endpoints. Empty: in demo mode the portal simulator runs inside the server; otherwise portal messages wait, pending, until it is set',
    example: '',
  },
  {
    name: 'PORTAL_AUTH',
    doc: 'How requests to the portal are signed: hmac (X-Timestamp and X-Signature, HMAC-SHA256 with PORTAL_SECRET) or header (X-Api-Key: PORTAL_SECRET)',
    example: 'hmac',
  },
  {
    name: 'PORTAL_SECRET',
    doc: 'Secret shared with the portal (and with the simulator); required in production when PORTAL_BASE_URL is set',
    example: '',
  },
  {
    name: 'PORTAL_TIMEOUT_MS',
    doc: 'Time one portal request may take before it counts as failed',
    example: '10000',
  },
  {
    name: 'SYNC_BATCH_SIZE',
    doc: 'Dossier records per sync request (the portal takes at most 10)',
    example: '10',
  },
  {
    name: 'SYNC_MAX_ATTEMPTS',
    doc: 'Delivery attempts before a message is dead-lettered (an operator re-drives it)',
    example: '20',
  },
  {
    name: 'SYNC_BACKOFF_BASE_MS',
    doc: 'Ceiling of the first retry delay; it doubles per attempt and the delay is drawn below it (full jitter)',
    example: '5000',
  },
  { name: 'SYNC_BACKOFF_MAX_MS', doc: 'Largest retry delay ceiling', example: '3600000' },
  {
    name: 'SYNC_POLL_MS',
    doc: 'Longest sleep of an idle worker between looks for new messages (after a delivery it looks again after 20 ms, doubling)',
    example: '1000',
  },
  {
    name: 'SYNC_RECONCILE_MINUTES',
    doc: 'Minutes between reconciliation runs (compare what the portal holds, re-send differences); 0 turns it off',
    example: '60',
  },
  {
    name: 'SYNC_RECONCILE_WINDOW_HOURS',
    doc: 'Reconciliation looks at dossiers changed within this many hours',
    example: '48',
  },
  {
    name: 'SYNC_INBOUND_SECONDS',
    doc: 'Seconds between fetches of dossiers submitted on the national portal; 0 turns it off',
    example: '60',
  },
  {
    name: 'SIMULATOR_PORT',
    doc: 'Port of the national-portal simulator (npm run simulator, and the in-process one in demo mode)',
    example: '3900',
  },
  {
    name: 'OIDC_ISSUER',
    doc: 'Issuer URL of the citizen identity provider (OpenID Connect; VNeID in production). Empty: in demo mode a development provider runs inside the server on DEV_IDP_PORT; otherwise citizen sign-in is off',
    example: '',
  },
  { name: 'OIDC_CLIENT_ID', doc: 'Client id registered with the identity provider', example: 'motcua' },
  {
    name: 'OIDC_CLIENT_SECRET',
    doc: 'Client secret registered with the identity provider; required in production when OIDC_ISSUER is set',
    example: '',
  },
  { name: 'OIDC_SCOPE', doc: 'Scopes asked for at sign-in', example: 'openid profile' },
  {
    name: 'OIDC_ID_NUMBER_CLAIM',
    doc: 'Claim of the ID token or userinfo that carries the 12-digit personal identification number',
    example: 'citizen_id',
  },
  {
    name: 'DEV_IDP_PORT',
    doc: 'Port of the development identity provider started in demo mode when OIDC_ISSUER is empty',
    example: '3901',
  },
  {
    name: 'CITIZEN_PORTAL_MODE',
    doc: 'local: citizens apply online here (the province portal). national: the mode in force since 1 July 2025 — the portal keeps the catalogue, lookup, QR and kiosk, desks take assisted submissions, and "apply" hands over to the national portal (dossiers from it arrive by the inbound fetch)',
    example: 'local',
  },
  {
    name: 'NATIONAL_PORTAL_PROCEDURE_URL',
    doc: 'The national portal page of a procedure, {code} replaced by the procedure code (where "apply" hands over in national mode)',
    example: 'https://dichvucong.gov.vn/p/home/dvc-tim-kiem-thu-tuc.html?keyword={code}',
  },
  {
    name: 'PAYMENT_BASE_URL',
    doc: 'Base URL of the payment platform (INIT, QUERY). Empty: in demo mode the payment simulator runs inside the server; otherwise only desk payments are taken',
    example: '',
  },
  {
    name: 'PAYMENT_PARTNER_CODE',
    doc: 'Partner code (MaDoiTac) the payment platform gave the province',
    example: 'MOTCUA',
  },
  {
    name: 'PAYMENT_SECRET',
    doc: 'Secret shared with the payment platform for MaXacThuc (and with the simulator); required in production when PAYMENT_BASE_URL is set',
    example: '',
  },
  {
    name: 'PAYMENT_RECONCILE_MINUTES',
    doc: 'Minutes between reconciliations of pending online payments with the platform (QUERY); 0 turns it off',
    example: '10',
  },
];

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

export function parseConfig(env: Env, cwd: string = process.cwd()): Config {
  const problems: string[] = [];
  const known = new Set(CONFIG_VARIABLES.map((v) => v.name));
  const get = (name: string): string | undefined => {
    if (!known.has(name)) throw new Error(`config variable ${name} is not declared in CONFIG_VARIABLES`);
    const v = env[name];
    return v === undefined || v.trim() === '' ? undefined : v.trim();
  };
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = get(name);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
      return fallback;
    }
    return n;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = get(name);
    if (raw === undefined) return fallback;
    if (raw === 'true' || raw === '1') return true;
    if (raw === 'false' || raw === '0') return false;
    problems.push(`${name} must be true or false (got "${raw}")`);
    return fallback;
  };

  const rawEnv = get('NODE_ENV') ?? 'development';
  let nodeEnv: NodeEnv = 'development';
  if (rawEnv === 'development' || rawEnv === 'test' || rawEnv === 'production') nodeEnv = rawEnv;
  else problems.push(`NODE_ENV must be development, test or production (got "${rawEnv}")`);

  const databaseUrl = get('DATABASE_URL') ?? null;
  if (databaseUrl !== null && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const port = int('PORT', 3000, 0, 65535);
  const publicUrl = get('PUBLIC_URL') ?? `http://localhost:${port}`;
  try {
    new URL(publicUrl);
  } catch {
    problems.push(`PUBLIC_URL must be an absolute URL (got "${publicUrl}")`);
  }

  const production = nodeEnv === 'production';
  const demoMode = bool('DEMO_MODE', databaseUrl === null && !production);
  const secretKey = get('SECRET_KEY') ?? (production ? '' : DEV_SECRET);
  if (production) {
    if (secretKey.length < 32 || secretKey === DEV_SECRET) {
      problems.push('SECRET_KEY must be set to a random value of at least 32 characters in production');
    }
    if (demoMode)
      problems.push('DEMO_MODE cannot be on in production (demo accounts share the password "demo")');
    if (databaseUrl === null)
      problems.push('DATABASE_URL is required in production (PGlite is for one machine)');
  }

  const portalBaseUrl = get('PORTAL_BASE_URL') ?? null;
  if (portalBaseUrl !== null) {
    try {
      const u = new URL(portalBaseUrl);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('protocol');
    } catch {
      problems.push(`PORTAL_BASE_URL must be an absolute http(s) URL (got "${portalBaseUrl}")`);
    }
  }
  const rawAuth = get('PORTAL_AUTH') ?? 'hmac';
  const portalAuth = PORTAL_AUTH_MODES.find((m) => m === rawAuth) ?? 'hmac';
  if (!PORTAL_AUTH_MODES.some((m) => m === rawAuth)) {
    problems.push(`PORTAL_AUTH must be one of ${PORTAL_AUTH_MODES.join(', ')} (got "${rawAuth}")`);
  }
  const portalSecret = get('PORTAL_SECRET') ?? (production ? '' : DEV_PORTAL_SECRET);
  if (
    production &&
    portalBaseUrl !== null &&
    (portalSecret.length < 16 || portalSecret === DEV_PORTAL_SECRET)
  ) {
    problems.push(
      'PORTAL_SECRET must be set (at least 16 characters) in production when PORTAL_BASE_URL is set',
    );
  }
  const oidcIssuer = get('OIDC_ISSUER') ?? null;
  if (oidcIssuer !== null) {
    try {
      const u = new URL(oidcIssuer);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('protocol');
      if (production && u.protocol !== 'https:') throw new Error('https');
    } catch {
      problems.push(
        `OIDC_ISSUER must be an absolute ${production ? 'https' : 'http(s)'} URL (got "${oidcIssuer}")`,
      );
    }
  }
  const oidcSecret = get('OIDC_CLIENT_SECRET') ?? (production ? '' : DEV_OIDC_SECRET);
  if (production && oidcIssuer !== null && (oidcSecret === '' || oidcSecret === DEV_OIDC_SECRET)) {
    problems.push('OIDC_CLIENT_SECRET must be set in production when OIDC_ISSUER is set');
  }
  const paymentBaseUrl = get('PAYMENT_BASE_URL') ?? null;
  if (paymentBaseUrl !== null) {
    try {
      const u = new URL(paymentBaseUrl);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('protocol');
    } catch {
      problems.push(`PAYMENT_BASE_URL must be an absolute http(s) URL (got "${paymentBaseUrl}")`);
    }
  }
  const paymentSecret = get('PAYMENT_SECRET') ?? (production ? '' : DEV_PAYMENT_SECRET);
  if (
    production &&
    paymentBaseUrl !== null &&
    (paymentSecret.length < 16 || paymentSecret === DEV_PAYMENT_SECRET)
  ) {
    problems.push(
      'PAYMENT_SECRET must be set (at least 16 characters) in production when PAYMENT_BASE_URL is set',
    );
  }
  const paymentPartnerCode = get('PAYMENT_PARTNER_CODE') ?? 'MOTCUA';
  if (!/^[A-Za-z0-9._-]{1,50}$/.test(paymentPartnerCode)) {
    problems.push(
      `PAYMENT_PARTNER_CODE must be 1–50 letters, digits, ".", "_" or "-" (got "${paymentPartnerCode}")`,
    );
  }
  const rawMode = get('CITIZEN_PORTAL_MODE') ?? 'local';
  const portalMode = CITIZEN_PORTAL_MODES.find((m) => m === rawMode) ?? 'local';
  if (portalMode !== rawMode)
    problems.push(`CITIZEN_PORTAL_MODE must be one of ${CITIZEN_PORTAL_MODES.join(', ')} (got "${rawMode}")`);
  const nationalProcedureUrl =
    get('NATIONAL_PORTAL_PROCEDURE_URL') ??
    'https://dichvucong.gov.vn/p/home/dvc-tim-kiem-thu-tuc.html?keyword={code}';
  if (!nationalProcedureUrl.includes('{code}') || !/^https?:\/\//.test(nationalProcedureUrl))
    problems.push('NATIONAL_PORTAL_PROCEDURE_URL must be an http(s) URL containing {code}');
  const backoffBaseMs = int('SYNC_BACKOFF_BASE_MS', 5000, 1, 24 * 3_600_000);
  const backoffMaxMs = int('SYNC_BACKOFF_MAX_MS', 3_600_000, 1, 7 * 24 * 3_600_000);
  if (backoffMaxMs < backoffBaseMs) {
    problems.push('SYNC_BACKOFF_MAX_MS must not be smaller than SYNC_BACKOFF_BASE_MS');
  }

  const config: Config = {
    nodeEnv,
    host: get('HOST') ?? '127.0.0.1',
    port,
    publicUrl: publicUrl.replace(/\/$/, ''),
    databaseUrl,
    dataDir: path.resolve(cwd, get('DATA_DIR') ?? './data'),
    demoMode,
    secretKey,
    logLevel: get('LOG_LEVEL') ?? (nodeEnv === 'test' ? 'silent' : 'info'),
    bodyLimitBytes: int('BODY_LIMIT_BYTES', 1024 * 1024, 1024, 100 * 1024 * 1024),
    sessionTtlHours: int('SESSION_TTL_HOURS', 12, 1, 24 * 30),
    loginMaxFailures: int('LOGIN_MAX_FAILURES', 5, 1, 100),
    loginLockoutMinutes: int('LOGIN_LOCKOUT_MINUTES', 15, 1, 24 * 60),
    trustProxy: bool('TRUST_PROXY', false),
    workerInApi: bool('WORKER_IN_API', true),
    portal: {
      baseUrl: portalBaseUrl?.replace(/\/+$/, '') ?? null,
      auth: portalAuth,
      secret: portalSecret,
      timeoutMs: int('PORTAL_TIMEOUT_MS', 10_000, 50, 600_000),
    },
    sync: {
      batchSize: int('SYNC_BATCH_SIZE', 10, 1, 10),
      maxAttempts: int('SYNC_MAX_ATTEMPTS', 20, 1, 1000),
      backoffBaseMs,
      backoffMaxMs,
      pollMs: int('SYNC_POLL_MS', 1000, 10, 3_600_000),
      reconcileMinutes: int('SYNC_RECONCILE_MINUTES', 60, 0, 7 * 24 * 60),
      reconcileWindowHours: int('SYNC_RECONCILE_WINDOW_HOURS', 48, 1, 24 * 366),
      inboundSeconds: int('SYNC_INBOUND_SECONDS', 60, 0, 24 * 3600),
    },
    simulatorPort: int('SIMULATOR_PORT', 3900, 0, 65535),
    oidc: {
      issuer: oidcIssuer?.replace(/\/+$/, '') ?? null,
      clientId: get('OIDC_CLIENT_ID') ?? 'motcua',
      clientSecret: oidcSecret,
      scope: get('OIDC_SCOPE') ?? 'openid profile',
      idNumberClaim: get('OIDC_ID_NUMBER_CLAIM') ?? 'citizen_id',
      devIdpPort: int('DEV_IDP_PORT', 3901, 0, 65535),
    },
    citizenPortal: { mode: portalMode, nationalProcedureUrl },
    payment: {
      baseUrl: paymentBaseUrl?.replace(/\/+$/, '') ?? null,
      partnerCode: paymentPartnerCode,
      secret: paymentSecret,
      reconcileMinutes: int('PAYMENT_RECONCILE_MINUTES', 10, 0, 7 * 24 * 60),
    },
  };
  const levels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
  if (!levels.includes(config.logLevel)) problems.push(`LOG_LEVEL must be one of ${levels.join(', ')}`);
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

export function loadConfig(): Config {
  return parseConfig(process.env);
}
