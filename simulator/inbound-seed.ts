// Realistic dossiers "submitted on the national portal" for the simulator to offer (E2). The people are
// invented; the procedures, form fields and component names are those of the national database.
// The portal's own dossier code format for such dossiers is not known here: DVCQG-yymmdd-nnnnnn is
// the simulator's invention.

export type InboundRecord = Record<string, unknown> & { MaHoSo: string };

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** yyyyMMddHHmmss in Vietnam time (UTC+7). */
function vnStamp(at: Date): string {
  const d = new Date(at.getTime() + 7 * 3_600_000);
  return (
    `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1, 2)}${pad(d.getUTCDate(), 2)}` +
    `${pad(d.getUTCHours(), 2)}${pad(d.getUTCMinutes(), 2)}${pad(d.getUTCSeconds(), 2)}`
  );
}

type Template = (n: number) => Omit<InboundRecord, 'MaHoSo' | 'MaDonVi' | 'NgayNopHoSo'>;

const TEMPLATES: Template[] = [
  (n) => ({
    MaTTHC: '1.001193',
    TenTTHC: 'Thủ tục đăng ký khai sinh',
    ChuHoSo: 'Trần Văn Bình',
    LoaiDoiTuong: 1,
    MaDoiTuong: `techid-${pad(n, 6)}-a`,
    SoGiayToChuHoSo: '001092004567',
    DinhDanhCHS: [{ LoaiDinhDanh: 1, SoDinhDanh: '001092004567' }],
    DienThoaiChuHoSo: '0987654321',
    EmailChuHoSo: 'binh.tran@example.vn',
    DiaChiChuHoSo: { MaDonViHanhChinh: '00070', DiaChiChiTiet: 'Số 5 phố Hàng Trống' },
    TrichYeuHoSo: 'Đăng ký khai sinh cho Trần Minh Châu',
    TaiKhoanDuocXacThucVoiVNeID: 1,
    DuocThanhToanTrucTuyen: 0,
    TaiLieuNop: [
      {
        TenTepDinhKem: 'to-khai-dang-ky-khai-sinh.pdf',
        MaThanhPhanHoSo: 'TP1',
        DuongDanTaiTepTin: `https://dichvucong.example/tep/${pad(n, 6)}/1`,
        DuocSoHoa: 1,
        DuocTaiSuDung: 0,
        DuocLayTuKhoDMQG: 0,
      },
      {
        TenTepDinhKem: 'giay-chung-sinh.pdf',
        MaThanhPhanHoSo: 'TP3',
        DuongDanTaiTepTin: `https://dichvucong.example/tep/${pad(n, 6)}/2`,
        DuocSoHoa: 1,
        DuocTaiSuDung: 0,
        DuocLayTuKhoDMQG: 0,
      },
    ],
    DuLieuBieuMau: {
      kinhGui: 'Ủy ban nhân dân phường Hàng Trống',
      nguoiYeuCau: {
        hoTen: 'Trần Văn Bình',
        noiCuTru: 'Số 5 phố Hàng Trống, phường Hàng Trống, quận Hoàn Kiếm, thành phố Hà Nội',
        giayToTuyThan: { loaiGiayTo: 'Thẻ căn cước', so: '001092004567', ngayCap: '2024-05-02' },
        quanHeVoiNguoiDuocKhaiSinh: 'Cha',
      },
      nguoiDuocKhaiSinh: {
        hoTen: 'Trần Minh Châu',
        ngaySinh: '2026-11-10',
        gioiTinh: 'Nữ',
        danToc: 'Kinh',
        quocTich: 'Việt Nam',
        noiSinh: 'Bệnh viện Phụ sản Hà Nội, phường Láng, thành phố Hà Nội',
        queQuan: 'xã Bát Tràng, thành phố Hà Nội',
      },
      me: { hoTen: 'Nguyễn Thị Hoa', namSinh: '1996' },
      cha: { hoTen: 'Trần Văn Bình', namSinh: '1992' },
      camDoan: true,
      lamTai: 'Hà Nội',
      ngayLap: '2026-11-19',
    },
  }),
  (n) => ({
    MaTTHC: '1.004873',
    TenTTHC: 'Thủ tục cấp Giấy xác nhận tình trạng hôn nhân',
    ChuHoSo: 'Lê Thị Thu Hà',
    LoaiDoiTuong: 1,
    MaDoiTuong: `techid-${pad(n, 6)}-b`,
    SoGiayToChuHoSo: '001195007890',
    DinhDanhCHS: [{ LoaiDinhDanh: 1, SoDinhDanh: '001195007890' }],
    DienThoaiChuHoSo: '0903123456',
    EmailChuHoSo: 'thuha.le@example.vn',
    DiaChiChuHoSo: { MaDonViHanhChinh: '00070', DiaChiChiTiet: 'Số 18 phố Lý Quốc Sư' },
    TrichYeuHoSo: 'Xác nhận tình trạng hôn nhân để đăng ký kết hôn',
    TaiKhoanDuocXacThucVoiVNeID: 1,
    DuocThanhToanTrucTuyen: 0,
    TaiLieuNop: [
      {
        TenTepDinhKem: 'to-khai-xac-nhan-tinh-trang-hon-nhan.pdf',
        MaThanhPhanHoSo: 'TP1',
        DuongDanTaiTepTin: `https://dichvucong.example/tep/${pad(n, 6)}/1`,
        DuocSoHoa: 1,
        DuocTaiSuDung: 0,
        DuocLayTuKhoDMQG: 0,
      },
    ],
    DuLieuBieuMau: { mucDichSuDung: 'Đăng ký kết hôn' },
  }),
  (n) => ({
    MaTTHC: '1.000656',
    TenTTHC: 'Thủ tục đăng ký khai tử',
    ChuHoSo: 'Phạm Quốc Dũng',
    LoaiDoiTuong: 1,
    MaDoiTuong: `techid-${pad(n, 6)}-c`,
    SoGiayToChuHoSo: '001088001234',
    DinhDanhCHS: [{ LoaiDinhDanh: 1, SoDinhDanh: '001088001234' }],
    DienThoaiChuHoSo: '0912000111',
    DiaChiChuHoSo: { MaDonViHanhChinh: '00070', DiaChiChiTiet: 'Số 30 phố Hàng Bông' },
    TrichYeuHoSo: 'Đăng ký khai tử cho ông Phạm Văn Toàn',
    TaiKhoanDuocXacThucVoiVNeID: 1,
    DuocThanhToanTrucTuyen: 0,
    TaiLieuNop: [
      {
        TenTepDinhKem: 'giay-bao-tu.pdf',
        MaThanhPhanHoSo: 'TP2',
        DuongDanTaiTepTin: `https://dichvucong.example/tep/${pad(n, 6)}/1`,
        DuocSoHoa: 1,
        DuocTaiSuDung: 0,
        DuocLayTuKhoDMQG: 0,
      },
    ],
    DuLieuBieuMau: {},
  }),
];

/**
 * `count` inbound records for `agencyCode`, numbered from `first`, submitted at `at` plus a minute each.
 */
export function inboundSeed(count: number, agencyCode: string, first: number, at: Date): InboundRecord[] {
  const out: InboundRecord[] = [];
  for (let i = 0; i < count; i++) {
    const n = first + i;
    const submitted = new Date(at.getTime() + i * 60_000);
    const stamp = vnStamp(submitted);
    out.push({
      MaHoSo: `DVCQG-${stamp.slice(2, 8)}-${pad(n, 6)}`,
      MaDonVi: agencyCode,
      KenhThucHien: 2,
      NgayNopHoSo: stamp,
      ...TEMPLATES[i % TEMPLATES.length]!(n),
    });
  }
  return out;
}
