// The life of a procedure version: a draft copied from the published one, edited, published (the
// previous one retires) or retired. Province administrators only.
import { sql } from 'kysely';
import type { Database } from '../../db/client.ts';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../platform/actor.ts';
import type { ErrorDetail } from '../../platform/errors.ts';
import { timeLimitFor, type Channel } from '../../../common/catalog/procedure.ts';
import { validateWorkflow } from '../../../common/catalog/workflow.ts';
import { procedureIssues } from '../../../common/catalog/issues.ts';
import { procedureFlags } from '../../../common/catalog/flags.ts';
import { vnDate } from '../../../common/time/vn-time.ts';
import { fail } from './catalog.errors.ts';
import { requireCatalogueEditor } from './catalog.policy.ts';
import {
  auditProcedure,
  getProcedureRow,
  getVersion,
  versionColumns,
  type VersionRow,
} from './catalog.repository.ts';
import { parseCatalogueFile } from './catalog-source.ts';
import { checkForm } from './catalog-forms.service.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { versionProblems } from './catalog-editor.service.ts';
import { blockingProblems } from '../../../common/catalog/draft-check.ts';

/** One version of one procedure, changed on behalf of the request `requestId`. */
export type VersionChange = { code: string; version: number; requestId: string };

export async function createDraft(deps: Deps, actor: Actor, input: { code: string; requestId: string }) {
  const { code, requestId } = input;
  requireCatalogueEditor(actor);
  const proc = await getProcedureRow(deps.db, code);
  const now = deps.clock.now();
  try {
    return await newDraft(deps, actor, { proc, code, requestId, now });
  } catch (err) {
    // A concurrent creation that got past the lock below (a unique key of the versions) is the same
    // conflict as a draft found: 409, never a 500.
    if (isUniqueViolation(err)) throw fail('PROCEDURE_DRAFT_EXISTS', { params: { code } });
    throw err;
  }
}

async function newDraft(
  deps: Deps,
  actor: Actor,
  input: { proc: { procedure_id: string }; code: string; requestId: string; now: Date },
) {
  const { proc, code, requestId, now } = input;
  return deps.db.transaction().execute(async (trx) => {
    // The procedure's row, locked: drafts of one procedure are created one at a time, and the versions
    // read next (a new statement, a new snapshot) include a draft the previous holder committed.
    await trx
      .selectFrom('procedures')
      .select('procedure_id')
      .where('procedure_id', '=', proc.procedure_id)
      .forUpdate()
      .execute();
    const rows = await trx
      .selectFrom('procedure_versions')
      .select(['procedure_version_id', 'version', 'status', 'data', 'form_schema'])
      .where('procedure_id', '=', proc.procedure_id)
      .orderBy('version', 'desc')
      .forUpdate()
      .execute();
    if (rows.some((r) => r.status === 'draft')) throw fail('PROCEDURE_DRAFT_EXISTS', { params: { code } });
    const base = rows.find((r) => r.status === 'published') ?? rows[0];
    if (!base) throw fail('PROCEDURE_HAS_NO_VERSION', { params: { code } });
    const version = rows[0]!.version + 1;
    const p = base.data;
    const form = base.form_schema;
    const draft = await trx
      .insertInto('procedure_versions')
      .values({
        procedure_id: proc.procedure_id,
        version,
        status: 'draft',
        ...versionColumns(p, form, procedureFlags(p, vnDate(now))),
        created_at: now,
        created_by: actor.userId,
      })
      .returning('procedure_version_id')
      .executeTakeFirstOrThrow();
    // The draft starts with the workflows of the version it copies; publishing checks them again.
    await sql`
      INSERT INTO workflows (procedure_version_id, agency_id, channel, steps, version, updated_at, updated_by)
      SELECT ${draft.procedure_version_id}::bigint, w.agency_id, w.channel, w.steps, 1, ${now}::timestamptz, ${actor.userId}::bigint
      FROM workflows w JOIN procedure_versions v ON v.procedure_version_id = w.procedure_version_id
      WHERE v.procedure_id = ${proc.procedure_id} AND v.version = ${base.version}`.execute(trx);
    await auditProcedure(
      trx,
      actor,
      { action: 'procedure.draft-created', code, details: { version, from: base.version }, requestId },
      now,
    );
    return { version, status: 'draft' };
  });
}

