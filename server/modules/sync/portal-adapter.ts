// With portal-client.ts, the one code that knows the national portal's (Cổng DVCQG) formats and
// endpoints. Here, the formats:
//  - E1 dossier sync ("DongBoHoSoMC"): a motcua status message + the dossier → the portal's record;
//  - E2 dossiers submitted on the portal → motcua's intake input.
// Field names follow legal-notes §5 E1/E2 and §3.5 [P: seen in production integrations]; what is
// verified and what is assumed is listed in docs/integration/national-portal.md. A province whose
// shapes differ changes them here and nowhere else.
import { DOSSIER_ACTIONS, DOSSIER_STATUSES, dossierStatusOfCode } from '../../../common/dossiers/index.ts';
import type { DossierStatus } from '../../../common/dossiers/index.ts';
import type { ErrorDetail } from '../../platform/errors.ts';
import { vnCivil, vnCompactTimestamp, vnInstant } from '../../../common/time/vn-time.ts';

// ---------------------------------------------------------------------------------------------------
// Dates: yyyyMMddHHmmss, Vietnam time (UTC+7, no daylight saving)

export function formatPortalDate(at: Date | string): string {
  return vnCompactTimestamp(new Date(at));
}

export function parsePortalDate(text: unknown): Date | null {
  if (typeof text !== 'string') return null;
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const at = vnInstant({ year: y, month: mo, day: d, hour: h, minute: mi, second: s });
  const check = vnCivil(at);
  if (check.month !== mo || check.day !== d || h > 23 || mi > 59 || s > 59) return null;
  return at;
}

// ---------------------------------------------------------------------------------------------------
// E1: status messages → the portal's dossier record

/** The payload the dossier module writes to the outbox with topic portal.dossier-status. */
export type StatusMessage = {
  dossierCode: string;
  status: DossierStatus;
  statusCode: number;
  version: number;
  at: string;
};

export function parseStatusMessage(payload: Record<string, unknown>): StatusMessage {
  const { dossierCode, status, statusCode, version, at } = payload;
  if (typeof dossierCode !== 'string' || dossierCode === '')
    throw new Error('payload.dossierCode is missing');
  if (typeof statusCode !== 'number' || dossierStatusOfCode(statusCode) === null)
    throw new Error(`payload.statusCode ${String(statusCode)} is not a national status code (1–10)`);
  if (typeof status !== 'string' || DOSSIER_STATUSES[status as DossierStatus]?.code !== statusCode)
    throw new Error(`payload.status ${String(status)} does not match statusCode ${statusCode}`);
  if (typeof version !== 'number' || !Number.isInteger(version))
    throw new Error('payload.version is missing');
  if (typeof at !== 'string' || Number.isNaN(Date.parse(at))) throw new Error('payload.at is not a time');
  return { dossierCode, status: status as DossierStatus, statusCode, version, at };
}

/** What E1 needs besides the message, read from the database (sync.repository.ts). */
export type E1Context = {
  dossier: {
    code: string;
    procedureCode: string;
    channel: string;
    applicant: {
      kind?: string;
      fullName?: string;
      idNumber?: string;
      phone?: string;
      email?: string;
      address?: { unitCode?: string; line?: string };
    };
    components: { code: string; provided: string; fileIds?: string[] }[];
    resultDocuments: { name: string; fileId?: string | null }[];
    /** The dossier's payments that were paid, each with what it covered (the payments module's items). */
    payments: {
      channel: string;
      paidAt: Date;
      items: { key: string; name: string; amountVnd: number; source: string }[];
    }[];
    /**
     * The applicant was signed in with VNeID when the dossier was submitted: a citizen submitting here
     * (the identity provider is VNeID's), or the portal's own record said so (E2).
     */
    vneidVerified: boolean;
    submittedAt: Date;
    receivedAt: Date | null;
    dueAt: Date | null;
    resultAt: Date | null;
    returnedAt: Date | null;
    closedAt: Date | null;
    /** The national portal's own code of a dossier it handed over (E2); null for any other dossier. */
    portalCode: string | null;
    /**
     * Submitted online by the national portal (inbound intake) rather than by a citizen here: its E1
     * records must carry portalCode, which the intake links just after creating the dossier.
     */
    handedOverByPortal: boolean;
  };
  procedure: {
    name: string;
    fieldCode: string | null;
    fieldName: string | null;
    components: { name: string }[];
    results: { name: string; code: string | null }[];
  };
  receivingAgency: { code: string; name: string };
  competentAgency: { code: string; name: string };
  /** The action that produced the message (its version), for the process event. */
  action: {
    kind: string;
    at: Date;
    actorName: string;
    roles: string[];
    agencyName: string | null;
    note: string | null;
  } | null;
  files: ReadonlyMap<string, string | null>;
  /** The link the portal downloads a file of this dossier by (portal-file-links.ts); none: no link. */
  fileUrl?: ((fileId: string) => string) | undefined;
};

