// The procedure catalogue: versions (draft → published → retired), offerings, declaration forms and
// workflows, around the pure model in common/catalog.
import { createHash } from 'node:crypto';
import { sql, type Expression, type Selectable, type SqlBool, type Transaction } from 'kysely';
import { preparedQuery, type Database } from '../../db/client.ts';
import type { DB } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../platform/actor.ts';
import { isoOrNull } from '../../platform/clock.ts';
import { appendAudit, type AuditActor, type AuditEntry } from '../../platform/audit.ts';
import { AppError, type ErrorDetail } from '../../platform/errors.ts';
import { canonicalJson } from '../../platform/audit.ts';
import { CHANNELS, timeLimitFor, type Channel, type Procedure } from '../../../common/catalog/procedure.ts';
import { procedureSearchText, searchQueryTokens } from '../../../common/catalog/search.ts';
import {
  FormSchemaError,
  compileForm,
  formValidatorModule,
  genericDeclarationForm,
  type FormValidator,
  type JsonSchemaObject,
} from '../../../common/catalog/forms.ts';
import {
  defaultWorkflow,
  validateWorkflow,
  type Workflow,
  type WorkflowStep,
} from '../../../common/catalog/workflow.ts';
import { procedureIssues } from '../../../common/catalog/issues.ts';
import { foldVietnamese } from '../../../common/text/fold.ts';
import { canReachAgency, findAgencyByCode } from '../org/index.ts';
import { exportCatalogueFile, parseCatalogueFile } from './catalog-source.ts';

export const CATALOGUE_EDITORS = ['province-admin'] as const;
export const WORKFLOW_EDITORS = ['unit-admin', 'province-admin'] as const;

const invalid = (details: ErrorDetail[], message = 'Dữ liệu gửi lên không hợp lệ.') =>
  new AppError('VALIDATION_FAILED', message, details);

export function requireCatalogueEditor(actor: Actor): void {
  if (!actor.grants.some((g) => g.role === 'province-admin')) {
    throw new AppError('FORBIDDEN', 'Chỉ quản trị cấp tỉnh được sửa danh mục thủ tục hành chính.');
  }
}

function hashOf(p: Procedure, form: JsonSchemaObject | null): string {
  return createHash('sha256').update(canonicalJson({ p, form })).digest('hex');
}

function versionColumns(p: Procedure, form: JsonSchemaObject | null) {
  return {
    data: JSON.stringify(p),
    form_schema: form === null ? null : JSON.stringify(form),
    name: p.name,
    field_name: p.field?.name ?? null,
    levels: JSON.stringify(p.levels),
    online_level: p.onlineLevel,
    search_text: procedureSearchText(p),
    content_hash: hashOf(p, form),
  };
}

