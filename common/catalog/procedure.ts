// The normalised procedure (thủ tục hành chính, TTHC) as the rest of the system sees it. It is read from
// the national database's published record (see server/modules/catalog/catalog-source.ts for the
// mapping and docs/domain/catalog.md for the rules). Every derived value keeps the original wording
// beside it, because the published data has gaps an administrator must be able to see and correct.
import type { AGENCY_KINDS } from '../contracts/org.ts';
import { foldVietnamese } from '../text/fold.ts';

/** Submission channels (cách thức thực hiện). National sync codes: 1 direct, 2 online, 3 postal. */
export const CHANNELS = ['direct', 'online', 'postal'] as const;
export type Channel = (typeof CHANNELS)[number];
/** The portal's wording of each channel (also the external file's `channel` values). */
export const CHANNEL_LABELS: Readonly<Record<Channel, string>> = {
  direct: 'Trực tiếp',
  online: 'Trực tuyến',
  postal: 'Dịch vụ bưu chính',
};

/**
 * Units of a legal time limit. The portal publishes "Ngày làm việc" (working days), "Ngày" (days, i.e.
 * calendar days: the portal's DAY as opposed to WORKING_DAY) and "Giờ" (hours, without "làm việc":
 * read like "Ngày" as clock hours, hence `calendar-hour`). `working-hour` is for provincial data that
 * says "giờ làm việc".
 */
export const TIME_UNITS = ['working-day', 'working-hour', 'calendar-day', 'calendar-hour'] as const;
export type TimeUnit = (typeof TIME_UNITS)[number];
export const TIME_UNIT_LABELS: Readonly<Record<TimeUnit, string>> = {
  'working-day': 'ngày làm việc',
  'working-hour': 'giờ làm việc',
  'calendar-day': 'ngày',
  'calendar-hour': 'giờ',
};

/** A legal time limit (thời hạn giải quyết) for one channel. */
export type TimeLimit = {
  value: number;
  /** null: the portal published a bare number ("1", "3"). Kept null and flagged, never guessed. */
  unit: TimeUnit | null;
  /** What the portal showed, verbatim ("7 Ngày làm việc", "1", "3 WORKING_DAY"). */
  text: string;
  /** Caveat from the source, e.g. where a missing unit was taken from. */
  note: string | null;
  /**
   * The portal showed a bare number for this channel and the national data read the unit from the
   * procedure's cases (`unitSource: formalityCase`): an inference an administrator confirms by saving
   * the limit without it (common/catalog/flags.ts).
   */
  unitInferred?: true;
};
export type ChannelTimeLimits = Record<Channel, TimeLimit | null>;

/**
 * A channel the portal listed with words instead of a number ("Không có thông tin", "Không quy định",
 * "Không"). The limit for that channel is null; this keeps why.
 */
export type TimeLimitGap = { channel: Channel; text: string; note: string | null };

/** One fee or charge (phí, lệ phí) item as published. */
export type Fee = {
  /** null: the portal did not tie it to a channel, so it applies to every channel. */
  channel: Channel | null;
  /** Integer VND; 0 when the portal shows "Miễn phí"; null when no VND amount is published. */
  amountVnd: number | null;
  /** What one amount pays for: "trang", "bản", "lần", "giao dịch", "hồ sơ" … (null: per dossier). */
  per: string | null;
  /** The portal's wording ("Miễn phí", "50,000 Việt Nam Đồng", "10 USD"); null when nothing is shown. */
  text: string | null;
  /** A non-VND amount (fees at diplomatic missions are in USD). */
  amountOther: { value: number; currency: string } | null;
  note: string | null;
};

/** Who sets the fee and who is exempt; read it together with the fee items. */
export type FeePolicy = {
  decidedBy: string | null;
  exemptions: string[];
  note: string | null;
  /**
   * The province's own act that sets the amount (e.g. "Nghị quyết 12/2025/NQ-HĐND tỉnh X"), entered by
   * its administrator where the national data says the provincial People's Council decides.
   */
  basis?: string;
};