export async function updateDraft(
  deps: Deps,
  actor: Actor,
  input: VersionChange & { record: unknown; formSchema?: unknown },
) {
  const { code, version, requestId } = input;
  requireCatalogueEditor(actor);
  const row = await getVersion(deps.db, code, version);
  if (row.status !== 'draft') throw fail('PROCEDURE_VERSION_NOT_DRAFT');
  const parsed = parseCatalogueFile({ procedures: [input.record] });
  if (parsed.rejected.length > 0) {
    throw fail('CATALOG_INVALID_INPUT', {
      details: parsed.rejected[0]!.reasons.map((r) => ({
        path: `body/record/${r.path.replace(/^\//, '')}`,
        message: r.message,
      })),
    });
  }
  const p = parsed.records[0]!;
  if (p.code !== code) {
    throw fail('CATALOG_INVALID_INPUT', {
      details: [{ path: 'body/record/code', message: `Mã thủ tục phải là ${code}.` }],
    });
  }
  const form =
    input.formSchema === undefined ? row.form_schema : checkForm(input.formSchema, 'body/formSchema');
  const now = deps.clock.now();
  const flags = procedureFlags(p, vnDate(now));
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('procedure_versions')
      .set(versionColumns(p, form, flags))
      .where('procedure_version_id', '=', row.procedure_version_id)
      .where('status', '=', 'draft')
      .execute();
    await auditProcedure(
      trx,
      actor,
      { action: 'procedure.draft-updated', code, details: { version }, requestId },
      now,
    );
  });
  return { version, status: 'draft', issues: procedureIssues(p), flags };
}

/** Every stored workflow of a version must add up to its channel's limit before the version goes live. */
async function workflowProblems(db: Database, row: VersionRow): Promise<ErrorDetail[]> {
  const p = row.data;
  const stored = await db
    .selectFrom('workflows')
    .select(['channel', 'steps', 'agency_id'])
    .where('procedure_version_id', '=', row.procedure_version_id)
    .execute();
  const out: ErrorDetail[] = [];
  for (const w of stored) {
    const channel = w.channel as Channel;
    for (const problem of validateWorkflow({ steps: w.steps }, timeLimitFor(p, channel))) {
      out.push({
        path: `workflows/${channel}${w.agency_id ? `/${w.agency_id}` : ''}/${problem.path}`,
        message: problem.message,
      });
    }
  }
  return out;
}

export async function publishVersion(deps: Deps, actor: Actor, input: VersionChange) {
  const { code, version, requestId } = input;
  requireCatalogueEditor(actor);
  const row = await getVersion(deps.db, code, version);
  if (row.status !== 'draft') throw fail('PROCEDURE_PUBLISH_NOT_DRAFT');
  // Every problem named at once: the content's as the editor names them (its paths, with their
  // codes), the flags it does not already name (a decision may have come into force since the draft
  // was saved), then the workflows' that follow from them. Only flags left: PROCEDURE_FLAGGED.
  const flags = procedureFlags(row.data, vnDate(deps.clock.now()));
  const problems = await workflowProblems(deps.db, row);
  const incomplete = blockingProblems(versionProblems(row));
  if (incomplete.length > 0) {
    const named = new Set<string>(incomplete.map((p) => p.code));
    throw fail('PROCEDURE_DRAFT_INCOMPLETE', {
      details: [
        ...incomplete.map(({ path, message, code }) => ({ path, message, code })),
        ...flags
          .filter((f) => !named.has(f.code))
          .map((f) => ({ path: f.path, message: f.message, code: f.code })),
        ...problems,
      ],
    });
  }
  if (flags.length > 0) {
    throw fail('PROCEDURE_FLAGGED', {
      params: { code, count: flags.length },
      details: flags.map((f) => ({ path: f.path, message: f.message })),
    });
  }
  if (problems.length > 0) throw fail('PROCEDURE_WORKFLOWS_OFF_LIMIT', { details: problems });
  checkForm(row.form_schema, 'formSchema');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('procedure_versions')
      .set({ status: 'retired', retired_at: now })
      .where('procedure_id', '=', row.procedure_id)
      .where('status', '=', 'published')
      .execute();
    await trx
      .updateTable('procedure_versions')
      .set({ status: 'published', published_at: now })
      .where('procedure_version_id', '=', row.procedure_version_id)
      .execute();
    await auditProcedure(
      trx,
      actor,
      { action: 'procedure.published', code, details: { version }, requestId },
      now,
    );
  });
  return { version, status: 'published' };
}

export async function retireVersion(deps: Deps, actor: Actor, input: VersionChange) {
  const { code, version, requestId } = input;
  requireCatalogueEditor(actor);
  const row = await getVersion(deps.db, code, version);
  if (row.status !== 'published') throw fail('PROCEDURE_RETIRE_NOT_PUBLISHED');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('procedure_versions')
      .set({ status: 'retired', retired_at: now })
      .where('procedure_version_id', '=', row.procedure_version_id)
      .execute();
    await auditProcedure(
      trx,
      actor,
      { action: 'procedure.retired', code, details: { version }, requestId },
      now,
    );
  });
  return { version, status: 'retired' };
}
