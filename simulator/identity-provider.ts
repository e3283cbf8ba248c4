// A development identity provider that speaks OpenID Connect (authorization code flow with PKCE), the
// same flow as the national one (VNeID): discovery, JWKS, an authorization page where a tester picks
// or types an identity, the token endpoint (ID token signed RS256) and userinfo. For demo mode and
// tests only: it vouches for whoever is picked. The server's citizen sign-in (server/modules/citizens)
// is an ordinary openid-client relying party and works unchanged against a production issuer.
import http from 'node:http';
import {
  createHash,
  generateKeyPairSync,
  randomBytes,
  sign,
  timingSafeEqual,
  type KeyObject,
} from 'node:crypto';
import type { AddressInfo } from 'node:net';

export type DevIdentity = {
  sub: string;
  name: string;
  /** Số định danh cá nhân, 12 digits. */
  citizen_id: string;
  birthdate?: string;
  phone_number?: string;
  email?: string;
};

/** The demo citizens offered on the authorization page. */
export const DEV_IDENTITIES: readonly DevIdentity[] = [
  {
    sub: 'dev-001190012345',
    name: 'Nguyễn Thị Hường',
    citizen_id: '001190012345',
    birthdate: '1990-05-14',
    phone_number: '0912345678',
    email: 'huong@example.vn',
  },
  {
    sub: 'dev-001085004321',
    name: 'Trần Văn Minh',
    citizen_id: '001085004321',
    birthdate: '1985-02-03',
    phone_number: '0987654321',
  },
  {
    sub: 'dev-079190001122',
    name: 'Lê Thị Lan',
    citizen_id: '079190001122',
    birthdate: '1990-09-30',
    phone_number: '0901122334',
    email: 'lan@example.vn',
  },
];

export type DevClient = { clientId: string; clientSecret: string; redirectUris: readonly string[] };

export type DevIdpOptions = {
  port: number;
  host?: string;
  clients: readonly DevClient[];
  /** Seconds an ID token lives. */
  tokenTtlSeconds?: number;
};

export type DevIdp = {
  url: string;
  close: () => Promise<void>;
};

type PendingCode = {
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  nonce: string | null;
  identity: DevIdentity;
  expiresAt: number;
};

const b64url = (b: Buffer | string) => Buffer.from(b).toString('base64url');