export type E1ProcessEvent = {
  NguoiXuLy: string;
  ChucDanh: string;
  ThoiDiemXuLy: string;
  PhongBanXuLy: string;
  NoiDungXuLy: string;
  TrangThai: number;
  NgayBatDau: string;
  NgayKetThucTheoQuyDinh: string;
};

export type E1Record = {
  MaHoSo: string;
  /**
   * The other system's code of the same dossier: the national portal's MaHoSo of a dossier it handed
   * over (E2), so the portal joins motcua's statuses to its own dossier. Absent for any other dossier.
   * Field name assumed (legal-notes §3.2 and E1 name MaHoSoKhac only as the stored substitute code).
   */
  MaHoSoKhac?: string;
  MaTTHC: string;
  TenTTHC: string;
  MaLinhVuc: string;
  TenLinhVuc: string;
  KenhThucHien: 1 | 2 | 3;
  ChuHoSo: string;
  LoaiDoiTuong: 1 | 2 | 3 | 4;
  MaDoiTuong: string;
  SoGiayToChuHoSo: string;
  DinhDanhCHS: { LoaiDinhDanh: 1 | 2; SoDinhDanh: string }[];
  EmailChuHoSo: string;
  DienThoaiChuHoSo: string;
  FaxChuHoSo: string;
  TrichYeuHoSo: string;
  NgayNopHoSo: string;
  NgayTiepNhan: string;
  NgayHenTra: string;
  NgayYeuCauBoSung: string;
  NgayTuChoi: string;
  NgayKetThucXuLy: string;
  NgayTra: string;
  TrangThaiHoSo: number;
  HinhThuc: 0 | 1;
  DonViXuLy: string;
  NoiNopHoSo: string;
  HoSoCoThanhPhanSoHoa: 0 | 1;
  TaiKhoanDuocXacThucVoiVNeID: 0 | 1;
  DuocThanhToanTrucTuyen: 0 | 1;
  TaiLieuNop: {
    TenTepDinhKem: string;
    MaThanhPhanHoSo: string;
    DuongDanTaiTepTin: string;
    DuocSoHoa: 0 | 1;
    DuocTaiSuDung: 0 | 1 | 2;
    DuocLayTuKhoDMQG: 0 | 1;
    MaKetQuaThayThe: string;
  }[];
  DanhSachLePhi: {
    TenPhiLePhi: string;
    MaPhiLePhi: string;
    HinhThucThu: number;
    Gia: number;
    LoaiPhiLePhi: number;
  }[];
  DanhSachHoSoBoSung: unknown[];
  DanhSachGiayToKetQua: { TenGiayTo: string; MaGiayToKetQua: string; DuongDanTepTinKetQua: string }[];
  DSKetNoiCSDL: { MaCSDL: string }[];
  /** The process event of this status change (name of the list assumed; fields per legal-notes E1). */
  QuaTrinhXuLy: E1ProcessEvent[];
};

/** KenhThucHien (legal-notes §3.5): 1 trực tiếp, 2 trực tuyến, 3 BCCI (postal). */
const CHANNEL_CODES: Record<string, 1 | 2 | 3> = { direct: 1, online: 2, postal: 3 };