function checkForm(form: unknown, path: string): JsonSchemaObject | null {
  if (form === null || form === undefined) return null;
  try {
    compileForm(form);
  } catch (err) {
    if (err instanceof FormSchemaError) {
      throw invalid(
        err.problems.map((p) => ({
          path: `${path}${p.path ? `/${p.path.replace(/^\//, '')}` : ''}`,
          message: p.message,
        })),
        'Biểu mẫu tờ khai không hợp lệ.',
      );
    }
    throw err;
  }
  return form as JsonSchemaObject;
}

// ---------------------------------------------------------------------------------------------------
// Import and export

export type ImportItem = {
  index: number;
  code: string;
  result: 'created' | 'updated' | 'unchanged' | 'rejected';
  version?: number;
};
export type ImportReport = {
  dryRun: boolean;
  created: number;
  updated: number;
  unchanged: number;
  rejected: { index: number; code?: string; reasons: { path: string; message: string }[] }[];
  items: ImportItem[];
};

/**
 * Imports a catalogue file (the shape of procedures.json). New codes are created and published as
 * version 1; changed ones get a new published version (the previous one is retired); identical ones
 * are left alone. Valid records are applied in one transaction; rejected records are reported.
 */
export async function importCatalogue(
  deps: Deps,
  by: AuditActor,
  json: unknown,
  options: { dryRun: boolean; forms?: Map<string, JsonSchemaObject>; requestId?: string | null },
): Promise<ImportReport> {
  const { records, rejected } = parseCatalogueFile(json);
  const report: ImportReport = {
    dryRun: options.dryRun,
    created: 0,
    updated: 0,
    unchanged: 0,
    rejected,
    items: [],
  };
  const now = deps.clock.now();
  const apply = async (trx: Transaction<DB>) => {
    const audits: AuditEntry[] = [];
    const existing = new Map(
      (
        await trx
          .selectFrom('procedures as p')
          .leftJoin('procedure_versions as v', (j) =>
            j.onRef('v.procedure_id', '=', 'p.procedure_id').on('v.status', '=', 'published'),
          )
          .select(['p.procedure_id', 'p.code', 'v.procedure_version_id', 'v.content_hash', 'v.form_schema'])
          .execute()
      ).map((r) => [r.code, r]),
    );
    const rawList = (json as { procedures: unknown[] }).procedures;
    for (const p of records) {
      const index = rawList.findIndex((r) => (r as { code?: unknown }).code === p.code);
      const current = existing.get(p.code);
      const form = options.forms?.get(p.code) ?? current?.form_schema ?? null;
      if (current?.content_hash === hashOf(p, form)) {
        report.unchanged++;
        report.items.push({ index, code: p.code, result: 'unchanged' });
        continue;
      }
      let procedureId = current?.procedure_id;
      let version = 1;
      if (!procedureId) {
        procedureId = (
          await trx
            .insertInto('procedures')
            .values({ code: p.code, created_at: now })
            .returning('procedure_id')
            .executeTakeFirstOrThrow()
        ).procedure_id;
      } else {
        const max = await trx
          .selectFrom('procedure_versions')
          .select((eb) => eb.fn.max('version').as('v'))
          .where('procedure_id', '=', procedureId)
          .executeTakeFirstOrThrow();
        version = (max.v ?? 0) + 1;
        await trx
          .updateTable('procedure_versions')
          .set({ status: 'retired', retired_at: now })
          .where('procedure_id', '=', procedureId)
          .where('status', '=', 'published')
          .execute();
      }
      await trx
        .insertInto('procedure_versions')
        .values({
          procedure_id: procedureId,
          version,
          status: 'published',
          ...versionColumns(p, form),
          created_at: now,
          created_by: by.userId,
          published_at: now,
        })
        .execute();
      const result = current ? 'updated' : 'created';
      report[result]++;
      report.items.push({ index, code: p.code, result, version });
      audits.push({
        action: 'procedure.imported',
        entityType: 'procedure',
        entityId: p.code,
        details: { result, version },
        requestId: options.requestId ?? null,
      });
    }
    // The audit chain's lock is held until commit: take it only for the last writes.
    for (const entry of audits) await appendAudit(trx, by, entry, now);
  };
  if (options.dryRun) {
    // Same decisions, nothing kept.
    await deps.db
      .transaction()
      .execute(async (trx) => {
        await apply(trx);
        throw new DryRunDone();
      })
      .catch((err: unknown) => {
        if (!(err instanceof DryRunDone)) throw err;
      });
  } else {
    await deps.db.transaction().execute(apply);
  }
  for (const r of rejected) report.items.push({ index: r.index, code: r.code ?? '', result: 'rejected' });
  report.items.sort((a, b) => a.index - b.index);
  return report;
}

class DryRunDone extends Error {}

export async function exportCatalogue(deps: Deps) {
  const rows = await deps.db
    .selectFrom('procedure_versions as v')
    .innerJoin('procedures as p', 'p.procedure_id', 'v.procedure_id')
    .select(['v.data'])
    .where('v.status', '=', 'published')
    .orderBy('p.code')
    .execute();
  return exportCatalogueFile(rows.map((r) => r.data));
}

// ---------------------------------------------------------------------------------------------------
// Reading

export type ListFilter = {
  q?: string | undefined;
  field?: string | undefined;
  level?: string | undefined;
  agencyCode?: string | undefined;
  online?: string | undefined;
  offset: number;
  limit: number;
};

export async function listProcedures(deps: Deps, f: ListFilter) {
  let agencyId: string | null = null;
  if (f.agencyCode !== undefined) {
    const agency = await findAgencyByCode(deps.db, f.agencyCode);
    if (!agency)
      throw invalid([{ path: 'query/agencyCode', message: `Không có cơ quan mã ${f.agencyCode}.` }]);
    agencyId = agency.agency_id;
  }
  const query = deps.db
    .selectFrom('procedure_versions as v')
    .innerJoin('procedures as p', 'p.procedure_id', 'v.procedure_id')
    .where((eb) => {
      const conds: Expression<SqlBool>[] = [eb('v.status', '=', 'published')];
      if (f.q !== undefined) {
        for (const w of searchQueryTokens(f.q)) conds.push(sql<SqlBool>`v.search_text LIKE ${'%' + w + '%'}`);
      }
      if (f.field !== undefined) {
        conds.push(sql<SqlBool>`v.search_text LIKE ${'%' + foldVietnamese(f.field) + '%'}`);
        conds.push(eb('v.field_name', 'is not', null));
      }
      if (f.level !== undefined) conds.push(sql<SqlBool>`v.levels @> ${JSON.stringify([f.level])}::jsonb`);
      if (f.online !== undefined) conds.push(eb('v.online_level', '=', f.online));
      if (agencyId !== null) {
        conds.push(
          eb.exists(
            eb
              .selectFrom('procedure_offerings as o')
              .select('o.agency_id')
              .whereRef('o.procedure_id', '=', 'p.procedure_id')
              .where('o.agency_id', '=', agencyId),
          ),
        );
      }
      return eb.and(conds);
    });
  const [rows, count] = await Promise.all([
    query.select(['p.code', 'v.data']).orderBy('p.code').offset(f.offset).limit(f.limit).execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => {
      const p = r.data;
      return {
        code: p.code,
        name: p.name,
        field: p.field,
        levels: p.levels,
        timeLimits: p.timeLimits,
        fees: p.fees,
        onlineLevel: p.onlineLevel,
      };
    }),
    total: Number(count.n),
  };
}

type VersionRow = Pick<
  Selectable<DB['procedure_versions']>,
  'procedure_id' | 'procedure_version_id' | 'version' | 'status' | 'data' | 'form_schema' | 'content_hash'
>;

async function findVersion(
  db: Database,
  code: string,
  version: number | 'published',
): Promise<VersionRow | undefined> {
  let q = db
    .selectFrom('procedure_versions as v')
    .innerJoin('procedures as p', 'p.procedure_id', 'v.procedure_id')
    .select([
      'v.procedure_id',
      'v.procedure_version_id',
      'v.version',
      'v.status',
      'v.data',
      'v.form_schema',
      'v.content_hash',
    ])
    .where('p.code', '=', code);
  q = version === 'published' ? q.where('v.status', '=', 'published') : q.where('v.version', '=', version);
  return q.executeTakeFirst();
}

async function procedureOrFail(db: Database, code: string) {
  const row = await db
    .selectFrom('procedures')
    .select(['procedure_id', 'code'])
    .where('code', '=', code)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `Không có thủ tục mã ${code}.`);
  return row;
}

async function publishedOrFail(db: Database, code: string): Promise<VersionRow> {
  const v = await findVersion(db, code, 'published');
  if (!v) {
    await procedureOrFail(db, code);
    throw new AppError('NOT_FOUND', `Thủ tục ${code} chưa có phiên bản đang áp dụng.`);
  }
  return v;
}

export function formOf(row: Pick<VersionRow, 'data' | 'form_schema'>): {
  schema: JsonSchemaObject;
  generic: boolean;
} {
  if (row.form_schema) return { schema: row.form_schema, generic: false };
  return { schema: genericDeclarationForm(row.data), generic: true };
}

export async function getProcedure(deps: Deps, code: string, version?: number) {
  const row =
    version === undefined ? await publishedOrFail(deps.db, code) : await findVersion(deps.db, code, version);
  if (!row) throw new AppError('NOT_FOUND', `Không có phiên bản ${version} của thủ tục ${code}.`);
  const offerings = await deps.db
    .selectFrom('procedure_offerings as o')
    .innerJoin('agencies as a', 'a.agency_id', 'o.agency_id')
    .select(['a.code', 'a.name', 'a.unit_code'])
    .where('o.procedure_id', '=', row.procedure_id)
    .orderBy('a.code')
    .execute();
  const p = row.data;
  const form = formOf(row);
  return {
    version: row.version,
    status: row.status,
    procedure: p,
    form: form.schema,
    genericForm: form.generic,
    issues: procedureIssues(p),
    offeredBy: offerings.map((o) => ({ code: o.code, name: o.name, unitCode: o.unit_code })),
  };
}

export async function listVersions(deps: Deps, code: string) {
  const proc = await procedureOrFail(deps.db, code);
  const rows = await deps.db
    .selectFrom('procedure_versions')
    .select(['version', 'status', 'name', 'created_at', 'published_at', 'retired_at'])
    .where('procedure_id', '=', proc.procedure_id)
    .orderBy('version')
    .execute();
  return {
    items: rows.map((r) => ({
      version: r.version,
      status: r.status,
      name: r.name,
      createdAt: new Date(r.created_at).toISOString(),
      publishedAt: isoOrNull(r.published_at),
      retiredAt: isoOrNull(r.retired_at),
    })),
  };
}

// ---------------------------------------------------------------------------------------------------
// Versions

export async function createDraft(deps: Deps, actor: Actor, code: string, requestId: string) {
  requireCatalogueEditor(actor);
  const proc = await procedureOrFail(deps.db, code);
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('procedure_versions')
      .select(['procedure_version_id', 'version', 'status', 'data', 'form_schema'])
      .where('procedure_id', '=', proc.procedure_id)
      .orderBy('version', 'desc')
      .forUpdate()
      .execute();
    if (rows.some((r) => r.status === 'draft')) {
      throw new AppError('CONFLICT', `Thủ tục ${code} đã có một bản nháp; hãy sửa hoặc công bố bản đó.`);
    }
    const base = rows.find((r) => r.status === 'published') ?? rows[0];
    if (!base) throw new AppError('NOT_FOUND', `Thủ tục ${code} chưa có phiên bản nào.`);
    const version = rows[0]!.version + 1;
    const p = base.data;
    const form = base.form_schema;
    const draft = await trx
      .insertInto('procedure_versions')
      .values({
        procedure_id: proc.procedure_id,
        version,
        status: 'draft',
        ...versionColumns(p, form),
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
    await appendAudit(
      trx,
      { userId: actor.userId, label: actor.username },
      {
        action: 'procedure.draft-created',
        entityType: 'procedure',
        entityId: code,
        details: { version, from: base.version },
        requestId,
      },
      now,
    );
    return { version, status: 'draft' };
  });
}

export async function updateDraft(
  deps: Deps,
  actor: Actor,
  code: string,
  version: number,
  body: { record: unknown; formSchema?: unknown },
  requestId: string,
) {
  requireCatalogueEditor(actor);
  const row = await findVersion(deps.db, code, version);
  if (!row) throw new AppError('NOT_FOUND', `Không có phiên bản ${version} của thủ tục ${code}.`);
  if (row.status !== 'draft') throw new AppError('CONFLICT', 'Chỉ sửa được bản nháp; hãy tạo bản nháp mới.');
  const parsed = parseCatalogueFile({ procedures: [body.record] });
  if (parsed.rejected.length > 0) {
    throw invalid(
      parsed.rejected[0]!.reasons.map((r) => ({
        path: `body/record/${r.path.replace(/^\//, '')}`,
        message: r.message,
      })),
    );
  }
  const p = parsed.records[0]!;
  if (p.code !== code) throw invalid([{ path: 'body/record/code', message: `Mã thủ tục phải là ${code}.` }]);
  const form =
    body.formSchema === undefined ? row.form_schema : checkForm(body.formSchema, 'body/formSchema');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('procedure_versions')
      .set(versionColumns(p, form))
      .where('procedure_version_id', '=', row.procedure_version_id)
      .where('status', '=', 'draft')
      .execute();
    await appendAudit(
      trx,
      { userId: actor.userId, label: actor.username },
      {
        action: 'procedure.draft-updated',
        entityType: 'procedure',
        entityId: code,
        details: { version },
        requestId,
      },
      now,
    );
  });
  return { version, status: 'draft', issues: procedureIssues(p) };
}

