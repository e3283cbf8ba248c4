// Reads for the sync module. Every function takes the executor (db or trx) first.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { E1Context } from './portal-adapter.ts';

type Executor = Kysely<DB> | Transaction<DB>;

type ProcedureData = {
  field?: { code: string | null; name: string } | null;
  components?: { name: string }[];
  results?: { name: string; code: string | null }[];
};

const toDate = (v: Date | string | null): Date | null => (v === null ? null : new Date(v));

export type StatusContexts = {
  /** code → version → context; dossiers that do not exist are absent. */
  contexts: Map<string, Map<number, E1Context>>;
  /** Dossiers of which the portal has acknowledged a status message: it knows them. */
  acknowledged: Set<string>;
};

/**
 * What the status messages of some dossiers need (the worker asks once per round, for all the
 * dossiers it claimed): each dossier with the action of each wanted version, its procedure version,
 * agencies and files, whether the portal already knows it and, for a dossier the national portal
 * handed over, the portal's own code. Dossiers that do not exist are absent.
 */
export async function loadStatusContexts(
  db: Executor,
  wanted: { code: string; version: number }[],
): Promise<StatusContexts> {
  const contexts = new Map<string, Map<number, E1Context>>();
  const acknowledged = new Set<string>();
  const codes = [...new Set(wanted.map((w) => w.code))];
  if (codes.length === 0) return { contexts, acknowledged };
  const dossiers = await db
    .selectFrom('dossiers as d')
    .leftJoin('portal_sync_state as s', 's.dossier_code', 'd.code')
    .leftJoin('portal_inbound_dossiers as i', 'i.dossier_code', 'd.code')
    .select([
      'd.dossier_id',
      'd.code',
      'd.procedure_code',
      'd.procedure_version_id',
      'd.channel',
      'd.applicant',
      'd.components',
      sql<{ name: string; fileId?: string | null }[] | null>`d.state->'resultDocuments'`.as(
        'result_documents',
      ),
      'd.receiving_agency_id',
      'd.competent_agency_id',
      'd.submitted_at',
      'd.received_at',
      'd.due_at',
      'd.result_at',
      'd.returned_at',
      'd.closed_at',
      'd.submitted_by_citizen_id',
      's.acked_outbox_id',
      'i.portal_code',
      sql<boolean | null>`(i.intake->>'vneidVerified')::boolean`.as('portal_vneid'),
    ])
    .where('d.code', 'in', codes)
    .execute();
  if (dossiers.length === 0) return { contexts, acknowledged };

  const versionIds = [...new Set(dossiers.map((d) => d.procedure_version_id))];
  const procedures = new Map(
    (
      await db
        .selectFrom('procedure_versions')
        .select(['procedure_version_id', 'name', 'field_name', 'data'])
        .where('procedure_version_id', 'in', versionIds)
        .execute()
    ).map((p) => [p.procedure_version_id, p]),
  );
  const agencyIds = [...new Set(dossiers.flatMap((d) => [d.receiving_agency_id, d.competent_agency_id]))];
  const agencies = new Map(
    (
      await db
        .selectFrom('agencies')
        .select(['agency_id', 'code', 'name'])
        .where('agency_id', 'in', agencyIds)
        .execute()
    ).map((a) => [a.agency_id, a]),
  );
  const versions = [...new Set(wanted.map((w) => w.version))];
  const actions = await db
    .selectFrom('dossier_actions as x')
    .leftJoin('users as u', 'u.user_id', 'x.actor_user_id')
    .leftJoin('agencies as g', 'g.agency_id', 'x.agency_id')
    .select([
      'x.dossier_id',
      'x.version',
      'x.kind',
      'x.at',
      'x.actor_label',
      'x.actor_roles',
      'x.note',
      'u.full_name',
      'g.name as agency_name',
    ])
    .where(
      'x.dossier_id',
      'in',
      dossiers.map((d) => d.dossier_id),
    )
    .where('x.version', 'in', versions)
    .execute();
  const actionOf = new Map(actions.map((a) => [`${a.dossier_id}/${a.version}`, a]));
  const fileIds = dossiers.flatMap((d) =>
    (d.components as { fileIds?: string[] }[]).flatMap((c) => c.fileIds ?? []),
  );
  const files = new Map<string, string | null>(
    fileIds.length === 0
      ? []
      : (
          await db
            .selectFrom('files')
            .select(['file_id', 'original_name'])
            .where('file_id', 'in', [...new Set(fileIds)])
            .execute()
        ).map((f) => [f.file_id, f.original_name]),
  );

  const paidRows = await db
    .selectFrom('payments')
    .select(['dossier_id', 'channel', 'paid_at', 'items'])
    .where(
      'dossier_id',
      'in',
      dossiers.map((d) => d.dossier_id),
    )
    .where('status', '=', 'paid')
    .orderBy('paid_at')
    .execute();
  const paymentsOf = new Map<string, E1Context['dossier']['payments']>();
  for (const p of paidRows) {
    if (p.paid_at === null) continue;
    const list = paymentsOf.get(p.dossier_id) ?? [];
    list.push({
      channel: p.channel,
      paidAt: new Date(p.paid_at),
      items: p.items,
    });
    paymentsOf.set(p.dossier_id, list);
  }

  const wantedOf = new Map<string, number[]>();
  for (const w of wanted) wantedOf.set(w.code, [...(wantedOf.get(w.code) ?? []), w.version]);
  for (const d of dossiers) {
    const p = procedures.get(d.procedure_version_id);
    const receiving = agencies.get(d.receiving_agency_id);
    const competent = agencies.get(d.competent_agency_id);
    if (!p || !receiving || !competent) continue;
    if (d.acked_outbox_id !== null) acknowledged.add(d.code);
    const data = p.data as ProcedureData;
    const byVersion = new Map<number, E1Context>();
    for (const version of wantedOf.get(d.code) ?? []) {
      const a = actionOf.get(`${d.dossier_id}/${version}`);
      byVersion.set(version, {
        dossier: {
          code: d.code,
          procedureCode: d.procedure_code,
          channel: d.channel,
          applicant: d.applicant,
          components: d.components as E1Context['dossier']['components'],
          resultDocuments: d.result_documents ?? [],
          submittedAt: new Date(d.submitted_at),
          receivedAt: toDate(d.received_at),
          dueAt: toDate(d.due_at),
          resultAt: toDate(d.result_at),
          returnedAt: toDate(d.returned_at),
          closedAt: toDate(d.closed_at),
          portalCode: d.portal_code,
          payments: paymentsOf.get(d.dossier_id) ?? [],
          vneidVerified: d.submitted_by_citizen_id !== null || d.portal_vneid === true,
          // Online without a citizen: the inbound intake submitted it (the only system submitter).
          handedOverByPortal: d.channel === 'online' && d.submitted_by_citizen_id === null,
        },
        procedure: {
          name: p.name,
          fieldCode: data.field?.code ?? null,
          fieldName: p.field_name ?? data.field?.name ?? null,
          components: data.components ?? [],
          results: data.results ?? [],
        },
        receivingAgency: { code: receiving.code, name: receiving.name },
        competentAgency: { code: competent.code, name: competent.name },
        action: a
          ? {
              kind: a.kind,
              at: new Date(a.at),
              actorName: a.full_name ?? a.actor_label,
              roles: a.actor_roles,
              agencyName: a.agency_name,
              note: a.note,
            }
          : null,
        files,
      });
    }
    contexts.set(d.code, byVersion);
  }
  return { contexts, acknowledged };
}

/** The E1 contexts of some dossiers (code → version → context); dossiers that do not exist are absent. */
export async function loadE1Contexts(
  db: Executor,
  wanted: { code: string; version: number }[],
): Promise<Map<string, Map<number, E1Context>>> {
  return (await loadStatusContexts(db, wanted)).contexts;
}
