// Declaration forms: checking a form schema, the compiled validator of a version's form (the server's
// check of a declaration) and the same rules as an ES module for the browser.
import { createHash } from 'node:crypto';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../platform/actor.ts';
import {
  FormSchemaError,
  compileForm,
  formValidatorModule,
  genericDeclarationForm,
  type FormValidator,
  type JsonSchemaObject,
} from '../../../common/catalog/forms.ts';
import { declarationSizeErrors, holdToForm } from '../../../common/catalog/declaration-limits.ts';
import { fail } from './catalog.errors.ts';
import { findVersion, getProcedureRow, getPublishedVersion, type VersionRow } from './catalog.repository.ts';

/** A form schema as sent (`path` names it in the details), or null for none; throws if it does not compile. */
export function checkForm(form: unknown, path: string): JsonSchemaObject | null {
  if (form === null || form === undefined) return null;
  try {
    compileForm(form);
    // The form declarations are checked against (formValidatorFor) must compile too.
    compileForm(holdToForm(form as JsonSchemaObject));
  } catch (err) {
    if (err instanceof FormSchemaError) {
      throw fail('PROCEDURE_FORM_INVALID', {
        details: err.problems.map((p) => ({
          path: `${path}${p.path ? `/${p.path.replace(/^\//, '')}` : ''}`,
          message: p.message,
        })),
      });
    }
    throw err;
  }
  return form as JsonSchemaObject;
}

/** A version's own form, else the generic declaration built from its record. */
export function formOf(row: Pick<VersionRow, 'data' | 'form_schema'>): {
  schema: JsonSchemaObject;
  generic: boolean;
} {
  if (row.form_schema) return { schema: row.form_schema, generic: false };
  return { schema: genericDeclarationForm(row.data), generic: true };
}

const validators = new Map<string, FormValidator>();

/**
 * A declaration's validator: the form held to itself (common/catalog/declaration-limits.ts: undeclared
 * fields refused, text bounded) and the whole declaration's size. A size error has the keyword
 * `maxBytes`, which intake treats as a problem even where form errors are warnings.
 */
function declarationValidator(schema: JsonSchemaObject): FormValidator {
  const held = compileForm(holdToForm(schema));
  return {
    schema,
    validate(data) {
      const size = declarationSizeErrors(data);
      if (size.length > 0) return { ok: false, errors: size };
      return held.validate(data);
    },
  };
}

/** The compiled declaration form of a procedure version; compiled once per version and process. */
export function formValidatorFor(
  row: Pick<VersionRow, 'procedure_version_id' | 'data' | 'form_schema'>,
): FormValidator {
  let validator = validators.get(row.procedure_version_id);
  if (!validator) {
    validator = declarationValidator(formOf(row).schema);
    if (validators.size > 500) validators.clear();
    validators.set(row.procedure_version_id, validator);
  }
  return validator;
}

export async function validateDeclaration(deps: Deps, code: string, formData: unknown) {
  const row = await getPublishedVersion(deps.db, code);
  const result = formValidatorFor(row).validate(formData);
  return result.ok ? { ok: true, errors: [] } : { ok: false, errors: result.errors };
}

type ValidatorModule = { contentHash: string; source: string; etag: string };
const validatorModules = new Map<string, ValidatorModule>();

/**
 * The browser's validator of a version's declaration form: Ajv standalone code as an ES module
 * (formValidatorModule), generated from the same schema, options and keywords as formValidatorFor.
 * Generated once per version and content (a draft may change) and kept in memory. The ETag names the
 * version and a digest of the code, so a newly published version or another Ajv gives another one.
 * Without `version`, the published one; a draft only for staff (as GET …/versions/<version>).
 */
export async function getFormValidatorModule(
  deps: Deps,
  actor: Actor | null,
  { code, version }: { code: string; version?: number | undefined },
): Promise<{ version: number; source: string; etag: string }> {
  const row =
    version === undefined
      ? await getPublishedVersion(deps.db, code)
      : await findVersion(deps.db, code, version);
  if (!row) {
    await getProcedureRow(deps.db, code);
    throw fail('PROCEDURE_VERSION_NOT_FOUND', { params: { code, version: version! } });
  }
  if (row.status === 'draft' && actor === null) throw fail('PROCEDURE_DRAFT_NEEDS_SIGN_IN');
  let cached = validatorModules.get(row.procedure_version_id);
  if (cached?.contentHash !== row.content_hash) {
    let source: string;
    try {
      source = formValidatorModule(holdToForm(formOf(row).schema));
    } catch (err) {
      // A form Ajv compiles but cannot write as standalone code: the browser asks the server instead.
      throw fail('PROCEDURE_FORM_NO_BROWSER_VALIDATOR', {
        details: [{ path: 'form', message: err instanceof Error ? err.message : String(err) }],
      });
    }
    const digest = createHash('sha256').update(source).digest('base64url').slice(0, 22);
    cached = { contentHash: row.content_hash, source, etag: `W/"${code}-v${row.version}-${digest}"` };
    if (validatorModules.size >= 200) validatorModules.clear();
    validatorModules.set(row.procedure_version_id, cached);
  }
  return { version: row.version, source: cached.source, etag: cached.etag };
}