/** Every stored workflow of a version must add up to its channel's limit before the version goes live. */
async function workflowProblems(db: Database | Transaction<DB>, row: VersionRow): Promise<ErrorDetail[]> {
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

export async function publishVersion(
  deps: Deps,
  actor: Actor,
  code: string,
  version: number,
  requestId: string,
) {
  requireCatalogueEditor(actor);
  const row = await findVersion(deps.db, code, version);
  if (!row) throw new AppError('NOT_FOUND', `Không có phiên bản ${version} của thủ tục ${code}.`);
  if (row.status !== 'draft') throw new AppError('CONFLICT', 'Chỉ công bố được bản nháp.');
  const problems = await workflowProblems(deps.db, row);
  if (problems.length > 0) {
    throw new AppError(
      'UNPROCESSABLE',
      'Quy trình nội bộ chưa khớp thời hạn giải quyết; chưa thể công bố.',
      problems,
    );
  }
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
    await appendAudit(
      trx,
      { userId: actor.userId, label: actor.username },
      {
        action: 'procedure.published',
        entityType: 'procedure',
        entityId: code,
        details: { version },
        requestId,
      },
      now,
    );
  });
  return { version, status: 'published' };
}

export async function retireVersion(
  deps: Deps,
  actor: Actor,
  code: string,
  version: number,
  requestId: string,
) {
  requireCatalogueEditor(actor);
  const row = await findVersion(deps.db, code, version);
  if (!row) throw new AppError('NOT_FOUND', `Không có phiên bản ${version} của thủ tục ${code}.`);
  if (row.status !== 'published') throw new AppError('CONFLICT', 'Chỉ bãi bỏ được phiên bản đang áp dụng.');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('procedure_versions')
      .set({ status: 'retired', retired_at: now })
      .where('procedure_version_id', '=', row.procedure_version_id)
      .execute();
    await appendAudit(
      trx,
      { userId: actor.userId, label: actor.username },
      {
        action: 'procedure.retired',
        entityType: 'procedure',
        entityId: code,
        details: { version },
        requestId,
      },
      now,
    );
  });
  return { version, status: 'retired' };
}

