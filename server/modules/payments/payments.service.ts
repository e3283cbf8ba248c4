// Fees and payments of dossiers (docs/domain/payments.md). What a dossier owes comes from its
// procedure version's published fees for its channel and case, plus the items with an amount of an
// open financial-obligation request (request-payment). A payment covers the items outstanding when
// it starts; an item is paid once a paid payment lists its key.
//
// Online: a pending attempt is written, then INIT goes to the platform outside any transaction, then
// the platform's signed callback (or reconciliation's QUERY) marks it paid with its receipt number in
// one transaction. At the desk: the officer's cash or transfer is paid at once. Either way, once the
// payment is committed, an awaiting-payment dossier whose obligation is covered is confirmed
// (confirm-payment) in the dossier's own transaction; reconciliation repeats that step if it failed.
import type { Transaction } from 'kysely';
import type { DB, PaymentItemRow } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import type { Actor, Caller, PersonCaller } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { vnYear } from '../../../common/time/vn-time.ts';
import { findReplay, rememberResponse } from '../../platform/idempotency.ts';
import type { JobLog } from '../../platform/jobs/job-log.ts';
import { feesFor, type Channel, type Fee, type Procedure } from '../../../common/catalog/procedure.ts';
import type { DossierState } from '../../../common/dossiers/index.ts';
import type {
  DeskPaymentBody,
  DossierFees,
  FeeItem,
  PaymentView,
  PaymentsQuery,
  StartPaymentResponse,
} from '../../../common/contracts/payments.ts';
import {
  callerCanSee,
  getVisibleDossier,
  isReceivingDeskOfficer,
  loadRow,
  performAction,
} from '../dossiers/index.ts';
import {
  CALLBACK_CODES,
  E4_CURRENCY,
  E4_SUCCESS,
  buildInit,
  callbackAnswer,
  confirmSignatureValid,
  createPaymentClient,
  parseConfirm,
  paymentReference,
  referenceMatchesDossier,
  type CallbackRejection,
  type ConfirmMessage,
  type PaymentClient,
} from './payment-adapter.ts';
import {
  countAttempts,
  findPayment,
  findPaymentByReference,
  listPaymentsInReach,
  nextReceiptSeq,
  paymentsOfDossier,
  recordCallback,
  type PaymentRow,
} from './payments.repository.ts';
import { renderReceipt } from './payment-receipt.ts';

/** Statuses in which a dossier may still be paid for: open, before the result is handed over. */
const PAYABLE_STATUSES = new Set([
  'submitted',
  'received',
  'processing',
  'awaiting-supplement',
  'awaiting-payment',
  'result-ready',
]);

/** A pending attempt younger than this, for the same items, is handed out again instead of a new one. */
const RESUME_WINDOW_MS = 30 * 60_000;

/** Who confirms dossiers on the platform's word (dossier_actions.actor_label). */
export const PLATFORM_CALLER: Caller = { kind: 'system', label: 'payment-platform' };

// ---------------------------------------------------------------------------------------------------
// The payment platform of a deployment

const clients = new WeakMap<Deps, PaymentClient>();

/**
 * Points the deployment at a payment platform other than PAYMENT_BASE_URL: the in-process simulator
 * of demo mode (payments.jobs.ts).
 */
export function usePaymentPlatform(deps: Deps, baseUrl: string): PaymentClient {
  const client = createPaymentClient({ ...deps.config.payment, baseUrl });
  clients.set(deps, client);
  return client;
}

/** The platform's client; null when online payment is not configured. */
export function paymentClientFor(deps: Deps): PaymentClient | null {
  const known = clients.get(deps);
  if (known) return known;
  if (deps.config.payment.baseUrl === null) return null;
  const client = createPaymentClient({ ...deps.config.payment, baseUrl: deps.config.payment.baseUrl });
  clients.set(deps, client);
  return client;
}

// ---------------------------------------------------------------------------------------------------
// What a dossier owes

type DossierRow = NonNullable<Awaited<ReturnType<typeof loadRow>>>;
type OwedItem = PaymentItemRow & { source: 'procedure' | 'obligation' };
type Unpriced = { name: string; text: string | null; source: 'procedure' | 'obligation' };

function feeName(f: Fee): string {
  return `Phí, lệ phí${f.per ? ` (mỗi ${f.per})` : ''}`;
}

/**
 * The items a dossier owes: the published fees of its procedure version for its channel and case
 * (feesFor; one of each, whatever `per` says), and the priced items of an open request-payment.
 */
