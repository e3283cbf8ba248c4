// The public lookup by code (tra cứu hồ sơ): what anyone may see, the applicant's name masked. The
// hottest read of the system (docs/benchmarks.md, lookup): one prepared, coalesced SELECT.
//
// Codes are sequential (agency, date, number), so anyone can walk a desk's day: the code alone shows
// only where the dossier stands — status, dates, the receiving agency. Who applied for what (the
// procedure, the competent agency, the masked name) needs a second factor the applicant holds and a
// neighbour does not: the last 4 digits of the applicant's identity number or phone (issue #20,
// finding 13; docs/web.md, "Public lookup and kiosk").
import { sql } from 'kysely';
import { preparedQuery, type Database } from '../../../db/client.ts';
import { coalesce } from '../../../db/coalesce.ts';
import type { Deps } from '../../../deps.ts';
import { isoOrNull } from '../../../platform/clock.ts';
import { DOSSIER_STATUSES, type DossierState } from '../../../../common/dossiers/index.ts';

/**
 * "Nguyễn Thị Hường" → "Nguyễn T*** H***": the family name, then initials. A name of one word is
 * never shown whole ("Hường" → "H***"): alone it may be the whole of what identifies the person.
 */
export function maskName(fullName: string): string {
  const parts = fullName.trim().split(/\s+/);
  if (parts.length === 0 || parts[0] === '') return '***';
  const initial = (p: string) => `${[...p][0] ?? ''}***`;
  if (parts.length === 1) return initial(parts[0]!);
  return [parts[0], ...parts.slice(1).map(initial)].join(' ');
}

/** The digits of `text` ("0912 345 678" → "0912345678"). */
const digitsOf = (text: string | null) => (text ?? '').replace(/[^0-9]/g, '');

/** Whether `given` (4 digits) ends the applicant's identity number or phone. */
export function holdsApplicantDigits(
  given: string,
  applicant: { idNumber: string | null; phone: string | null },
): boolean {
  if (!/^[0-9]{4}$/.test(given)) return false;
  return [applicant.idNumber, applicant.phone].some((v) => {
    const d = digitsOf(v);
    return d.length >= 4 && d.endsWith(given);
  });
}

/**
 * One SELECT of what the public sees (the page anyone can open by code, so the hot read): the fields
 * themselves, not the whole dossier row and the procedure version's documents (≈16 KB of JSON to read
 * and parse for a few names; docs/benchmarks.md, lookup). The version's name column is written with
 * its data (catalog versionColumns); procedure_code is the dossier's copy of the code it was received under.
 * Compiled once, and a named statement on PostgreSQL (db/client.ts): planning the joins was most of
 * its cost there. The lookups of one event-loop turn share it (db/coalesce.ts): `codes` holds each
 * code asked in that turn once.
 */
const publicLookupQuery = preparedQuery('public-lookup', (db: Database, codes: string[]) =>
  db
    .selectFrom('dossiers as d')
    .innerJoin('procedure_versions as v', 'v.procedure_version_id', 'd.procedure_version_id')
    .innerJoin('agencies as ra', 'ra.agency_id', 'd.receiving_agency_id')
    .innerJoin('agencies as ca', 'ca.agency_id', 'd.competent_agency_id')
    .select([
      'd.code',
      'd.procedure_code',
      'v.name as procedure_name',
      'ra.name as receiving_name',
      'ca.name as competent_name',
      sql<DossierState['status']>`d.state->>'status'`.as('status'),
      sql<string | null>`d.applicant->>'fullName'`.as('applicant_name'),
      sql<string | null>`d.applicant->>'idNumber'`.as('applicant_id_number'),
      sql<string | null>`d.applicant->>'phone'`.as('applicant_phone'),
      'd.received_at',
      'd.due_at',
      'd.extended_due_at',
      'd.returned_at',
    ])
    .where(sql<boolean>`d.code = any(${codes}::text[])`),
);

type PublicLookupRow = Awaited<ReturnType<typeof publicLookupQuery>>[number];

/** One coalescing reader per database handle (the tests open several in one process). */
const publicLookupReaders = new WeakMap<Database, (code: string) => Promise<PublicLookupRow | undefined>>();

function publicLookupReader(db: Database) {
  let read = publicLookupReaders.get(db);
  if (!read) {
    read = coalesce(async (codes: string[]) => {
      const rows = await publicLookupQuery(db, codes);
      return new Map(rows.map((r) => [r.code, r]));
    });
    publicLookupReaders.set(db, read);
  }
  return read;
}

/** The dossier `code` as the public sees it; with `digits` that match the applicant, who applied for what. */
export async function publicLookup(deps: Deps, code: string, digits?: string) {
  const row = await publicLookupReader(deps.db)(code);
  if (!row) return null;
  const verified =
    digits !== undefined &&
    holdsApplicantDigits(digits, { idNumber: row.applicant_id_number, phone: row.applicant_phone });
  return {
    code: row.code,
    verified,
    receivingAgency: row.receiving_name,
    status: row.status,
    statusLabel: DOSSIER_STATUSES[row.status].citizenLabel,
    receivedAt: isoOrNull(row.received_at),
    dueAt: isoOrNull(row.extended_due_at ?? row.due_at),
    returnedAt: isoOrNull(row.returned_at),
    ...(verified
      ? {
          procedure: { code: row.procedure_code, name: row.procedure_name },
          competentAgency: row.competent_name,
          applicantName: maskName(row.applicant_name ?? ''),
        }
      : {}),
  };
}
