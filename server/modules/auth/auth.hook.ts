// Resolves the actor of every API request from the session cookie or a Bearer token.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../../deps.ts';
import type { Actor, PersonCaller } from '../../platform/actor.ts';
import { fail } from './auth.errors.ts';
import { SESSION_COOKIE, resolveSession, resolveToken } from './auth.service.ts';

export function installAuth(app: FastifyInstance, deps: Deps): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('citizen', null);
  app.addHook('onRequest', async (request) => {
    // Actors are the API's; elsewhere (the web app's files, /metrics with its own token) a Bearer
    // header is not an API token.
    if (!request.url.startsWith('/api/')) return;
    const header = request.headers.authorization;
    if (typeof header === 'string' && header !== '') {
      const match = /^Bearer (\S+)$/.exec(header);
      const actor = match ? await resolveToken(deps, match[1]!) : null;
      if (!actor) throw fail('AUTH_TOKEN_INVALID');
      request.actor = actor;
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (cookie) request.actor = await resolveSession(deps, cookie);
  });
}

/** Staff (session or token) when signed in as staff, otherwise the signed-in citizen. */
export function requireCaller(request: FastifyRequest): PersonCaller {
  if (request.actor) return { kind: 'staff', actor: requireActor(request) };
  if (request.citizen) return { kind: 'citizen', citizen: request.citizen };
  throw fail('AUTH_SIGN_IN_REQUIRED');
}

/** The signed-in staff member; refused (403) while their reset password is not changed (#14). */
export function requireActor(request: FastifyRequest): Actor {
  const actor = requireSignedIn(request);
  if (actor.mustChangePassword) throw fail('AUTH_PASSWORD_CHANGE_REQUIRED');
  return actor;
}

/**
 * The signed-in staff member, even one who must change a reset password: only for their own account
 * (who am I, sign out, change the password).
 */
export function requireSignedIn(request: FastifyRequest): Actor {
  if (!request.actor) throw fail('AUTH_SIGN_IN_REQUIRED');
  return request.actor;
}
