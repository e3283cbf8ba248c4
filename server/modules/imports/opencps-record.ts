// The OpenCPS adapter: one dossier of an OpenCPS v2 database per line, exported from its tables
// (opencps_dossier, opencps_dossierfile, opencps_dossieraction, opencps_paymentfile; next-capabilities
// §5, VietOpenCPS/opencps-v2 backend-dossiermgt service.xml) as
//   { "dossier": {…}, "files": [{…}], "actions": [{…}], "payments": [{…}] }
// with the tables' column names. It is turned into the DVCQG record the import reads, so both formats
// are checked by the same rules (docs/domain/dossier-import.md gives the export query and the mapping).
import { formatPortalDate } from '../sync/index.ts';
import { readDvcqgRecord, type RecordRead } from './dvcqg-record.ts';

/**
 * OpenCPS dossierStatus → TrangThaiHoSo (1–10). The codes are those of OpenCPS's DossierTerm; a
 * province whose deployment used others changes them here.
 */
export const OPENCPS_STATUS_CODES: Readonly<Record<string, number>> = {
  new: 1,
  receiving: 1,
  processing: 4,
  interoperating: 4,
  waiting: 5,
  paying: 6,
  releasing: 9,
  posting: 9,
  done: 10,
  ended: 10,
  cancelled: 7,
  denied: 3,
  unresolved: 8,
};

type Row = Record<string, unknown>;
const text = (v: unknown): string =>
  typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '';

/** A Liferay date as exported: ISO 8601 text or epoch milliseconds; '' when absent, the raw text when unreadable. */
function portalDate(v: unknown): string {
  if (v === undefined || v === null || v === '') return '';
  const d = typeof v === 'number' ? new Date(v) : new Date(text(v));
  return Number.isNaN(d.getTime()) ? text(v) : formatPortalDate(d);
}

const rows = (v: unknown): Row[] =>
  Array.isArray(v) ? v.filter((x): x is Row => typeof x === 'object' && x !== null) : [];

const status = (v: unknown): number | string => OPENCPS_STATUS_CODES[text(v)] ?? `opencps:${text(v)}`;

export function readOpencpsLine(line: string): RecordRead {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return { ok: false, problems: [{ path: '', message: 'Dòng không phải một đối tượng JSON hợp lệ.' }] };
  }
  const problem = (parsed as Row | null)?.__problem;
  if (typeof problem === 'string') return { ok: false, problems: [{ path: '', message: problem }] };
  if (typeof parsed !== 'object' || parsed === null || typeof (parsed as Row).dossier !== 'object')
    return {
      ok: false,
      problems: [{ path: 'dossier', message: 'Thiếu đối tượng dossier (opencps_dossier).' }],
    };
  const read = readDvcqgRecord(opencpsToDvcqg(parsed as Row));
  if (read.ok) return read;
  // The problems named by the OpenCPS columns they come from.
  return { ...read, problems: read.problems.map((p) => ({ ...p, path: opencpsPath(p.path) })) };
}

const PATHS: Record<string, string> = {
  MaHoSo: 'dossier/dossierNo',
  MaTTHC: 'dossier/serviceCode',
  ChuHoSo: 'dossier/applicantName',
  SoGiayToChuHoSo: 'dossier/applicantIdNo',
  TrangThaiHoSo: 'dossier/dossierStatus',
  DonViXuLy: 'dossier/govAgencyCode',
  NoiNopHoSo: 'dossier/govAgencyCode',
  NgayNopHoSo: 'dossier/submitDate',
  NgayTiepNhan: 'dossier/receiveDate',
  NgayHenTra: 'dossier/dueDate',
  NgayKetThucXuLy: 'dossier/finishDate',
  NgayTra: 'dossier/releaseDate',
  NgayTuChoi: 'dossier/finishDate',
  NgayYeuCauBoSung: 'dossier/correcttingDate',
};

