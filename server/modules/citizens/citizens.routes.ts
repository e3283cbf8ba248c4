// Citizen sign-in routes: start at the identity provider, the callback, who am I, sign out.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../../deps.ts';
import type { CitizenActor } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { fail } from './citizens.errors.ts';
import {
  CallbackQuery,
  CitizenMeResponse,
  PortalSettings,
  SignInQuery,
} from '../../../common/contracts/citizens.ts';
import {
  CITIZEN_COOKIE,
  completeSignIn,
  failureCause,
  resolveCitizenSession,
  safeReturnPath,
  signOutCitizen,
  startSignIn,
} from './citizens.service.ts';
import { errorResponses } from '../../platform/http/route-errors.ts';

const tags = ['citizens'];
const errors = errorResponses(400, 401, 403, 503);
/** The portal page that explains a failed sign-in. */
export const CITIZEN_SIGN_IN_PAGE = '/cong-dich-vu-cong/dang-nhap';

export function presentCitizen(c: CitizenActor) {
  return {
    fullName: c.fullName,
    idNumberMasked: `${'•'.repeat(8)}${c.idNumber.slice(-4)}`,
    idNumber: c.idNumber,
    birthDate: c.birthDate ?? null,
    phone: c.phone,
    email: c.email,
  };
}

export function requireCitizen(request: { citizen: CitizenActor | null }): CitizenActor {
  if (!request.citizen) throw fail('CITIZEN_SIGN_IN_REQUIRED');
  return request.citizen;
}

export function installCitizenSessions(app: FastifyInstance, deps: Deps): void {
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[CITIZEN_COOKIE];
    if (token && !request.actor) request.citizen = await resolveCitizenSession(deps, token);
  });
}

export function registerCitizenRoutes(root: FastifyInstance, deps: Deps): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const secure = deps.config.nodeEnv === 'production';

  app.get(
    '/api/v1/citizen/sign-in',
    {
      schema: {
        tags,
        summary: 'Bắt đầu đăng nhập công dân: chuyển sang nhà cung cấp định danh (OpenID Connect)',
        querystring: SignInQuery,
        response: { 302: Type.Null(), 303: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      try {
        return reply.redirect(await startSignIn(deps, request.query.next), 302);
      } catch (err) {
        // A browser navigation: a JSON error would be a dead end. The sign-in page says what happened
        // (the provider unreachable, or citizen sign-in not configured) and offers to try again.
        if (!(err instanceof AppError)) throw err;
        request.log.warn(
          { code: err.code, cause: failureCause(err.cause) },
          'citizen sign-in could not start',
        );
        const next = safeReturnPath(request.query.next);
        const query = new URLSearchParams({ loi: err.code, ...(next === '/' ? {} : { next }) });
        return reply.redirect(`${CITIZEN_SIGN_IN_PAGE}?${query.toString()}`, 303);
      }
    },
  );

  app.get(
    '/api/v1/citizen/callback',
    {
      schema: {
        tags,
        summary: 'Nhà cung cấp định danh trả về đây; mở phiên công dân rồi quay lại trang đang dùng',
        querystring: CallbackQuery,
        response: { 302: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      const query = request.raw.url?.split('?')[1] ?? '';
      try {
        const done = await completeSignIn(deps, query, request.id);
        void reply.setCookie(CITIZEN_COOKIE, done.sessionToken, {
          httpOnly: true,
          sameSite: 'lax',
          secure,
          path: '/',
          expires: done.expiresAt,
        });
        return reply.redirect(done.returnTo, 302);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        request.log.warn({ code: err.code, cause: failureCause(err.cause) }, 'citizen sign-in failed');
        return reply.redirect(`${CITIZEN_SIGN_IN_PAGE}?loi=${encodeURIComponent(err.code)}`, 302);
      }
    },
  );

  app.get(
    '/api/v1/portal/settings',
    {
      schema: {
        tags,
        summary:
          'Chế độ của cổng: nộp trực tuyến tại đây (local) hoặc chuyển sang Cổng Dịch vụ công quốc gia (national)',
        response: { 200: PortalSettings },
      },
    },
    async () => ({
      mode: deps.config.citizenPortal.mode,
      nationalProcedureUrl: deps.config.citizenPortal.nationalProcedureUrl,
      citizenSignIn: deps.config.oidc.issuer !== null,
    }),
  );

  app.get(
    '/api/v1/citizen/me',
    {
      schema: {
        tags,
        summary: 'Công dân đang đăng nhập',
        response: { 200: CitizenMeResponse, ...errors },
      },
    },
    async (request) => ({ citizen: presentCitizen(requireCitizen(request)) }),
  );

  app.post(
    '/api/v1/citizen/sign-out',
    { schema: { tags, summary: 'Đăng xuất công dân', response: { 204: Type.Null(), ...errors } } },
    async (request, reply) => {
      const token = request.cookies[CITIZEN_COOKIE];
      if (token) await signOutCitizen(deps, token);
      void reply.clearCookie(CITIZEN_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );
}
