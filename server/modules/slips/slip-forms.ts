// The two sets of statutory slips and the rule that picks one for a dossier.
//
// 2018: Circular 01/2018/TT-VPCP (guiding Decree 61/2018/NĐ-CP), Mẫu 01–06.
// 2025: Circular 03/2025/TT-VPCP Phụ lục I (guiding Decree 118/2025/NĐ-CP), Mẫu 01–07.
// Numbering and titles: ../shared/data/legal-notes.md §2.1 (copied into docs/domain/slips.md).
import type {
  ApologySlipData,
  ProcessControlSlipData,
  ReceiptSlipData,
  RefusalSlipData,
  StopNoticeSlipData,
  SupplementRequestSlipData,
  TrackingBookData,
} from './slip-data.ts';
import { SlipError } from './slips.errors.ts';
import { vnCivilDate } from './vn-format.ts';

export const SLIP_KINDS = [
  'receipt',
  'supplement-request',
  'refusal',
  'apology',
  'stop-notice',
  'process-control',
  'tracking-book',
] as const;
export type SlipKind = (typeof SLIP_KINDS)[number];

export type SlipDataMap = {
  receipt: ReceiptSlipData;
  'supplement-request': SupplementRequestSlipData;
  refusal: RefusalSlipData;
  apology: ApologySlipData;
  'stop-notice': StopNoticeSlipData;
  'process-control': ProcessControlSlipData;
  'tracking-book': TrackingBookData;
};

export const FORM_SETS = ['2018', '2025'] as const;
export type FormSetId = (typeof FORM_SETS)[number];

/**
 * The first civil day (Vietnamese time) on which a received dossier gets the 2025 set: the day Decree
 * 118/2025/NĐ-CP took effect and Decree 61/2018/NĐ-CP, which Circular 01/2018 guided, stopped applying
 * (legal-notes §0). Circular 03/2025/TT-VPCP itself is dated 15/9/2025; its own effective date is not
 * in the notes (docs/domain/slips.md, "Unverified"), so a unit can override the set per dossier.
 */
export const FORM_SET_2025_FROM = '2025-07-01';

export type SlipForm = {
  set: FormSetId;
  kind: SlipKind;
  /** "Mẫu 01" … "Mẫu 07". */
  form: string;
  /** The title as printed, upper-case. */
  title: string;
  /** Ký hiệu after the number: "Số: 0001/HDHS". */
  symbol: string;
  /** The circular that prescribes the form, for the foot of the page. */
  source: string;
};

const TT01 = 'Thông tư số 01/2018/TT-VPCP';
const TT03 = 'Thông tư số 03/2025/TT-VPCP';

// Symbols (ký hiệu) are those of practice (legal-notes §2.1 "Common header"); the stop notice has none
// there and takes TB, the abbreviation of "Thông báo" in Decree 30/2020/NĐ-CP Phụ lục III.
const FORMS: Readonly<Record<FormSetId, Partial<Record<SlipKind, Omit<SlipForm, 'set' | 'kind'>>>>> = {
  '2018': {
    receipt: {
      form: 'Mẫu 01',
      title: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
      symbol: 'HDHS',
      source: TT01,
    },
    'supplement-request': {
      form: 'Mẫu 02',
      title: 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
      symbol: 'PBS',
      source: TT01,
    },
    refusal: {
      form: 'Mẫu 03',
      title: 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
      symbol: 'PTC',
      source: TT01,
    },
    apology: {
      form: 'Mẫu 04',
      title: 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
      symbol: 'PXL',
      source: TT01,
    },
    'process-control': {
      form: 'Mẫu 05',
      title: 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ',
      symbol: 'PKS',
      source: TT01,
    },
    'tracking-book': { form: 'Mẫu 06', title: 'SỔ THEO DÕI HỒ SƠ', symbol: 'STD', source: TT01 },
  },
  '2025': {
    receipt: {
      form: 'Mẫu 01',
      title: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
      symbol: 'HDHS',
      source: TT03,
    },
    'supplement-request': {
      form: 'Mẫu 02',
      title: 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
      symbol: 'PBS',
      source: TT03,
    },
    refusal: {
      form: 'Mẫu 03',
      title: 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
      symbol: 'PTC',
      source: TT03,
    },
    apology: {
      form: 'Mẫu 04',
      title: 'PHIẾU XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT',
      symbol: 'PXL',
      source: TT03,
    },
    'stop-notice': { form: 'Mẫu 05', title: 'THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ', symbol: 'TB', source: TT03 },
    'process-control': {
      form: 'Mẫu 06',
      title: 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ',
      symbol: 'PKS',
      source: TT03,
    },
    'tracking-book': { form: 'Mẫu 07', title: 'SỔ THEO DÕI HỒ SƠ', symbol: 'STD', source: TT03 },
  },
};

/** The set for a dossier received at `receivedAt`, judged on the Vietnamese civil date. */
export function formSetFor(receivedAt: string): FormSetId {
  return vnCivilDate(receivedAt) >= FORM_SET_2025_FROM ? '2025' : '2018';
}

/** The form of `kind` in `set`; throws NO_SUCH_FORM for the stop notice in the 2018 set. */
export function slipForm(kind: SlipKind, set: FormSetId): SlipForm {
  const f = FORMS[set][kind];
  if (!f) {
    throw new SlipError(
      'NO_SUCH_FORM',
      `Bộ biểu mẫu ${set === '2018' ? TT01 : TT03} không có mẫu cho "${kind}".`,
    );
  }
  return { set, kind, ...f };
}

/** Every form of a set, in Mẫu order. */
export function formsOf(set: FormSetId): SlipForm[] {
  return SLIP_KINDS.filter((k) => FORMS[set][k]).map((k) => slipForm(k, set));
}

/** The register's columns (legal-notes §2.2), shared by the PDF and the XLSX export. */
export const TRACKING_BOOK_COLUMNS = [
  { header: 'STT', width: 4 },
  { header: 'Mã hồ sơ', width: 21 },
  { header: 'Tên thủ tục hành chính', width: 15 },
  { header: 'Tên tổ chức, cá nhân', width: 11 },
  { header: 'Địa chỉ, số điện thoại', width: 13 },
  { header: 'Cơ quan chủ trì giải quyết', width: 10.5 },
  { header: 'Nhận hồ sơ (giờ, ngày)', width: 8.8 },
  { header: 'Hẹn trả kết quả (giờ, ngày)', width: 8.8 },
  { header: 'Trả kết quả (giờ, ngày)', width: 8.8 },
  { header: 'Phương thức nhận kết quả', width: 8.5 },
  { header: 'Ký nhận', width: 7 },
  { header: 'Ghi chú', width: 6.5 },
] as const;
