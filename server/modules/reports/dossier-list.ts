// What the lists of dossiers behind a report figure share (Biểu II.06a's drill-down, the KPIs'): when a
// dossier was resolved, the procedures' names, and a listed row as the contract's item.
import { sql } from 'kysely';
import type { Ii06aDrillItem } from '../../../common/contracts/report-ii06a.ts';
import { DOSSIER_STATUSES, type DossierStatus } from '../../../common/dossiers/index.ts';

/** When dossier `d` was resolved: its result, or its withdrawal or stop; null while open. */
export const RESOLVED_AT = sql<
  string | null
>`(CASE WHEN d.status IN ('result-ready', 'returned') THEN d.result_at WHEN d.status IN ('withdrawn', 'stopped') THEN d.closed_at END)`;

/** The latest published (or else latest) version of each procedure: its name and field. */
export const procedureNames = sql`(SELECT DISTINCT ON (p.code) p.code, v.name, v.field_name
  FROM procedures p JOIN procedure_versions v ON v.procedure_id = p.procedure_id
  ORDER BY p.code, (v.status = 'published') DESC, v.version DESC)`;

export type ListedDossierRow = {
  code: string;
  procedure_code: string;
  status: string;
  channel: string;
  received_at: unknown;
  due_at: unknown;
  agency_code: string;
  agency_name: string;
  procedure_name: string | null;
  applicant_name: string | null;
  resolved_at: unknown;
};

const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string).toISOString());

/** One listed dossier, as the drill-down contract names its fields. */
export function toDrillItem(r: ListedDossierRow): Ii06aDrillItem {
  return {
    code: r.code,
    procedureCode: r.procedure_code,
    procedureName: r.procedure_name ?? r.procedure_code,
    applicantName: r.applicant_name ?? '',
    status: r.status,
    statusLabel: DOSSIER_STATUSES[r.status as DossierStatus].label,
    channel: r.channel,
    receivedAt: iso(r.received_at)!,
    dueAt: iso(r.due_at),
    resolvedAt: iso(r.resolved_at),
    agencyCode: r.agency_code,
    agencyName: r.agency_name,
  };
}