/** The OpenCPS column a DVCQG field comes from, for the report. */
export function opencpsPath(path: string): string {
  const [head, index, field] = path.split('/');
  if (head === 'QuaTrinhXuLy') return `actions/${index}${field ? `/${field}` : ''}`;
  if (head === 'TaiLieuNop') return `files/${index}${field ? `/${field}` : ''}`;
  if (head === 'DanhSachLePhi') return `payments/${index}${field ? `/${field}` : ''}`;
  return PATHS[head ?? ''] ?? path;
}

export function opencpsToDvcqg(r: Row): Row {
  const d = r.dossier as Row;
  const files = rows(r.files).filter((f) => f.removed !== true);
  const results = files.filter((f) => Number(f.dossierPartType) === 2);
  const code = status(d.dossierStatus);
  return {
    MaHoSo: text(d.dossierNo),
    MaHoSoKhac: text(d.referenceUid),
    MaTTHC: text(d.serviceCode),
    KenhThucHien: d.online === true ? 2 : Number(d.viaPostal) > 0 ? 3 : 1,
    ChuHoSo: text(d.applicantName),
    LoaiDoiTuong: text(d.applicantIdType) === 'business' ? 2 : 1,
    SoGiayToChuHoSo: text(d.applicantIdNo),
    DienThoaiChuHoSo: text(d.contactTelNo),
    EmailChuHoSo: text(d.contactEmail),
    DiaChiChuHoSo: { MaDonViHanhChinh: text(d.wardCode), DiaChiChiTiet: text(d.address) },
    TrichYeuHoSo: text(d.briefNote) || text(d.dossierNote),
    NgayNopHoSo: portalDate(d.submitDate),
    NgayTiepNhan: portalDate(d.receiveDate),
    // The original appointment: an extension (extendDate) does not move the KPI reference.
    NgayHenTra: portalDate(d.dueDate),
    NgayYeuCauBoSung: portalDate(d.correcttingDate),
    NgayTuChoi: code === 3 ? portalDate(d.finishDate ?? d.cancellingDate) : '',
    NgayKetThucXuLy: portalDate(d.finishDate ?? (code === 7 ? d.cancellingDate : undefined)),
    NgayTra: portalDate(d.releaseDate),
    TrangThaiHoSo: code,
    DonViXuLy: text(d.govAgencyCode),
    NoiNopHoSo: text(d.govAgencyCode),
    QuaTrinhXuLy: rows(r.actions)
      .sort((a, b) => Number(a.sequenceNo ?? 0) - Number(b.sequenceNo ?? 0))
      .map((a) => ({
        NguoiXuLy: text(a.actionUser),
        ChucDanh: '',
        ThoiDiemXuLy: portalDate(a.createDate),
        PhongBanXuLy: text(a.stepName),
        NoiDungXuLy: [text(a.actionName), text(a.actionNote)].filter((x) => x !== '').join(': '),
        TrangThai: status(a.stepDossierStatus),
        NgayBatDau: portalDate(a.createDate),
        NgayKetThucTheoQuyDinh: portalDate(a.dueDate),
      })),
    DanhSachLePhi: rows(r.payments).map((p) => ({
      TenPhiLePhi: text(p.paymentNote) || 'Phí, lệ phí',
      MaPhiLePhi: text(p.referenceUid),
      HinhThucThu: /online|keypay|vnpt|paygov/i.test(text(p.paymentMethod)) ? 2 : 1,
      Gia: Number(p.paymentAmount ?? Number(p.feeAmount ?? 0) + Number(p.serviceAmount ?? 0)),
      LoaiPhiLePhi: 1,
    })),
    TaiLieuNop: files
      .filter((f) => Number(f.dossierPartType) !== 2)
      .map((f) => ({
        TenTepDinhKem: text(f.displayName),
        MaThanhPhanHoSo: text(f.dossierPartNo),
        DuongDanTaiTepTin: text(f.fileUrl),
      })),
    DanhSachGiayToKetQua: results.map((f) => ({
      TenGiayTo: text(f.displayName),
      MaGiayToKetQua: text(f.deliverableCode),
      DuongDanTepTinKetQua: text(f.fileUrl),
    })),
    ...(r.syncedWithNationalPortal === false ? { DaDongBoDVCQG: 0 } : {}),
  };
}
