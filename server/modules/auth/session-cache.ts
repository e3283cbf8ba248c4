// Recently read sessions, so that a busy officer's requests do not each read their session, user and
// grants again (docs/adr/0012-short-caches.md): served for at most SESSION_CACHE_MS, and ended at once
// by this process's writes to the tables an actor is read from (a sign-out, a password change, a grant,
// an account, an agency or a unit edited here). The session's own expiry is checked on every use.
import { watchedCache } from '../../db/watched-cache.ts';
import type { UserWithGrants } from './auth.repository.ts';

export const SESSION_CACHE_MS = 1_000;

/** The tables a signed-in officer's actor is read from (findUserWithGrants). */
const ACTOR_TABLES = ['users', 'sessions', 'user_roles', 'agencies', 'units'];

export const cachedSessionUser = watchedCache<UserWithGrants>(ACTOR_TABLES, {
  maxAgeMs: SESSION_CACHE_MS,
  maxEntries: 10_000,
});
