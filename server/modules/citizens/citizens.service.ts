// Citizen sign-in: an OpenID Connect relying party (openid-client, authorization code + PKCE) against
// the configured issuer (VNeID in production, the development provider in demo mode), citizen
// accounts created at first sign-in, and server-side citizen sessions.
import * as oidc from 'openid-client';
import type { Deps } from '../../deps.ts';
import type { CitizenActor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { fail } from './citizens.errors.ts';
import { keyedHash, newSecret } from '../auth/index.ts';

export const CITIZEN_COOKIE = 'motcua_citizen';
/** How long a sign-in may stay at the identity provider. */
const FLOW_TTL_MS = 10 * 60_000;

const discovered = new Map<string, Promise<oidc.Configuration>>();

function issuerOf(deps: Deps): string {
  const issuer = deps.config.oidc.issuer;
  if (issuer === null) throw fail('CITIZEN_SIGN_IN_NOT_CONFIGURED');
  return issuer;
}

/** The provider's configuration, discovered once per issuer (a failed discovery is retried next time). */
async function providerConfig(deps: Deps): Promise<oidc.Configuration> {
  const { clientId, clientSecret } = deps.config.oidc;
  const issuer = issuerOf(deps);
  const key = `${issuer} ${clientId}`;
  let found = discovered.get(key);
  if (!found) {
    const url = new URL(issuer);
    found = oidc.discovery(
      url,
      clientId,
      clientSecret,
      oidc.ClientSecretBasic(clientSecret),
      url.protocol === 'http:' ? { execute: [oidc.allowInsecureRequests], timeout: 10 } : { timeout: 10 },
    );
    discovered.set(key, found);
    found.catch(() => discovered.delete(key));
  }
  try {
    return await found;
  } catch (err) {
    const unavailable = fail('CITIZEN_PROVIDER_UNREACHABLE');
    // Kept for the log (the route says why); never shown to the citizen.
    unavailable.cause = err;
    throw unavailable;
  }
}

/**
 * Why an identity-provider call failed, for the log: the error's message and those of its causes
 * (fetch failed → connect ECONNREFUSED 127.0.0.1:…). No personal data passes here.
 */
export function failureCause(err: unknown): string | undefined {
  const parts: string[] = [];
  let e: unknown = err;
  for (let depth = 0; e instanceof Error && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    parts.push(typeof code === 'string' && !e.message.includes(code) ? `${e.message} (${code})` : e.message);
    e = e.cause;
  }
  return parts.length > 0 ? parts.join(': ').slice(0, 500) : undefined;
}

export function callbackUrl(deps: Deps): string {
  return `${deps.config.publicUrl}/api/v1/citizen/callback`;
}

/** Only same-site paths: never an open redirect. */
export function safeReturnPath(next: string | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.includes('\\')) return '/';
  return next.slice(0, 500);
}

/** Starts a sign-in: remembers state, nonce and the PKCE verifier, and gives the provider's URL. */
export async function startSignIn(deps: Deps, next: string | undefined): Promise<string> {
  const config = await providerConfig(deps);
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('oidc_sign_ins')
      .where('created_at', '<', new Date(now.getTime() - FLOW_TTL_MS))
      .execute();
    await trx
      .insertInto('oidc_sign_ins')
      .values({
        state,
        code_verifier: codeVerifier,
        nonce,
        return_to: safeReturnPath(next),
        created_at: now,
      })
      .execute();
  });
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: callbackUrl(deps),
    scope: deps.config.oidc.scope,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return url.href;
}

export type SignInResult = { sessionToken: string; expiresAt: Date; returnTo: string; citizen: CitizenActor };

const ID_NUMBER = /^\d{12}$/;

/**
 * The callback: checks state, exchanges the code (PKCE, nonce), reads the identity, creates or updates
 * the citizen account and opens a session. `query` is the callback's query string.
 */
