// The result register (sổ đăng ký văn bản kết quả, #19): one entry per approval in the deciding agency's
// register for the year. NĐ 30/2020/NĐ-CP Điều 15: a body's documents are numbered from 01 on 1 January
// to 31 December; the số, ký hiệu follows the agency's pattern. Numbers the register gives are gap-free
// (a counter row locked in the approval's transaction, as payment receipt numbers are); numbers typed
// for results issued on paper elsewhere are kept as typed, and no number is twice in an agency's year.
import { randomUUID } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { Deps } from '../../deps.ts';
import type { Database } from '../../db/client.ts';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { canReachAgency, findAgencyByCode } from '../org/index.ts';
import type { ResultRegisterPage } from '../../../common/contracts/signing.ts';
import { fail } from './signatures.errors.ts';

type Trx = Transaction<DB>;

/** The default ký hiệu by the agency's kind: a People's Committee decides as UBND, others by decision. */
export function defaultSymbolPattern(kind: string): string {
  return kind === 'people-committee' ? '{so}/QĐ-UBND' : '{so}/QĐ';
}

export const numberOf = (pattern: string, sequence: number) =>
  pattern.replaceAll('{so}', String(sequence).padStart(2, '0'));

async function patternOf(db: Database | Trx, agencyId: string): Promise<string> {
  const row = await db
    .selectFrom('agencies as a')
    .leftJoin('result_register_settings as s', 's.agency_id', 'a.agency_id')
    .select(['a.kind', 's.symbol_pattern'])
    .where('a.agency_id', '=', agencyId)
    .executeTakeFirstOrThrow();
  return row.symbol_pattern ?? defaultSymbolPattern(row.kind);
}

/** The number the next approval of the agency in `year` would take (a preview: nothing is taken). */
export async function nextResultNumber(db: Database | Trx, agencyId: string, year: number): Promise<string> {
  const counter = await db
    .selectFrom('result_register_counters')
    .select('last_sequence')
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .executeTakeFirst();
  return numberOf(await patternOf(db, agencyId), (counter?.last_sequence ?? 0) + 1);
}

/**
 * Takes the agency's next số for `year` inside the caller's transaction (the counter row stays locked
 * until it commits, so two approvals never share a number and a rolled-back one gives it back).
 */
export async function takeResultNumber(
  trx: Trx,
  input: { agencyId: string; year: number },
): Promise<{ sequence: number; number: string }> {
  const row = await trx
    .insertInto('result_register_counters')
    .values({ agency_id: input.agencyId, year: input.year, last_sequence: 1 })
    .onConflict((oc) =>
      oc.columns(['agency_id', 'year']).doUpdateSet({ last_sequence: sql`result_register_counters.last_sequence + 1` }),
    )
    .returning('last_sequence')
    .executeTakeFirstOrThrow();
  let sequence = row.last_sequence;
  const pattern = await patternOf(trx, input.agencyId);
  // A typed number may already hold what the pattern gives: skip it, keeping the sequence gap-free in
  // the register's own numbers.
  while (await numberTaken(trx, { agencyId: input.agencyId, year: input.year, number: numberOf(pattern, sequence) })) {
    sequence += 1;
  }
  if (sequence !== row.last_sequence) {
    await trx
      .updateTable('result_register_counters')
      .set({ last_sequence: sequence })
      .where('agency_id', '=', input.agencyId)
      .where('year', '=', input.year)
      .execute();
  }
  return { sequence, number: numberOf(pattern, sequence) };
}

async function numberTaken(trx: Trx, n: { agencyId: string; year: number; number: string }) {
  const hit = await trx
    .selectFrom('result_register')
    .select('entry_id')
    .where('agency_id', '=', n.agencyId)
    .where('year', '=', n.year)
    .where(sql<string>`lower(result_number)`, '=', n.number.toLowerCase())
    .executeTakeFirst();
  return hit !== undefined;
}

