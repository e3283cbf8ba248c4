// Fees and payments of dossiers: what a dossier owes, online payments through the payment platform
// (legal-notes §5 E4), payments taken at the desk, the electronic receipts and the platform's
// callback. See docs/domain/payments.md and docs/integration/national-portal.md ("Payments").
import { Type, type Static } from 'typebox';
import { AgencyCode, Closed, Nullable, Paged, PagedQuery } from './common.ts';
import { DossierCodeParams } from './dossiers.ts';

export const PAYMENT_STATUSES = ['pending', 'paid', 'cancelled', 'failed', 'expired'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const PAYMENT_CHANNELS = ['online', 'cash', 'transfer'] as const;
export type PaymentChannel = (typeof PAYMENT_CHANNELS)[number];

export const DESK_PAYMENT_METHODS = ['cash', 'transfer'] as const;

/** Where a fee item comes from: the procedure's published fees, or a request-payment action. */
export const FEE_SOURCES = ['procedure', 'obligation'] as const;

export const PaymentStatusLabels: Readonly<Record<PaymentStatus, string>> = {
  pending: 'Chờ thanh toán',
  paid: 'Đã thanh toán',
  cancelled: 'Đã hủy',
  failed: 'Không thành công',
  expired: 'Hết hạn',
};

export const FeeItem = Closed({
  /** Stable within the dossier: procedure-<n> or obligation-<request time>-<n>. */
  key: Type.String(),
  name: Type.String(),
  amountVnd: Type.Integer({ minimum: 0 }),
  source: Type.Enum(FEE_SOURCES),
  paid: Type.Boolean(),
});
export type FeeItem = Static<typeof FeeItem>;

/** A fee published without an amount in đồng (USD, "theo thông báo"): shown, not payable here. */
export const UnpricedFee = Closed({
  name: Type.String(),
  text: Nullable(Type.String()),
  source: Type.Enum(FEE_SOURCES),
});

export const PaymentItem = Closed({
  key: Type.String(),
  name: Type.String(),
  amountVnd: Type.Integer({ minimum: 0 }),
  source: Type.Enum(FEE_SOURCES),
});

export const PaymentView = Closed({
  paymentId: Type.String(),
  reference: Type.String(),
  dossierCode: Type.String(),
  agency: Closed({ code: Type.String(), name: Type.String() }),
  amountVnd: Type.Integer({ minimum: 1 }),
  currency: Type.Literal('VND'),
  channel: Type.Enum(PAYMENT_CHANNELS),
  status: Type.Enum(PAYMENT_STATUSES),
  items: Type.Array(PaymentItem),
  payerName: Type.String(),
  createdBy: Type.String(),
  createdAt: Type.String(),
  paidAt: Nullable(Type.String()),
  /** MaGiaoDich of the platform. */
  transactionId: Nullable(Type.String()),
  /** "BL-2026/0000001": series of the collecting agency and year, then the number. */
  receiptNumber: Nullable(Type.String()),
  /** The platform's page, while the payment is pending. */
  payUrl: Nullable(Type.String()),
});
export type PaymentView = Static<typeof PaymentView>;

export const DossierFees = Closed({
  dossierCode: Type.String(),
  dossierStatus: Type.String(),
  items: Type.Array(FeeItem),
  unpriced: Type.Array(UnpricedFee),
  totalVnd: Type.Integer({ minimum: 0 }),
  /** Paid by paid payments (may exceed the total when an attempt was paid twice). */
  paidVnd: Type.Integer({ minimum: 0 }),
  outstandingVnd: Type.Integer({ minimum: 0 }),
  /** A payment may be taken now (an open dossier that owes something). */
  payable: Type.Boolean(),
  /** Online payment through the platform is configured. */
  onlineAvailable: Type.Boolean(),
  payments: Type.Array(PaymentView),
});
export type DossierFees = Static<typeof DossierFees>;

export const StartPaymentResponse = Closed({
  paymentId: Type.String(),
  reference: Type.String(),
  amount: Type.Integer({ minimum: 1 }),
  payUrl: Type.String(),
});
export type StartPaymentResponse = Static<typeof StartPaymentResponse>;

export const DeskPaymentBody = Closed({
  method: Type.Enum(DESK_PAYMENT_METHODS),
  /** Người nộp, when not the applicant. */
  payerName: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
  /** The bank's reference of a transfer (required for a transfer). */
  transferReference: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  note: Type.Optional(Type.String({ maxLength: 2000 })),
});
export type DeskPaymentBody = Static<typeof DeskPaymentBody>;

export const DeskPaymentResponse = Closed({
  payment: PaymentView,
  /** The dossier's status after the payment (processing when it confirmed the obligation). */
  dossierStatus: Type.String(),
});

export const PaymentsQuery = PagedQuery({
  status: Type.Optional(Type.Enum(PAYMENT_STATUSES)),
  agencyCode: Type.Optional(AgencyCode),
  dossierCode: Type.Optional(DossierCodeParams.properties.code),
});
export type PaymentsQuery = Static<typeof PaymentsQuery>;

export const PaymentList = Paged(PaymentView);

export const PaymentIdParams = Closed({ id: Type.String({ pattern: '^[1-9][0-9]{0,17}$' }) });

export const PaymentHeaders = Type.Object(
  { 'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 200 })) },
  { additionalProperties: true },
);

/** The answer to the platform's CONFIRM callback (the platform's shape; MaLoi "00": received). */
export const CallbackAnswer = Closed({
  MaLoi: Type.String(),
  MoTaLoi: Type.String(),
  MaDoiTac: Type.String(),
  MaThamChieu: Type.String(),
  ThoiGianGD: Type.String(),
});
export type CallbackAnswer = Static<typeof CallbackAnswer>;
