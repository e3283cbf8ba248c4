// The one module that knows the payment platform's messages (legal-notes §5 E4, "message protocol
// v1.0.6 seen in production"): INIT (start a payment → UrlThanhToan), QUERY (the state of a
// transaction) and the CONFIRM callback, each authenticated by MaXacThuc = SHA-256 (hex) of the
// message's fields joined by "|" with the shared secret appended. A province connects to the real
// platform by configuration alone (PAYMENT_BASE_URL, PAYMENT_PARTNER_CODE, PAYMENT_SECRET); endpoints
// that differ change PATHS here and nowhere else.
//
// Evidence (tags as in legal-notes §0, detail in docs/integration/national-portal.md, "Payments"):
//  - the field lists of INIT, QUERY and CONFIRM: legal-notes E4 [P];
//  - the order of the fields under MaXacThuc, the constants (PhienBan 1.0.6, LoaiHinhThanhToan PAY,
//    NgonNgu vi-VN, MaLoi "00" = success, TrangThaiGD 1/3/4) and the INIT answer
//    { error_code: "0", message: "<JSON with UrlThanhToan>" }: a production integration (the Thanh Hóa
//    back office cited in legal-notes §7) [P];
//  - the paths, the answer to the callback, the error codes other than "00", and the signature of a
//    QUERY answer (checked with the CONFIRM order): assumed here [A].
import { createHash, timingSafeEqual } from 'node:crypto';
import type { PaymentConfig } from '../../config.ts';
import { vnCompactTimestamp } from '../../../common/time/vn-time.ts';

/** Endpoint paths under PAYMENT_BASE_URL [A: the real ones come with the province's connection]. */
export const PATHS = {
  init: '/api/v1/thanhtoan/init',
  query: '/api/v1/thanhtoan/query',
} as const;

export const E4_VERSION = '1.0.6';
/** MaLoi of success, in CONFIRM and in a QUERY answer. */
export const E4_SUCCESS = '00';
export const E4_CURRENCY = 'VND';

/** Codes motcua answers a callback with [A]; "00" tells the platform the message was taken. */
export const CALLBACK_CODES = {
  ok: '00',
  'malformed-json': '01',
  'missing-fields': '01',
  'unknown-partner': '02',
  'bad-signature': '03',
  'unknown-reference': '04',
  'dossier-mismatch': '04',
  'wrong-currency': '05',
  'wrong-amount': '06',
  'transaction-conflict': '07',
  'already-paid': '07',
  error: '99',
} as const;
export type CallbackRejection = Exclude<keyof typeof CALLBACK_CODES, 'ok' | 'error'>;

// ---------------------------------------------------------------------------------------------------
// MaXacThuc

/** The fields under MaXacThuc, in order, for each message [P]. The secret comes last. */
export const SIGNED_FIELDS = {
  INIT: [
    'LoaiBanTin',
    'PhienBan',
    'MaDoiTac',
    'MaThamChieu',
    'SoTien',
    'LoaiHinhThanhToan',
    'MaKenhThanhToan',
    'MaThietBi',
    'NgonNgu',
    'MaTienTe',
    'MaNganHang',
    'ThongTinGiaoDich',
    'ThoiGianGD',
    'Ip',
  ],
  QUERY: ['LoaiBanTin', 'PhienBan', 'MaDoiTac', 'MaThamChieu', 'ThoiGianGD'],
  CONFIRM: [
    'LoaiBanTin',
    'MaLoi',
    'MaDoiTac',
    'MaThamChieu',
    'SoTien',
    'MaTienTe',
    'MaGiaoDich',
    'MaNganHang',
    'ThoiGianGD',
    'ThongTinGiaoDich',
  ],
} as const;

/** SHA-256, lower-case hex, of the values joined by "|" followed by "|" and the secret. */
export function maXacThuc(values: readonly (string | number)[], secret: string): string {
  return createHash('sha256')
    .update([...values.map(String), secret].join('|'), 'utf8')
    .digest('hex');
}

/** MaXacThuc of a message: its `kind` fields in order; a missing field counts as "". */
export function signMessage(
  kind: keyof typeof SIGNED_FIELDS,
  message: Record<string, unknown>,
  secret: string,
): string {
  return maXacThuc(
    SIGNED_FIELDS[kind].map((f) => {
      const v = message[f];
      return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
    }),
    secret,
  );
}

function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a.toLowerCase());
  const y = Buffer.from(b.toLowerCase());
  return x.length === y.length && timingSafeEqual(x, y);
}

// ---------------------------------------------------------------------------------------------------
// Times: yyyyMMddHHmmss, Vietnam time (UTC+7)