// ---------------------------------------------------------------------------------------------------
// Offerings

export async function setOfferings(
  deps: Deps,
  actor: Actor,
  code: string,
  agencyCodes: string[],
  requestId: string,
) {
  requireCatalogueEditor(actor);
  const proc = await procedureOrFail(deps.db, code);
  const agencies = await deps.db
    .selectFrom('agencies as a')
    .innerJoin('units as u', 'u.code', 'a.unit_code')
    .select(['a.agency_id', 'a.code', 'a.path', 'u.path as unit_path'])
    .where('a.code', 'in', agencyCodes.length > 0 ? agencyCodes : ['-'])
    .execute();
  const found = new Map(agencies.map((a) => [a.code, a]));
  const problems: ErrorDetail[] = [];
  agencyCodes.forEach((c, i) => {
    const a = found.get(c);
    if (!a) problems.push({ path: `body/agencyCodes/${i}`, message: `Không có cơ quan mã ${c}.` });
    else if (
      !canReachAgency(actor, { agencyPath: a.path, unitPath: a.unit_path }, 'write', CATALOGUE_EDITORS)
    ) {
      problems.push({ path: `body/agencyCodes/${i}`, message: `Cơ quan ${c} nằm ngoài phạm vi của bạn.` });
    }
  });
  if (problems.length > 0) throw invalid(problems);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    // Only the editor's own province is replaced: offerings elsewhere are another province's data.
    const mine = await trx
      .selectFrom('procedure_offerings as o')
      .innerJoin('agencies as a', 'a.agency_id', 'o.agency_id')
      .innerJoin('units as u', 'u.code', 'a.unit_code')
      .select(['o.agency_id', 'a.path', 'u.path as unit_path'])
      .where('o.procedure_id', '=', proc.procedure_id)
      .execute();
    const removable = mine
      .filter((o) =>
        canReachAgency(actor, { agencyPath: o.path, unitPath: o.unit_path }, 'write', CATALOGUE_EDITORS),
      )
      .map((o) => o.agency_id);
    if (removable.length > 0) {
      await trx
        .deleteFrom('procedure_offerings')
        .where('procedure_id', '=', proc.procedure_id)
        .where('agency_id', 'in', removable)
        .execute();
    }
    if (agencies.length > 0) {
      await trx
        .insertInto('procedure_offerings')
        .values(
          agencies.map((a) => ({ procedure_id: proc.procedure_id, agency_id: a.agency_id, created_at: now })),
        )
        .onConflict((oc) => oc.columns(['procedure_id', 'agency_id']).doNothing())
        .execute();
    }
    await appendAudit(
      trx,
      { userId: actor.userId, label: actor.username },
      {
        action: 'procedure.offerings-set',
        entityType: 'procedure',
        entityId: code,
        details: { agencyCodes },
        requestId,
      },
      now,
    );
  });
  return { agencyCodes: [...agencyCodes].sort() };
}

