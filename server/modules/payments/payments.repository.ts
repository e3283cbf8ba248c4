// Reads and writes of payments, receipt counters and recorded callbacks. Every function takes the
// executor (db or trx) first, so a caller's transaction composes.
import { createHash } from 'node:crypto';
import {
  sql,
  type Expression,
  type Insertable,
  type SqlBool,
  type Transaction,
  type Updateable,
} from 'kysely';
import type { DB, PaymentItemRow } from '../../db/schema.ts';
import type { Database } from '../../db/client.ts';
import type { Grant } from '../../platform/actor.ts';
import type { PaymentChannel, PaymentStatus } from '../../../common/contracts/payments.ts';
import type { Procedure } from '../../../common/catalog/procedure.ts';

type Executor = Database | Transaction<DB>;

export type PaymentRow = {
  payment_id: string;
  dossier_id: string;
  dossier_code: string;
  agency_id: string;
  agency_code: string;
  agency_name: string;
  reference: string;
  amount: string;
  currency: string;
  items: PaymentItemRow[];
  channel: PaymentChannel;
  status: PaymentStatus;
  pay_url: string | null;
  platform_transaction_id: string | null;
  bank_code: string | null;
  payer_name: string;
  transfer_reference: string | null;
  note: string | null;
  created_by_user_id: string | null;
  created_by_label: string;
  created_at: Date;
  paid_at: Date | null;
  settled_by: string | null;
  receipt_year: number | null;
  receipt_seq: number | null;
};

function paymentQuery(db: Executor) {
  return db
    .selectFrom('payments as p')
    .innerJoin('dossiers as d', 'd.dossier_id', 'p.dossier_id')
    .innerJoin('agencies as a', 'a.agency_id', 'p.agency_id')
    .select([
      'p.payment_id',
      'p.dossier_id',
      'd.code as dossier_code',
      'p.agency_id',
      'a.code as agency_code',
      'a.name as agency_name',
      'p.reference',
      'p.amount',
      'p.currency',
      'p.items',
      'p.channel',
      'p.status',
      'p.pay_url',
      'p.platform_transaction_id',
      'p.bank_code',
      'p.payer_name',
      'p.transfer_reference',
      'p.note',
      'p.created_by_user_id',
      'p.created_by_label',
      'p.created_at',
      'p.paid_at',
      'p.settled_by',
      'p.receipt_year',
      'p.receipt_seq',
    ]);
}

export async function findPayment(db: Executor, paymentId: string): Promise<PaymentRow | undefined> {
  return (await paymentQuery(db).where('p.payment_id', '=', paymentId).executeTakeFirst()) as
    PaymentRow | undefined;
}

export async function findPaymentByReference(
  db: Executor,
  reference: string,
): Promise<PaymentRow | undefined> {
  return (await paymentQuery(db).where('p.reference', '=', reference).executeTakeFirst()) as
    PaymentRow | undefined;
}

export async function paymentsOfDossier(db: Executor, dossierId: string): Promise<PaymentRow[]> {
  return (await paymentQuery(db)
    .where('p.dossier_id', '=', dossierId)
    .orderBy('p.payment_id')
    .execute()) as PaymentRow[];
}

