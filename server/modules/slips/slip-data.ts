// What a statutory slip (phiếu) needs, as plain data. The dossier module fills these from a dossier, its
// actions and the catalogue; the renderers never read the database. Times are ISO-8601 instants
// (`2026-11-21T02:15:00Z` or with an offset); they are shown in Vietnamese civil time (UTC+7) whatever
// the host's time zone. Which field appears on which Mẫu: docs/domain/slips.md.
import type { TimeUnit } from '../../../common/catalog/procedure.ts';

/** An ISO-8601 instant, e.g. `2026-11-21T09:15:00+07:00`. */
export type IsoInstant = string;

/** The issuing agency, as its name appears in the top-left block of every form. */
export type SlipAgency = {
  /** e.g. "Ủy ban nhân dân Phường Hàng Trống"; printed upper-case. */
  name: string;
  /** Cơ quan chủ quản, e.g. "Ủy ban nhân dân Quận Hoàn Kiếm"; printed upper-case above the name. */
  superiorName?: string;
  /** Mã định danh điện tử, e.g. `000.12.22.H26`. */
  code: string;
  /** Locality of the date line (địa danh), e.g. "Hà Nội" → "Hà Nội, ngày 21 tháng 11 năm 2026". */
  place: string;
  /** The receiving desk when it is named apart from the agency: "Bộ phận Một cửa", "Trung tâm Phục vụ hành chính công". */
  deskName?: string;
};

export const APPLICANT_KINDS = ['person', 'organisation'] as const;
export type ApplicantKind = (typeof APPLICANT_KINDS)[number];

/** The person or organisation the dossier belongs to (chủ hồ sơ). */
export type SlipApplicant = {
  fullName: string;
  /** Số định danh cá nhân (12 digits) for a person; mã số doanh nghiệp / mã số thuế for an organisation. */
  idNumber: string;
  address?: string;
  phone?: string;
  email?: string;
  kind: ApplicantKind;
};

/** Whoever submits on the applicant's behalf (người được ủy quyền). */
export type SlipRepresentative = {
  fullName: string;
  idNumber?: string;
  address?: string;
  phone?: string;
  email?: string;
  /** The authorisation paper, e.g. "Giấy ủy quyền số 12/GUQ ngày 20/11/2026". */
  authorisation?: string;
};

export type SlipProcedure = {
  /** National code, e.g. `1.001193`. */
  code: string;
  /** As published, e.g. "Đăng ký khai sinh". */
  name: string;
};

/** How a component was provided (the "loại" column: bản chính, bản sao …). */
export const COMPONENT_PROVISIONS = ['original', 'copy', 'certified-copy', 'electronic', 'reused'] as const;
export type ComponentProvision = (typeof COMPONENT_PROVISIONS)[number];

export type SlipComponent = {
  name: string;
  provided: ComponentProvision;
  count: number;
};

/** A signer or contact: a desk officer, a specialist, the head of the agency. */
export type SlipOfficer = {
  fullName: string;
  /** Printed above the name where the form has a position (chức vụ), e.g. "Chủ tịch". */
  title?: string;
};

export type SlipTimeLimit = { value: number; unit: TimeUnit };

/**
 * One fee or charge line; `amountVnd` 0 prints "Miễn phí" (free). `paid`: whether the applicant has paid
 * it (printed "đã nộp"/"chưa nộp"); absent when not known.
 */
export type SlipFee = { name: string; amountVnd: number; paid?: boolean };

/** Where the applicant registered to receive the result (đăng ký nhận kết quả tại). */
export type SlipResultDelivery =
  { channel: 'desk'; place: string } | { channel: 'postal'; address: string } | { channel: 'online' };

/** What every dossier-level slip says about the dossier. */
export type SlipDossier = {
  /** Mã hồ sơ, e.g. `000.12.22.H26-261121-0001`. Absent before a dossier is received (Mẫu 02/03 at intake). */
  code?: string;
  /** When the desk received the dossier. Picks the form set (see slip-forms.ts). */
  receivedAt: IsoInstant;
  procedure: SlipProcedure;
  applicant: SlipApplicant;
  representative?: SlipRepresentative;
};

/** Fields every slip has: who issues it, its number and the date of the date line. */
export type SlipHeader = {
  agency: SlipAgency;
  /** The number before the symbol: "0001" → "Số: 0001/HDHS". Absent: a blank to fill by hand. */
  number?: string;
  /** The date of the date line; also the PDF's CreationDate, so rendering is reproducible. */
  issuedAt: IsoInstant;
};

/** Mẫu 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả. */
export type ReceiptSlipData = SlipHeader & {
  dossier: SlipDossier & { code: string };
  components: SlipComponent[];
  /** Số lượng hồ sơ (bộ). */
  sets: number;
  timeLimit: SlipTimeLimit;
  dueAt: IsoInstant;
  resultDelivery: SlipResultDelivery;
  fees: SlipFee[];
  /** "Vào Sổ theo dõi hồ sơ, Quyển số …, Số thứ tự …". */
  register?: { book: string; entry: number };
  receiver: SlipOfficer;
};

