// Reads for the sync module. Every function takes the executor (db or trx) first.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { E1Context } from './portal-adapter.ts';

type Executor = Kysely<DB> | Transaction<DB>;

type ProcedureData = {
  field?: { code: string | null; name: string } | null;
  components?: { name: string }[];
  results?: { name: string; code: string | null }[];
};

const toDate = (v: Date | string | null): Date | null => (v === null ? null : new Date(v));

/**
 * The E1 contexts of some dossiers, with the action of each wanted version (code → version → context).
 * Dossiers that do not exist are absent from the map.
 */
export async function loadE1Contexts(
  db: Executor,
  wanted: { code: string; version: number }[],
): Promise<Map<string, Map<number, E1Context>>> {
  const out = new Map<string, Map<number, E1Context>>();
  const codes = [...new Set(wanted.map((w) => w.code))];
  if (codes.length === 0) return out;
  const dossiers = await db
    .selectFrom('dossiers')
    .select([
      'dossier_id',
      'code',
      'procedure_code',
      'procedure_version_id',
      'channel',
      'applicant',
      'components',
      'state',
      'receiving_agency_id',
      'competent_agency_id',
      'submitted_at',
      'received_at',
      'due_at',
      'result_at',
      'returned_at',
      'closed_at',
    ])
    .where('code', 'in', codes)
    .execute();
  if (dossiers.length === 0) return out;

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
            .where('file_id', 'in', fileIds)
            .execute()
        ).map((f) => [f.file_id, f.original_name]),
  );

  for (const d of dossiers) {
    const p = procedures.get(d.procedure_version_id);
    const receiving = agencies.get(d.receiving_agency_id);
    const competent = agencies.get(d.competent_agency_id);
    if (!p || !receiving || !competent) continue;
    const data = p.data as ProcedureData;
    const state = d.state as { resultDocuments?: { name: string }[] };
    const byVersion = new Map<number, E1Context>();
    for (const w of wanted.filter((x) => x.code === d.code)) {
      const a = actions.find((x) => x.dossier_id === d.dossier_id && x.version === w.version);
      byVersion.set(w.version, {
        dossier: {
          code: d.code,
          procedureCode: d.procedure_code,
          channel: d.channel,
          applicant: d.applicant,
          components: d.components as E1Context['dossier']['components'],
          resultDocuments: state.resultDocuments ?? [],
          submittedAt: new Date(d.submitted_at),
          receivedAt: toDate(d.received_at),
          dueAt: toDate(d.due_at),
          resultAt: toDate(d.result_at),
          returnedAt: toDate(d.returned_at),
          closedAt: toDate(d.closed_at),
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
    out.set(d.code, byVersion);
  }
  return out;
}