export function formatE4Time(at: Date): string {
  return vnCompactTimestamp(at);
}

// ---------------------------------------------------------------------------------------------------
// References

/**
 * MaThamChieu of an attempt: the dossier code's letters and digits, "TT" and the attempt number
 * (legal-notes E4: "unique per attempt, derived from mã hồ sơ"), e.g. 0000070H262611200001TT01.
 */
export function paymentReference(dossierCode: string, attempt: number): string {
  return `${dossierCode.replace(/[^A-Za-z0-9]/g, '')}TT${String(attempt).padStart(2, '0')}`;
}

/** Whether a reference was derived from this dossier code. */
export function referenceMatchesDossier(reference: string, dossierCode: string): boolean {
  return reference.startsWith(`${dossierCode.replace(/[^A-Za-z0-9]/g, '')}TT`);
}

// ---------------------------------------------------------------------------------------------------
// INIT

export type InitInput = {
  reference: string;
  amountVnd: number;
  dossierCode: string;
  procedure: { code: string; name: string };
  agency: { code: string; name: string };
  payer: { name: string; idNumber: string; address: string };
  items: { key: string; name: string; amountVnd: number; source: string }[];
  /** The payer's IP address as motcua saw it. */
  ip: string;
  at: Date;
};

export type InitMessage = Record<string, unknown> & { MaThamChieu: string; MaXacThuc: string };

/** ASCII, as production integrations send it: bank statements drop diacritics. */
export function transactionInfo(dossierCode: string): string {
  return `Thanh toan ho so ${dossierCode}`;
}

export function buildInit(input: InitInput, settings: PaymentSettings): InitMessage {
  const info = transactionInfo(input.dossierCode);
  const message: Record<string, unknown> = {
    LoaiBanTin: 'INIT',
    PhienBan: E4_VERSION,
    MaDoiTac: settings.partnerCode,
    MaThamChieu: input.reference,
    SoTien: String(input.amountVnd),
    LoaiHinhThanhToan: 'PAY',
    // Channel, device and bank as production integrations send them: the payer picks on the page [P].
    MaKenhThanhToan: '1',
    MaThietBi: '1',
    NgonNgu: 'vi-VN',
    MaTienTe: E4_CURRENCY,
    MaNganHang: 'PAYMENT',
    ThongTinGiaoDich: info,
    ThoiGianGD: formatE4Time(input.at),
    Ip: input.ip,
    ThongTinBienLai: {
      MaDichVu: '1',
      MaDVC: input.procedure.code,
      TenDVC: input.procedure.name.slice(0, 250),
      MaTTHC: input.procedure.code,
      TenTTHC: input.procedure.name.slice(0, 250),
      MaDonVi: input.agency.code,
      TenDonVi: input.agency.name,
      MaHoSo: input.dossierCode,
      // The beneficiary account and treasury of the collecting agency (legal-notes C8) are not
      // modelled yet: the platform's defaults for the partner apply [A].
      TKThuHuong: '',
      MaNHThuHuong: '',
      TenTKThuHuong: '',
      KhoBac: '',
      NoiDungThanhToan: info,
      HoTenNguoiNop: input.payer.name,
      SoCMNDNguoiNop: input.payer.idNumber,
      DiaChiNguoiNop: input.payer.address,
      PhiLePhi: input.items.map((i) => ({
        LoaiPhiLePhi: i.source === 'procedure' ? '1' : '2',
        MaPhiLePhi: i.key,
        TenPhiLePhi: i.name,
        SoTien: i.amountVnd,
      })),
      DSKhoanNop: input.items.map((i) => ({ NoiDung: i.name, SoTien: i.amountVnd })),
    },
  };
  return { ...message, MaXacThuc: signMessage('INIT', message, settings.secret) } as InitMessage;
}

// ---------------------------------------------------------------------------------------------------
// CONFIRM (the platform's callback) and QUERY answers

export type ConfirmMessage = {
  LoaiBanTin: string;
  MaLoi: string;
  MaDoiTac: string;
  MaThamChieu: string;
  SoTien: number;
  /** SoTien exactly as received, for the signature. */
  SoTienText: string;
  MaTienTe: string;
  MaGiaoDich: string;
  MaNganHang: string;
  ThoiGianGD: string;
  ThongTinGiaoDich: string;
  MaXacThuc: string;
};

