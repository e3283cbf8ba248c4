// One record of the import format: the national portal's dossier-sync record (DongBoHoSoMC, legal-notes
// §5 E1; the shape motcua itself sends, sync/portal-adapter.ts), one JSON object per line. Read here into
// what the import needs, every problem named by its field; pure (the registry is asked later,
// import-resolve.ts). The format is documented in docs/domain/dossier-import.md.
import { DOSSIER_REF, DOSSIER_REF_MAX } from '../../../common/org/code-patterns.ts';
import { dossierStatusOfCode, type DossierStatus } from '../../../common/dossiers/index.ts';
import { parsePortalDate } from '../sync/index.ts';

export type ImportProblem = { path: string; message: string };

/** One process event of the legacy history (QuaTrinhXuLy), kept read-only. */
export type LegacyEvent = {
  by: string;
  title: string;
  department: string;
  at: string;
  content: string;
  statusCode: number;
  dueAt: string | null;
};

export type LegacyFee = { name: string; code: string; amountVnd: number; paidOnline: boolean };
export type LegacyFile = { component: string; name: string; url: string };

/** A record read and checked on its own: what the resolver and the writer need. */
export type LegacyDossier = {
  code: string;
  alternativeCode: string | null;
  procedureCode: string;
  channel: 'direct' | 'online' | 'postal';
  applicant: {
    kind: 'person' | 'organisation';
    fullName: string;
    idNumber: string;
    phone: string;
    email?: string;
    address?: { unitCode: string; line: string };
  };
  summary: string;
  status: DossierStatus;
  statusCode: number;
  competentAgencyCode: string;
  receivingAgencyCode: string;
  submittedAt: Date;
  receivedAt: Date | null;
  dueAt: Date | null;
  supplementRequestedAt: Date | null;
  refusedAt: Date | null;
  finishedAt: Date | null;
  returnedAt: Date | null;
  history: LegacyEvent[];
  fees: LegacyFee[];
  files: LegacyFile[];
  results: { name: string; code: string; url: string }[];
  /** The legacy system already synchronised it with the national portal: nothing is sent again. */
  synced: boolean;
};

export type RecordRead =
  { ok: true; dossier: LegacyDossier } | { ok: false; problems: ImportProblem[]; code?: string };

/** KenhThucHien (legal-notes §3.5): 1 trực tiếp, 2 trực tuyến, 3 BCCI. */
const CHANNELS: Record<number, LegacyDossier['channel']> = { 1: 'direct', 2: 'online', 3: 'postal' };

/**
 * Which national status may follow which in a dossier's history (TrangThaiHoSo 1–10, the lifecycle of
 * docs/domain/lifecycle.md): a history that breaks it cannot be continued and is refused.
 */
export const NEXT_STATUS_CODES: Readonly<Record<number, readonly number[]>> = {
  // Received and handed on in one act (desk intake's "receive and hand on"): 1 then 4.
  1: [1, 2, 3, 4, 5, 7],
  2: [2, 4, 5, 6, 7, 8, 9],
  3: [],
  4: [4, 5, 6, 7, 8, 9],
  5: [5, 1, 2, 4, 7, 8],
  6: [6, 4, 7, 8, 9],
  7: [],
  8: [],
  9: [9, 10],
  10: [],
};

const text = (v: unknown): string =>
  typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '';
const MAX = { code: DOSSIER_REF_MAX, name: 300, text: 2000 };
const URL_RE = /^https?:\/\/\S+$/i;

/** Reads one line of the file: a JSON object in the DVCQG dossier-sync shape. */
export function readDvcqgLine(line: string): RecordRead {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return { ok: false, problems: [{ path: '', message: 'Dòng không phải một đối tượng JSON hợp lệ.' }] };
  }
  return readDvcqgRecord(parsed);
}