/** Where a record sits in the national catalogue (CSDL quốc gia về TTHC), for records read from it. */
export type NationalIdentity = {
  /** The portal's id of the record; two records share code 1.014325, never an id. */
  formalityId: string | null;
  /** `national`: a ministry's standard procedure; `local`: one province's own (TTHC đặc thù). */
  scope: 'national' | 'local';
  /** The province of a local procedure (2025 province id, e.g. `48`); null for national ones. */
  localProvince: { id: string; name: string } | null;
  /**
   * Read from page text split by rules (source A of the dataset), not the portal's API: components,
   * fees and legal bases may be wrong. An administrator clears it after checking the record.
   */
  unverified?: true;
};

/**
 * A case (trường hợp) with its own time limit and fees, e.g. 1.010824 "trợ cấp một lần và mai táng"
 * (19 days) versus "trợ cấp tuất hằng tháng" (24 days).
 */
export type ProcedureCase = {
  /** Stable within the procedure: the folded name, dash-separated. */
  key: string;
  name: string;
  timeLimits: ChannelTimeLimits;
  timeLimitGaps: TimeLimitGap[];
  /** Fees of this case only; empty means the procedure's fees apply. */
  fees: Fee[];
  /**
   * "Bắt buộc ký số kết quả" (#19): its dossiers are returned only with a result signed by the deciding
   * agency (NĐ 68/2024/NĐ-CP: a state body's e-document has legal force when signed). Absent: false.
   */
  requireSignedResult?: true;
  /** The agency's organisation seal is added after the signer's signature (absent: false). */
  sealResult?: true;
};

export const SUBMISSION_KINDS = ['submit', 'present', 'present-or-submit'] as const;
/** nộp (hand over), xuất trình (show for checking), "xuất trình/nộp". */
export type SubmissionKind = (typeof SUBMISSION_KINDS)[number];

/** A required paper (thành phần hồ sơ). */
export type DossierComponent = {
  name: string;
  /** Published counts of originals (bản chính) and copies (bản sao); null: not published per item. */
  originals: number | null;
  copies: number | null;
  /** The group heading the portal lists it under ("Trường hợp ủy quyền", "a) Hộ gia đình…"), verbatim. */
  group: string | null;
  /** When it is required ("trẻ em bị bỏ rơi", "nộp trực tuyến"), verbatim. */
  condition: string | null;
  submission: SubmissionKind | null;
  /** The prescribed form (mẫu đơn, tờ khai), when named. */
  form: string | null;
  /**
   * An electronic copy or electronic data may replace the paper (ND 45/2020 Điều 10). true only when
   * the published wording says so; null when it is silent (the general rules may still allow it).
   */
  electronicCopyAccepted: boolean | null;
  /**
   * Data already held (national population database, VNeID, an earlier result in the applicant's
   * data store) may replace it (ND 45/2020 Điều 16). true only when the wording says so; else null.
   */
  reuseAccepted: boolean | null;
  /**
   * The paper is the procedure's declaration (tờ khai, "mẫu điện tử tương tác"): online, the form the
   * applicant fills on screen is that paper, so it is never asked for again as a file.
   */
  declaration?: true;
  /** Required on every channel although the wording has a condition (the condition says how, not when). */
  required?: true;
};

export type ResultDocument = {
  name: string;
  /** Portal result code, e.g. KQ.G15.000031. */ code: string | null;
};

/** Cấp thực hiện. `district` only for pre-2025 data: the portal stopped using "Cấp huyện" on 1/7/2025. */
export const IMPLEMENTING_LEVELS = ['ministry', 'province', 'district', 'commune', 'other'] as const;
export type ImplementingLevel = (typeof IMPLEMENTING_LEVELS)[number];
export const IMPLEMENTING_LEVEL_LABELS: Readonly<Record<ImplementingLevel, string>> = {
  ministry: 'Cấp bộ',
  province: 'Cấp tỉnh',
  district: 'Cấp huyện',
  commune: 'Cấp xã',
  other: 'Cơ quan khác',
};

