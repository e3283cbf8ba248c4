// Importing a catalogue file (the shape of procedures.json, catalog-file.ts) and exporting the
// published versions in the same shape.
import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import { appendAudit, type AuditActor, type AuditEntry } from '../../platform/audit.ts';
import type { JsonSchemaObject } from '../../../common/catalog/forms.ts';
import { parseCatalogueFile } from './catalog-source.ts';
import { exportCatalogueFile } from './catalog-export.ts';
import { hashOf, versionColumns } from './catalog.repository.ts';
import { fail } from './catalog.errors.ts';
import { isUniqueViolation } from '../../db/errors.ts';

// Imports take this transaction lock first, so two at once run one after the other, the second reading
// what the first committed.
const IMPORT_LOCK = 7_357_101;

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
    await sql`SELECT pg_advisory_xact_lock(${IMPORT_LOCK})`.execute(trx);
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
        // Locked as a new draft locks it (catalog-versions.service.ts): the version numbers stay distinct.
        await trx
          .selectFrom('procedures')
          .select('procedure_id')
          .where('procedure_id', '=', procedureId)
          .forUpdate()
          .execute();
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
    // A draft or version created beside the import can still take a number or code it meant to use:
    // the import is refused whole (409), nothing of it kept, never a 500.
    await deps.db
      .transaction()
      .execute(apply)
      .catch((err: unknown) => {
        throw isUniqueViolation(err) ? fail('CATALOG_CHANGED_MEANWHILE') : err;
      });
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