const ROLE_TITLES: Record<string, string> = {
  'desk-officer': 'Cán bộ một cửa',
  specialist: 'Chuyên viên',
  leader: 'Lãnh đạo',
  'unit-admin': 'Quản trị đơn vị',
  'province-admin': 'Quản trị cấp tỉnh',
};

const date = (d: Date | string | null | undefined): string => (d ? formatPortalDate(d) : '');

/**
 * The E1 record of a dossier as of one status message. TrangThaiHoSo is the message's status (not the
 * dossier's current one: messages are delivered in order, each saying what happened then); the dates
 * a status implies are only filled up to that status, so a late message never carries later facts.
 * Statuses map one to one (motcua's statuses are the national codes, common/dossiers/statuses.ts);
 * the production habit of pushing 5/6/8 as 9 (legal-notes E1 caveat, unverified) is not applied.
 */
export function toE1Record(msg: StatusMessage, ctx: E1Context): E1Record {
  const { dossier, procedure } = ctx;
  const s = msg.statusCode;
  const a = dossier.applicant;
  const person = a.kind !== 'organisation';
  const idNumber = a.idNumber ?? '';
  // LoaiDinhDanh 1 = 12-digit personal identification number, 2 = 9-digit old ID card (§3.5); a tax code
  // has no LoaiDinhDanh, so organisations carry it in SoGiayToChuHoSo only.
  const ids: E1Record['DinhDanhCHS'] =
    person && /^\d{12}$/.test(idNumber)
      ? [{ LoaiDinhDanh: 1, SoDinhDanh: idNumber }]
      : person && /^\d{9}$/.test(idNumber)
        ? [{ LoaiDinhDanh: 2, SoDinhDanh: idNumber }]
        : [];
  const digitised = dossier.components.some((c) => (c.fileIds ?? []).length > 0);
  const ended = s === 7 || s === 8 || s === 9 || s === 10;
  const action = ctx.action;
  const event: E1ProcessEvent[] = action
    ? [
        {
          NguoiXuLy: action.actorName,
          ChucDanh: action.roles.map((r) => ROLE_TITLES[r] ?? r).join(', '),
          ThoiDiemXuLy: date(action.at),
          PhongBanXuLy: action.agencyName ?? ctx.receivingAgency.name,
          NoiDungXuLy: (
            (DOSSIER_ACTIONS[action.kind as keyof typeof DOSSIER_ACTIONS]?.label ?? action.kind) +
            (action.note ? `: ${action.note}` : '')
          ).slice(0, 2000),
          TrangThai: s,
          NgayBatDau: date(action.at),
          NgayKetThucTheoQuyDinh: date(dossier.dueAt),
        },
      ]
    : [];
  const resultCode = (name: string) => procedure.results.find((r) => r.name === name)?.code ?? '';
  const link = (fileId: string | null | undefined) => (fileId && ctx.fileUrl ? ctx.fileUrl(fileId) : '');
  // What was paid by the time of this status: online through the platform, or at the desk.
  const at = Date.parse(msg.at);
  const paid = dossier.payments.filter((p) => p.paidAt.getTime() <= at);
  return {
    MaHoSo: dossier.code,
    ...(dossier.portalCode !== null ? { MaHoSoKhac: dossier.portalCode } : {}),
    MaTTHC: dossier.procedureCode,
    TenTTHC: procedure.name,
    MaLinhVuc: procedure.fieldCode ?? '',
    TenLinhVuc: procedure.fieldName ?? '',
    KenhThucHien: CHANNEL_CODES[dossier.channel] ?? 1,
    ChuHoSo: a.fullName ?? '',
    LoaiDoiTuong: person ? 1 : 2,
    // The portal's TechID of an online applicant; desk dossiers have none.
    MaDoiTuong: '',
    SoGiayToChuHoSo: idNumber,
    DinhDanhCHS: ids,
    EmailChuHoSo: a.email ?? '',
    DienThoaiChuHoSo: a.phone ?? '',
    FaxChuHoSo: '',
    TrichYeuHoSo: `${procedure.name} — ${a.fullName ?? ''}`.slice(0, 1000),
    NgayNopHoSo: date(dossier.submittedAt),
    NgayTiepNhan: s === 1 || s === 3 ? '' : date(dossier.receivedAt),
    // The original appointment: an apology's new appointment does not move the KPI reference.
    NgayHenTra: s === 1 || s === 3 ? '' : date(dossier.dueAt),
    NgayYeuCauBoSung: s === 5 ? date(msg.at) : '',
    NgayTuChoi: s === 3 ? date(msg.at) : '',
    NgayKetThucXuLy: ended ? date(s === 9 || s === 10 ? (dossier.resultAt ?? msg.at) : msg.at) : '',
    NgayTra: s === 10 ? date(dossier.returnedAt ?? msg.at) : '',
    TrangThaiHoSo: s,
    HinhThuc: dossier.channel === 'postal' ? 1 : 0,
    DonViXuLy: ctx.competentAgency.code,
    NoiNopHoSo: ctx.receivingAgency.code,
    HoSoCoThanhPhanSoHoa: digitised ? 1 : 0,
    TaiKhoanDuocXacThucVoiVNeID: dossier.vneidVerified ? 1 : 0,
    DuocThanhToanTrucTuyen: paid.some((p) => p.channel === 'online') ? 1 : 0,
    TaiLieuNop: dossier.components.flatMap((c) => {
      const index = Number(c.code.replace(/^TP/, '')) - 1;
      const componentName = procedure.components[index]?.name ?? c.code;
      const fileIds = c.fileIds ?? [];
      if (fileIds.length === 0) return [];
      return fileIds.map((f) => ({
        TenTepDinhKem: ctx.files.get(f) ?? componentName,
        MaThanhPhanHoSo: c.code,
        DuongDanTaiTepTin: link(f),
        DuocSoHoa: 1 as const,
        DuocTaiSuDung: c.provided === 'reused' ? (2 as const) : (0 as const),
        DuocLayTuKhoDMQG: 0 as const,
        MaKetQuaThayThe: '',
      }));
    }),
    // HinhThucThu 2 online, 1 at the desk; LoaiPhiLePhi 1 the procedure's fee, 2 an obligation the
    // dossier's processing raised (as the payment platform's PhiLePhi is sent) — codes assumed.
    DanhSachLePhi: paid.flatMap((p) =>
      p.items.map((i) => ({
        TenPhiLePhi: i.name,
        MaPhiLePhi: i.key,
        HinhThucThu: p.channel === 'online' ? 2 : 1,
        Gia: i.amountVnd,
        LoaiPhiLePhi: i.source === 'procedure' ? 1 : 2,
      })),
    ),
    DanhSachHoSoBoSung: [],
    DanhSachGiayToKetQua:
      s === 9 || s === 10
        ? dossier.resultDocuments.map((r) => ({
            TenGiayTo: r.name,
            MaGiayToKetQua: resultCode(r.name),
            DuongDanTepTinKetQua: link(r.fileId),
          }))
        : [],
    DSKetNoiCSDL: [],
    QuaTrinhXuLy: event,
  };
}