export function readDvcqgRecord(record: unknown): RecordRead {
  if (typeof record !== 'object' || record === null || Array.isArray(record))
    return { ok: false, problems: [{ path: '', message: 'Bản ghi phải là một đối tượng JSON.' }] };
  const r = record as Record<string, unknown>;
  // A spreadsheet row the template reader could not attach to a dossier (import-sources.ts).
  if (typeof r.__problem === 'string') return { ok: false, problems: [{ path: '', message: r.__problem }] };
  const problems: ImportProblem[] = [];
  const problem = (path: string, message: string) => problems.push({ path, message });
  const need = (field: string, max = MAX.name): string => {
    const v = text(r[field]);
    if (v === '') problem(field, `Thiếu ${field}.`);
    else if (v.length > max) problem(field, `${field} dài quá ${max} ký tự.`);
    return v;
  };
  const date = (field: string, required: boolean): Date | null => {
    const raw = r[field];
    if (raw === undefined || raw === null || raw === '') {
      if (required) problem(field, `Thiếu ${field} (yyyyMMddHHmmss).`);
      return null;
    }
    const d = parsePortalDate(text(raw));
    if (d === null) problem(field, `${field} “${text(raw)}” không đúng dạng yyyyMMddHHmmss.`);
    return d;
  };

  const code = need('MaHoSo', MAX.code);
  // Kept as the dossier's code (it is the code on the applicant's receipt and, when synchronised, at
  // the national portal): one that a web address could not carry as it is is refused, never rewritten.
  if (code !== '' && code.length <= MAX.code && !DOSSIER_REF.test(code))
    problem(
      'MaHoSo',
      `Mã hồ sơ “${code}” có ký tự không dùng được trong mã: chỉ chữ cái không dấu, chữ số và các dấu . - _ (bắt đầu bằng chữ hoặc số).`,
    );
  const alternative = text(r.MaHoSoKhac);
  if (alternative.length > MAX.code) problem('MaHoSoKhac', `MaHoSoKhac dài quá ${MAX.code} ký tự.`);
  const procedureCode = need('MaTTHC', 20);
  if (procedureCode !== '' && !/^\d\.\d{6}$/.test(procedureCode))
    problem('MaTTHC', `Mã thủ tục ${procedureCode} không đúng dạng (ví dụ 1.001193).`);
  const channel = CHANNELS[Number(r.KenhThucHien)];
  if (channel === undefined)
    problem('KenhThucHien', 'KenhThucHien phải là 1 (trực tiếp), 2 (trực tuyến) hoặc 3 (BCCI).');
  const fullName = need('ChuHoSo');
  const ids = Array.isArray(r.DinhDanhCHS) ? (r.DinhDanhCHS as { SoDinhDanh?: unknown }[]) : [];
  const idNumber = text(r.SoGiayToChuHoSo) || text(ids[0]?.SoDinhDanh);
  if (idNumber === '') problem('SoGiayToChuHoSo', 'Thiếu SoGiayToChuHoSo (số giấy tờ của chủ hồ sơ).');
  else if (idNumber.length > 50) problem('SoGiayToChuHoSo', 'SoGiayToChuHoSo dài quá 50 ký tự.');
  const statusCode = Number(r.TrangThaiHoSo);
  const status = Number.isInteger(statusCode) ? dossierStatusOfCode(statusCode) : null;
  if (status === null) problem('TrangThaiHoSo', 'TrangThaiHoSo phải là một mã từ 1 đến 10.');
  const competentAgencyCode = need('DonViXuLy', MAX.code);
  const receivingAgencyCode = text(r.NoiNopHoSo) || competentAgencyCode;

  const submittedAt = date('NgayNopHoSo', false);
  const receivedAt = date('NgayTiepNhan', statusCode !== 1 && statusCode !== 3);
  const running = [2, 4, 5, 6, 9].includes(statusCode);
  const dueAt = date('NgayHenTra', running);
  const supplementRequestedAt = date('NgayYeuCauBoSung', statusCode === 5);
  const refusedAt = date('NgayTuChoi', statusCode === 3);
  const finishedAt = date('NgayKetThucXuLy', [7, 8, 9].includes(statusCode));
  const returnedAt = date('NgayTra', statusCode === 10);
  const start = submittedAt ?? receivedAt ?? refusedAt;
  if (start === null && problems.length === 0) problem('NgayNopHoSo', 'Thiếu NgayNopHoSo (yyyyMMddHHmmss).');
  const order: [string, Date | null][] = [
    ['NgayNopHoSo', submittedAt],
    ['NgayTiepNhan', receivedAt],
    ['NgayKetThucXuLy', finishedAt],
    ['NgayTra', returnedAt],
  ];
  let prev: [string, Date] | null = null;
  for (const [field, d] of order) {
    if (d === null) continue;
    if (prev !== null && d < prev[1]) problem(field, `${field} trước ${prev[0]}.`);
    prev = [field, d];
  }
  if (dueAt !== null && receivedAt !== null && dueAt <= receivedAt)
    problem('NgayHenTra', 'NgayHenTra phải sau NgayTiepNhan.');

  const history = readHistory(r.QuaTrinhXuLy, problem);
  checkSequence(history, statusCode, problem);
  const fees = readFees(r.DanhSachLePhi, problem);
  const files = readFiles(r.TaiLieuNop, problem);
  const results = readResults(r.DanhSachGiayToKetQua, problem);
  const email = text(r.EmailChuHoSo);
  const address = r.DiaChiChuHoSo as { MaDonViHanhChinh?: unknown; DiaChiChiTiet?: unknown } | undefined;
  const unitCode = text(address?.MaDonViHanhChinh);
  if (r.DaDongBoDVCQG !== undefined && r.DaDongBoDVCQG !== 0 && r.DaDongBoDVCQG !== 1)
    problem('DaDongBoDVCQG', 'DaDongBoDVCQG phải là 0 hoặc 1.');
  if (problems.length > 0 || status === null || channel === undefined)
    return { ok: false, problems, ...(code === '' ? {} : { code }) };
  return {
    ok: true,
    dossier: {
      code,
      alternativeCode: alternative === '' ? null : alternative,
      procedureCode,
      channel,
      applicant: {
        kind: Number(r.LoaiDoiTuong) === 2 ? 'organisation' : 'person',
        fullName,
        idNumber,
        phone: text(r.DienThoaiChuHoSo).slice(0, 20),
        ...(email !== '' ? { email: email.slice(0, 200) } : {}),
        ...(unitCode !== ''
          ? { address: { unitCode, line: text(address?.DiaChiChiTiet).slice(0, 500) } }
          : {}),
      },
      summary: text(r.TrichYeuHoSo).slice(0, 1000),
      status,
      statusCode,
      competentAgencyCode,
      receivingAgencyCode,
      submittedAt: start!,
      receivedAt,
      dueAt,
      supplementRequestedAt,
      refusedAt,
      finishedAt,
      returnedAt,
      history,
      fees,
      files,
      results,
      synced: r.DaDongBoDVCQG !== 0,
    },
  };
}