export async function completeSignIn(deps: Deps, query: string, requestId: string): Promise<SignInResult> {
  const params = new URLSearchParams(query);
  const state = params.get('state') ?? '';
  const now = deps.clock.now();
  const flow = state
    ? await deps.db.deleteFrom('oidc_sign_ins').where('state', '=', state).returningAll().executeTakeFirst()
    : undefined;
  if (!flow || now.getTime() - new Date(flow.created_at).getTime() > FLOW_TTL_MS)
    throw fail('CITIZEN_SIGN_IN_EXPIRED');
  if (params.get('error')) throw fail('CITIZEN_SIGN_IN_CANCELLED');
  const config = await providerConfig(deps);
  let claims: Record<string, unknown>;
  try {
    const tokens = await oidc.authorizationCodeGrant(config, new URL(`${callbackUrl(deps)}?${query}`), {
      pkceCodeVerifier: flow.code_verifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    claims = { ...(tokens.claims() ?? {}) };
    if (claims[deps.config.oidc.idNumberClaim] === undefined) {
      const info = await oidc.fetchUserInfo(config, tokens.access_token, String(claims.sub));
      claims = { ...info, ...claims };
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    const refused = fail('CITIZEN_PROVIDER_REFUSED');
    refused.cause = err;
    throw refused;
  }
  const claim = (name: string) => {
    const v = claims[name];
    return typeof v === 'string' || typeof v === 'number' ? String(v).trim() : '';
  };
  const idNumber = claim(deps.config.oidc.idNumberClaim);
  const fullName = claim('name');
  if (!ID_NUMBER.test(idNumber) || fullName === '') throw fail('CITIZEN_CLAIMS_MISSING');
  const issuer = issuerOf(deps);
  const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim().slice(0, 200) : null);
  const birth = text(claims.birthdate);
  const profile = {
    id_number: idNumber,
    full_name: fullName.slice(0, 200),
    birth_date: birth && /^\d{4}-\d{2}-\d{2}$/.test(birth) ? birth : null,
    phone: text(claims.phone_number),
    email: text(claims.email),
    last_sign_in_at: now,
  };
  const sessionToken = newSecret('');
  const expiresAt = new Date(now.getTime() + deps.config.sessionTtlHours * 3_600_000);
  const citizenId = await deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('citizens')
      .values({ issuer, subject: String(claims.sub), created_at: now, ...profile })
      .onConflict((oc) => oc.columns(['issuer', 'subject']).doUpdateSet(profile))
      .returning('citizen_id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('citizen_sessions')
      .values({
        token_hash: keyedHash(deps.config.secretKey, sessionToken),
        citizen_id: row.citizen_id,
        created_at: now,
        expires_at: expiresAt,
      })
      .execute();
    await appendAudit(
      trx,
      { userId: null, label: `citizen:${row.citizen_id}` },
      { action: 'citizen.sign-in', entityType: 'citizen', entityId: row.citizen_id, requestId },
      now,
    );
    return row.citizen_id;
  });
  return {
    sessionToken,
    expiresAt,
    returnTo: flow.return_to,
    citizen: {
      citizenId,
      idNumber,
      fullName: profile.full_name,
      phone: profile.phone,
      email: profile.email,
      birthDate: profile.birth_date,
    },
  };
}

export async function resolveCitizenSession(deps: Deps, token: string): Promise<CitizenActor | null> {
  if (token.length > 200) return null;
  const row = await deps.db
    .selectFrom('citizen_sessions as s')
    .innerJoin('citizens as c', 'c.citizen_id', 's.citizen_id')
    .select([
      'c.citizen_id',
      'c.id_number',
      'c.full_name',
      'c.birth_date',
      'c.phone',
      'c.email',
      's.expires_at',
    ])
    .where('s.token_hash', '=', keyedHash(deps.config.secretKey, token))
    .executeTakeFirst();
  if (!row || new Date(row.expires_at) <= deps.clock.now()) return null;
  return {
    citizenId: row.citizen_id,
    idNumber: row.id_number,
    fullName: row.full_name,
    phone: row.phone,
    email: row.email,
    birthDate: row.birth_date,
  };
}

export async function signOutCitizen(deps: Deps, token: string): Promise<void> {
  await deps.db
    .deleteFrom('citizen_sessions')
    .where('token_hash', '=', keyedHash(deps.config.secretKey, token))
    .execute();
}