export function owedItems(
  procedure: Procedure,
  row: Pick<DossierRow, 'channel' | 'case_key' | 'state'>,
): { items: OwedItem[]; unpriced: Unpriced[] } {
  const items: OwedItem[] = [];
  const unpriced: Unpriced[] = [];
  feesFor(procedure, row.channel as Channel, row.case_key ?? undefined).forEach((f, i) => {
    if (f.amountVnd === null) {
      if (f.amountOther !== null || (f.text !== null && /\d/.test(f.text)))
        unpriced.push({ name: feeName(f), text: f.text, source: 'procedure' });
      return;
    }
    if (f.amountVnd > 0)
      items.push({
        key: `procedure-${i + 1}`,
        name: feeName(f),
        amountVnd: f.amountVnd,
        source: 'procedure',
      });
  });
  const state = row.state as unknown as DossierState;
  if (state.status === 'awaiting-payment' && state.payment) {
    const at = state.payment.requestedAt;
    state.payment.items.forEach((item, i) => {
      if (item.amountVnd === undefined) unpriced.push({ name: item.name, text: null, source: 'obligation' });
      else if (item.amountVnd > 0)
        items.push({
          key: `obligation-${at}-${i + 1}`,
          name: item.name,
          amountVnd: item.amountVnd,
          source: 'obligation',
        });
    });
  }
  return { items, unpriced };
}

function paidKeys(payments: PaymentRow[]): Set<string> {
  return new Set(payments.filter((p) => p.status === 'paid').flatMap((p) => p.items.map((i) => i.key)));
}

/**
 * Whether a paid payment settles the open financial obligation: every item of the request has an
 * amount (an unpriced one, e.g. a tax paid elsewhere, is confirmed by hand) and is paid.
 */
export function obligationSettled(
  row: Pick<DossierRow, 'channel' | 'case_key' | 'state' | 'status'>,
  procedure: Procedure,
  payments: PaymentRow[],
): boolean {
  if (row.status !== 'awaiting-payment') return false;
  const { items, unpriced } = owedItems(procedure, row);
  if (unpriced.some((u) => u.source === 'obligation')) return false;
  const paid = paidKeys(payments);
  return items.filter((i) => i.source === 'obligation').every((i) => paid.has(i.key));
}

async function procedureOf(db: Deps['db'] | Transaction<DB>, row: DossierRow): Promise<Procedure> {
  const pv = await db
    .selectFrom('procedure_versions')
    .select('data')
    .where('procedure_version_id', '=', row.procedure_version_id)
    .executeTakeFirstOrThrow();
  return pv.data as unknown as Procedure;
}

type Owed = {
  items: (OwedItem & { paid: boolean })[];
  unpriced: Unpriced[];
  outstanding: OwedItem[];
  totalVnd: number;
  paidVnd: number;
  outstandingVnd: number;
  payable: boolean;
};

function owedOf(procedure: Procedure, row: DossierRow, payments: PaymentRow[]): Owed {
  const { items, unpriced } = owedItems(procedure, row);
  const paid = paidKeys(payments);
  const marked = items.map((i) => ({ ...i, paid: paid.has(i.key) }));
  const outstanding = items.filter((i) => !paid.has(i.key));
  const sum = (xs: { amountVnd: number }[]) => xs.reduce((s, x) => s + x.amountVnd, 0);
  const outstandingVnd = sum(outstanding);
  return {
    items: marked,
    unpriced,
    outstanding,
    totalVnd: sum(items),
    paidVnd: payments.filter((p) => p.status === 'paid').reduce((s, p) => s + Number(p.amount), 0),
    outstandingVnd,
    payable: PAYABLE_STATUSES.has(row.status) && outstandingVnd > 0,
  };
}

// ---------------------------------------------------------------------------------------------------
// Presentation

export function receiptNumberOf(p: Pick<PaymentRow, 'receipt_year' | 'receipt_seq'>): string | null {
  if (p.receipt_year === null || p.receipt_seq === null) return null;
  return `BL-${p.receipt_year}/${String(p.receipt_seq).padStart(7, '0')}`;
}

/**
 * A payment as its reader may see it. A citizen reading their dossier's payments is not told which
 * officer recorded a desk payment (their username): the collecting agency stands in for them.
 */
export function presentPayment(p: PaymentRow, reader: PersonCaller['kind'] = 'staff'): PaymentView {
  const createdBy =
    reader === 'citizen' && p.created_by_user_id !== null ? p.agency_name : p.created_by_label;
  return {
    paymentId: p.payment_id,
    reference: p.reference,
    dossierCode: p.dossier_code,
    agency: { code: p.agency_code, name: p.agency_name },
    amountVnd: Number(p.amount),
    currency: 'VND',
    channel: p.channel,
    status: p.status,
    items: p.items.map((i) => ({
      key: i.key,
      name: i.name,
      amountVnd: i.amountVnd,
      source: i.source === 'obligation' ? 'obligation' : 'procedure',
    })),
    payerName: p.payer_name,
    createdBy,
    createdAt: new Date(p.created_at).toISOString(),
    paidAt: p.paid_at ? new Date(p.paid_at).toISOString() : null,
    transactionId: p.platform_transaction_id,
    receiptNumber: receiptNumberOf(p),
    payUrl: p.status === 'pending' ? p.pay_url : null,
  };
}

