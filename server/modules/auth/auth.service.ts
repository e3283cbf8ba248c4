// Staff sign-in: argon2id passwords, server-side sessions, sign-in budgets, and API tokens.
import type { Selectable, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../platform/actor.ts';
import { cachedSessionUser } from './session-cache.ts';
import { isoOrNull } from '../../platform/clock.ts';
import type { ErrorDetail } from '../../platform/errors.ts';
import { appendAudit } from '../../platform/audit.ts';
import { fail } from './auth.errors.ts';
import { ROLES, type Role } from '../../../common/auth/roles.ts';
import { dummyPasswordHash, hashPassword, keyedHash, newSecret, verifyPassword } from './auth.crypto.ts';
import { clearAccountBudgets, recordSignIn, reserveSignIn, signInBudgets } from './sign-in-budgets.ts';
import {
  findUserById,
  findUserByUsername,
  findUserWithGrants,
  loadGrants,
  type UserWithGrants,
} from './auth.repository.ts';

export const SESSION_COOKIE = 'motcua_session';
const TOKEN_PREFIX = 'mct_';

export function normaliseUsername(username: string): string {
  return username.trim().toLowerCase();
}

export type LoginResult = { actor: Actor; sessionToken: string; expiresAt: Date };

/**
 * A staff sign-in. The attempt is reserved in its sign-in budgets before the password is checked
 * (sign-in-budgets.ts, ADR 0011): however many arrive at once, no more passwords are checked than
 * the budgets hold, and a caller past them waits (429 with Retry-After) without a password check.
 */
export async function login(
  deps: Deps,
  input: { username: string; password: string; ip: string; requestId: string },
): Promise<LoginResult> {
  const { db, clock, config } = deps;
  const now = clock.now();
  const username = normaliseUsername(input.username);
  const budgets = signInBudgets(config, username, input.ip);
  const reservation = await reserveSignIn(db, budgets, { now, config });
  if (!reservation.ok) {
    throw fail('AUTH_LOCKED_OUT', { headers: { 'retry-after': String(reservation.retryAfterSeconds) } });
  }

  const user = await findUserByUsername(db, username);
  const ok =
    user?.password_hash != null && user.active
      ? await verifyPassword(user.password_hash, input.password)
      : (await verifyPassword(await dummyPasswordHash(), input.password), false);

  if (!user || !ok) {
    // The reserved attempt stays spent: it is the failure's count.
    await db.transaction().execute(async (trx) => {
      await appendAudit(
        trx,
        { userId: user?.user_id ?? null, label: username.slice(0, 64) },
        {
          action: 'auth.login-failed',
          entityType: 'user',
          entityId: user?.user_id ?? null,
          requestId: input.requestId,
        },
        now,
      );
    });
    throw fail('AUTH_CREDENTIALS_INVALID');
  }

  const sessionToken = newSecret('');
  const expiresAt = new Date(now.getTime() + config.sessionTtlHours * 3_600_000);
  await db.transaction().execute(async (trx) => {
    await recordSignIn(trx, { budgets, reserved: reservation.reserved }, now);
    await trx
      .insertInto('sessions')
      .values({
        session_hash: keyedHash(config.secretKey, sessionToken),
        user_id: user.user_id,
        created_at: now,
        expires_at: expiresAt,
      })
      .execute();
    await appendAudit(
      trx,
      { userId: user.user_id, label: user.username },
      { action: 'auth.login', entityType: 'user', entityId: user.user_id, requestId: input.requestId },
      now,
    );
  });
  const grants = await loadGrants(db, user.user_id);
  return {
    actor: {
      userId: user.user_id,
      username: user.username,
      fullName: user.full_name,
      grants,
      via: 'session',
      ...(user.must_change_password ? { mustChangePassword: true } : {}),
    },
    sessionToken,
    expiresAt,
  };
}

export async function logout(
  deps: Deps,
  sessionToken: string,
  actor: Actor,
  requestId: string,
): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('sessions')
      .where('session_hash', '=', keyedHash(deps.config.secretKey, sessionToken))
      .execute();
    await appendAudit(
      trx,
      actor,
      { action: 'auth.logout', entityType: 'user', entityId: actor.userId, requestId },
      now,
    );
  });
}

function actorOf(user: UserWithGrants | undefined, via: Actor['via']): Actor | null {
  if (!user?.active) return null;
  const actor: Actor = {
    userId: user.userId,
    username: user.username,
    fullName: user.fullName,
    grants: user.grants,
    via,
  };
  // A session of a reset password; an integration's API token is its own credential.
  if (via === 'session' && user.mustChangePassword) actor.mustChangePassword = true;
  return actor;
}

export async function resolveSession(deps: Deps, sessionToken: string): Promise<Actor | null> {
  const now = deps.clock.now();
  const sessionHash = keyedHash(deps.config.secretKey, sessionToken);
  const user = await cachedSessionUser(deps.writes, sessionHash, () =>
    findUserWithGrants(deps.db, { sessionHash }),
  );
  if (!user || user.expiresAt === null || user.expiresAt <= now) return null;
  return actorOf(user, 'session');
}

