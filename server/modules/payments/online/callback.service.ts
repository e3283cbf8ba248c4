// The platform's word on an online payment: its CONFIRM callback and reconciliation's QUERY answers.
// A payment is marked paid (with its receipt number) or not paid in one transaction; every message is
// recorded with its verdict. Once paid, the dossier's obligation may be confirmed (obligations.ts).
import type { Deps } from '../../../deps.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { vnYear } from '../../../../common/time/vn-time.ts';
import type { JobLog } from '../../../platform/jobs/job-log.ts';
import { confirmQuietly } from '../obligations.ts';
import {
  CALLBACK_CODES,
  E4_CURRENCY,
  E4_SUCCESS,
  callbackAnswer,
  confirmSignatureValid,
  parseConfirm,
  referenceMatchesDossier,
  type CallbackRejection,
  type ConfirmMessage,
} from '../payment-adapter.ts';
import { receiptNumberOf } from '../payment-view.ts';
import {
  findPayment,
  findPaymentByReference,
  lockPayment,
  nextReceiptSeq,
  recordCallback,
  transactionTakenElsewhere,
  updatePayment,
  type PaymentRow,
} from '../payments.repository.ts';

export type Verdict = 'accepted' | 'duplicate' | 'ignored' | 'rejected';
export type Settlement = { verdict: Verdict; reason: string | null; payment: PaymentRow | null };

/** Where the platform's word came from, as recorded with it. */
type Heard = { source: 'callback' | 'query'; raw: string; requestId: string | null };

/** Marks a payment paid on the platform's (verified) word, with its receipt number; one transaction. */
export async function settlePaid(
  deps: Deps,
  input: Heard & { paymentId: string; message: ConfirmMessage },
): Promise<Settlement> {
  const { paymentId, message: m, source, raw, requestId } = input;
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const locked = await lockPayment(trx, paymentId);
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
    if (await transactionTakenElsewhere(trx, m.MaGiaoDich, paymentId)) {
      await record('rejected', 'transaction-conflict');
      return { verdict: 'rejected', reason: 'transaction-conflict', payment: null };
    }
    const year = vnYear(now);
    const seq = await nextReceiptSeq(trx, locked.agency_id, year);
    await updatePayment(trx, paymentId, {
      status: 'paid',
      paid_at: now,
      platform_transaction_id: m.MaGiaoDich,
      bank_code: m.MaNganHang || null,
      settled_by: source,
      failure_reason: null,
      receipt_year: year,
      receipt_seq: seq,
      updated_at: now,
    });
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

export type NotPaid = Heard & {
  paymentId: string;
  outcome: 'cancelled' | 'failed' | 'expired';
  detail: { code: string; reference: string; transactionId: string | null };
};

/** A payment the platform reports not paid (cancelled by the payer, failed). */
export async function settleNotPaid(deps: Deps, input: NotPaid): Promise<Settlement> {
  const { paymentId, detail } = input;
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const locked = await lockPayment(trx, paymentId);
    let verdict: Verdict = 'accepted';
    let reason: string | null = null;
    if (locked.status === 'paid') {
      verdict = 'ignored';
      reason = 'already-paid';
    } else if (locked.status !== 'pending') {
      verdict = 'duplicate';
    } else {
      await updatePayment(trx, paymentId, {
        status: input.outcome,
        failure_reason: `MaLoi/TrangThaiGD ${detail.code}`,
        updated_at: now,
      });
    }
    await recordCallback(trx, {
      source: input.source,
      rawBody: input.raw,
      reference: detail.reference,
      paymentId,
      transactionId: detail.transactionId,
      resultCode: detail.code,
      verdict,
      reason,
      requestId: input.requestId,
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

/** The platform's protocol answer (its HTTP status is part of the E4 contract) and what was decided. */
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
  const rejected = (reason: CallbackRejection, partial: Partial<ConfirmMessage>): CallbackOutcome => {
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
    return rejected(reason, partial);
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

    const heard: Heard = { source: 'callback', raw, requestId };
    const settled =
      m.MaLoi === E4_SUCCESS
        ? await settlePaid(deps, { ...heard, paymentId: payment.payment_id, message: m })
        : await settleNotPaid(deps, {
            ...heard,
            paymentId: payment.payment_id,
            outcome: 'cancelled',
            detail: { code: m.MaLoi, reference: m.MaThamChieu, transactionId: m.MaGiaoDich || null },
          });
    if (settled.verdict === 'rejected') return rejected(settled.reason as CallbackRejection, m);
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
