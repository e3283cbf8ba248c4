// Runs a declaration form's precompiled validator: the ES module the server generates for a form
// version (formValidatorModule in forms.ts, served at GET /api/v1/procedures/<code>/form/validator.js).
// The browser cannot compile a schema itself (Ajv uses `new Function`, which the CSP forbids), so it
// imports that module and gives it a `require` that maps exactly the modules Ajv's standalone code may
// name; the errors become the server's Vietnamese messages through the same describeErrors.
//
// Browser-safe: only Ajv's small runtime helpers are imported, never Ajv. The server's tests run the
// same module with this same `require` (server/modules/catalog/form-validator.routes.test.ts).
import type { ErrorObject } from 'ajv/dist/2020.js';
import * as equal from 'ajv/dist/runtime/equal.js';
import * as ucs2length from 'ajv/dist/runtime/ucs2length.js';
import * as uri from 'ajv/dist/runtime/uri.js';
import * as validationError from 'ajv/dist/runtime/validation_error.js';
import * as formats from 'ajv-formats/dist/formats.js';
import { describeErrors, type FormValidator, type JsonSchemaObject } from './form-errors.ts';

/**
 * A CommonJS module's exports, however it was imported: Node gives a CommonJS module's
 * `module.exports` as the namespace's `default`; bundlers (Vite) apply the `__esModule` interop and
 * give its properties. Ajv's code wants `module.exports` (`require("…/equal").default`).
 */
function commonJsExports(namespace: object): Record<string, unknown> {
  const inner = (namespace as { default?: unknown }).default;
  if (typeof inner === 'object' && inner !== null && (inner as { __esModule?: unknown }).__esModule === true)
    return inner as Record<string, unknown>;
  return namespace as Record<string, unknown>;
}

/**
 * Every module Ajv 2020's standalone code can require with the form options: the runtime helpers of
 * const/enum/uniqueItems (equal), minLength/maxLength (ucs2length), URI resolution (uri), the error of
 * `$async` validators (validation_error; forms refuse $async, kept so such code still loads), and
 * ajv-formats' format functions. JTD's parse/serialize/timestamp helpers and RE2 are not used by forms.
 */
const MODULES: Record<string, Record<string, unknown>> = {
  'ajv/dist/runtime/equal': commonJsExports(equal),
  'ajv/dist/runtime/ucs2length': commonJsExports(ucs2length),
  'ajv/dist/runtime/uri': commonJsExports(uri),
  'ajv/dist/runtime/validation_error': commonJsExports(validationError),
  'ajv-formats/dist/formats': commonJsExports(formats),
};

export const FORM_RUNTIME_MODULE_IDS: readonly string[] = Object.keys(MODULES);

/** The `require` given to a validator module; an id outside the list is a bug, and says so. */
export function formRuntimeRequire(id: string): unknown {
  const found = MODULES[id];
  if (found === undefined)
    throw new Error(`The form validator requires "${id}", which form-runtime.ts does not provide`);
  return found;
}

/** What the validator module exports: a factory of Ajv's validate function. */
export type FormValidatorModule = { default: (require: (id: string) => unknown) => unknown };

type StandaloneValidate = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

/**
 * A FormValidator from an imported validator module and the form schema it was generated from (the
 * schema names the fields in the messages): the same verdict and the same messages as compileForm.
 */
export function formValidatorFromModule(
  module: FormValidatorModule,
  schema: JsonSchemaObject,
): FormValidator {
  if (typeof module.default !== 'function') throw new Error('Not a form validator module');
  const check = module.default(formRuntimeRequire) as StandaloneValidate;
  if (typeof check !== 'function') throw new Error('The form validator module made no validate function');
  return {
    schema,
    validate(data) {
      if (check(data)) return { ok: true };
      return { ok: false, errors: describeErrors(schema, check.errors ?? []) };
    },
  };
}
