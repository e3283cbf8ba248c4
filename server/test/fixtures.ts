// Realistic test data shared by dossier tests (never seeds).
import { VALID_BIRTH_DECLARATION } from '../../common/catalog/birth-declaration.fixture.ts';

export { VALID_BIRTH_DECLARATION };

export const APPLICANT_HUONG = {
  kind: 'person' as const,
  fullName: 'Nguyễn Thị Hường',
  idNumber: '001190012345',
  phone: '0912345678',
  email: 'huong@example.vn',
  address: { unitCode: '00070', line: 'Số 12 phố Hàng Trống' },
};

/** The declaration (TP1) and the birth certificate (TP3), handed in as originals at the counter. */
export const BIRTH_COMPONENTS = [
  { code: 'TP1', provided: 'original' },
  { code: 'TP3', provided: 'original' },
];

/** A birth registration (1.001193) for Nguyễn Thị Hường handed in at `agencyCode`'s counter. */
export const birthAtCounter = (agencyCode: string) => ({
  procedureCode: '1.001193',
  agencyCode,
  applicant: APPLICANT_HUONG,
  formData: VALID_BIRTH_DECLARATION,
  components: BIRTH_COMPONENTS,
  channel: 'direct',
});

/** Support with funeral costs (1.001731, 3 working days) for Nguyễn Thị Hường at `agencyCode`'s counter. */
export const funeralSupportAtCounter = (agencyCode: string) => ({
  procedureCode: '1.001731',
  agencyCode,
  applicant: APPLICANT_HUONG,
  formData: {
    nguoiYeuCau: {
      hoTen: 'Nguyễn Thị Hường',
      soDinhDanh: '001190012345',
      noiCuTru: 'Số 12 phố Hàng Trống',
    },
    noiDungYeuCau: 'Đề nghị hỗ trợ chi phí mai táng',
    hinhThucNhanKetQua: 'Nhận trực tiếp',
    camDoan: true,
  },
  components: [1, 2, 3].map((n) => ({ code: `TP${n}`, provided: 'original' })),
  channel: 'direct',
});

/** A birth registration (1.001193) a signed-in citizen submits online to `agencyCode` with `components`. */
export const birthOnline = (agencyCode: string, components: unknown) => ({
  procedureCode: '1.001193',
  agencyCode,
  applicant: { kind: 'person', phone: '0912345678' },
  formData: VALID_BIRTH_DECLARATION,
  components,
});