// ---------------------------------------------------------------------------------------------------
// Forms

const validators = new Map<string, FormValidator>();

/** The compiled declaration form of a procedure version; compiled once per version and process. */
export function formValidatorFor(
  row: Pick<VersionRow, 'procedure_version_id' | 'data' | 'form_schema'>,
): FormValidator {
  let validator = validators.get(row.procedure_version_id);
  if (!validator) {
    validator = compileForm(formOf(row).schema);
    if (validators.size > 500) validators.clear();
    validators.set(row.procedure_version_id, validator);
  }
  return validator;
}

export async function validateDeclaration(deps: Deps, code: string, formData: unknown) {
  const row = await publishedOrFail(deps.db, code);
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
  code: string,
  version?: number,
): Promise<{ version: number; source: string; etag: string }> {
  const row =
    version === undefined ? await publishedOrFail(deps.db, code) : await findVersion(deps.db, code, version);
  if (!row) {
    await procedureOrFail(deps.db, code);
    throw new AppError('NOT_FOUND', `Không có phiên bản ${version} của thủ tục ${code}.`);
  }
  if (row.status === 'draft' && actor === null) throw new AppError('UNAUTHENTICATED', 'Vui lòng đăng nhập.');
  let cached = validatorModules.get(row.procedure_version_id);
  if (cached?.contentHash !== row.content_hash) {
    let source: string;
    try {
      source = formValidatorModule(formOf(row).schema);
    } catch (err) {
      // A form Ajv compiles but cannot write as standalone code: the browser asks the server instead.
      throw new AppError(
        'UNPROCESSABLE',
        'Biểu mẫu của phiên bản này không tạo được bộ kiểm tra cho trình duyệt; tờ khai được kiểm tra khi gửi.',
        [{ path: 'form', message: err instanceof Error ? err.message : String(err) }],
      );
    }
    const digest = createHash('sha256').update(source).digest('base64url').slice(0, 22);
    cached = { contentHash: row.content_hash, source, etag: `W/"${code}-v${row.version}-${digest}"` };
    if (validatorModules.size >= 200) validatorModules.clear();
    validatorModules.set(row.procedure_version_id, cached);
  }
  return { version: row.version, source: cached.source, etag: cached.etag };
}