export async function resolveToken(deps: Deps, token: string): Promise<Actor | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const now = deps.clock.now();
  const row = await deps.db
    .selectFrom('api_tokens')
    .select(['api_token_id', 'user_id', 'expires_at', 'revoked_at', 'last_used_at'])
    .where('token_hash', '=', keyedHash(deps.config.secretKey, token))
    .executeTakeFirst();
  if (!row || row.revoked_at !== null || (row.expires_at !== null && new Date(row.expires_at) <= now))
    return null;
  // Last use to the minute: not a write on every request an integration makes.
  if (row.last_used_at === null || now.getTime() - new Date(row.last_used_at).getTime() >= 60_000) {
    await deps.db
      .updateTable('api_tokens')
      .set({ last_used_at: now })
      .where('api_token_id', '=', row.api_token_id)
      .execute();
  }
  return actorOf(await findUserWithGrants(deps.db, { userId: row.user_id }), 'token');
}

type TokenRow = Pick<
  Selectable<DB['api_tokens']>,
  'api_token_id' | 'name' | 'created_at' | 'expires_at' | 'revoked_at' | 'last_used_at'
>;

export function presentToken(r: TokenRow) {
  return {
    id: r.api_token_id,
    name: r.name,
    createdAt: new Date(r.created_at).toISOString(),
    expiresAt: isoOrNull(r.expires_at),
    revokedAt: isoOrNull(r.revoked_at),
    lastUsedAt: isoOrNull(r.last_used_at),
  };
}

export async function createApiToken(
  deps: Deps,
  owner: { userId: string; label: string },
  input: { name: string; expiresInDays?: number | undefined },
  requestId: string | null,
) {
  const now = deps.clock.now();
  const token = newSecret(TOKEN_PREFIX);
  const expiresAt = input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000) : null;
  const row = await deps.db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('api_tokens')
      .values({
        user_id: owner.userId,
        name: input.name,
        token_hash: keyedHash(deps.config.secretKey, token),
        created_at: now,
        expires_at: expiresAt,
      })
      .returning(['api_token_id', 'name', 'created_at', 'expires_at', 'revoked_at', 'last_used_at'])
      .executeTakeFirstOrThrow();
    await appendAudit(
      trx,
      owner,
      {
        action: 'auth.token-created',
        entityType: 'api_token',
        entityId: inserted.api_token_id,
        details: { name: input.name },
        requestId,
      },
      now,
    );
    return inserted;
  });
  return { token, item: presentToken(row) };
}

export async function listApiTokens(deps: Deps, userId: string) {
  const rows = await deps.db
    .selectFrom('api_tokens')
    .select(['api_token_id', 'name', 'created_at', 'expires_at', 'revoked_at', 'last_used_at'])
    .where('user_id', '=', userId)
    .orderBy('api_token_id')
    .execute();
  return rows.map(presentToken);
}

export async function revokeApiToken(deps: Deps, actor: Actor, tokenId: string, requestId: string) {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('api_tokens')
      .set({ revoked_at: now })
      .where('api_token_id', '=', tokenId)
      .where('user_id', '=', actor.userId)
      .where('revoked_at', 'is', null)
      .returning('api_token_id')
      .executeTakeFirst();
    if (!row) throw fail('AUTH_TOKEN_NOT_FOUND');
    await appendAudit(
      trx,
      actor,
      { action: 'auth.token-revoked', entityType: 'api_token', entityId: tokenId, requestId },
      now,
    );
  });
}

export type NewUser = {
  username: string;
  fullName: string;
  password: string | null;
  /** An already computed argon2id hash (the demo seed shares one); wins over `password`. */
  passwordHash?: string;
  roles: { role: Role; agencyCode: string }[];
};