// ---------------------------------------------------------------------------------------------------
// Reads

export async function getDossierFees(deps: Deps, caller: PersonCaller, code: string): Promise<DossierFees> {
  const row = await getVisibleDossier(deps.db, caller, code);
  const procedure = await procedureOf(deps.db, row);
  const payments = await paymentsOfDossier(deps.db, row.dossier_id);
  const owed = owedOf(procedure, row, payments);
  return {
    dossierCode: row.code,
    dossierStatus: row.status,
    items: owed.items.map((i): FeeItem => ({
      key: i.key,
      name: i.name,
      amountVnd: i.amountVnd,
      source: i.source,
      paid: i.paid,
    })),
    unpriced: owed.unpriced,
    totalVnd: owed.totalVnd,
    paidVnd: owed.paidVnd,
    outstandingVnd: owed.outstandingVnd,
    payable: owed.payable,
    onlineAvailable: paymentClientFor(deps) !== null,
    payments: payments.map((p) => presentPayment(p, caller.kind)),
  };
}

export async function getPayment(deps: Deps, caller: PersonCaller, paymentId: string): Promise<PaymentRow> {
  const p = await findPayment(deps.db, paymentId);
  if (!p) throw new AppError('NOT_FOUND', 'Không tìm thấy giao dịch thanh toán.');
  const row = await loadRow(deps.db, p.dossier_code);
  if (!row || !(await callerCanSee(deps.db, caller, row)))
    throw new AppError('NOT_FOUND', 'Không tìm thấy giao dịch thanh toán.');
  return p;
}

export async function listPayments(deps: Deps, actor: Actor, q: PaymentsQuery) {
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 50;
  const { rows, total } = await listPaymentsInReach(
    deps.db,
    actor.grants.map((g) => ({ agencyPath: g.agencyPath, unitPath: g.unitPath })),
    {
      status: q.status,
      agencyCode: q.agencyCode,
      dossierCode: q.dossierCode,
      offset: (page - 1) * pageSize,
      limit: pageSize,
    },
  );
  return { items: rows.map((p) => presentPayment(p)), total };
}

// ---------------------------------------------------------------------------------------------------
// Online payment: start

function callerScope(caller: PersonCaller): string {
  return caller.kind === 'staff' ? `staff:${caller.actor.userId}` : `citizen:${caller.citizen.citizenId}`;
}

function auditActor(caller: Caller): { userId: string | null; label: string } {
  if (caller.kind === 'staff') return { userId: caller.actor.userId, label: caller.actor.username };
  if (caller.kind === 'citizen') return { userId: null, label: caller.citizen.fullName };
  return { userId: null, label: caller.label };
}

const applicantOf = (row: DossierRow) =>
  row.applicant as { fullName?: string; idNumber?: string; address?: { line?: string } };

const sameItems = (a: PaymentItemRow[], b: PaymentItemRow[]) =>
  a.length === b.length && a.every((x) => b.some((y) => y.key === x.key && y.amountVnd === x.amountVnd));

