import type { FastifyInstance, FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../platform/actor.ts';
import {
  ChangePasswordBody,
  CreateTokenBody,
  CreatedToken,
  LoginBody,
  MeResponse,
  TokenView,
} from '../../../common/contracts/auth.ts';
import { requireActor, requireSignedIn } from './auth.hook.ts';
import {
  SESSION_COOKIE,
  changeOwnPassword,
  createApiToken,
  listApiTokens,
  login,
  logout,
  revokeApiToken,
} from './auth.service.ts';
import { errorResponses } from '../../platform/http/route-errors.ts';

export function presentUser(actor: Actor) {
  return {
    id: actor.userId,
    username: actor.username,
    fullName: actor.fullName,
    mustChangePassword: actor.mustChangePassword === true,
    roles: actor.grants.map((g) => ({
      role: g.role,
      agencyCode: g.agencyCode,
      agencyName: g.agencyName,
      unitCode: g.unitCode,
      // The province of the agency's unit: the first segment of its path (whose own days it keeps).
      provinceCode: g.unitPath.split('/')[1] ?? '',
    })),
  };
}

const errors = errorResponses(400, 401, 403, 404, 429);

export function registerAuthRoutes(root: FastifyInstance, deps: Deps): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const secure = deps.config.nodeEnv === 'production';

  const setSessionCookie = (reply: FastifyReply, token: string, expiresAt: Date) => {
    void reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure,
      path: '/',
      expires: expiresAt,
    });
  };

  app.post(
    '/api/v1/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Đăng nhập (cán bộ)',
        body: LoginBody,
        response: { 200: MeResponse, ...errors },
      },
    },
    async (request, reply) => {
      const result = await login(deps, { ...request.body, ip: request.ip, requestId: request.id });
      setSessionCookie(reply, result.sessionToken, result.expiresAt);
      return { user: presentUser(result.actor) };
    },
  );

  app.post(
    '/api/v1/auth/logout',
    { schema: { tags: ['auth'], summary: 'Đăng xuất', response: { 204: Type.Null(), ...errors } } },
    async (request, reply) => {
      const actor = requireSignedIn(request);
      const cookie = request.cookies[SESSION_COOKIE];
      if (cookie) await logout(deps, cookie, actor, request.id);
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/auth/me',
    { schema: { tags: ['auth'], summary: 'Người dùng hiện tại', response: { 200: MeResponse, ...errors } } },
    async (request) => ({ user: presentUser(requireSignedIn(request)) }),
  );

  app.post(
    '/api/v1/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary:
          'Đổi mật khẩu của chính mình (bắt buộc sau khi quản trị đặt lại); các phiên khác của tài khoản kết thúc',
        body: ChangePasswordBody,
        response: { 200: MeResponse, ...errors },
      },
    },
    async (request) => {
      const actor = await changeOwnPassword(deps, requireSignedIn(request), {
        ...request.body,
        sessionToken: request.cookies[SESSION_COOKIE] ?? null,
        requestId: request.id,
      });
      return { user: presentUser(actor) };
    },
  );

  app.get(
    '/api/v1/auth/tokens',
    {
      schema: {
        tags: ['auth'],
        summary: 'Mã truy cập (API token) của tôi',
        response: { 200: Type.Object({ items: Type.Array(TokenView) }), ...errors },
      },
    },
    async (request) => ({ items: await listApiTokens(deps, requireActor(request).userId) }),
  );

  app.post(
    '/api/v1/auth/tokens',
    {
      schema: {
        tags: ['auth'],
        summary: 'Tạo mã truy cập cho tích hợp; mã chỉ hiện một lần',
        body: CreateTokenBody,
        response: { 201: CreatedToken, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const created = await createApiToken(
        deps,
        { userId: actor.userId, label: actor.username },
        request.body,
        request.id,
      );
      return reply.status(201).send(created);
    },
  );

  app.delete(
    '/api/v1/auth/tokens/:id',
    {
      schema: {
        tags: ['auth'],
        summary: 'Thu hồi mã truy cập',
        params: Type.Object(
          { id: Type.String({ pattern: '^[0-9]{1,18}$' }) },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      await revokeApiToken(deps, requireActor(request), request.params.id, request.id);
      return reply.status(204).send(null);
    },
  );
}
