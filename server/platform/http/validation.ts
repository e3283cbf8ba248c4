// Request validation: every failing field is reported (allErrors), unknown fields are errors rather
// than silently dropped, and JSON bodies are taken as sent — only the query string, params and headers,
// which arrive as text, are coerced to the declared types.
import { Ajv, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

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
