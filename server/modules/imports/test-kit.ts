// What the import tests share: legacy records in the DVCQG shape (a birth registration of the ward of
// Hàng Trống), posting a file and waiting for its run to end.
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { ImportView } from '../../../common/contracts/imports.ts';

export const APPLICANT = {
  ChuHoSo: 'Nguyễn Thị Hường',
  SoGiayToChuHoSo: '001190012345',
  DienThoaiChuHoSo: '0912345678',
  LoaiDoiTuong: 1,
};

type Event = [status: number, at: string, content: string];

const event = ([TrangThai, at, NoiDungXuLy]: Event) => ({
  NguoiXuLy: 'Trần Văn Bình',
  ChucDanh: 'Cán bộ một cửa',
  ThoiDiemXuLy: at,
  PhongBanXuLy: 'Bộ phận một cửa',
  NoiDungXuLy,
  TrangThai,
  NgayBatDau: at,
  NgayKetThucTheoQuyDinh: '',
});

/** A birth registration (1.001193) being processed: received Thursday 19/11, due Wednesday 25/11. */
export function processingRecord(agency: string, code: string, extra: Record<string, unknown> = {}) {
  return {
    MaHoSo: code,
    MaHoSoKhac: `LEGACY-${code}`,
    MaTTHC: '1.001193',
    KenhThucHien: 1,
    ...APPLICANT,
    TrichYeuHoSo: 'Đăng ký khai sinh cho con Nguyễn Minh An',
    NgayNopHoSo: '20261119083000',
    NgayTiepNhan: '20261119083000',
    NgayHenTra: '20261125090000',
    TrangThaiHoSo: 4,
    DonViXuLy: agency,
    QuaTrinhXuLy: (
      [
        [1, '20261119083000', 'Nộp hồ sơ tại bộ phận một cửa'],
        [2, '20261119083000', 'Tiếp nhận hồ sơ'],
        [4, '20261119100000', 'Chuyển xử lý'],
      ] as Event[]
    ).map(event),
    DanhSachLePhi: [
      {
        TenPhiLePhi: 'Lệ phí đăng ký khai sinh',
        MaPhiLePhi: 'LP01',
        HinhThucThu: 1,
        Gia: 0,
        LoaiPhiLePhi: 1,
      },
    ],
    TaiLieuNop: [
      {
        TenTepDinhKem: 'Giấy chứng sinh.pdf',
        MaThanhPhanHoSo: 'TP1',
        DuongDanTaiTepTin: 'https://motcua-cu.example.vn/files/giay-chung-sinh.pdf',
      },
    ],
    ...extra,
  };
}

/** A birth registration returned in October: closed, imported read-only. */
export function returnedRecord(agency: string, code: string, extra: Record<string, unknown> = {}) {
  return processingRecord(agency, code, {
    NgayNopHoSo: '20261012080000',
    NgayTiepNhan: '20261012080000',
    NgayHenTra: '20261015080000',
    NgayKetThucXuLy: '20261014150000',
    NgayTra: '20261015090000',
    TrangThaiHoSo: 10,
    QuaTrinhXuLy: (
      [
        [2, '20261012080000', 'Tiếp nhận hồ sơ'],
        [4, '20261012090000', 'Chuyển xử lý'],
        [9, '20261014150000', 'Lãnh đạo ký giấy khai sinh'],
        [10, '20261015090000', 'Trả kết quả tại bộ phận một cửa'],
      ] as Event[]
    ).map(event),
    DanhSachGiayToKetQua: [
      { TenGiayTo: 'Giấy khai sinh (bản chính)', MaGiayToKetQua: '', DuongDanTepTinKetQua: '' },
    ],
    ...extra,
  });
}

export const jsonl = (records: unknown[]) => records.map((r) => JSON.stringify(r)).join('\n') + '\n';

/** POSTs a file; the answer, whatever it is. */
export function postImport(
  app: FastifyInstance,
  cookie: string,
  body: string | Buffer,
  query = 'format=dvcqg',
) {
  return app.inject({
    method: 'POST',
    url: `/api/v1/imports/dossiers?${query}`,
    headers: { cookie, 'content-type': 'application/x-ndjson' },
    payload: body,
  });
}

/** Waits for the import's run to end (the run goes on after the 202) and reads it. */
export async function waitForImport(
  app: FastifyInstance,
  cookie: string,
  id: string,
  query = 'pageSize=1000',
): Promise<ImportView> {
  for (let i = 0; i < 400; i++) {
    const res = await app.inject({
      method: 'GET',
      url: `/api/v1/imports/${id}?${query}`,
      headers: { cookie },
    });
    assert.equal(res.statusCode, 200, res.body);
    const view = res.json<ImportView>();
    if (view.state !== 'running') return view;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`import ${id} did not end`);
}

/** Posts a file that must be taken, and waits for its run. */
export async function importFile(
  app: FastifyInstance,
  cookie: string,
  body: string | Buffer,
  query?: string,
) {
  const res = await postImport(app, cookie, body, query);
  assert.equal(res.statusCode, 202, res.body);
  return waitForImport(app, cookie, res.json<{ id: string }>().id);
}