/** Kinds of agency the system models (AGENCY_KINDS of the org contract). */
export type AgencyKind = (typeof AGENCY_KINDS)[number];
export const AGENCY_KIND_LABELS: Readonly<Record<AgencyKind, string>> = {
  'people-committee': 'Ủy ban nhân dân',
  'public-administration-centre': 'Trung tâm Phục vụ hành chính công',
  justice: 'Cơ quan tư pháp',
  'natural-resources': 'Cơ quan tài nguyên và môi trường',
  labour: 'Cơ quan lao động, thương binh và xã hội',
  'finance-planning': 'Cơ quan tài chính, kế hoạch',
  'urban-management': 'Cơ quan quản lý đô thị',
  police: 'Công an',
};

/** Online public service level (ND 42/2022 Điều 11): toàn trình, một phần, or no online service. */
export const ONLINE_LEVELS = ['full', 'partial', 'none'] as const;
export type OnlineLevel = (typeof ONLINE_LEVELS)[number];
export const ONLINE_LEVEL_LABELS: Readonly<Record<OnlineLevel, string>> = {
  full: 'Toàn trình',
  partial: 'Một phần',
  none: 'Không cung cấp trực tuyến',
};

export type Procedure = {
  /** National code (mã thủ tục), `^\d\.\d{6}$`, e.g. 1.001193. */
  code: string;
  name: string;
  /** Lĩnh vực; null when the source has none (1.013702). The national data carries no field code. */
  field: { code: string | null; name: string } | null;
  /** Managing ministry (bộ quản lý), as published. */
  ministry: string | null;
  /** The announcing decision (quyết định công bố), e.g. 163/QĐ-BTP. */
  decisionNumber: string | null;
  /** The decision's date (ISO day): the version is in force from then. Absent when not published. */
  decisionDate?: string;
  procedureType: string | null;
  levels: ImplementingLevel[];
  /** Đối tượng thực hiện; empty when not published. */
  applicants: string[];
  /** Cơ quan có thẩm quyền, verbatim. */
  competentAuthority: string | null;
  /** Cơ quan thực hiện, verbatim. */
  implementingAgency: string | null;
  /**
   * The kind of agency that decides, read from `competentAuthority` (else `implementingAgency`).
   * kind is null when the wording names an agency the system has no kind for, or agencies of
   * different kinds; `text` is the wording it was read from.
   */
  competentAgency: { kind: AgencyKind | null; text: string | null };
  /** Channels the portal lists for the procedure. */
  channels: Channel[];
  timeLimits: ChannelTimeLimits;
  timeLimitGaps: TimeLimitGap[];
  fees: Fee[];
  feePolicy: FeePolicy | null;
  cases: ProcedureCase[];
  components: DossierComponent[];
  results: ResultDocument[];
  /** null: the source does not say (most records; only "toàn trình"/"một phần" are ever explicit). */
  onlineLevel: OnlineLevel | null;
  onlineNote: string | null;
  /** Căn cứ pháp lý as document numbers (e.g. 123/2015/NĐ-CP); empty when not published. */
  legalBases: string[];
  notes: string[];
  provenance: Provenance;
  /** Present for records read from the national catalogue file. */
  national?: NationalIdentity;
};

/** Where the record came from (the national portal through a public copy, or a province's file). */
export type Provenance = {
  sourceId: string | null;
  repo: string | null;
  path: string | null;
  commit: string | null;
  portalUrl: string | null;
  /** ISO date the data was read. */
  accessDate: string | null;
  levelAsPublishedOn: string | null;
  levelSource: string | null;
};

export const PROCEDURE_CODE_PATTERN = /^\d\.\d{6}$/;