type Problem = (path: string, message: string) => void;

const list = (v: unknown, field: string, problem: Problem): Record<string, unknown>[] => {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) {
    problem(field, `${field} phải là một danh sách.`);
    return [];
  }
  return v.map((x) => (typeof x === 'object' && x !== null ? (x as Record<string, unknown>) : {}));
};

function readHistory(v: unknown, problem: Problem): LegacyEvent[] {
  return list(v, 'QuaTrinhXuLy', problem).map((e, i) => {
    const path = `QuaTrinhXuLy/${i}`;
    const at = parsePortalDate(text(e.ThoiDiemXuLy));
    if (at === null) problem(`${path}/ThoiDiemXuLy`, 'ThoiDiemXuLy không đúng dạng yyyyMMddHHmmss.');
    const statusCode = Number(e.TrangThai);
    if (!Number.isInteger(statusCode) || dossierStatusOfCode(statusCode) === null)
      problem(`${path}/TrangThai`, 'TrangThai phải là một mã từ 1 đến 10.');
    const due =
      text(e.NgayKetThucTheoQuyDinh) === '' ? null : parsePortalDate(text(e.NgayKetThucTheoQuyDinh));
    return {
      by: text(e.NguoiXuLy).slice(0, MAX.name),
      title: text(e.ChucDanh).slice(0, MAX.name),
      department: text(e.PhongBanXuLy).slice(0, MAX.name),
      at: at?.toISOString() ?? '',
      content: text(e.NoiDungXuLy).slice(0, MAX.text),
      statusCode,
      dueAt: due?.toISOString() ?? null,
    };
  });
}