export async function startOnlinePayment(
  deps: Deps,
  caller: PersonCaller,
  code: string,
  opts: { ip: string; idempotencyKey: string | undefined; requestId: string },
): Promise<StartPaymentResponse> {
  const scope = `${callerScope(caller)}:payment:${code}`;
  const replayed = await findReplay<StartPaymentResponse>(deps.db, {
    scope,
    key: opts.idempotencyKey,
    body: {},
  });
  if (replayed) return replayed.body;
  const row = await getVisibleDossier(deps.db, caller, code);
  if (caller.kind === 'staff' && caller.actor.grants.every((g) => g.role === 'auditor'))
    throw new AppError('FORBIDDEN', 'Tài khoản thanh tra chỉ được xem.');
  const client = paymentClientFor(deps);
  if (!client)
    throw new AppError(
      'SERVICE_UNAVAILABLE',
      'Thanh toán trực tuyến chưa được cấu hình; hãy nộp phí tại quầy.',
    );
  const procedure = await procedureOf(deps.db, row);
  const now = deps.clock.now();

  // Write the attempt (or find the one to hand out again) under the dossier's row lock.
  const attempt = await deps.db.transaction().execute(async (trx) => {
    const locked = (await loadRow(trx, code, true))!;
    const payments = await paymentsOfDossier(trx, locked.dossier_id);
    const owed = owedOf(procedure, locked, payments);
    if (!owed.payable)
      throw new AppError(
        'CONFLICT',
        PAYABLE_STATUSES.has(locked.status)
          ? 'Hồ sơ không còn khoản phí, lệ phí nào phải nộp.'
          : 'Hồ sơ đã kết thúc; không nhận thanh toán.',
      );
    const resumable = payments.find(
      (p) =>
        p.status === 'pending' &&
        p.channel === 'online' &&
        p.pay_url !== null &&
        now.getTime() - new Date(p.created_at).getTime() < RESUME_WINDOW_MS &&
        sameItems(p.items, owed.outstanding),
    );
    if (resumable) return { payment: resumable, resumed: true };
    const reference = paymentReference(code, (await countAttempts(trx, locked.dossier_id)) + 1);
    const applicant = applicantOf(locked);
    const payer = caller.kind === 'citizen' ? caller.citizen.fullName : (applicant.fullName ?? '');
    const inserted = await trx
      .insertInto('payments')
      .values({
        dossier_id: locked.dossier_id,
        agency_id: locked.receiving_agency_id,
        reference,
        amount: owed.outstandingVnd,
        items: JSON.stringify(owed.outstanding),
        channel: 'online',
        status: 'pending',
        payer_name: payer || 'Người nộp',
        created_by_user_id: caller.kind === 'staff' ? caller.actor.userId : null,
        created_by_citizen_id: caller.kind === 'citizen' ? caller.citizen.citizenId : null,
        created_by_label: auditActor(caller).label,
        created_at: now,
        updated_at: now,
      })
      .returning('payment_id')
      .executeTakeFirstOrThrow();
    return { payment: (await findPayment(trx, inserted.payment_id))!, resumed: false };
  });

  let payUrl = attempt.payment.pay_url;
  if (!attempt.resumed) {
    const p = attempt.payment;
    const agency = await deps.db
      .selectFrom('agencies')
      .select(['code', 'name'])
      .where('agency_id', '=', p.agency_id)
      .executeTakeFirstOrThrow();
    const applicant = applicantOf(row);
    try {
      const message = buildInit(
        {
          reference: p.reference,
          amountVnd: Number(p.amount),
          dossierCode: code,
          procedure: { code: procedure.code, name: procedure.name },
          agency,
          payer: {
            name: p.payer_name,
            idNumber: caller.kind === 'citizen' ? caller.citizen.idNumber : (applicant.idNumber ?? ''),
            address: applicant.address?.line ?? '',
          },
          items: p.items,
          ip: opts.ip,
          at: new Date(p.created_at),
        },
        { ...deps.config.payment, baseUrl: client.baseUrl },
      );
      payUrl = (await client.init(message)).payUrl;
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      await deps.db
        .updateTable('payments')
        .set({ status: 'failed', failure_reason: reason.slice(0, 500), updated_at: deps.clock.now() })
        .where('payment_id', '=', p.payment_id)
        .where('status', '=', 'pending')
        .execute();
      throw new AppError(
        'SERVICE_UNAVAILABLE',
        'Cổng thanh toán chưa nhận yêu cầu; vui lòng thử lại sau hoặc nộp phí tại quầy.',
      );
    }
  }
  const answer: StartPaymentResponse = {
    paymentId: attempt.payment.payment_id,
    reference: attempt.payment.reference,
    amount: Number(attempt.payment.amount),
    payUrl: payUrl!,
  };
  await deps.db.transaction().execute(async (trx) => {
    const at = deps.clock.now();
    if (!attempt.resumed)
      await trx
        .updateTable('payments')
        .set({ pay_url: payUrl, updated_at: at })
        .where('payment_id', '=', attempt.payment.payment_id)
        .execute();
    await rememberResponse(
      trx,
      { scope, key: opts.idempotencyKey, body: {} },
      { statusCode: 201, body: answer, at },
    );
    if (!attempt.resumed)
      await appendAudit(
        trx,
        auditActor(caller),
        {
          action: 'payment.start',
          entityType: 'payment',
          entityId: attempt.payment.payment_id,
          details: { dossierCode: code, reference: answer.reference, amount: answer.amount },
          requestId: opts.requestId,
        },
        at,
      );
  });
  return answer;
}

// ---------------------------------------------------------------------------------------------------
// Confirming the dossier once its obligation is paid

/**
 * Confirms an awaiting-payment dossier whose obligation the paid payments cover (confirm-payment,
 * in the dossier's own transaction). Retried once when someone acted first. Returns the status.
 */
