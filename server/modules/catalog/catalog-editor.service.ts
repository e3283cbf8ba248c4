// The catalogue editor's side of a draft: its editable content (common/catalog/draft-content.ts) with
// the problems that stand before publishing (common/catalog/draft-check.ts), the version in force to
// compare it with, and saving the content back. Saving an incomplete draft is allowed (the answer
// names what is left); publishing refuses while a blocking problem remains (catalog-versions.service).
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../platform/actor.ts';
import { canonicalJson } from '../../platform/audit.ts';
import type { JsonSchemaObject } from '../../../common/catalog/forms.ts';
import type { Procedure } from '../../../common/catalog/procedure.ts';
import {
  applyContent,
  contentOf,
  CUSTOM_FORM,
  GENERIC_FORM,
  type DraftContent,
} from '../../../common/catalog/draft-content.ts';
import { draftProblems, type DraftProblem } from '../../../common/catalog/draft-check.ts';
import { procedureFlags } from '../../../common/catalog/flags.ts';
import { vnDate } from '../../../common/time/vn-time.ts';
import { saysNoLimit } from '../../../common/catalog/issues.ts';
import { fail } from './catalog.errors.ts';
import { requireCatalogueEditor } from './catalog.policy.ts';
import {
  auditProcedure,
  findVersion,
  getVersion,
  versionColumns,
  type VersionRow,
} from './catalog.repository.ts';
import { loadReferenceForms } from './catalog-source.ts';
import type { VersionChange } from './catalog-versions.service.ts';

type ShippedForm = { id: string; title: string; schema: JsonSchemaObject; canonical: string };

let shipped: ShippedForm[] | null = null;

/** The declaration forms shipped with the product, by file name (read once per process). */
export function shippedForms(): ShippedForm[] {
  shipped ??= loadReferenceForms().map((f) => ({
    id: f.file,
    title: typeof f.schema.title === 'string' ? f.schema.title : f.file,
    schema: f.schema,
    canonical: canonicalJson(f.schema),
  }));
  return shipped;
}

/** Which form a version uses: the generic one (none stored), a shipped one, or its own. */
export function formChoiceOf(form: JsonSchemaObject | null): string {
  if (form === null) return GENERIC_FORM;
  const canonical = canonicalJson(form);
  return shippedForms().find((f) => f.canonical === canonical)?.id ?? CUSTOM_FORM;
}

/** The form choices a version may take, in the editor's order. */
function formChoices(row: Pick<VersionRow, 'form_schema'>): { id: string; title: string }[] {
  const own = formChoiceOf(row.form_schema) === CUSTOM_FORM;
  return [
    ...shippedForms().map((f) => ({ id: f.id, title: f.title })),
    ...(own ? [{ id: CUSTOM_FORM, title: 'Tờ khai riêng của phiên bản' }] : []),
  ];
}

/** What the check needs from the parts of the record the editor does not change. */
function checkContext(row: Pick<VersionRow, 'data' | 'form_schema'>) {
  const p: Procedure = row.data;
  return {
    forms: formChoices(row).map((f) => f.id),
    feeDecidedBy: p.feePolicy?.decidedBy ?? null,
    noLimit: p.timeLimitGaps.filter(saysNoLimit).map((g) => g.channel),
  };
}

/** Every problem of a stored version, as the editor and publishing see them. */
export function versionProblems(row: Pick<VersionRow, 'data' | 'form_schema'>): DraftProblem[] {
  return draftProblems(contentOf(row.data, formChoiceOf(row.form_schema)), checkContext(row));
}

export async function getDraftEditor(deps: Deps, input: { code: string; version: number }) {
  const row = await getVersion(deps.db, input.code, input.version);
  const inForce = await findVersion(deps.db, input.code, 'published');
  const p: Procedure = row.data;
  return {
    version: row.version,
    status: row.status,
    code: p.code,
    name: p.name,
    content: contentOf(p, formChoiceOf(row.form_schema)),
    problems: versionProblems(row),
    feeDecidedBy: p.feePolicy?.decidedBy ?? null,
    noLimit: checkContext(row).noLimit,
    forms: formChoices(row),
    inForce:
      inForce && inForce.version !== row.version
        ? { version: inForce.version, content: contentOf(inForce.data, formChoiceOf(inForce.form_schema)) }
        : null,
  };
}

/** The form to store for a choice; a choice the draft cannot take is a 400 naming `form`. */
function formFor(choice: string, row: Pick<VersionRow, 'form_schema'>): JsonSchemaObject | null {
  if (choice === GENERIC_FORM) return null;
  if (choice === CUSTOM_FORM && formChoiceOf(row.form_schema) === CUSTOM_FORM) return row.form_schema;
  const found = shippedForms().find((f) => f.id === choice);
  if (!found) {
    throw fail('CATALOG_INVALID_INPUT', {
      details: [
        {
          path: 'body/content/form',
          message: 'Chọn tờ khai chung hoặc một tờ khai có sẵn',
          code: 'form-unknown',
        },
      ],
    });
  }
  return found.schema;
}

/** A case key repeated would make two cases one for the desk: refused before anything is stored. */
function checkCaseKeys(content: DraftContent): void {
  const seen = new Set<string>();
  const details = content.cases.flatMap((c, i) => {
    const repeated = seen.has(c.key);
    seen.add(c.key);
    return repeated
      ? [{ path: `body/content/cases/${i}/key`, message: `Mã trường hợp “${c.key}” bị lặp` }]
      : [];
  });
  if (details.length > 0) throw fail('CATALOG_INVALID_INPUT', { details });
}

export async function saveDraftContent(
  deps: Deps,
  actor: Actor,
  input: VersionChange & { content: DraftContent },
) {
  const { code, version, requestId, content } = input;
  requireCatalogueEditor(actor);
  const row = await getVersion(deps.db, code, version);
  if (row.status !== 'draft') throw fail('PROCEDURE_VERSION_NOT_DRAFT');
  checkCaseKeys(content);
  const form = formFor(content.form, row);
  const p = applyContent(row.data, content);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('procedure_versions')
      .set(versionColumns(p, form, procedureFlags(p, vnDate(now))))
      .where('procedure_version_id', '=', row.procedure_version_id)
      .where('status', '=', 'draft')
      .executeTakeFirst();
    // Published (or retired) since it was read: nothing is changed.
    if (updated.numUpdatedRows === 0n) throw fail('PROCEDURE_VERSION_NOT_DRAFT');
    await auditProcedure(
      trx,
      actor,
      { action: 'procedure.draft-edited', code, details: { version, form: content.form }, requestId },
      now,
    );
  });
  return { version, status: 'draft', problems: versionProblems({ data: p, form_schema: form }) };
}
