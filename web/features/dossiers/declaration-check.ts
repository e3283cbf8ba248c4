// The declaration checked in the browser with exactly the server's rules. The server turns each form
// version into Ajv standalone code, an ES module at GET /api/v1/procedures/<code>/form/validator.js;
// it is imported as an ordinary same-origin script (no eval, so the CSP's script-src 'self' holds) and
// run with common/catalog/form-runtime.ts, whose messages are the server's own (describeErrors).
// Only the apply and intake pages import this file, so Ajv's runtime helpers stay in their chunks,
// out of the portal's first load. When the module cannot be loaded (offline, or a form Ajv cannot
// write as standalone code) the caller's fallback runs instead; the server checks the submission anyway.
import type { FormError, FormValidator, JsonSchemaObject } from '../../../common/catalog/form-errors.ts';
import { formValidatorFromModule, type FormValidatorModule } from '../../../common/catalog/form-runtime.ts';

export type DeclarationCheck = { ok: boolean; errors: FormError[] };

/** The form as the page has it: the procedure, the version it was read at, and its schema. */
export type DeclarationForm = { code: string; version: number; schema: object };

/** The version is named, so the module checks the very form the page shows. */
export const validatorModuleUrl = (code: string, version: number): string =>
  `/api/v1/procedures/${encodeURIComponent(code)}/form/validator.js?version=${version}`;

// One per module address and page session. A module that failed stays failed: the browser keeps the
// failure in its module map, so importing the same address again would not fetch it again anyway.
const validators = new Map<string, Promise<FormValidator>>();

function validatorFor(form: DeclarationForm): Promise<FormValidator> {
  const url = validatorModuleUrl(form.code, form.version);
  let found = validators.get(url);
  if (!found) {
    found = (import(/* @vite-ignore */ url) as Promise<FormValidatorModule>).then((module) =>
      formValidatorFromModule(module, form.schema as JsonSchemaObject),
    );
    validators.set(url, found);
  }
  return found;
}

/** Starts loading the form's validator when the form is shown, so that checking it is immediate. */
export function preloadDeclarationCheck(form: DeclarationForm): void {
  validatorFor(form).catch(() => {
    // Reported when the declaration is checked.
  });
}

/**
 * Checks `formData` in the browser; when the validator module cannot be loaded, returns what
 * `fallback` gives (the server's POST …/form/validate, or nothing for a page whose submission the
 * server checks in the same step).
 */
export async function checkDeclaration<T>(
  form: DeclarationForm,
  formData: unknown,
  fallback: () => Promise<T>,
): Promise<DeclarationCheck | T> {
  let validator: FormValidator;
  try {
    validator = await validatorFor(form);
  } catch (error) {
    console.warn('The declaration form validator did not load; falling back to the server.', error);
    return fallback();
  }
  const result = validator.validate(formData);
  return result.ok ? { ok: true, errors: [] } : result;
}