export type RegisterDocumentRow = { name: string; fileId: string | null; signed: boolean; resultToken: string | null };

/** Records an approval in the register; a number already in the agency's year is refused (409). */
export async function recordRegisterEntry(
  trx: Trx,
  entry: {
    agencyId: string;
    year: number;
    sequence: number | null;
    number: string;
    date: string;
    signer: string;
    dossierId: string;
    documents: RegisterDocumentRow[];
    at: Date;
    userId: string | null;
  },
): Promise<void> {
  const refused = () =>
    fail('SIGNATURES_RESULT_NUMBER_TAKEN', {
      params: { number: entry.number, year: entry.year },
      details: [{ path: 'body/resultNumber', message: 'Số, ký hiệu này đã được cấp trong năm.' }],
    });
  if (await numberTaken(trx, { agencyId: entry.agencyId, year: entry.year, number: entry.number })) throw refused();
  try {
    await trx
      .insertInto('result_register')
      .values({
        entry_id: randomUUID(),
        agency_id: entry.agencyId,
        year: entry.year,
        sequence: entry.sequence,
        result_number: entry.number,
        result_date: entry.date,
        signer: entry.signer,
        dossier_id: entry.dossierId,
        documents: JSON.stringify(entry.documents),
        recorded_at: entry.at,
        recorded_by_user_id: entry.userId,
      })
      .execute();
  } catch (err) {
    if (isUniqueViolation(err)) throw refused();
    throw err;
  }
}

/** Who reads a register: the agency's leaders, auditors and province administrators within reach. */
const REGISTER_READERS = ['leader', 'auditor', 'province-admin'] as const;

export async function listResultRegister(
  deps: Deps,
  actor: Actor,
  input: { code: string; year: number; page: number; pageSize: number },
): Promise<ResultRegisterPage> {
  const agency = await findAgencyByCode(deps.db, input.code);
  if (!agency) throw fail('SIGNATURES_AGENCY_NOT_FOUND', { details: [{ path: 'params/code', message: 'Không có cơ quan mang mã này.' }] });
  const target = { agencyPath: agency.agency_path, unitPath: agency.unit_path };
  if (!canReachAgency(actor, target, 'read', REGISTER_READERS)) throw fail('SIGNATURES_REGISTER_READERS_ONLY');
  const base = deps.db
    .selectFrom('result_register as r')
    .where('r.agency_id', '=', agency.agency_id)
    .where('r.year', '=', input.year);
  const total = await base.select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .innerJoin('dossiers as d', 'd.dossier_id', 'r.dossier_id')
    .innerJoin('procedure_versions as pv', 'pv.procedure_version_id', 'd.procedure_version_id')
    .leftJoin('users as u', 'u.user_id', 'r.recorded_by_user_id')
    .select([
      'r.sequence',
      'r.result_number',
      'r.result_date',
      'r.signer',
      'r.documents',
      'r.recorded_at',
      'd.code as dossier_code',
      'pv.name as procedure_name',
      'u.full_name',
    ])
    .orderBy(sql`r.sequence IS NULL`)
    .orderBy('r.sequence', 'desc')
    .orderBy('r.recorded_at', 'desc')
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .execute();
  return {
    agency: { code: agency.code, name: agency.name },
    year: input.year,
    symbolPattern: await patternOf(deps.db, agency.agency_id),
    nextResultNumber: await nextResultNumber(deps.db, agency.agency_id, input.year),
    total: Number(total.n),
    items: rows.map((r) => ({
      sequence: r.sequence,
      resultNumber: r.result_number,
      date: r.result_date,
      signer: r.signer,
      dossierCode: r.dossier_code,
      procedureName: r.procedure_name,
      documents: r.documents as unknown as RegisterDocumentRow[],
      fromRegister: r.sequence !== null,
      recordedAt: new Date(r.recorded_at).toISOString(),
      recordedBy: r.full_name ?? 'Hệ thống',
    })),
  };
}