export async function countAttempts(trx: Executor, dossierId: string): Promise<number> {
  const r = await trx
    .selectFrom('payments')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('dossier_id', '=', dossierId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The next receipt number of the agency's series for the year (row lock until commit: gap-free). */
export async function nextReceiptSeq(trx: Transaction<DB>, agencyId: string, year: number): Promise<number> {
  const r = await sql<{ last_value: number }>`
    INSERT INTO receipt_counters (agency_id, year, last_value) VALUES (${agencyId}, ${year}, 1)
    ON CONFLICT (agency_id, year) DO UPDATE SET last_value = receipt_counters.last_value + 1
    RETURNING last_value`.execute(trx);
  return r.rows[0]!.last_value;
}

export type CallbackRecord = {
  source: 'callback' | 'query';
  rawBody: string;
  reference: string | null;
  paymentId: string | null;
  transactionId: string | null;
  resultCode: string | null;
  verdict: 'accepted' | 'duplicate' | 'ignored' | 'rejected';
  reason: string | null;
  requestId: string | null;
  at: Date;
};

/**
 * The largest callback body taken (the route's body limit): a CONFIRM message is well under 2 KiB, and
 * whatever an anonymous caller sends is stored, so it is kept small.
 */
export const CALLBACK_BODY_LIMIT = 16 * 1024;
/** Of a refused message, only this much of the body is kept, with the whole body's size and hash. */
export const REFUSED_EXCERPT_CHARS = 1024;

/** The first `n` characters of a text, cut between characters (never inside a surrogate pair). */
const headOf = (text: string, n: number) => {
  const cut = text.slice(0, n);
  return /[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut;
};

/**
 * The body as a row keeps it: whole when the message was heard (accepted, duplicate, ignored; the
 * route's body limit bounds it); for a refused one — anyone can send one — an excerpt, with the size and
 * SHA-256 of what was received. NUL, which PostgreSQL's text cannot hold, is kept as U+FFFD.
 */
export function keptBody(raw: string, verdict: CallbackRecord['verdict']): string {
  const safe = (t: string) => t.replaceAll('\u0000', '\ufffd');
  if (verdict !== 'rejected' && raw.length <= CALLBACK_BODY_LIMIT) return safe(raw);
  const limit = verdict === 'rejected' ? REFUSED_EXCERPT_CHARS : CALLBACK_BODY_LIMIT;
  if (raw.length <= limit) return safe(raw);
  const bytes = Buffer.byteLength(raw);
  const sha256 = createHash('sha256').update(raw).digest('hex');
  return `${safe(headOf(raw, limit))}\n…[${bytes} bytes received, sha256 ${sha256}]`;
}

export async function recordCallback(db: Executor, r: CallbackRecord): Promise<void> {
  await db
    .insertInto('payment_callbacks')
    .values({
      received_at: r.at,
      source: r.source,
      raw_body: keptBody(r.rawBody, r.verdict),
      reference: r.reference === null ? null : headOf(r.reference, 100),
      payment_id: r.paymentId,
      transaction_id: r.transactionId === null ? null : headOf(r.transactionId, 100),
      result_code: r.resultCode === null ? null : headOf(r.resultCode, 20),
      verdict: r.verdict,
      reason: r.reason,
      request_id: r.requestId,
    })
    .execute();
}

/** How long refused messages are kept, and at most how many (the newest). */
export const REFUSED_CALLBACKS_KEPT = { days: 30, rows: 10_000 };

/**
 * Removes refused messages older than `days` and, past `rows` of them, the oldest: what anonymous
 * callers can make the table hold is bounded. The messages that were heard (accepted, duplicate,
 * ignored) are the payments' history and stay.
 */
export async function pruneRefusedCallbacks(
  db: Database,
  at: Date,
  kept: { days: number; rows: number } = REFUSED_CALLBACKS_KEPT,
): Promise<number> {
  const before = new Date(at.getTime() - kept.days * 24 * 3_600_000);
  const old = await db
    .deleteFrom('payment_callbacks')
    .where('verdict', '=', 'rejected')
    .where('received_at', '<', before)
    .executeTakeFirst();
  const newest = await db
    .selectFrom('payment_callbacks')
    .select('callback_id')
    .where('verdict', '=', 'rejected')
    .orderBy('callback_id', 'desc')
    .offset(kept.rows)
    .limit(1)
    .executeTakeFirst();
  let over = 0n;
  if (newest) {
    const r = await db
      .deleteFrom('payment_callbacks')
      .where('verdict', '=', 'rejected')
      .where('callback_id', '<=', newest.callback_id)
      .executeTakeFirst();
    over = r.numDeletedRows;
  }
  return Number(old.numDeletedRows + over);
}

// ---------------------------------------------------------------------------------------------------
// Listing within reach

function likePrefix(prefix: string): string {
  return prefix.replace(/[\\%_]/g, (c) => `\\${c}`) + '%';
}

export type PaymentFilter = {
  status?: PaymentStatus | undefined;
  agencyCode?: string | undefined;
  dossierCode?: string | undefined;
  offset: number;
  limit: number;
};

/** Payments whose collecting agency the grants reach (org.policy.ts's rule, in SQL). */
export async function listPaymentsInReach(
  db: Database,
  scope: Pick<Grant, 'agencyPath' | 'unitPath'>[],
  f: PaymentFilter,
): Promise<{ rows: PaymentRow[]; total: number }> {
  if (scope.length === 0) return { rows: [], total: 0 };
  const where = (q: ReturnType<typeof paymentQuery>) =>
    q.innerJoin('units as u', 'u.unit_id', 'a.unit_id').where((eb) => {
      const conds: Expression<SqlBool>[] = [
        eb.or(
          scope.map((s) =>
            eb.or([
              eb('a.path', 'like', likePrefix(s.agencyPath)),
              eb.and([eb('u.path', 'like', likePrefix(s.unitPath)), eb('u.path', '<>', s.unitPath)]),
            ]),
          ),
        ),
      ];
      if (f.status !== undefined) conds.push(eb('p.status', '=', f.status));
      if (f.agencyCode !== undefined) conds.push(eb('a.code', '=', f.agencyCode));
      if (f.dossierCode !== undefined) conds.push(eb('d.code', '=', f.dossierCode));
      return eb.and(conds);
    });
  const [rows, count] = await Promise.all([
    where(paymentQuery(db))
      .orderBy('p.created_at', 'desc')
      .orderBy('p.payment_id', 'desc')
      .offset(f.offset)
      .limit(f.limit)
      .execute(),
    where(paymentQuery(db))
      .clearSelect()
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows: rows as PaymentRow[], total: Number(count.n) };
}

// ---------------------------------------------------------------------------------------------------
// Writes of a payment's life

/** Inserts a payment and reads it back whole. */
export async function insertPayment(
  trx: Transaction<DB>,
  values: Insertable<DB['payments']>,
): Promise<PaymentRow> {
  const inserted = await trx
    .insertInto('payments')
    .values(values)
    .returning('payment_id')
    .executeTakeFirstOrThrow();
  return (await findPayment(trx, inserted.payment_id))!;
}

/** A pending attempt the platform never took (INIT failed). */
export async function failPendingPayment(db: Executor, paymentId: string, reason: string, at: Date) {
  await db
    .updateTable('payments')
    .set({ status: 'failed', failure_reason: reason.slice(0, 500), updated_at: at })
    .where('payment_id', '=', paymentId)
    .where('status', '=', 'pending')
    .execute();
}

/** The payment row, locked until commit, with what settling it needs. */
export async function lockPayment(trx: Transaction<DB>, paymentId: string) {
  return trx
    .selectFrom('payments')
    .select(['payment_id', 'status', 'platform_transaction_id', 'agency_id'])
    .where('payment_id', '=', paymentId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

/** Whether another payment already carries the platform's transaction id. */
export async function transactionTakenElsewhere(
  trx: Transaction<DB>,
  transactionId: string,
  paymentId: string,
): Promise<boolean> {
  const taken = await trx
    .selectFrom('payments')
    .select('payment_id')
    .where('platform_transaction_id', '=', transactionId)
    .where('payment_id', '<>', paymentId)
    .executeTakeFirst();
  return taken !== undefined;
}

export async function updatePayment(
  trx: Transaction<DB>,
  paymentId: string,
  changes: Updateable<DB['payments']>,
): Promise<void> {
  await trx.updateTable('payments').set(changes).where('payment_id', '=', paymentId).execute();
}

/** The agency's code and name, as the platform's INIT message names it. */
export async function agencyNamed(db: Executor, agencyId: string): Promise<{ code: string; name: string }> {
  return db
    .selectFrom('agencies')
    .select(['code', 'name'])
    .where('agency_id', '=', agencyId)
    .executeTakeFirstOrThrow();
}

/** The procedure version a dossier was submitted under. */
export async function procedureData(db: Executor, procedureVersionId: string): Promise<Procedure> {
  const pv = await db
    .selectFrom('procedure_versions')
    .select('data')
    .where('procedure_version_id', '=', procedureVersionId)
    .executeTakeFirstOrThrow();
  return pv.data;
}

/** Who a receipt names: the collecting agency (and its superior), its province, the collecting officer. */
export async function receiptParties(db: Database, p: PaymentRow) {
  const agency = await db
    .selectFrom('agencies as a')
    .leftJoin('agencies as parent', 'parent.agency_id', 'a.parent_agency_id')
    .innerJoin('units as u', 'u.unit_id', 'a.unit_id')
    .select(['a.name', 'parent.name as parent_name', 'u.path as unit_path'])
    .where('a.agency_id', '=', p.agency_id)
    .executeTakeFirstOrThrow();
  const province = await db
    .selectFrom('units')
    .select('name')
    .where('code', '=', agency.unit_path.split('/')[1]!)
    .executeTakeFirst();
  const collector =
    p.created_by_user_id === null
      ? null
      : ((
          await db
            .selectFrom('users')
            .select('full_name')
            .where('user_id', '=', p.created_by_user_id)
            .executeTakeFirst()
        )?.full_name ?? p.created_by_label);
  return { agency, province, collector };
}