export type MissingItem = {
  name: string;
  count?: number;
  provided?: ComponentProvision;
  /** What exactly to correct, e.g. "ghi đầy đủ ngày tháng năm sinh". */
  note?: string;
};

/** Mẫu 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ. */
export type SupplementRequestSlipData = SlipHeader & {
  dossier: SlipDossier;
  missing: MissingItem[];
  reason: string;
  /** Đầu mối hướng dẫn: the officer to contact, with a phone and an extension. */
  contact: SlipOfficer & { phone?: string; extension?: string };
  /** The officer who signs as người hướng dẫn (often the contact). */
  guide: SlipOfficer;
};

/** Mẫu 03: Phiếu từ chối tiếp nhận giải quyết hồ sơ. */
export type RefusalSlipData = SlipHeader & {
  dossier: SlipDossier;
  /** Each concrete reason, with its legal basis where there is one. */
  reasons: string[];
  receiver: SlipOfficer;
};

/** Mẫu 04: 2018 Phiếu xin lỗi và hẹn lại ngày trả kết quả; 2025 … và đề nghị gia hạn thời gian giải quyết. */
export type ApologySlipData = SlipHeader & {
  dossier: SlipDossier & { code: string };
  /** The due time on the receipt (kept for KPIs). */
  originalDueAt: IsoInstant;
  /** The new appointment (2018) / the extension asked for (2025). */
  newDueAt: IsoInstant;
  reason: string;
  /** Thủ trưởng cơ quan: the head who signs. */
  head: SlipOfficer;
  /** The agency at fault when it is not the issuing agency (liên thông). Defaults to the issuing agency. */
  responsibleAgencyName?: string;
};

export const STOP_REQUEST_CHANNELS = ['desk', 'postal', 'national-portal'] as const;
export type StopRequestChannel = (typeof STOP_REQUEST_CHANNELS)[number];

/** 2025 Mẫu 05: Thông báo dừng giải quyết hồ sơ (TT 03/2025 Điều 7; ND 118/2025 Điều 21). */
export type StopNoticeSlipData = SlipHeader & {
  dossier: SlipDossier & { code: string };
  requestedAt: IsoInstant;
  requestChannel: StopRequestChannel;
  /** Where the dossier stood when the request came, e.g. "Đang thẩm định tại Phòng Tư pháp". */
  stage: string;
  /** The applicant's stated reason, if any. */
  reason?: string;
  /** Fees already paid and what happens to them. */
  fees?: { paidVnd: number; handling: string };
  signer: SlipOfficer;
};

export const HANDOVER_RESULTS = ['early', 'on-time', 'late'] as const;
export type HandoverResult = (typeof HANDOVER_RESULTS)[number];

/** One hand-over of the dossier between units (a row of the process control slip). */
export type SlipHandover = {
  fromUnit: string;
  toUnit: string;
  at: IsoInstant;
  fromPerson?: string;
  toPerson?: string;
  /** Filled by the receiving side: was the giving side early, on time or late. */
  result?: HandoverResult;
  note?: string;
};

/** 2018 Mẫu 05 / 2025 Mẫu 06: Phiếu kiểm soát quá trình giải quyết hồ sơ. */
export type ProcessControlSlipData = SlipHeader & {
  dossier: SlipDossier & { code: string };
  /** Cơ quan (bộ phận) giải quyết hồ sơ. */
  resolvingAgency: string;
  /** Cơ quan phối hợp giải quyết hồ sơ. */
  coordinatingAgencies: string[];
  dueAt: IsoInstant;
  handovers: SlipHandover[];
};

/** One dossier's line in the tracking book. */
export type TrackingBookEntry = {
  /** Its row in the desk's book of the year (the receipt's "Số thứ tự"); absent: its row in this print. */
  entry?: number;
  dossierCode: string;
  procedureName: string;
  applicantName: string;
  address?: string;
  phone?: string;
  /** Cơ quan chủ trì giải quyết. */
  resolvingAgency: string;
  receivedAt: IsoInstant;
  dueAt?: IsoInstant;
  returnedAt?: IsoInstant;
  /** Phương thức nhận kết quả, e.g. "Trực tiếp", "Bưu chính công ích". */
  deliveryMethod?: string;
  /** Ký nhận: who signed for the result, when the register is kept electronically. */
  signedBy?: string;
  note?: string;
};

/** 2018 Mẫu 06 / 2025 Mẫu 07: Sổ theo dõi hồ sơ, for a period. */
export type TrackingBookData = SlipHeader & {
  /** Lĩnh vực or nhóm lĩnh vực the register is kept for (one register per field, in practice). */
  field?: string;
  /** Inclusive civil dates `YYYY-MM-DD` in Vietnamese time. */
  period: { from: string; to: string };
  book?: string;
  entries: TrackingBookEntry[];
};