/** Used by the CLI and the demo seed; the admin API will call it too. */
export async function createUser(deps: Deps, by: { userId: string | null; label: string }, input: NewUser) {
  const username = normaliseUsername(input.username);
  if (!/^[a-z0-9][a-z0-9._-]{1,62}$/.test(username)) {
    throw fail('AUTH_USERNAME_INVALID', {
      details: [
        { path: 'username', message: 'Chỉ gồm chữ thường không dấu, số, dấu chấm, gạch ngang; 2–63 ký tự.' },
      ],
    });
  }
  for (const r of input.roles) {
    if (!ROLES.includes(r.role)) {
      throw fail('AUTH_ROLE_INVALID', { details: [{ path: 'roles', message: r.role }] });
    }
  }
  const passwordHash =
    input.passwordHash ?? (input.password === null ? null : await hashPassword(input.password));
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    if (await trx.selectFrom('users').select('user_id').where('username', '=', username).executeTakeFirst()) {
      throw fail('AUTH_USERNAME_TAKEN', { params: { username } });
    }
    const user = await trx
      .insertInto('users')
      .values({
        username,
        full_name: input.fullName,
        password_hash: passwordHash,
        created_at: now,
        updated_at: now,
      })
      .returning('user_id')
      .executeTakeFirstOrThrow();
    for (const r of input.roles) {
      const agency = await trx
        .selectFrom('agencies')
        .select('agency_id')
        .where('code', '=', r.agencyCode)
        .executeTakeFirst();
      if (!agency) {
        throw fail('AUTH_AGENCY_UNKNOWN', {
          details: [{ path: 'roles/agencyCode', message: `Không có cơ quan mã ${r.agencyCode}.` }],
        });
      }
      await trx
        .insertInto('user_roles')
        .values({ user_id: user.user_id, role: r.role, agency_id: agency.agency_id })
        .execute();
    }
    await appendAudit(
      trx,
      by,
      {
        action: 'user.created',
        entityType: 'user',
        entityId: user.user_id,
        details: { username, roles: input.roles },
      },
      now,
    );
    return user.user_id;
  });
}

export type PasswordReset = {
  username: string;
  password: string;
  requestId?: string | null;
  /** Said in the audit entry (never the password): e.g. whether a temporary one was generated. */
  details?: Record<string, unknown>;
  /**
   * Run in the reset's transaction once the account's row is locked, before anything is written:
   * the administrator's right over the account (staff module), refused there by throwing.
   */
  check?: (trx: Transaction<DB>, userId: string) => Promise<void>;
};

/**
 * A new password set by someone else (an administrator, the CLI): the person must change it at their
 * next sign-in (#14), every session of theirs ends, and the account's sign-in budgets start again.
 * Audited on the resetter's chain (an administrator's agency).
 */
export async function resetPassword(
  deps: Deps,
  by: { userId: string | null; label: string } | Actor,
  options: PasswordReset,
): Promise<{ userId: string }> {
  const { username, password } = options;
  const passwordHash = await hashPassword(password);
  const now = deps.clock.now();
  const name = normaliseUsername(username);
  return deps.db.transaction().execute(async (trx) => {
    const user = await trx
      .selectFrom('users')
      .select('user_id')
      .where('username', '=', name)
      .forUpdate()
      .executeTakeFirst();
    if (!user) throw fail('AUTH_ACCOUNT_NOT_FOUND', { params: { username } });
    await options.check?.(trx, user.user_id);
    await trx
      .updateTable('users')
      .set({ password_hash: passwordHash, must_change_password: true, updated_at: now })
      .where('user_id', '=', user.user_id)
      .execute();
    await trx.deleteFrom('sessions').where('user_id', '=', user.user_id).execute();
    // The unlock: the account's sign-in budgets start again, from every address.
    await clearAccountBudgets(trx, name);
    await appendAudit(
      trx,
      by,
      {
        action: 'user.password-reset',
        entityType: 'user',
        entityId: user.user_id,
        details: { username: name, mustChange: true, ...options.details },
        requestId: options.requestId ?? null,
      },
      now,
    );
    return { userId: user.user_id };
  });
}

/**
 * The signed-in person changes their own password: the current one checked, the new one different and
 * long enough. Clears a reset's must-change flag; every other session of theirs ends.
 */
export async function changeOwnPassword(
  deps: Deps,
  actor: Actor,
  input: { currentPassword: string; newPassword: string; sessionToken: string | null; requestId: string },
): Promise<Actor> {
  const user = await findUserById(deps.db, actor.userId);
  const details: ErrorDetail[] = [];
  if (!user?.password_hash || !(await verifyPassword(user.password_hash, input.currentPassword))) {
    details.push({
      path: 'body/currentPassword',
      message: 'Mật khẩu hiện tại không đúng.',
      code: 'password-wrong',
    });
  } else if (input.newPassword === input.currentPassword) {
    details.push({
      path: 'body/newPassword',
      message: 'Mật khẩu mới phải khác mật khẩu hiện tại.',
      code: 'password-unchanged',
    });
  }
  if (details.length > 0) throw fail('AUTH_PASSWORD_CHANGE_INVALID', { details });
  const passwordHash = await hashPassword(input.newPassword);
  const now = deps.clock.now();
  const keep = input.sessionToken ? keyedHash(deps.config.secretKey, input.sessionToken) : '';
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ password_hash: passwordHash, must_change_password: false, updated_at: now })
      .where('user_id', '=', actor.userId)
      .execute();
    await trx
      .deleteFrom('sessions')
      .where('user_id', '=', actor.userId)
      .where('session_hash', '!=', keep)
      .execute();
    await appendAudit(
      trx,
      actor,
      {
        action: 'user.password-changed',
        entityType: 'user',
        entityId: actor.userId,
        details: { afterReset: actor.mustChangePassword === true },
        requestId: input.requestId,
      },
      now,
    );
  });
  const { mustChangePassword: _done, ...rest } = actor;
  return rest;
}