// ---------------------------------------------------------------------------------------------------
// Workflows

export type ResolvedStep = WorkflowStep & {
  agency: { code: string; name: string } | null;
  unresolved?: string;
};

type AgencyRef = { agency_id: string; code: string; name: string; unit_code: string };

/** Turns each step's performer into a real agency, for a dossier received at `receiving` and decided by `competent`. */
export async function resolveWorkflow(
  db: Database,
  workflow: Workflow,
  receiving: AgencyRef,
  competent: AgencyRef,
): Promise<ResolvedStep[]> {
  const out: ResolvedStep[] = [];
  for (const step of workflow.steps) {
    const perf = step.performer;
    if (perf.kind === 'receiving-agency')
      out.push({ ...step, agency: { code: receiving.code, name: receiving.name } });
    else if (perf.kind === 'competent-agency')
      out.push({ ...step, agency: { code: competent.code, name: competent.name } });
    else if (perf.kind === 'named-agency') {
      const a = await db
        .selectFrom('agencies')
        .select(['code', 'name'])
        .where('code', '=', perf.agencyCode)
        .executeTakeFirst();
      out.push(
        a
          ? { ...step, agency: a }
          : { ...step, agency: null, unresolved: `Không có cơ quan mã ${perf.agencyCode}.` },
      );
    } else {
      const unit = await db
        .selectFrom('units')
        .select(['parent_code'])
        .where('code', '=', competent.unit_code)
        .executeTakeFirst();
      const above = unit?.parent_code
        ? await db
            .selectFrom('agencies')
            .select(['code', 'name'])
            .where('unit_code', '=', unit.parent_code)
            .where('kind', '=', perf.agencyKind)
            .orderBy('code')
            .execute()
        : [];
      out.push(
        above.length === 1
          ? { ...step, agency: above[0]! }
          : {
              ...step,
              agency: null,
              unresolved:
                above.length === 0
                  ? 'Cấp trên không có cơ quan thuộc loại này.'
                  : 'Cấp trên có nhiều cơ quan thuộc loại này; hãy chỉ định cơ quan.',
            },
      );
    }
  }
  return out;
}

