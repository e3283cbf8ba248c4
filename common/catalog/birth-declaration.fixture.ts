// A filled birth declaration (1.001193) that passes the shipped form: test data shared by the common
// tests (declaration limits) and the server's dossier tests (server/test/fixtures.ts); never seeds.
export const VALID_BIRTH_DECLARATION = {
  kinhGui: 'Ủy ban nhân dân phường Hàng Trống',
  nguoiYeuCau: {
    hoTen: 'Nguyễn Văn An',
    noiCuTru: 'Số 12 phố Hàng Trống, phường Hàng Trống, quận Hoàn Kiếm, thành phố Hà Nội',
    giayToTuyThan: { loaiGiayTo: 'Thẻ căn cước', so: '001093012345', ngayCap: '2024-07-01' },
    quanHeVoiNguoiDuocKhaiSinh: 'Cha',
  },
  nguoiDuocKhaiSinh: {
    hoTen: 'Nguyễn Minh Khang',
    ngaySinh: '2026-11-01',
    gioiTinh: 'Nam',
    danToc: 'Kinh',
    quocTich: 'Việt Nam',
    noiSinh: 'Bệnh viện Phụ sản Hà Nội, phường Láng, thành phố Hà Nội',
    queQuan: 'xã Bát Tràng, thành phố Hà Nội',
  },
  me: { hoTen: 'Trần Thị Bình', namSinh: '1995' },
  cha: { hoTen: 'Nguyễn Văn An', namSinh: '1993-04-12' },
  camDoan: true,
  lamTai: 'Hà Nội',
  ngayLap: '2026-11-20',
  deNghiCapBanSao: { coYeuCau: true, soLuong: 2 },
};
