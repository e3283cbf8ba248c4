// Request validation: every failing field is reported (allErrors), unknown fields are errors rather
// than silently dropped, and JSON bodies are taken as sent — only the query string, params and headers,
// which arrive as text, are coerced to the declared types.
import { Ajv, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyRequest, FastifySchemaCompiler } from 'fastify';
import { AppError, type ErrorDetail } from '../errors.ts';

function build(coerceTypes: Options['coerceTypes']): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    removeAdditional: false,
    useDefaults: true,
    coerceTypes,
    strict: false,
  });
  addFormats.default(ajv);
  return ajv;
}

export function validatorCompiler(): FastifySchemaCompiler<unknown> {
  const strict = build(false);
  const text = build('array');
  return ({ schema, httpPart }) => (httpPart === 'body' ? strict : text).compile(schema as object);
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * A write route that declares no body takes none: a JSON body with fields (or anything but an object)
 * is a 400 naming each field, as an unknown field of a declared body is, instead of being ignored. An
 * empty object (what the web client sends) or no body passes; bodies a route parses itself (multipart,
 * the payment platform's text) are not JSON and are left to it.
 */
export function refuseUndeclaredBody(request: FastifyRequest): void {
  if (!WRITE_METHODS.has(request.method) || !request.headers['content-type']?.includes('json')) return;
  const body: unknown = request.body;
  if (body === undefined || body === null || typeof body === 'string' || Buffer.isBuffer(body)) return;
  const details: ErrorDetail[] =
    typeof body === 'object' && !Array.isArray(body)
      ? Object.keys(body).map((key) => ({
          path: `body/${key}`,
          message: 'Trường này không có trong yêu cầu.',
          code: 'additionalProperties',
        }))
      : [{ path: 'body', message: 'Yêu cầu này không nhận nội dung.', code: 'type' }];
  if (details.length > 0) throw new AppError('VALIDATION_FAILED', 'Dữ liệu gửi lên không hợp lệ.', details);
}