/** Dash-separated key of a free-text name: "Trợ cấp một lần" → "tro-cap-mot-lan". */
export function slugOf(name: string): string {
  return foldVietnamese(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * The limit that applies to a dossier: the case's limit for the channel when a case is chosen and
 * has one, else the procedure's. null means there is no usable limit (not published, or published
 * without a number): the due time cannot be computed and an officer must set it.
 */
export function timeLimitFor(p: Procedure, channel: Channel, caseKey?: string): TimeLimit | null {
  if (caseKey !== undefined) {
    const c = p.cases.find((x) => x.key === caseKey);
    const own = c?.timeLimits[channel];
    if (own) return own;
  }
  return p.timeLimits[channel];
}

/** Fee items that apply on a channel (items tied to it plus those tied to no channel). */
export function feesFor(p: Procedure, channel: Channel, caseKey?: string): Fee[] {
  const pick = (fees: Fee[]) => fees.filter((f) => f.channel === null || f.channel === channel);
  if (caseKey !== undefined) {
    const c = p.cases.find((x) => x.key === caseKey);
    const own = c ? pick(c.fees) : [];
    if (own.length > 0) return own;
  }
  return pick(p.fees);
}

type KindRule = { kind: AgencyKind; pattern: RegExp };
// Matched against the folded wording of one agency name. Order matters: "Ủy ban nhân dân cấp xã (Cơ
// quan đăng ký kinh doanh cấp xã)" is a people's committee, so that rule comes first.
const KIND_RULES: readonly KindRule[] = [
  { kind: 'people-committee', pattern: /\buy ban nhan dan\b|\bubnd\b/ },
  { kind: 'public-administration-centre', pattern: /\btrung tam (phuc vu )?hanh chinh cong\b/ },
  { kind: 'police', pattern: /\bcong an\b|\bcuc canh sat\b|\bcuc quan ly xuat nhap canh\b/ },
  { kind: 'justice', pattern: /\b(so|phong|bo) tu phap\b/ },
  {
    kind: 'natural-resources',
    pattern: /\btai nguyen va moi truong\b|\bnong nghiep va moi truong\b|\bvan phong dang ky dat dai\b/,
  },
  { kind: 'labour', pattern: /\blao dong\b.*\bthuong binh\b/ },
  {
    kind: 'finance-planning',
    pattern: /\b(so|phong) tai chinh\b|\bke hoach va dau tu\b|\bphong dang ky kinh doanh\b/,
  },
  { kind: 'urban-management', pattern: /\bquan ly do thi\b|\bkinh te\b.*\bha tang\b/ },
];

// Words an agency name starts with: a comma followed by one of them starts the next agency.
const AGENCY_HEAD =
  /^(uy ban|ubnd|so|phong|cuc|chi cuc|tong cuc|cong an|chi nhanh|van phong|trung tam|ban|bo|chu tich|to chuc|co quan|bao hiem|thue|kho bac|doi|hoi dong|toa an|vien)\b/;

/** The agencies named in one published wording ("Công an cấp Xã, Cục cảnh sát giao thông"). */
function agencyNames(text: string): string[] {
  const names: string[] = [];
  for (const part of text.split(/,\s*/)) {
    const last = names.length - 1;
    if (last >= 0 && !AGENCY_HEAD.test(foldVietnamese(part))) names[last] = `${names[last]}, ${part}`;
    else names.push(part);
  }
  return names;
}

/**
 * The agency kind named by a published agency wording. "Ủy ban Nhân dân xã, phường, thị trấn" is one
 * agency; "Công an cấp Xã, Cục cảnh sát giao thông" two (a comma followed by an agency head word).
 * Every agency named must map, and to the same kind; otherwise null, never a guess.
 */
export function agencyKindOf(text: string | null): AgencyKind | null {
  if (text === null) return null;
  let found: AgencyKind | null = null;
  for (const name of agencyNames(text)) {
    const folded = foldVietnamese(name);
    const rule = KIND_RULES.find((r) => r.pattern.test(folded));
    if (!rule) return null;
    if (found !== null && found !== rule.kind) return null;
    found = rule.kind;
  }
  return found;
}