// ---------------------------------------------------------------------------------------------------
// E2: dossiers submitted on the portal → motcua's intake input

export type InboundIntake = {
  portalCode: string;
  procedureCode: string;
  agencyCode: string;
  channel: 'online';
  submittedAt: string | null;
  applicant: {
    kind: 'person' | 'organisation';
    fullName: string;
    idNumber: string;
    phone: string;
    email?: string;
    address?: { unitCode: string; line: string };
  };
  /** The portal account was verified with VNeID (ND 69/2024). */
  vneidVerified: boolean;
  /** The applicant's DVCQG TechID (MaDoiTuong). */
  portalApplicantId: string | null;
  summary: string;
  formData: Record<string, unknown>;
  components: {
    code: string;
    provided: 'electronic' | 'reused';
    files: { name: string; url: string }[];
  }[];
};

export type InboundMapping = { intake: InboundIntake; problems: ErrorDetail[] };

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/** Maps one E2 record; what cannot be read becomes a problem, never a guess. Throws without MaHoSo. */
export function fromE2(record: unknown): InboundMapping {
  if (typeof record !== 'object' || record === null) throw new Error('an inbound record is not an object');
  const r = record as Record<string, unknown>;
  const portalCode = str(r.MaHoSo);
  if (portalCode === '' || portalCode.length > 100) throw new Error('an inbound record has no MaHoSo');
  const problems: ErrorDetail[] = [];
  const need = (field: string, value: string) => {
    if (value === '') problems.push({ path: field, message: `Thiếu ${field}.` });
    return value;
  };
  const procedureCode = need('MaTTHC', str(r.MaTTHC));
  if (procedureCode !== '' && !/^\d\.\d{6}$/.test(procedureCode))
    problems.push({ path: 'MaTTHC', message: `Mã thủ tục ${procedureCode} không đúng dạng.` });
  const agencyCode = need('MaDonVi', str(r.MaDonVi));
  const submitted = parsePortalDate(r.NgayNopHoSo);
  if (!submitted) problems.push({ path: 'NgayNopHoSo', message: 'Ngày nộp không đúng dạng yyyyMMddHHmmss.' });
  const organisation = r.LoaiDoiTuong === 2;
  const ids = Array.isArray(r.DinhDanhCHS) ? (r.DinhDanhCHS as { SoDinhDanh?: unknown }[]) : [];
  const idNumber = str(ids[0]?.SoDinhDanh) || str(r.SoGiayToChuHoSo);
  need('SoGiayToChuHoSo', idNumber);
  const address = r.DiaChiChuHoSo as { MaDonViHanhChinh?: unknown; DiaChiChiTiet?: unknown } | undefined;
  const unitCode = str(address?.MaDonViHanhChinh);
  const email = str(r.EmailChuHoSo);
  const files = Array.isArray(r.TaiLieuNop) ? (r.TaiLieuNop as Record<string, unknown>[]) : [];
  const byComponent = new Map<string, InboundIntake['components'][number]>();
  files.forEach((f, i) => {
    const code = str(f.MaThanhPhanHoSo);
    if (!/^TP\d+$/.test(code)) {
      problems.push({
        path: `TaiLieuNop/${i}/MaThanhPhanHoSo`,
        message: `Thành phần ${code || '(trống)'} không rõ.`,
      });
      return;
    }
    const c = byComponent.get(code) ?? {
      code,
      provided:
        f.DuocTaiSuDung === 2 || f.DuocLayTuKhoDMQG === 1 ? ('reused' as const) : ('electronic' as const),
      files: [],
    };
    c.files.push({ name: str(f.TenTepDinhKem), url: str(f.DuongDanTaiTepTin) });
    byComponent.set(code, c);
  });
  const form = r.DuLieuBieuMau;
  return {
    intake: {
      portalCode,
      procedureCode,
      agencyCode,
      channel: 'online',
      submittedAt: submitted ? submitted.toISOString() : null,
      applicant: {
        kind: organisation ? 'organisation' : 'person',
        fullName: need('ChuHoSo', str(r.ChuHoSo)),
        idNumber,
        phone: str(r.DienThoaiChuHoSo),
        ...(email !== '' ? { email } : {}),
        ...(unitCode !== '' ? { address: { unitCode, line: str(address?.DiaChiChiTiet) } } : {}),
      },
      vneidVerified: r.TaiKhoanDuocXacThucVoiVNeID === 1,
      portalApplicantId: str(r.MaDoiTuong) || null,
      summary: str(r.TrichYeuHoSo).slice(0, 1000),
      formData:
        typeof form === 'object' && form !== null && !Array.isArray(form)
          ? (form as Record<string, unknown>)
          : {},
      components: [...byComponent.values()],
    },
    problems,
  };
}
