import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../../deps.ts';
import { DossierCodeParams } from '../../../common/contracts/dossiers.ts';
import {
  CallbackAnswer,
  DeskPaymentBody,
  DeskPaymentResponse,
  DossierFees,
  PaymentHeaders,
  PaymentIdParams,
  PaymentList,
  PaymentView,
  PaymentsQuery,
  StartPaymentResponse,
} from '../../../common/contracts/payments.ts';
import { requireActor, requireCaller } from '../auth/index.ts';
import { takeDeskPayment } from './desk/desk-payment.service.ts';
import { receiveCallback } from './online/callback.service.ts';
import { startOnlinePayment } from './online/online-payment.service.ts';
import { paymentReceiptPdf } from './payment-receipts.service.ts';
import { presentPayment } from './payment-view.ts';
import { getDossierFees, getPayment, listPayments } from './payments.service.ts';
import { errorResponses } from '../../platform/http/route-errors.ts';
import { rateLimited } from '../../platform/http/rate-limit.ts';
import { CALLBACK_BODY_LIMIT } from './payments.repository.ts';
import { fail } from './payments.errors.ts';

const errors = errorResponses(400, 401, 403, 404, 409);
const tags = ['payments'];
const CodeParams = Type.Object({ code: DossierCodeParams.properties.code }, { additionalProperties: false });

export function registerPaymentRoutes(root: FastifyInstance, deps: Deps): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/v1/dossiers/:code/fees',
    {
      schema: {
        tags,
        summary:
          'Phí, lệ phí và nghĩa vụ tài chính của hồ sơ: các khoản, đã nộp, còn phải nộp, các giao dịch',
        params: CodeParams,
        response: { 200: DossierFees, ...errors },
      },
    },
    async (request) => getDossierFees(deps, requireCaller(request), request.params.code),
  );

  app.post(
    '/api/v1/dossiers/:code/payments',
    {
      schema: {
        tags,
        summary:
          'Thanh toán trực tuyến các khoản còn phải nộp (người nộp hoặc cán bộ): trả về trang thanh toán của nền tảng',
        params: CodeParams,
        headers: PaymentHeaders,
        response: { 201: StartPaymentResponse, ...errors, ...errorResponses(503) },
      },
    },
    async (request, reply) => {
      const answer = await startOnlinePayment(deps, requireCaller(request), {
        code: request.params.code,
        ip: request.ip,
        idempotencyKey: request.headers['idempotency-key'],
        requestId: request.id,
      });
      return reply.status(201).send(answer);
    },
  );

  app.post(
    '/api/v1/dossiers/:code/payments/desk',
    {
      schema: {
        tags,
        summary:
          'Thu phí tại quầy (tiền mặt, chuyển khoản) — cán bộ một cửa của cơ quan tiếp nhận; cấp biên lai ngay',
        params: CodeParams,
        headers: PaymentHeaders,
        body: DeskPaymentBody,
        response: { 201: DeskPaymentResponse, ...errors },
      },
    },
    async (request, reply) => {
      const result = await takeDeskPayment(deps, requireActor(request), {
        code: request.params.code,
        body: request.body,
        idempotencyKey: request.headers['idempotency-key'],
        requestId: request.id,
        log: request.log,
      });
      return reply.status(201).send(result);
    },
  );

  app.get(
    '/api/v1/payments',
    {
      schema: {
        tags,
        summary: 'Giao dịch thanh toán của các cơ quan trong phạm vi của cán bộ, theo trạng thái',
        querystring: PaymentsQuery,
        response: { 200: PaymentList, ...errors },
      },
    },
    async (request) => listPayments(deps, requireActor(request), request.query),
  );

  app.get(
    '/api/v1/payments/:id',
    {
      schema: {
        tags,
        summary: 'Một giao dịch thanh toán',
        params: PaymentIdParams,
        response: { 200: PaymentView, ...errors },
      },
    },
    async (request) => {
      const caller = requireCaller(request);
      return presentPayment(await getPayment(deps, caller, request.params.id), caller.kind);
    },
  );

  app.get(
    '/api/v1/payments/:id/receipt',
    {
      schema: {
        tags,
        summary: 'Biên lai điện tử của một giao dịch đã thanh toán (PDF)',
        params: PaymentIdParams,
        produces: ['application/pdf'],
        response: { 200: { type: 'string', format: 'binary' }, ...errors },
      },
    },
    async (request, reply) => {
      const pdf = await paymentReceiptPdf(deps, requireCaller(request), request.params.id);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="bien-lai-${request.params.id}.pdf"`)
        .send(pdf as never);
    },
  );

  // The platform's CONFIRM callback: no session (the message is authenticated by MaXacThuc). The body
  // is taken as text, whatever its content type, so that a malformed one is recorded, not refused
  // before the handler. A server-to-server POST carries no Origin, so the CSRF guard lets it through.
  void root.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => {
      done(null, body);
    });
    scope.withTypeProvider<TypeBoxTypeProvider>().post(
      '/api/v1/payments/callback',
      {
        // Anyone may call it and every message is recorded: small bodies, a rate per address
        // (PAYMENT_CALLBACKS_PER_MINUTE), refused ones kept as an excerpt and pruned (payments.jobs.ts).
        bodyLimit: CALLBACK_BODY_LIMIT,
        config: rateLimited({
          max: deps.config.payment.callbacksPerMinute,
          windowMs: 60_000,
          refuse: (headers) => fail('PAYMENT_CALLBACKS_TOO_MANY', { headers }),
        }),
        schema: {
          tags,
          summary: 'Nền tảng thanh toán báo kết quả giao dịch (CONFIRM, có MaXacThuc); không cần đăng nhập',
          security: [],
          // Whatever the platform appends to the URL is ignored, not refused: the body is what counts.
          querystring: Type.Object({}, { additionalProperties: true }),
          response: {
            200: CallbackAnswer,
            400: CallbackAnswer,
            401: CallbackAnswer,
            404: CallbackAnswer,
            409: CallbackAnswer,
            500: CallbackAnswer,
            ...errorResponses(413, 429),
          },
        },
      },
      async (request, reply) => {
        const raw = typeof request.body === 'string' ? request.body : '';
        const outcome = await receiveCallback(deps, raw, request.id, request.log);
        return reply.status(outcome.statusCode).send(outcome.answer);
      },
    );
  });
}
