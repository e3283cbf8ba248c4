// E2: fetch the dossiers submitted on the national portal for the province, store each once (by the
// portal's code: a record listed twice, or listed again after a lost acknowledgement, is not stored
// twice), then acknowledge them. Stored before acknowledged, so a crash in between only causes a
// re-listing, never a loss. inbound-intake.ts then turns each into a submitted dossier at the desk it names.
import type { Deps } from '../../deps.ts';
import { appendAudit } from '../../platform/audit.ts';
import type { JobLog } from '../../platform/jobs/job-log.ts';
import { silentLog } from '../../platform/jobs/job-log.ts';
import { fromE2, type InboundMapping } from './portal-adapter.ts';
import type { PortalClient } from './portal-client.ts';

export type InboundResult = {
  pages: number;
  listed: number;
  stored: number;
  duplicates: number;
  invalid: number;
  acknowledged: number;
  ackFailures: number;
};

export async function fetchInbound(
  deps: Deps,
  client: PortalClient,
  options: { pageSize?: number; maxPages?: number; log?: JobLog; signal?: AbortSignal } = {},
): Promise<InboundResult> {
  const log = options.log ?? silentLog;
  const pageSize = options.pageSize ?? 20;
  const maxPages = options.maxPages ?? 50;
  const result: InboundResult = {
    pages: 0,
    listed: 0,
    stored: 0,
    duplicates: 0,
    invalid: 0,
    acknowledged: 0,
    ackFailures: 0,
  };
  let cursor: string | null = null;
  while (result.pages < maxPages) {
    const page = await client.listInbound(cursor, pageSize, options.signal);
    result.pages++;
    result.listed += page.records.length;
    const mapped = new Map<string, { record: unknown; mapping: InboundMapping }>();
    for (const record of page.records) {
      let mapping: InboundMapping;
      try {
        mapping = fromE2(record);
      } catch (err) {
        result.invalid++;
        log.warn({ error: (err as Error).message }, 'inbound dossier without a code skipped');
        continue;
      }
      // The same record twice in one page: keep the first.
      if (mapped.has(mapping.intake.portalCode)) result.duplicates++;
      else mapped.set(mapping.intake.portalCode, { record, mapping });
    }
    const stored = mapped.size === 0 ? 0 : await store(deps, [...mapped.values()]);
    result.stored += stored;
    result.duplicates += mapped.size - stored;
    const codes = [...mapped.keys()];
    try {
      await client.ackInbound(codes, options.signal);
      result.acknowledged += codes.length;
    } catch (err) {
      // Not acknowledged: the portal lists them again and they are recognised then.
      result.ackFailures += codes.length;
      log.warn({ error: (err as Error).message, count: codes.length }, 'inbound acknowledgement failed');
    }
    if (page.nextCursor === null || page.records.length === 0) break;
    cursor = page.nextCursor;
  }
  if (result.stored > 0) log.info({ ...result }, 'inbound dossiers fetched from the national portal');
  return result;
}

async function store(deps: Deps, items: { record: unknown; mapping: InboundMapping }[]): Promise<number> {
  const now = deps.clock.now();
  const agencyCodes = [...new Set(items.map((i) => i.mapping.intake.agencyCode).filter((c) => c !== ''))];
  const procedureCodes = [
    ...new Set(items.map((i) => i.mapping.intake.procedureCode).filter((c) => c !== '')),
  ];
  const agencies = new Map(
    agencyCodes.length === 0
      ? []
      : (
          await deps.db
            .selectFrom('agencies')
            .select(['agency_id', 'code'])
            .where('code', 'in', agencyCodes)
            .execute()
        ).map((a) => [a.code, a.agency_id]),
  );
  const procedures = new Set(
    procedureCodes.length === 0
      ? []
      : (
          await deps.db.selectFrom('procedures').select('code').where('code', 'in', procedureCodes).execute()
        ).map((p) => p.code),
  );
  return deps.db.transaction().execute(async (trx) => {
    const rows = items.map(({ record, mapping }) => {
      const { intake } = mapping;
      const problems = [...mapping.problems];
      const agencyId = agencies.get(intake.agencyCode) ?? null;
      if (intake.agencyCode !== '' && agencyId === null)
        problems.push({
          path: 'MaDonVi',
          message: `Không có cơ quan mã ${intake.agencyCode} trong hệ thống.`,
        });
      if (intake.procedureCode !== '' && !procedures.has(intake.procedureCode))
        problems.push({
          path: 'MaTTHC',
          message: `Không có thủ tục mã ${intake.procedureCode} trong danh mục.`,
        });
      return {
        portal_code: intake.portalCode,
        procedure_code: intake.procedureCode,
        agency_code: intake.agencyCode,
        agency_id: agencyId,
        submitted_at: intake.submittedAt,
        record: JSON.stringify(record),
        intake: JSON.stringify(intake),
        problems: JSON.stringify(problems),
        fetched_at: now,
      };
    });
    const inserted = await trx
      .insertInto('portal_inbound_dossiers')
      .values(rows)
      .onConflict((oc) => oc.column('portal_code').doNothing())
      .returning('portal_code')
      .execute();
    if (inserted.length > 0) {
      await appendAudit(
        trx,
        { userId: null, label: 'system:portal-inbound' },
        {
          action: 'sync.inbound-stored',
          entityType: 'portal-inbound',
          details: { count: inserted.length, portalCodes: inserted.map((r) => r.portal_code) },
        },
        now,
      );
    }
    return inserted.length;
  });
}
