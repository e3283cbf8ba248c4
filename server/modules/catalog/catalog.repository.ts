// Reading and writing procedure versions: the rows the catalogue's services share.
import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/client.ts';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { appendAudit, canonicalJson } from '../../platform/audit.ts';
import type { Procedure } from '../../../common/catalog/procedure.ts';
import type { ProcedureFlag } from '../../../common/catalog/flags.ts';
import { procedureSearchText } from '../../../common/catalog/search.ts';
import type { JsonSchemaObject } from '../../../common/catalog/forms.ts';
import { findAgencyByCode } from '../org/index.ts';
import { fail } from './catalog.errors.ts';
import type { Selectable } from 'kysely';

export type VersionRow = Pick<
  Selectable<DB['procedure_versions']>,
  | 'procedure_id'
  | 'procedure_version_id'
  | 'version'
  | 'status'
  | 'data'
  | 'form_schema'
  | 'content_hash'
  | 'effective_from'
>;

/** What tells two versions apart: the record and its form, canonically. */
export function hashOf(p: Procedure, form: JsonSchemaObject | null): string {
  return createHash('sha256').update(canonicalJson({ p, form })).digest('hex');
}

/**
 * The columns of a version written from `p`. `flags`: what procedureFlags(p, today) says on the day it
 * is written (stored so lists show them without recomputing; publishing recomputes them).
 */
export function versionColumns(p: Procedure, form: JsonSchemaObject | null, flags: ProcedureFlag[]) {
  return {
    effective_from: p.decisionDate ?? null,
    flags: JSON.stringify(flags),
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

export async function findVersion(
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
      'v.effective_from',
    ])
    .where('p.code', '=', code);
  q = version === 'published' ? q.where('v.status', '=', 'published') : q.where('v.version', '=', version);
  return q.executeTakeFirst();
}

export async function getProcedureRow(db: Database, code: string) {
  const row = await db
    .selectFrom('procedures')
    .select(['procedure_id', 'code'])
    .where('code', '=', code)
    .executeTakeFirst();
  if (!row) throw fail('PROCEDURE_NOT_FOUND', { params: { code } });
  return row;
}

export async function getPublishedVersion(db: Database, code: string): Promise<VersionRow> {
  const v = await findVersion(db, code, 'published');
  if (!v) {
    await getProcedureRow(db, code);
    throw fail('PROCEDURE_NOT_PUBLISHED', { params: { code } });
  }
  return v;
}

/** Version `version` of a procedure, or without it the published one. */
export async function getVersion(
  db: Database,
  code: string,
  version: number | undefined,
): Promise<VersionRow> {
  if (version === undefined) return getPublishedVersion(db, code);
  const row = await findVersion(db, code, version);
  if (!row) throw fail('PROCEDURE_VERSION_NOT_FOUND', { params: { code, version } });
  return row;
}

/** The audit entry of a staff change to procedure `code`, in the change's transaction. */
export function auditProcedure(
  trx: Transaction<DB>,
  actor: Actor,
  entry: { action: string; code: string; details: Record<string, unknown>; requestId: string },
  at: Date,
): Promise<void> {
  return appendAudit(
    trx,
    actor,
    {
      action: entry.action,
      entityType: 'procedure',
      entityId: entry.code,
      details: entry.details,
      requestId: entry.requestId,
    },
    at,
  );
}

/** The agency a request names by code at `path` (query/agencyCode, body/agencyCode); unknown: 400. */
export async function getNamedAgency(db: Database, code: string, path: string) {
  const agency = await findAgencyByCode(db, code);
  if (!agency) {
    throw fail('CATALOG_INVALID_INPUT', { details: [{ path, message: `Không có cơ quan mã ${code}.` }] });
  }
  return agency;
}