/** The events in time order, each status allowed after the one before, the last one the record's. */
function checkSequence(history: LegacyEvent[], statusCode: number, problem: Problem): void {
  let prev: LegacyEvent | null = null;
  history.forEach((e, i) => {
    if (e.at === '' || !dossierStatusOfCode(e.statusCode)) return;
    if (prev !== null) {
      if (e.at < prev.at)
        problem(`QuaTrinhXuLy/${i}/ThoiDiemXuLy`, 'Các bước xử lý phải theo thứ tự thời gian.');
      if (!(NEXT_STATUS_CODES[prev.statusCode] ?? []).includes(e.statusCode))
        problem(
          `QuaTrinhXuLy/${i}/TrangThai`,
          `Trạng thái ${e.statusCode} không thể theo sau trạng thái ${prev.statusCode}.`,
        );
    }
    prev = e;
  });
  const last = history.at(-1);
  if (last !== undefined && Number.isInteger(statusCode) && last.statusCode !== statusCode)
    problem(
      'TrangThaiHoSo',
      `TrangThaiHoSo ${statusCode} khác trạng thái của bước xử lý cuối cùng (${last.statusCode}).`,
    );
}

function readFees(v: unknown, problem: Problem): LegacyFee[] {
  return list(v, 'DanhSachLePhi', problem).map((f, i) => {
    const amount = Number(f.Gia);
    if (!Number.isFinite(amount) || amount < 0)
      problem(`DanhSachLePhi/${i}/Gia`, 'Gia phải là số tiền (đồng), không âm.');
    return {
      name: text(f.TenPhiLePhi).slice(0, MAX.name),
      code: text(f.MaPhiLePhi).slice(0, MAX.code),
      amountVnd: amount,
      paidOnline: Number(f.HinhThucThu) === 2,
    };
  });
}

/**
 * Files by URL (the legacy system keeps serving them, as the portal's own files are kept, sync
 * portal-file-links.ts); a file named without a URL is inside the archive — not read by this version,
 * so it is reported missing.
 */
function readFiles(v: unknown, problem: Problem): LegacyFile[] {
  return list(v, 'TaiLieuNop', problem).map((f, i) => {
    const path = `TaiLieuNop/${i}`;
    const component = text(f.MaThanhPhanHoSo);
    if (component === '' || component.length > 20)
      problem(`${path}/MaThanhPhanHoSo`, 'Thiếu MaThanhPhanHoSo (mã thành phần hồ sơ).');
    const url = text(f.DuongDanTaiTepTin);
    const name = text(f.TenTepDinhKem).slice(0, MAX.name) || url.split('/').at(-1) || '';
    if (!URL_RE.test(url))
      problem(
        `${path}/DuongDanTaiTepTin`,
        url === ''
          ? `Thiếu tệp “${name || component}”: không có đường dẫn.`
          : `Thiếu tệp “${url}”: không phải đường dẫn http(s) và không có trong tệp nén.`,
      );
    return { component, name, url };
  });
}

function readResults(v: unknown, problem: Problem): LegacyDossier['results'] {
  return list(v, 'DanhSachGiayToKetQua', problem).map((d, i) => {
    const name = text(d.TenGiayTo).slice(0, MAX.name);
    if (name === '') problem(`DanhSachGiayToKetQua/${i}/TenGiayTo`, 'Thiếu TenGiayTo.');
    const url = text(d.DuongDanTepTinKetQua);
    if (url !== '' && !URL_RE.test(url))
      problem(`DanhSachGiayToKetQua/${i}/DuongDanTepTinKetQua`, `Thiếu tệp kết quả “${url}”.`);
    return { name, code: text(d.MaGiayToKetQua).slice(0, MAX.code), url };
  });
}