export async function confirmIfSettled(
  deps: Deps,
  code: string,
  caller: Caller,
  receiptRef: string,
  requestId: string,
): Promise<string | null> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const row = await loadRow(deps.db, code);
    if (!row) return null;
    if (row.status !== 'awaiting-payment') return row.status;
    const procedure = await procedureOf(deps.db, row);
    const payments = await paymentsOfDossier(deps.db, row.dossier_id);
    if (!obligationSettled(row, procedure, payments)) return row.status;
    try {
      await performAction(deps, caller, {
        code,
        kind: 'confirm-payment',
        input: { receiptRef, note: 'Đã nộp đủ các khoản theo yêu cầu (biên lai điện tử).' },
        ifMatch: row.version,
        idempotencyKey: `payment-${receiptRef.replace(/[^A-Za-z0-9]/g, '')}-v${row.version}`,
        requestId,
      });
      return 'processing';
    } catch (err) {
      if (err instanceof AppError && err.code === 'STALE_VERSION' && attempt === 0) continue;
      throw err;
    }
  }
  return (await loadRow(deps.db, code))?.status ?? null;
}

// ---------------------------------------------------------------------------------------------------
// Desk payment

export async function takeDeskPayment(
  deps: Deps,
  actor: Actor,
  code: string,
  body: DeskPaymentBody,
  idempotencyKey: string | undefined,
  requestId: string,
  log?: JobLog,
): Promise<{ payment: PaymentView; dossierStatus: string }> {
  const scope = `staff:${actor.userId}:payment-desk:${code}`;
  const replayed = await findReplay<{ paymentId: string }>(deps.db, { scope, key: idempotencyKey, body });
  if (replayed) {
    const p = (await findPayment(deps.db, String(replayed.body.paymentId)))!;
    return { payment: presentPayment(p), dossierStatus: (await loadRow(deps.db, code))!.status };
  }
  const caller: PersonCaller = { kind: 'staff', actor };
  const row = await getVisibleDossier(deps.db, caller, code);
  if (!(await isReceivingDeskOfficer(deps.db, actor, row.receiving_agency_id)))
    throw new AppError('FORBIDDEN', 'Chỉ cán bộ một cửa của cơ quan tiếp nhận hồ sơ được thu phí tại quầy.');
  if (body.method === 'transfer' && body.transferReference === undefined)
    throw new AppError('VALIDATION_FAILED', 'Dữ liệu gửi lên không hợp lệ.', [
      { path: 'body/transferReference', message: 'Hãy nhập mã giao dịch chuyển khoản.' },
    ]);
  const procedure = await procedureOf(deps.db, row);
  const now = deps.clock.now();
  const paid = await deps.db.transaction().execute(async (trx) => {
    const locked = (await loadRow(trx, code, true))!;
    const payments = await paymentsOfDossier(trx, locked.dossier_id);
    const owed = owedOf(procedure, locked, payments);
    if (!owed.payable)
      throw new AppError(
        'CONFLICT',
        PAYABLE_STATUSES.has(locked.status)
          ? 'Hồ sơ không còn khoản phí, lệ phí nào phải nộp.'
          : 'Hồ sơ đã kết thúc; không nhận thanh toán.',
      );
    const reference = paymentReference(code, (await countAttempts(trx, locked.dossier_id)) + 1);
    const year = vnYear(now);
    const seq = await nextReceiptSeq(trx, locked.receiving_agency_id, year);
    const inserted = await trx
      .insertInto('payments')
      .values({
        dossier_id: locked.dossier_id,
        agency_id: locked.receiving_agency_id,
        reference,
        amount: owed.outstandingVnd,
        items: JSON.stringify(owed.outstanding),
        channel: body.method,
        status: 'paid',
        payer_name: body.payerName ?? applicantOf(locked).fullName ?? 'Người nộp',
        transfer_reference: body.transferReference ?? null,
        note: body.note ?? null,
        created_by_user_id: actor.userId,
        created_by_label: actor.username,
        created_at: now,
        updated_at: now,
        paid_at: now,
        settled_by: 'desk',
        receipt_year: year,
        receipt_seq: seq,
      })
      .returning('payment_id')
      .executeTakeFirstOrThrow();
    const p = (await findPayment(trx, inserted.payment_id))!;
    await rememberResponse(
      trx,
      { scope, key: idempotencyKey, body },
      { statusCode: 201, body: { paymentId: p.payment_id }, at: now },
    );
    await appendAudit(
      trx,
      { userId: actor.userId, label: actor.username },
      {
        action: 'payment.desk',
        entityType: 'payment',
        entityId: p.payment_id,
        details: {
          dossierCode: code,
          reference,
          amount: Number(p.amount),
          method: body.method,
          receiptNumber: receiptNumberOf(p),
        },
        requestId,
      },
      now,
    );
    return p;
  });
  let dossierStatus: string | null;
  try {
    dossierStatus = await confirmIfSettled(deps, code, caller, receiptNumberOf(paid)!, requestId);
  } catch (err) {
    // The payment stands; reconciliation confirms the dossier later (as the platform's system user).
    log?.warn(
      { dossierCode: code, err: err instanceof Error ? err.message : String(err) },
      'payment taken but the dossier could not be confirmed now',
    );
    dossierStatus = (await loadRow(deps.db, code))?.status ?? null;
  }
  return { payment: presentPayment(paid), dossierStatus: dossierStatus ?? row.status };
}