export type ParsedConfirm =
  | { ok: true; message: ConfirmMessage }
  | {
      ok: false;
      reason: 'malformed-json' | 'missing-fields';
      detail: string;
      partial: Partial<ConfirmMessage>;
    };

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Reads a CONFIRM message (or a QUERY answer of a paid transaction) from its JSON text or object. */
export function parseConfirm(body: string | Record<string, unknown>): ParsedConfirm {
  let o: Record<string, unknown>;
  if (typeof body === 'string') {
    let v: unknown;
    try {
      v = JSON.parse(body);
    } catch {
      return { ok: false, reason: 'malformed-json', detail: 'the body is not JSON', partial: {} };
    }
    if (typeof v !== 'object' || v === null || Array.isArray(v))
      return { ok: false, reason: 'malformed-json', detail: 'the body is not a JSON object', partial: {} };
    o = v as Record<string, unknown>;
  } else {
    o = body;
  }
  const partial: Partial<ConfirmMessage> = {};
  for (const f of ['MaLoi', 'MaDoiTac', 'MaThamChieu', 'MaGiaoDich', 'MaTienTe'] as const) {
    const v = str(o[f]);
    if (v !== undefined) partial[f] = v.slice(0, 100);
  }
  const missing: string[] = [];
  const required = (f: string): string => {
    const v = str(o[f]);
    if (v === undefined || v.trim() === '') {
      missing.push(f);
      return '';
    }
    return v;
  };
  const optional = (f: string): string => {
    const v = o[f];
    if (v === undefined || v === null) return '';
    if (typeof v !== 'string') {
      missing.push(f);
      return '';
    }
    return v;
  };
  const MaLoi = required('MaLoi');
  const MaDoiTac = required('MaDoiTac');
  const MaThamChieu = required('MaThamChieu');
  const MaTienTe = required('MaTienTe');
  const MaXacThuc = required('MaXacThuc');
  let SoTien = NaN;
  let SoTienText = '';
  if (typeof o.SoTien === 'number' && Number.isSafeInteger(o.SoTien) && o.SoTien >= 0) {
    SoTien = o.SoTien;
    SoTienText = String(o.SoTien);
  } else if (typeof o.SoTien === 'string' && /^[0-9]{1,16}$/.test(o.SoTien)) {
    SoTien = Number(o.SoTien);
    SoTienText = o.SoTien;
  } else {
    missing.push('SoTien');
  }
  const MaGiaoDich = MaLoi === E4_SUCCESS ? required('MaGiaoDich') : optional('MaGiaoDich');
  const message: ConfirmMessage = {
    LoaiBanTin: optional('LoaiBanTin'),
    MaLoi,
    MaDoiTac,
    MaThamChieu,
    SoTien,
    SoTienText,
    MaTienTe,
    MaGiaoDich,
    MaNganHang: optional('MaNganHang'),
    ThoiGianGD: optional('ThoiGianGD'),
    ThongTinGiaoDich: optional('ThongTinGiaoDich'),
    MaXacThuc,
  };
  if (missing.length > 0)
    return {
      ok: false,
      reason: 'missing-fields',
      detail: `missing or invalid: ${missing.join(', ')}`,
      partial,
    };
  return { ok: true, message };
}

/** Whether a CONFIRM message carries the partner's MaXacThuc. */
export function confirmSignatureValid(message: ConfirmMessage, secret: string): boolean {
  const expected = signMessage('CONFIRM', { ...message, SoTien: message.SoTienText }, secret);
  return sameHex(expected, message.MaXacThuc);
}

/** The answer to a callback [A]: the platform's field names, "00" when taken. */
export function callbackAnswer(
  code: string,
  description: string,
  settings: Pick<PaymentSettings, 'partnerCode'>,
  message: Partial<ConfirmMessage> = {},
) {
  return {
    MaLoi: code,
    MoTaLoi: description,
    MaDoiTac: settings.partnerCode,
    MaThamChieu: message.MaThamChieu ?? '',
    ThoiGianGD: message.ThoiGianGD ?? '',
  };
}

// ---------------------------------------------------------------------------------------------------
// The HTTP client

export const PAYMENT_ERROR_KINDS = ['timeout', 'connection', 'http', 'rejected', 'invalid-answer'] as const;
export type PaymentErrorKind = (typeof PAYMENT_ERROR_KINDS)[number];

export class PaymentPlatformError extends Error {
  readonly kind: PaymentErrorKind;
  constructor(kind: PaymentErrorKind, message: string) {
    super(message);
    this.name = 'PaymentPlatformError';
    this.kind = kind;
  }
}

export type PaymentSettings = Omit<PaymentConfig, 'baseUrl' | 'reconcileMinutes' | 'callbacksPerMinute'> & {
  baseUrl: string;
  timeoutMs?: number;
};

