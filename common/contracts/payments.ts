// Fees and payments of dossiers: what a dossier owes, online payments through the payment platform
// (legal-notes §5 E4), payments taken at the desk, the electronic receipts and the platform's
// callback. See docs/domain/payments.md and docs/integration/national-portal.md ("Payments").
import { Type, type Static } from 'typebox';
import { AgencyCode, Page, PageSize, Paged } from './common.ts';
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

export const FeeItem = Type.Object(
  {
    /** Stable within the dossier: procedure-<n> or obligation-<request time>-<n>. */
    key: Type.String(),
    name: Type.String(),
    amountVnd: Type.Integer({ minimum: 0 }),
    source: Type.Enum(FEE_SOURCES),
    paid: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type FeeItem = Static<typeof FeeItem>;

/** A fee published without an amount in đồng (USD, "theo thông báo"): shown, not payable here. */
export const UnpricedFee = Type.Object(
  {
    name: Type.String(),
    text: Type.Union([Type.String(), Type.Null()]),
    source: Type.Enum(FEE_SOURCES),
  },
  { additionalProperties: false },
);

export const PaymentItem = Type.Object(
  {
    key: Type.String(),
    name: Type.String(),
    amountVnd: Type.Integer({ minimum: 0 }),
    source: Type.Enum(FEE_SOURCES),
  },
  { additionalProperties: false },
);

export const PaymentView = Type.Object(
  {
    paymentId: Type.String(),
    reference: Type.String(),
    dossierCode: Type.String(),
    agency: Type.Object({ code: Type.String(), name: Type.String() }, { additionalProperties: false }),
    amountVnd: Type.Integer({ minimum: 1 }),
    currency: Type.Literal('VND'),
    channel: Type.Enum(PAYMENT_CHANNELS),
    status: Type.Enum(PAYMENT_STATUSES),
    items: Type.Array(PaymentItem),
    payerName: Type.String(),
    createdBy: Type.String(),
    createdAt: Type.String(),
    paidAt: Type.Union([Type.String(), Type.Null()]),
    /** MaGiaoDich of the platform. */
    transactionId: Type.Union([Type.String(), Type.Null()]),
    /** "BL-2026/0000001": series of the collecting agency and year, then the number. */
    receiptNumber: Type.Union([Type.String(), Type.Null()]),
    /** The platform's page, while the payment is pending. */
    payUrl: Type.Union([Type.String(), Type.Null()]),
  },
  { additionalProperties: false },
);
export type PaymentView = Static<typeof PaymentView>;

export const DossierFees = Type.Object(
  {
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
  },
  { additionalProperties: false },
);
export type DossierFees = Static<typeof DossierFees>;

export const StartPaymentResponse = Type.Object(
  {
    paymentId: Type.String(),
    reference: Type.String(),
    amount: Type.Integer({ minimum: 1 }),
    payUrl: Type.String(),
  },
  { additionalProperties: false },
);
export type StartPaymentResponse = Static<typeof StartPaymentResponse>;

export const DeskPaymentBody = Type.Object(
  {
    method: Type.Enum(DESK_PAYMENT_METHODS),
    /** Người nộp, when not the applicant. */
    payerName: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    /** The bank's reference of a transfer (required for a transfer). */
    transferReference: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type DeskPaymentBody = Static<typeof DeskPaymentBody>;

export const DeskPaymentResponse = Type.Object(
  {
    payment: PaymentView,
    /** The dossier's status after the payment (processing when it confirmed the obligation). */
    dossierStatus: Type.String(),
  },
  { additionalProperties: false },
);

export const PaymentsQuery = Type.Object(
  {
    status: Type.Optional(Type.Enum(PAYMENT_STATUSES)),
    agencyCode: Type.Optional(AgencyCode),
    dossierCode: Type.Optional(DossierCodeParams.properties.code),
    page: Type.Optional(Page),
    pageSize: Type.Optional(PageSize),
  },
  { additionalProperties: false },
);
export type PaymentsQuery = Static<typeof PaymentsQuery>;

export const PaymentList = Paged(PaymentView);

export const PaymentIdParams = Type.Object(
  { id: Type.String({ pattern: '^[1-9][0-9]{0,17}$' }) },
  { additionalProperties: false },
);

export const PaymentHeaders = Type.Object(
  { 'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 200 })) },
  { additionalProperties: true },
);

/** The answer to the platform's CONFIRM callback (the platform's shape; MaLoi "00": received). */
export const CallbackAnswer = Type.Object(
  {
    MaLoi: Type.String(),
    MoTaLoi: Type.String(),
    MaDoiTac: Type.String(),
    MaThamChieu: Type.String(),
    ThoiGianGD: Type.String(),
  },
  { additionalProperties: false },
);
export type CallbackAnswer = Static<typeof CallbackAnswer>;