// ---------------------------------------------------------------------------------------------------
// The platform's word: CONFIRM callbacks and QUERY answers

export type Verdict = 'accepted' | 'duplicate' | 'ignored' | 'rejected';
export type Settlement = { verdict: Verdict; reason: string | null; payment: PaymentRow | null };

/** Marks a payment paid on the platform's (verified) word, with its receipt number; one transaction. */
export async function settlePaid(
  deps: Deps,
  paymentId: string,
  m: ConfirmMessage,
  source: 'callback' | 'query',
  raw: string,
  requestId: string | null,
): Promise<Settlement> {
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const locked = await trx
      .selectFrom('payments')
      .select(['payment_id', 'status', 'platform_transaction_id', 'agency_id'])
      .where('payment_id', '=', paymentId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const record = (verdict: Verdict, reason: string | null) =>
      recordCallback(trx, {
        source,
        rawBody: raw,
        reference: m.MaThamChieu,
        paymentId,
        transactionId: m.MaGiaoDich,
        resultCode: m.MaLoi,
        verdict,
        reason,
        requestId,
        at: now,
      });
    if (locked.status === 'paid') {
      const same = locked.platform_transaction_id === m.MaGiaoDich;
      await record(same ? 'duplicate' : 'rejected', same ? null : 'already-paid');
      return {
        verdict: same ? 'duplicate' : 'rejected',
        reason: same ? null : 'already-paid',
        payment: (await findPayment(trx, paymentId))!,
      };
    }
    const taken = await trx
      .selectFrom('payments')
      .select('payment_id')
      .where('platform_transaction_id', '=', m.MaGiaoDich)
      .where('payment_id', '<>', paymentId)
      .executeTakeFirst();
    if (taken) {
      await record('rejected', 'transaction-conflict');
      return { verdict: 'rejected', reason: 'transaction-conflict', payment: null };
    }
    const year = vnYear(now);
    const seq = await nextReceiptSeq(trx, locked.agency_id, year);
    await trx
      .updateTable('payments')
      .set({
        status: 'paid',
        paid_at: now,
        platform_transaction_id: m.MaGiaoDich,
        bank_code: m.MaNganHang || null,
        settled_by: source,
        failure_reason: null,
        receipt_year: year,
        receipt_seq: seq,
        updated_at: now,
      })
      .where('payment_id', '=', paymentId)
      .execute();
    await record('accepted', null);
    const p = (await findPayment(trx, paymentId))!;
    await appendAudit(
      trx,
      { userId: null, label: 'payment-platform' },
      {
        action: 'payment.paid',
        entityType: 'payment',
        entityId: paymentId,
        details: {
          dossierCode: p.dossier_code,
          reference: p.reference,
          amount: Number(p.amount),
          transactionId: m.MaGiaoDich,
          receiptNumber: receiptNumberOf(p),
          source,
        },
        requestId,
      },
      now,
    );
    return { verdict: 'accepted', reason: null, payment: p };
  });
}

/** A payment the platform reports not paid (cancelled by the payer, failed). */
export async function settleNotPaid(
  deps: Deps,
  paymentId: string,
  outcome: 'cancelled' | 'failed' | 'expired',
  detail: { code: string; reference: string; transactionId: string | null },
  source: 'callback' | 'query',
  raw: string,
  requestId: string | null,
): Promise<Settlement> {
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const locked = await trx
      .selectFrom('payments')
      .select(['status'])
      .where('payment_id', '=', paymentId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    let verdict: Verdict = 'accepted';
    let reason: string | null = null;
    if (locked.status === 'paid') {
      verdict = 'ignored';
      reason = 'already-paid';
    } else if (locked.status !== 'pending') {
      verdict = 'duplicate';
    } else {
      await trx
        .updateTable('payments')
        .set({ status: outcome, failure_reason: `MaLoi/TrangThaiGD ${detail.code}`, updated_at: now })
        .where('payment_id', '=', paymentId)
        .execute();
    }
    await recordCallback(trx, {
      source,
      rawBody: raw,
      reference: detail.reference,
      paymentId,
      transactionId: detail.transactionId,
      resultCode: detail.code,
      verdict,
      reason,
      requestId,
      at: now,
    });
    return { verdict, reason, payment: (await findPayment(trx, paymentId))! };
  });
}