function storedWorkflows(db: Database, procedureVersionId: string, channel: string) {
  return db
    .selectFrom('workflows')
    .select(['steps', 'version', 'agency_id'])
    .where('procedure_version_id', '=', procedureVersionId)
    .where('channel', '=', channel)
    .orderBy(sql`agency_id IS NULL`)
    .limit(sql.lit(1));
}

const provinceWorkflowQuery = preparedQuery(
  'province-workflow',
  (db: Database, procedureVersionId: string, channel: string) =>
    storedWorkflows(db, procedureVersionId, channel).where('agency_id', 'is', null),
);
// Intake reads it for every dossier: a named statement (db/client.ts).
const agencyWorkflowQuery = preparedQuery(
  'agency-workflow',
  (db: Database, procedureVersionId: string, channel: string, agencyId: string) =>
    storedWorkflows(db, procedureVersionId, channel).where((eb) =>
      eb.or([eb('agency_id', '=', agencyId), eb('agency_id', 'is', null)]),
    ),
);

async function workflowFor(
  db: Database,
  row: Pick<VersionRow, 'procedure_version_id' | 'data'>,
  agencyId: string | null,
  channel: Channel,
) {
  const [stored] =
    agencyId === null
      ? await provinceWorkflowQuery(db, row.procedure_version_id, channel)
      : await agencyWorkflowQuery(db, row.procedure_version_id, channel, agencyId);
  const p = row.data;
  const limit = timeLimitFor(p, channel);
  if (stored) {
    return {
      source: stored.agency_id === null ? 'province' : 'agency',
      version: stored.version,
      workflow: { steps: stored.steps as WorkflowStep[] },
      limit,
      problems: [] as ErrorDetail[],
    };
  }
  if (!limit || limit.unit === null) {
    return {
      source: 'default',
      version: 0,
      workflow: { steps: [] as WorkflowStep[] },
      limit,
      problems: validateWorkflow({ steps: [] }, limit)
        .filter((x) => x.path === 'limit')
        .map((x) => ({ path: x.path, message: x.message })),
    };
  }
  try {
    return {
      source: 'default',
      version: 0,
      workflow: defaultWorkflow({ value: limit.value, unit: limit.unit }),
      limit,
      problems: [] as ErrorDetail[],
    };
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    return {
      source: 'default',
      version: 0,
      workflow: { steps: [] as WorkflowStep[] },
      limit,
      problems: [{ path: 'limit', message: 'Thời hạn không chia được thành số giờ nguyên.' }],
    };
  }
}

async function editableVersion(db: Database, code: string, version: number | undefined): Promise<VersionRow> {
  if (version === undefined) return publishedOrFail(db, code);
  const row = await findVersion(db, code, version);
  if (!row) throw new AppError('NOT_FOUND', `Không có phiên bản ${version} của thủ tục ${code}.`);
  return row;
}

/**
 * The workflow a new dossier follows: the agency's own, else the province's, else the default. The
 * caller has the version's row already (intake read it).
 */
export async function workflowForDossier(
  db: Database,
  version: Pick<VersionRow, 'procedure_version_id' | 'data'>,
  agencyId: string,
  channel: Channel,
): Promise<Workflow & { problems: ErrorDetail[] }> {
  const w = await workflowFor(db, version, agencyId, channel);
  return { steps: w.workflow.steps, problems: w.problems };
}