/** What the platform says about a transaction. */
export type QueryResult =
  | { state: 'paid'; confirm: ConfirmMessage; signatureValid: boolean; raw: string }
  | { state: 'pending'; raw: string }
  | { state: 'failed'; code: string; raw: string }
  | { state: 'unknown'; raw: string };

export type PaymentClient = {
  readonly baseUrl: string;
  readonly partnerCode: string;
  /** INIT: resolves with the payment page's URL when the platform accepts the payment. */
  init: (message: InitMessage, signal?: AbortSignal) => Promise<{ payUrl: string }>;
  /** QUERY by reference; `initiatedAt` is the attempt's ThoiGianGD. */
  query: (reference: string, initiatedAt: Date, signal?: AbortSignal) => Promise<QueryResult>;
};

/** MaLoi of a QUERY answer when the platform has no such reference [A]. */
export const QUERY_UNKNOWN = '02';

export function createPaymentClient(
  settings: PaymentSettings,
  fetchImpl: typeof fetch = fetch,
): PaymentClient {
  const base = settings.baseUrl.replace(/\/+$/, '');
  const timeoutMs = settings.timeoutMs ?? 10_000;

  async function post(path: string, body: unknown, signal?: AbortSignal) {
    const timeout = AbortSignal.timeout(timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    let res: Response;
    let raw: string;
    try {
      res = await fetchImpl(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
        signal: combined,
      });
      raw = await res.text();
    } catch (err) {
      if (timeout.aborted) throw new PaymentPlatformError('timeout', `no answer within ${timeoutMs} ms`);
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      throw new PaymentPlatformError(
        'connection',
        `connection failed: ${cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err))}`,
      );
    }
    if (res.status < 200 || res.status >= 300)
      throw new PaymentPlatformError('http', `${path}: HTTP ${res.status}`);
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      throw new PaymentPlatformError('invalid-answer', `${path}: the answer is not JSON`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      throw new PaymentPlatformError('invalid-answer', `${path}: the answer is not an object`);
    return { body: parsed as Record<string, unknown>, raw };
  }

  return {
    baseUrl: base,
    partnerCode: settings.partnerCode,
    init: async (message, signal) => {
      const { body } = await post(PATHS.init, message, signal);
      const code = str(body.error_code);
      if (code !== '0') {
        const text = str(body.message) ?? '';
        throw new PaymentPlatformError('rejected', `INIT: error_code ${code ?? '(none)'} ${text}`.trim());
      }
      // The production answer nests the result as JSON text in `message` [P]; a plain object is read too.
      let result: Record<string, unknown> = body;
      if (typeof body.message === 'string') {
        try {
          const inner: unknown = JSON.parse(body.message);
          if (typeof inner === 'object' && inner !== null) result = inner as Record<string, unknown>;
        } catch {
          // a plain message: the URL must then be at the top level
        }
      }
      const url = str(result.UrlThanhToan) ?? str(body.UrlThanhToan);
      if (!url || !/^https?:\/\//.test(url))
        throw new PaymentPlatformError('invalid-answer', 'INIT: no UrlThanhToan in the answer');
      return { payUrl: url };
    },
    query: async (reference, initiatedAt, signal) => {
      const message: Record<string, unknown> = {
        LoaiBanTin: 'QUERY',
        PhienBan: E4_VERSION,
        MaDoiTac: settings.partnerCode,
        MaThamChieu: reference,
        ThoiGianGD: formatE4Time(initiatedAt),
      };
      const { body, raw } = await post(
        PATHS.query,
        { ...message, MaXacThuc: signMessage('QUERY', message, settings.secret) },
        signal,
      );
      const code = str(body.MaLoi);
      if (code === QUERY_UNKNOWN) return { state: 'unknown', raw };
      if (code !== E4_SUCCESS)
        throw new PaymentPlatformError('rejected', `QUERY ${reference}: MaLoi ${code ?? '(none)'}`);
      const state = str(body.TrangThaiGD);
      if (state === '3') return { state: 'pending', raw };
      if (state === '4') return { state: 'failed', code: state, raw };
      if (state !== '1')
        throw new PaymentPlatformError(
          'invalid-answer',
          `QUERY ${reference}: TrangThaiGD ${state ?? '(none)'}`,
        );
      const parsed = parseConfirm(body);
      if (!parsed.ok)
        throw new PaymentPlatformError('invalid-answer', `QUERY ${reference}: ${parsed.detail}`);
      return {
        state: 'paid',
        confirm: parsed.message,
        signatureValid: confirmSignatureValid(parsed.message, settings.secret),
        raw,
      };
    },
  };
}