const REJECTION_TEXT: Record<CallbackRejection, string> = {
  'malformed-json': 'Dữ liệu không phải JSON hợp lệ',
  'missing-fields': 'Thiếu hoặc sai trường bắt buộc',
  'unknown-partner': 'Mã đối tác không đúng',
  'bad-signature': 'Mã xác thực không hợp lệ',
  'unknown-reference': 'Không tìm thấy mã tham chiếu',
  'dossier-mismatch': 'Mã tham chiếu không khớp hồ sơ',
  'wrong-currency': 'Loại tiền không đúng',
  'wrong-amount': 'Số tiền không khớp',
  'transaction-conflict': 'Mã giao dịch đã dùng cho giao dịch khác',
  'already-paid': 'Giao dịch đã được thanh toán bằng mã giao dịch khác',
};

const REJECTION_STATUS: Record<CallbackRejection, 400 | 401 | 404 | 409> = {
  'malformed-json': 400,
  'missing-fields': 400,
  'unknown-partner': 401,
  'bad-signature': 401,
  'unknown-reference': 404,
  'dossier-mismatch': 404,
  'wrong-currency': 400,
  'wrong-amount': 400,
  'transaction-conflict': 409,
  'already-paid': 409,
};

export type CallbackOutcome = {
  statusCode: 200 | 400 | 401 | 404 | 409 | 500;
  answer: ReturnType<typeof callbackAnswer>;
  verdict: Verdict;
  reason: string | null;
};

/**
 * The platform's CONFIRM callback, from its raw body. Checked in order: JSON and fields, partner,
 * MaXacThuc, reference known and derived from its dossier, currency, amount; then, idempotently by
 * reference and transaction id, the payment is marked paid (or cancelled). Every message is recorded
 * with its verdict; nothing is paid unless all checks pass. Never throws: a failure here is an answer.
 */
export async function receiveCallback(
  deps: Deps,
  raw: string,
  requestId: string,
  log: JobLog,
): Promise<CallbackOutcome> {
  const settings = deps.config.payment;
  const reject = async (
    reason: CallbackRejection,
    partial: Partial<ConfirmMessage>,
    paymentId: string | null = null,
  ): Promise<CallbackOutcome> => {
    await recordCallback(deps.db, {
      source: 'callback',
      rawBody: raw,
      reference: partial.MaThamChieu ?? null,
      paymentId,
      transactionId: partial.MaGiaoDich ?? null,
      resultCode: partial.MaLoi ?? null,
      verdict: 'rejected',
      reason,
      requestId,
      at: deps.clock.now(),
    });
    log.warn(
      { reason, reference: partial.MaThamChieu ?? null, requestId },
      'payment callback rejected: nothing paid',
    );
    return {
      statusCode: REJECTION_STATUS[reason],
      answer: callbackAnswer(CALLBACK_CODES[reason], REJECTION_TEXT[reason], settings, partial),
      verdict: 'rejected',
      reason,
    };
  };
  try {
    const parsed = parseConfirm(raw);
    if (!parsed.ok) return await reject(parsed.reason, parsed.partial);
    const m = parsed.message;
    if (m.MaDoiTac !== settings.partnerCode) return await reject('unknown-partner', m);
    if (!confirmSignatureValid(m, settings.secret)) return await reject('bad-signature', m);
    const payment = await findPaymentByReference(deps.db, m.MaThamChieu);
    if (!payment) return await reject('unknown-reference', m);
    if (!referenceMatchesDossier(m.MaThamChieu, payment.dossier_code) || payment.channel !== 'online')
      return await reject('dossier-mismatch', m, payment.payment_id);
    if (m.MaTienTe !== E4_CURRENCY) return await reject('wrong-currency', m, payment.payment_id);
    if (m.SoTien !== Number(payment.amount)) return await reject('wrong-amount', m, payment.payment_id);

    const settled =
      m.MaLoi === E4_SUCCESS
        ? await settlePaid(deps, payment.payment_id, m, 'callback', raw, requestId)
        : await settleNotPaid(
            deps,
            payment.payment_id,
            'cancelled',
            { code: m.MaLoi, reference: m.MaThamChieu, transactionId: m.MaGiaoDich || null },
            'callback',
            raw,
            requestId,
          );
    if (settled.verdict === 'rejected') {
      const reason = settled.reason as CallbackRejection;
      log.warn({ reason, reference: m.MaThamChieu, requestId }, 'payment callback rejected: nothing paid');
      return {
        statusCode: REJECTION_STATUS[reason],
        answer: callbackAnswer(CALLBACK_CODES[reason], REJECTION_TEXT[reason], settings, m),
        verdict: 'rejected',
        reason,
      };
    }
    if (settled.verdict === 'accepted' && settled.payment?.status === 'paid') {
      await confirmQuietly(deps, settled.payment, requestId, log);
    }
    return {
      statusCode: 200,
      answer: callbackAnswer(CALLBACK_CODES.ok, 'Thành công', settings, m),
      verdict: settled.verdict,
      reason: settled.reason,
    };
  } catch (err) {
    log.error(
      { err: err instanceof Error ? err.message : String(err), requestId },
      'payment callback could not be processed',
    );
    try {
      await recordCallback(deps.db, {
        source: 'callback',
        rawBody: raw,
        reference: null,
        paymentId: null,
        transactionId: null,
        resultCode: null,
        verdict: 'rejected',
        reason: 'internal-error',
        requestId,
        at: deps.clock.now(),
      });
    } catch {
      // the database is what failed; the log line above is all there is
    }
    return {
      statusCode: 500,
      answer: callbackAnswer(CALLBACK_CODES.error, 'Lỗi xử lý, vui lòng gửi lại', settings),
      verdict: 'rejected',
      reason: 'internal-error',
    };
  }
}