export async function getWorkflow(
  deps: Deps,
  code: string,
  input: { agencyCode?: string | undefined; channel: Channel; procedureVersion?: number | undefined },
) {
  const row = await editableVersion(deps.db, code, input.procedureVersion);
  let agency: AgencyRef | null = null;
  if (input.agencyCode !== undefined) {
    const a = await findAgencyByCode(deps.db, input.agencyCode);
    if (!a)
      throw invalid([{ path: 'query/agencyCode', message: `Không có cơ quan mã ${input.agencyCode}.` }]);
    agency = { agency_id: a.agency_id, code: a.code, name: a.name, unit_code: a.unit_code };
  }
  const w = await workflowFor(deps.db, row, agency?.agency_id ?? null, input.channel);
  const steps = agency
    ? await resolveWorkflow(deps.db, w.workflow, agency, agency)
    : w.workflow.steps.map((s) => ({ ...s, agency: null }));
  return {
    procedureVersion: row.version,
    channel: input.channel,
    source: w.source,
    version: w.version,
    limit: w.limit,
    steps,
    problems: w.problems,
  };
}

export async function putWorkflow(
  deps: Deps,
  actor: Actor,
  code: string,
  body: {
    agencyCode?: string | undefined;
    procedureVersion?: number | undefined;
    channel: Channel;
    version: number;
    steps: unknown[];
  },
  requestId: string,
) {
  const row = await editableVersion(deps.db, code, body.procedureVersion);
  if (row.status === 'retired')
    throw new AppError('CONFLICT', 'Phiên bản đã bãi bỏ không sửa được quy trình.');
  let agencyId: string | null = null;
  if (body.agencyCode !== undefined) {
    const a = await findAgencyByCode(deps.db, body.agencyCode);
    if (!a) throw invalid([{ path: 'body/agencyCode', message: `Không có cơ quan mã ${body.agencyCode}.` }]);
    if (
      !canReachAgency(actor, { agencyPath: a.agency_path, unitPath: a.unit_path }, 'write', WORKFLOW_EDITORS)
    ) {
      throw new AppError('FORBIDDEN', 'Cơ quan này nằm ngoài phạm vi quản trị của bạn.');
    }
    const offers = await deps.db
      .selectFrom('procedure_offerings')
      .select('agency_id')
      .where('procedure_id', '=', row.procedure_id)
      .where('agency_id', '=', a.agency_id)
      .executeTakeFirst();
    if (!offers)
      throw invalid([
        { path: 'body/agencyCode', message: `Cơ quan ${body.agencyCode} không thực hiện thủ tục ${code}.` },
      ]);
    agencyId = a.agency_id;
  } else {
    requireCatalogueEditor(actor);
  }
  const p = row.data;
  const problems = validateWorkflow({ steps: body.steps }, timeLimitFor(p, body.channel));
  if (problems.length > 0) {
    throw invalid(
      problems.map((x) => ({
        path: x.path === 'limit' ? 'body/channel' : `body/${x.path}`,
        message: x.message,
      })),
      'Quy trình nội bộ không hợp lệ.',
    );
  }
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('workflows')
      .select(['workflow_id', 'version'])
      .where('procedure_version_id', '=', row.procedure_version_id)
      .where('channel', '=', body.channel)
      .where((eb) => (agencyId === null ? eb('agency_id', 'is', null) : eb('agency_id', '=', agencyId)))
      .forUpdate()
      .executeTakeFirst();
    const currentVersion = current?.version ?? 0;
    if (body.version !== currentVersion) {
      throw new AppError('STALE_VERSION', 'Quy trình đã được người khác sửa; hãy tải lại.', [
        { path: 'body/version', message: `Phiên bản hiện tại là ${currentVersion}.` },
      ]);
    }
    const steps = JSON.stringify(body.steps);
    if (current) {
      await trx
        .updateTable('workflows')
        .set({ steps, version: currentVersion + 1, updated_at: now, updated_by: actor.userId })
        .where('workflow_id', '=', current.workflow_id)
        .execute();
    } else {
      await trx
        .insertInto('workflows')
        .values({
          procedure_version_id: row.procedure_version_id,
          agency_id: agencyId,
          channel: body.channel,
          steps,
          version: 1,
          updated_at: now,
          updated_by: actor.userId,
        })
        .execute();
    }
    await appendAudit(
      trx,
      { userId: actor.userId, label: actor.username },
      {
        action: 'procedure.workflow-set',
        entityType: 'procedure',
        entityId: code,
        details: {
          procedureVersion: row.version,
          channel: body.channel,
          agencyCode: body.agencyCode ?? null,
          version: currentVersion + 1,
        },
        requestId,
      },
      now,
    );
    return { version: currentVersion + 1 };
  });
}

export const ALL_CHANNELS = CHANNELS;
