// Turns every failure into the one envelope { error: { code, reason?, message, details?, requestId } }.
// Schema validation lists every failing field; unknown errors are logged and never shown.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, ERROR_STATUS, type ErrorCode, type ErrorDetail } from '../errors.ts';
import { fail } from '../platform.errors.ts';

type AjvError = {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
};

const SEGMENT_LABEL: Record<string, string> = {
  body: 'body',
  querystring: 'query',
  params: 'params',
  headers: 'headers',
};

function ajvMessage(e: AjvError): string {
  const p = e.params;
  switch (e.keyword) {
    case 'required':
      return 'Trường này là bắt buộc.';
    case 'additionalProperties':
      return 'Trường này không được hỗ trợ.';
    case 'type':
      return `Sai kiểu dữ liệu: cần ${String(p.type)}.`;
    case 'maxLength':
      return `Dài quá ${String(p.limit)} ký tự.`;
    case 'minLength':
      return `Cần ít nhất ${String(p.limit)} ký tự.`;
    case 'pattern':
    case 'format':
      return 'Sai định dạng.';
    case 'enum':
    case 'const':
      return 'Giá trị không thuộc danh sách cho phép.';
    case 'minimum':
    case 'exclusiveMinimum':
      return `Giá trị phải ${e.keyword === 'minimum' ? '≥' : '>'} ${String(p.limit)}.`;
    case 'maximum':
    case 'exclusiveMaximum':
      return `Giá trị phải ${e.keyword === 'maximum' ? '≤' : '<'} ${String(p.limit)}.`;
    case 'maxItems':
      return `Nhiều nhất ${String(p.limit)} phần tử.`;
    case 'minItems':
      return `Ít nhất ${String(p.limit)} phần tử.`;
    default:
      return e.message ?? 'Giá trị không hợp lệ.';
  }
}

export function ajvErrorsToDetails(segment: string, errors: AjvError[]): ErrorDetail[] {
  const prefix = SEGMENT_LABEL[segment] ?? segment;
  const seen = new Set<string>();
  const out: ErrorDetail[] = [];
  for (const e of errors) {
    let pointer = e.instancePath;
    if (e.keyword === 'required') pointer += `/${String(e.params.missingProperty)}`;
    if (e.keyword === 'additionalProperties') pointer += `/${String(e.params.additionalProperty)}`;
    const path = `${prefix}${pointer}`;
    const key = `${path}|${e.keyword}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ path, message: ajvMessage(e), code: e.keyword });
  }
  return out;
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
  FST_ERR_BAD_URL: 'BAD_REQUEST',
  FST_ERR_ASYNC_CONSTRAINT: 'BAD_REQUEST',
};

/** Fastify's own failures, each answered as its catalogue entry. */
const FASTIFY_REASONS: Partial<Record<ErrorCode, Parameters<typeof fail>[0]>> = {
  INVALID_JSON: 'REQUEST_NOT_JSON',
  PAYLOAD_TOO_LARGE: 'REQUEST_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE: 'REQUEST_MEDIA_TYPE_UNSUPPORTED',
  BAD_REQUEST: 'REQUEST_MALFORMED',
};

// Any other 4xx keeps its own HTTP-generic code (its status decides it), so it has no catalogue entry.
const fastifyError = (code: ErrorCode): AppError => {
  const reason = FASTIFY_REASONS[code];
  return reason ? fail(reason) : new AppError(code, 'Yêu cầu không hợp lệ.');
};

export function sendError(reply: FastifyReply, requestId: string, err: AppError): void {
  if (err.headers) void reply.headers(err.headers);
  void reply
    .status(err.status)
    .type('application/json; charset=utf-8')
    // The envelope is written as it is, not through the route's response schema: a route that answers its
    // own errors in another party's format (the payment callback) would otherwise fail to serialise an
    // error the edge raised before its handler, and answer 500.
    .serializer((payload: unknown) => JSON.stringify(payload))
    .send({
      error: {
        code: err.code,
        ...(err.reason ? { reason: err.reason } : {}),
        message: err.message,
        ...(err.details && err.details.length > 0 ? { details: err.details } : {}),
        requestId,
        ...err.extra,
      },
    });
}

/**
 * The router's own refusals, before any route or hook runs (Fastify's `frameworkErrors`): a path whose
 * percent-encoding does not decode, a path parameter longer than the router's maxParamLength, a failed
 * routing constraint. Answered in the envelope like every other error, with the request id.
 */
export function answerFrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const err =
    error.code === 'FST_ERR_BAD_URL'
      ? fail('REQUEST_PATH_MALFORMED')
      : error.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? fail('REQUEST_PATH_TOO_LONG')
        : fail('REQUEST_MALFORMED');
  // The onSend hooks that set it for routed requests do not run for these.
  void reply.header('x-request-id', request.id).header('cache-control', 'no-store');
  sendError(reply, request.id, err);
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof AppError) {
      sendError(reply, request.id, error);
      return;
    }
    const fe = error as FastifyError & { validation?: AjvError[]; validationContext?: string };
    if (fe.validation) {
      const details = ajvErrorsToDetails(fe.validationContext ?? 'body', fe.validation);
      // Schema failures name every failing field in details; they carry no catalogue reason (docs/errors.md).
      sendError(
        reply,
        request.id,
        new AppError('VALIDATION_FAILED', 'Dữ liệu gửi lên không hợp lệ.', details),
      );
      return;
    }
    const mapped = fe.code ? FASTIFY_CODES[fe.code] : undefined;
    if (mapped) {
      sendError(reply, request.id, fastifyError(mapped));
      return;
    }
    if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
      const code = (Object.entries(ERROR_STATUS).find(([, s]) => s === fe.statusCode)?.[0] ??
        'BAD_REQUEST') as ErrorCode;
      sendError(reply, request.id, fastifyError(code));
      return;
    }
    request.log.error({ err: error }, 'unhandled error');
    sendError(reply, request.id, fail('SERVER_FAILED'));
  });

  app.setNotFoundHandler((request, reply) => {
    sendError(reply, request.id, fail('ROUTE_NOT_FOUND'));
  });
}