function signJwt(key: KeyObject, kid: string, claims: Record<string, unknown>): string {
  const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }));
  const payload = b64url(JSON.stringify(claims));
  const signature = sign('sha256', Buffer.from(`${header}.${payload}`), key);
  return `${header}.${payload}.${b64url(signature)}`;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body{font-family:system-ui,sans-serif;margin:0;background:#f4f6f8;color:#1a1a1a}
main{max-width:32rem;margin:0 auto;padding:1rem}
h1{font-size:1.35rem;color:#8a1c1c}
.note{background:#fff4d6;border-left:4px solid #b07b00;padding:.5rem .75rem}
form{background:#fff;border:1px solid #c8ccd0;border-radius:6px;padding:1rem;margin:1rem 0}
button{font:inherit;padding:.6rem 1rem;border-radius:4px;border:1px solid #0b4f8a;background:#0b4f8a;color:#fff;cursor:pointer;margin:.25rem 0}
button.secondary{background:#fff;color:#0b4f8a}
button:focus-visible,input:focus-visible{outline:3px solid #e0a100;outline-offset:2px}
label{display:block;margin:.5rem 0 .25rem;font-weight:600}
input{font:inherit;padding:.5rem;width:100%;box-sizing:border-box;border:1px solid #6b7280;border-radius:4px}
ul{list-style:none;padding:0}
</style></head><body><main>${body}</main></body></html>`;
}

async function readForm(req: http.IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 64 * 1024) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function send(res: http.ServerResponse, status: number, type: string, body: string, headers = {}) {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
  res.end(body);
}

const json = (res: http.ServerResponse, status: number, body: unknown) =>
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(body));

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export async function startDevIdentityProvider(options: DevIdpOptions): Promise<DevIdp> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = randomBytes(8).toString('hex');
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' };
  const ttl = options.tokenTtlSeconds ?? 300;
  const codes = new Map<string, PendingCode>();
  const accessTokens = new Map<string, { identity: DevIdentity; expiresAt: number }>();
  let issuer = '';

  const clientOf = (id: string | null) => options.clients.find((c) => c.clientId === id) ?? null;

  /** Checks an authorization request; the error is shown on the page (never redirected to an unchecked URI). */
  function checkAuthorize(q: URLSearchParams): { error: string } | { client: DevClient } {
    const client = clientOf(q.get('client_id'));
    if (!client) return { error: 'Ứng dụng (client_id) chưa được đăng ký với nhà cung cấp định danh.' };
    if (!client.redirectUris.includes(q.get('redirect_uri') ?? ''))
      return { error: 'Địa chỉ chuyển hướng (redirect_uri) không khớp với địa chỉ đã đăng ký.' };
    if (q.get('response_type') !== 'code') return { error: 'Chỉ hỗ trợ response_type=code.' };
    if (!(q.get('scope') ?? '').split(' ').includes('openid')) return { error: 'Thiếu phạm vi openid.' };
    if (q.get('code_challenge_method') !== 'S256' || !q.get('code_challenge'))
      return { error: 'Cần PKCE (code_challenge, phương thức S256).' };
    return { client };
  }

  const FLOW_PARAMS = [
    'client_id',
    'redirect_uri',
    'response_type',
    'scope',
    'state',
    'nonce',
    'code_challenge',
    'code_challenge_method',
  ];

  function authorizePage(q: URLSearchParams, problem?: string): string {
    const hidden = FLOW_PARAMS.filter((p) => q.get(p) !== null)
      .map((p) => `<input type="hidden" name="${p}" value="${escapeHtml(q.get(p)!)}">`)
      .join('');
    const people = DEV_IDENTITIES.map(
      (p) =>
        `<li><button type="submit" name="pick" value="${escapeHtml(p.sub)}">Đăng nhập là ${escapeHtml(p.name)} (${escapeHtml(p.citizen_id)})</button></li>`,
    ).join('');
    return page(
      'Đăng nhập bằng tài khoản định danh điện tử (thử nghiệm)',
      `<h1>Đăng nhập bằng tài khoản định danh điện tử</h1>
<p class="note">Nhà cung cấp định danh <strong>dùng để thử nghiệm</strong>, mô phỏng luồng OpenID Connect của tài khoản định danh điện tử. Không dùng cho dữ liệu thật.</p>
${problem ? `<p role="alert">${escapeHtml(problem)}</p>` : ''}
<form method="post" action="/authorize" aria-labelledby="pick-title">${hidden}
<h2 id="pick-title">Chọn công dân thử nghiệm</h2><ul>${people}</ul></form>
<form method="post" action="/authorize" aria-labelledby="own-title">${hidden}
<h2 id="own-title">Hoặc nhập thông tin</h2>
<label for="name">Họ và tên</label><input id="name" name="name" autocomplete="name" required maxlength="200">
<label for="citizen_id">Số định danh cá nhân (12 chữ số)</label><input id="citizen_id" name="citizen_id" inputmode="numeric" pattern="[0-9]{12}" required>
<label for="phone">Số điện thoại</label><input id="phone" name="phone" autocomplete="tel" inputmode="tel">
<button type="submit">Đăng nhập</button></form>
<form method="post" action="/authorize">${hidden}<button class="secondary" type="submit" name="deny" value="1">Hủy, quay lại</button></form>`,
    );
  }

  function redirectBack(res: http.ServerResponse, q: URLSearchParams, params: Record<string, string>) {
    const to = new URL(q.get('redirect_uri')!);
    for (const [k, v] of Object.entries(params)) to.searchParams.set(k, v);
    if (q.get('state') !== null) to.searchParams.set('state', q.get('state')!);
    to.searchParams.set('iss', issuer);
    res.writeHead(302, { location: to.href, 'cache-control': 'no-store' });
    res.end();
  }

  function clientAuth(req: http.IncomingMessage, form: URLSearchParams): DevClient | null {
    let id = form.get('client_id');
    let secret = form.get('client_secret');
    const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? '');
    if (basic) {
      const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8');
      const i = decoded.indexOf(':');
      id = decodeURIComponent(decoded.slice(0, i));
      secret = decodeURIComponent(decoded.slice(i + 1));
    }
    const client = clientOf(id);
    return client && secret !== null && safeEqual(client.clientSecret, secret) ? client : null;
  }

  function claimsOf(identity: DevIdentity): Record<string, unknown> {
    const c: Record<string, unknown> = {
      sub: identity.sub,
      name: identity.name,
      citizen_id: identity.citizen_id,
    };
    if (identity.birthdate) c.birthdate = identity.birthdate;
    if (identity.phone_number) c.phone_number = identity.phone_number;
    if (identity.email) c.email = identity.email;
    return c;
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', issuer);
    const now = Date.now();
    if (req.method === 'GET' && url.pathname === '/.well-known/openid-configuration') {
      return json(res, 200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        userinfo_endpoint: `${issuer}/userinfo`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ['code'],
        grant_types_supported: ['authorization_code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        scopes_supported: ['openid', 'profile', 'phone', 'email'],
        token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
        code_challenge_methods_supported: ['S256'],
        claims_supported: ['sub', 'name', 'citizen_id', 'birthdate', 'phone_number', 'email'],
        authorization_response_iss_parameter_supported: true,
      });
    }
    if (req.method === 'GET' && url.pathname === '/jwks') return json(res, 200, { keys: [jwk] });
    if (url.pathname === '/authorize' && (req.method === 'GET' || req.method === 'POST')) {
      const q = req.method === 'GET' ? url.searchParams : await readForm(req);
      const checked = checkAuthorize(q);
      if ('error' in checked)
        return send(
          res,
          400,
          'text/html; charset=utf-8',
          page(
            'Yêu cầu đăng nhập không hợp lệ',
            `<h1>Yêu cầu đăng nhập không hợp lệ</h1><p role="alert">${escapeHtml(checked.error)}</p>`,
          ),
        );
      if (req.method === 'GET') return send(res, 200, 'text/html; charset=utf-8', authorizePage(q));
      if (q.get('deny')) return redirectBack(res, q, { error: 'access_denied' });
      let identity: DevIdentity | undefined;
      if (q.get('pick')) identity = DEV_IDENTITIES.find((p) => p.sub === q.get('pick'));
      else {
        const name = (q.get('name') ?? '').trim();
        const id = (q.get('citizen_id') ?? '').trim();
        if (name === '' || name.length > 200 || !/^\d{12}$/.test(id))
          return send(
            res,
            400,
            'text/html; charset=utf-8',
            authorizePage(q, 'Nhập họ tên và số định danh cá nhân gồm 12 chữ số.'),
          );
        const phone = (q.get('phone') ?? '').trim();
        identity = { sub: `dev-${id}`, name, citizen_id: id, ...(phone ? { phone_number: phone } : {}) };
      }
      if (!identity)
        return send(
          res,
          400,
          'text/html; charset=utf-8',
          authorizePage(q, 'Không có công dân thử nghiệm này.'),
        );
      const code = randomBytes(24).toString('base64url');
      codes.set(code, {
        clientId: checked.client.clientId,
        redirectUri: q.get('redirect_uri')!,
        codeChallenge: q.get('code_challenge')!,
        nonce: q.get('nonce'),
        identity,
        expiresAt: now + 60_000,
      });
      return redirectBack(res, q, { code });
    }
    if (req.method === 'POST' && url.pathname === '/token') {
      const form = await readForm(req);
      const client = clientAuth(req, form);
      if (!client) return json(res, 401, { error: 'invalid_client' });
      if (form.get('grant_type') !== 'authorization_code')
        return json(res, 400, { error: 'unsupported_grant_type' });
      const code = form.get('code') ?? '';
      const pending = codes.get(code);
      codes.delete(code); // one use, whatever happens next
      if (!pending || pending.expiresAt < now || pending.clientId !== client.clientId)
        return json(res, 400, { error: 'invalid_grant', error_description: 'unknown, used or expired code' });
      if (form.get('redirect_uri') !== pending.redirectUri)
        return json(res, 400, { error: 'invalid_grant', error_description: 'redirect_uri mismatch' });
      const verifier = form.get('code_verifier') ?? '';
      if (b64url(createHash('sha256').update(verifier).digest()) !== pending.codeChallenge)
        return json(res, 400, { error: 'invalid_grant', error_description: 'PKCE verification failed' });
      const iat = Math.floor(now / 1000);
      const idToken = signJwt(privateKey, kid, {
        iss: issuer,
        aud: client.clientId,
        iat,
        exp: iat + ttl,
        auth_time: iat,
        ...(pending.nonce ? { nonce: pending.nonce } : {}),
        ...claimsOf(pending.identity),
      });
      const accessToken = randomBytes(24).toString('base64url');
      accessTokens.set(accessToken, { identity: pending.identity, expiresAt: now + ttl * 1000 });
      return json(res, 200, {
        access_token: accessToken,
        token_type: 'Bearer',
        expires_in: ttl,
        id_token: idToken,
        scope: 'openid profile',
      });
    }
    if (req.method === 'GET' && url.pathname === '/userinfo') {
      const token = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
      const found = token ? accessTokens.get(token) : undefined;
      if (!found || found.expiresAt < now)
        return send(res, 401, 'application/json', JSON.stringify({ error: 'invalid_token' }), {
          'www-authenticate': 'Bearer error="invalid_token"',
        });
      return json(res, 200, claimsOf(found.identity));
    }
    return json(res, 404, { error: 'not_found' });
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) json(res, 400, { error: 'invalid_request' });
      else res.end();
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  issuer = `http://${host}:${(server.address() as AddressInfo).port}`;
  return {
    url: issuer,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