/** confirm-payment after a paid payment, logging instead of failing: reconciliation tries again. */
export async function confirmQuietly(
  deps: Deps,
  payment: PaymentRow,
  requestId: string,
  log: JobLog,
): Promise<void> {
  try {
    await confirmIfSettled(deps, payment.dossier_code, PLATFORM_CALLER, receiptNumberOf(payment)!, requestId);
  } catch (err) {
    log.warn(
      { dossierCode: payment.dossier_code, err: err instanceof Error ? err.message : String(err) },
      'payment paid but the dossier could not be confirmed now; reconciliation will retry',
    );
  }
}

// ---------------------------------------------------------------------------------------------------
// The receipt

export async function paymentReceiptPdf(
  deps: Deps,
  caller: PersonCaller,
  paymentId: string,
): Promise<Buffer> {
  const p = await getPayment(deps, caller, paymentId);
  if (p.status !== 'paid' || p.receipt_seq === null || p.receipt_year === null || p.paid_at === null)
    throw new AppError('NOT_FOUND', 'Giao dịch này chưa được thanh toán nên chưa có biên lai.');
  const row = (await loadRow(deps.db, p.dossier_code))!;
  const procedure = await procedureOf(deps.db, row);
  const agency = await deps.db
    .selectFrom('agencies as a')
    .leftJoin('agencies as parent', 'parent.agency_id', 'a.parent_agency_id')
    .innerJoin('units as u', 'u.code', 'a.unit_code')
    .select(['a.name', 'parent.name as parent_name', 'u.path as unit_path'])
    .where('a.agency_id', '=', p.agency_id)
    .executeTakeFirstOrThrow();
  const province = await deps.db
    .selectFrom('units')
    .select('name')
    .where('code', '=', agency.unit_path.split('/')[1]!)
    .executeTakeFirst();
  const collector =
    p.created_by_user_id === null
      ? null
      : ((
          await deps.db
            .selectFrom('users')
            .select('full_name')
            .where('user_id', '=', p.created_by_user_id)
            .executeTakeFirst()
        )?.full_name ?? p.created_by_label);
  const applicant = applicantOf(row);
  const series = `BL-${p.receipt_year}`;
  const number = String(p.receipt_seq).padStart(7, '0');
  return renderReceipt(
    {
      agency: {
        name: agency.name,
        ...(agency.parent_name ? { superiorName: agency.parent_name } : {}),
        place: (province?.name ?? '').replace(/^(Thành phố|Tỉnh)\s+/, ''),
      },
      receiptNumber: receiptNumberOf(p)!,
      series,
      number,
      dossierCode: p.dossier_code,
      procedure: { code: procedure.code, name: procedure.name },
      payer: {
        name: p.payer_name,
        ...(p.payer_name === applicant.fullName && applicant.idNumber
          ? { idNumber: applicant.idNumber }
          : {}),
        ...(p.payer_name === applicant.fullName && applicant.address?.line
          ? { address: applicant.address.line }
          : {}),
      },
      items: p.items.map((i) => ({ name: i.name, amountVnd: i.amountVnd })),
      amountVnd: Number(p.amount),
      paidAt: new Date(p.paid_at).toISOString(),
      channel: p.channel,
      transactionId: p.platform_transaction_id,
      bankCode: p.bank_code,
      transferReference: p.transfer_reference,
      reference: p.reference,
      collector: p.channel === 'online' ? null : collector,
    },
    { publicUrl: deps.config.publicUrl },
  );
}
