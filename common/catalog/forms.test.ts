import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import {
  FormSchemaError,
  RESULT_DELIVERY_OPTIONS,
  checkFormSchema,
  compileForm,
  genericDeclarationForm,
  type FormError,
  type JsonSchemaObject,
} from './forms.ts';
import type { Procedure } from './procedure.ts';

// The real forms shipped with the product (read from the reference seed data).
const readForm = (file: string) =>
  JSON.parse(
    readFileSync(new URL(`../../server/db/seeds/reference/data/procedures/${file}`, import.meta.url), 'utf8'),
  ) as JsonSchemaObject;
const birthSchema = readForm('birth-registration.schema.json');
const householdSchema = readForm('household-business.schema.json');

const byPointer = (errors: FormError[]) =>
  [...errors].sort((a, b) => (a.pointer + a.keyword).localeCompare(b.pointer + b.keyword));

function errorsOf(schema: JsonSchemaObject, data: unknown): FormError[] {
  const result = compileForm(schema).validate(data);
  return result.ok ? [] : result.errors;
}

function refusal(schema: unknown): FormSchemaError {
  try {
    compileForm(schema);
  } catch (err) {
    if (err instanceof FormSchemaError) return err;
    throw err;
  }
  assert.fail('the schema was accepted');
}

const validBirth = {
  kinhGui: 'Ủy ban nhân dân phường Hoàn Kiếm',
  nguoiYeuCau: {
    hoTen: 'Nguyễn Văn An',
    noiCuTru: 'Số 12 phố Hàng Bạc, phường Hoàn Kiếm, thành phố Hà Nội',
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

const address = { tinhThanhPho: 'Hải Phòng', xaPhuongDacKhu: 'Xã Vĩnh Bảo', soNhaDuongPho: 'Thôn Đông' };
const validHousehold = {
  kinhGui: 'Cơ quan đăng ký kinh doanh xã Vĩnh Bảo',
  ngayLap: '2026-11-20',
  chuHo: {
    hoTen: 'PHẠM THỊ HOA',
    ngaySinh: '1988-03-15',
    gioiTinh: 'Nữ',
    danToc: 'Kinh',
    quocTich: 'Việt Nam',
    loaiGiayToPhapLy: 'Căn cước',
    soGiayToPhapLy: '031188001234',
    diaChiThuongTru: address,
    diaChiLienLac: address,
    email: 'hoa@example.vn',
  },
  tenHoKinhDoanh: 'HỘ KINH DOANH HOA PHẠM',
  truSo: { diaChi: address },
  nganhNgheKinhDoanh: [{ tenNganh: 'Bán lẻ lương thực', maNganh: '4721', laNganhChinh: true }],
  vonKinhDoanh: { bangSo: 100000000, bangChu: 'Một trăm triệu đồng' },
  chuTheThanhLap: 'Cá nhân',
};

describe('the real declaration forms', () => {
  it('compile', () => {
    assert.doesNotThrow(() => compileForm(birthSchema));
    assert.doesNotThrow(() => compileForm(householdSchema));
  });

  it('accept a complete, valid declaration', () => {
    assert.deepEqual(compileForm(birthSchema).validate(validBirth), { ok: true });
    assert.deepEqual(compileForm(householdSchema).validate(validHousehold), { ok: true });
  });

  it('report every error of a broken birth declaration with its pointer, in Vietnamese', () => {
    const broken = {
      kinhGui: 'Ủy ban nhân dân phường Hoàn Kiếm',
      nguoiYeuCau: {
        hoTen: 42,
        noiCuTru: 'Hà Nội',
        giayToTuyThan: { so: '001093012345' },
        quanHeVoiNguoiDuocKhaiSinh: 'Cha',
      },
      nguoiDuocKhaiSinh: {
        ngaySinh: '2026-02-30',
        gioiTinh: 'Khác',
        danToc: 'Kinh',
        quocTich: 'Việt Nam',
        noiSinh: 'Hà Nội',
        queQuan: 'Hà Nội',
      },
      me: { hoTen: 'Trần Thị Bình', namSinh: '95' },
      camDoan: false,
      lamTai: 'Hà Nội',
      deNghiCapBanSao: { coYeuCau: true },
    };
    assert.deepEqual(
      byPointer(errorsOf(birthSchema, broken)),
      byPointer([
        { pointer: '/ngayLap', keyword: 'required', message: 'Ngày lập tờ khai là bắt buộc' },
        {
          pointer: '/nguoiYeuCau/hoTen',
          keyword: 'type',
          message: 'Họ, chữ đệm, tên người yêu cầu phải là văn bản',
        },
        {
          pointer: '/nguoiYeuCau/giayToTuyThan/loaiGiayTo',
          keyword: 'required',
          message: 'Loại giấy tờ là bắt buộc',
        },
        { pointer: '/nguoiDuocKhaiSinh/hoTen', keyword: 'required', message: 'Họ, chữ đệm, tên là bắt buộc' },
        {
          pointer: '/nguoiDuocKhaiSinh/ngaySinh',
          keyword: 'format',
          message: 'Ngày, tháng, năm sinh phải là ngày hợp lệ theo dạng năm-tháng-ngày (ví dụ 2025-07-01)',
        },
        {
          pointer: '/nguoiDuocKhaiSinh/gioiTinh',
          keyword: 'enum',
          message: 'Giới tính phải là một trong các giá trị: Nam, Nữ',
        },
        { pointer: '/me/namSinh', keyword: 'pattern', message: 'Năm sinh không đúng định dạng' },
        {
          pointer: '/camDoan',
          keyword: 'const',
          message:
            'Cần đánh dấu xác nhận: Tôi cam đoan nội dung đề nghị đăng ký khai sinh là đúng sự thật và chịu trách nhiệm trước pháp luật',
        },
        { pointer: '/deNghiCapBanSao/soLuong', keyword: 'required', message: 'Số lượng bản sao là bắt buộc' },
      ]),
    );
  });

  it('report errors under $ref, inside arrays and from if/then in the household-business form', () => {
    const broken = {
      ...validHousehold,
      chuHo: { ...validHousehold.chuHo, diaChiThuongTru: 'Hải Phòng', email: 'không phải thư' },
      truSo: { diaChi: { tinhThanhPho: 'Hải Phòng' } },
      nganhNgheKinhDoanh: [validHousehold.nganhNgheKinhDoanh[0], { tenNganh: 'Ăn uống', maNganh: '56' }],
      chuTheThanhLap: 'Các thành viên hộ gia đình',
      thanhVienHoGiaDinh: [],
    };
    assert.deepEqual(
      byPointer(errorsOf(householdSchema, broken)),
      byPointer([
        {
          pointer: '/chuHo/diaChiThuongTru',
          keyword: 'type',
          message: 'Địa chỉ thường trú phải là nhóm thông tin',
        },
        {
          pointer: '/chuHo/email',
          keyword: 'format',
          message: 'Email (nếu có) phải là địa chỉ thư điện tử hợp lệ',
        },
        {
          pointer: '/truSo/diaChi/xaPhuongDacKhu',
          keyword: 'required',
          message: 'Xã/Phường/Đặc khu là bắt buộc',
        },
        {
          pointer: '/truSo/diaChi/soNhaDuongPho',
          keyword: 'required',
          message: 'Số nhà, ngách, hẻm, ngõ, đường phố/tổ/xóm/ấp/thôn là bắt buộc',
        },
        {
          pointer: '/nganhNgheKinhDoanh/1/maNganh',
          keyword: 'pattern',
          message: 'Mã ngành (mục 2) không đúng định dạng',
        },
        {
          pointer: '/thanhVienHoGiaDinh',
          keyword: 'minItems',
          message:
            '7. Thông tin về các thành viên hộ gia đình tham gia thành lập hộ kinh doanh phải có ít nhất 1 mục',
        },
      ]),
    );
    const missingMembers = { ...validHousehold, chuTheThanhLap: 'Các thành viên hộ gia đình' };
    assert.deepEqual(errorsOf(householdSchema, missingMembers), [
      {
        pointer: '/thanhVienHoGiaDinh',
        keyword: 'required',
        message: '7. Thông tin về các thành viên hộ gia đình tham gia thành lập hộ kinh doanh là bắt buộc',
      },
    ]);
  });

  it('report exactly the required properties that are left out (property)', () => {
    const required = birthSchema.required as string[];
    fc.assert(
      fc.property(fc.subarray(required, { minLength: 1 }), (dropped) => {
        const data: Record<string, unknown> = { ...validBirth };
        for (const key of dropped) delete data[key];
        const errors = errorsOf(birthSchema, data);
        assert.deepEqual(
          errors.map((e) => [e.pointer, e.keyword]).sort(),
          dropped.map((key) => [`/${key}`, 'required']).sort(),
        );
      }),
    );
  });

  it('never throw and always point inside the data, whatever is submitted (property)', () => {
    const validator = compileForm(birthSchema);
    const resolves = (data: unknown, pointer: string) => {
      let node = data;
      for (const seg of pointer.split('/').slice(1)) {
        if (typeof node !== 'object' || node === null) return false;
        node = (node as Record<string, unknown>)[seg.replace(/~1/g, '/').replace(/~0/g, '~')];
      }
      return true;
    };
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.constant(validBirth)), (data) => {
        const result = validator.validate(data);
        if (result.ok) return;
        assert.ok(result.errors.length > 0);
        for (const e of result.errors) {
          assert.match(e.pointer, /^(\/.*)?$/);
          assert.ok(e.message.length > 0);
          // The parent of the pointer exists (a missing property's parent, or the value itself).
          assert.ok(resolves(data, e.pointer.slice(0, Math.max(0, e.pointer.lastIndexOf('/')))), e.pointer);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('Vietnamese messages', () => {
  const schema: JsonSchemaObject = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'Mẫu thử',
    type: 'object',
    properties: {
      ten: { type: 'string', title: 'Tên', minLength: 2, maxLength: 5 },
      oTrong: { type: 'string', title: 'Ghi chú', minLength: 1 },
      ma: { type: 'string', title: 'Mã', pattern: '^[0-9]+$' },
      ngay: { type: 'string', format: 'date', title: 'Ngày hẹn' },
      thu: { type: 'string', format: 'email', title: 'Thư điện tử' },
      loai: { enum: ['A', 'B', null], title: 'Loại' },
      dongY: { const: true, title: 'Tôi đồng ý' },
      kieu: { const: 'ca-nhan', title: 'Kiểu' },
      tuoi: { type: 'integer', minimum: 18, title: 'Tuổi' },
      soCon: { type: 'integer', maximum: 20, title: 'Số con' },
      diem: { type: 'number', exclusiveMinimum: 0, title: 'Điểm' },
      phanTram: { type: 'number', exclusiveMaximum: 100, multipleOf: 0.5, title: 'Phần trăm' },
      ds: {
        type: 'array',
        title: 'Danh sách',
        minItems: 2,
        uniqueItems: true,
        items: { type: 'string', title: 'Tên mục' },
      },
      ds2: { type: 'array', title: 'Danh sách ngắn', maxItems: 1 },
      lienHe: { title: 'Liên hệ', oneOf: [{ type: 'string' }, { type: 'integer' }] },
      so: { title: 'Số', oneOf: [{ type: 'number' }, { type: 'integer' }] },
      giaTri: { title: 'Giá trị', anyOf: [{ type: 'string' }, { type: 'boolean' }] },
      coThe: { type: ['string', 'null'], title: 'Có thể trống' },
      khongTen: { type: 'string' },
      cap: { type: 'array', title: 'Cặp', prefixItems: [{ type: 'string' }], unevaluatedItems: false },
    },
    required: ['batBuoc'],
    additionalProperties: false,
  };
  const data = {
    ten: 'A',
    oTrong: '',
    ma: '12a',
    ngay: '2026-13-01',
    thu: 'khong-phai-thu',
    loai: 'C',
    dongY: false,
    kieu: 'to-chuc',
    tuoi: 17,
    soCon: 21,
    diem: 0,
    phanTram: 100.25,
    ds: ['x', 'x', 3],
    ds2: [1, 2],
    lienHe: true,
    so: 3,
    giaTri: 5,
    coThe: 5,
    khongTen: 5,
    cap: ['a', 'b'],
    la: 1,
  };
  const messages = new Map<string, string[]>();
  for (const e of errorsOf(schema, data))
    messages.set(e.pointer, [...(messages.get(e.pointer) ?? []), e.message]);
  const expected: [string, string][] = [
    ['/batBuoc', 'Trường “batBuoc” là bắt buộc'],
    ['/la', 'Trường “la” không có trong biểu mẫu'],
    ['/ten', 'Tên phải có ít nhất 2 ký tự'],
    ['/oTrong', 'Ghi chú không được để trống'],
    ['/ma', 'Mã không đúng định dạng'],
    ['/ngay', 'Ngày hẹn phải là ngày hợp lệ theo dạng năm-tháng-ngày (ví dụ 2025-07-01)'],
    ['/thu', 'Thư điện tử phải là địa chỉ thư điện tử hợp lệ'],
    ['/loai', 'Loại phải là một trong các giá trị: A, B hoặc để trống'],
    ['/dongY', 'Cần đánh dấu xác nhận: Tôi đồng ý'],
    ['/kieu', 'Kiểu phải là “ca-nhan”'],
    ['/tuoi', 'Tuổi phải lớn hơn hoặc bằng 18'],
    ['/soCon', 'Số con phải nhỏ hơn hoặc bằng 20'],
    ['/diem', 'Điểm phải lớn hơn 0'],
    ['/phanTram', 'Phần trăm phải nhỏ hơn 100'],
    ['/phanTram', 'Phần trăm phải là bội số của 0.5'],
    ['/ds/2', 'Tên mục (mục 3) phải là văn bản'],
    ['/ds', 'Danh sách có hai mục trùng nhau (mục 1 và mục 2)'],
    ['/ds2', 'Danh sách ngắn không được quá 1 mục'],
    ['/lienHe', 'Liên hệ phải khớp đúng một trong các phương án cho phép'],
    ['/so', 'Số khớp nhiều hơn một phương án, trong khi chỉ được chọn một'],
    ['/giaTri', 'Giá trị phải khớp ít nhất một trong các phương án cho phép'],
    ['/coThe', 'Có thể trống phải là văn bản hoặc để trống'],
    ['/khongTen', 'Trường “khongTen” phải là văn bản'],
    ['/cap', 'Cặp không hợp lệ'],
  ];
  for (const [pointer, message] of expected) {
    it(`${pointer}: ${message}`, () => {
      assert.ok(messages.get(pointer)?.includes(message), `got ${JSON.stringify(messages.get(pointer))}`);
    });
  }
  it('reports nothing else (no raw branch errors of oneOf/anyOf)', () => {
    assert.deepEqual([...messages.values()].flat().sort(), expected.map(([, m]) => m).sort());
  });
  it('names the other limits too', () => {
    const limits: JsonSchemaObject = {
      type: 'object',
      properties: {
        ten: { type: 'string', maxLength: 3, title: 'Tên' },
        ds: { type: 'array', minItems: 2, title: 'Danh sách' },
      },
    };
    assert.deepEqual(
      errorsOf(limits, { ten: 'ABCD', ds: [] }).map((e) => e.message),
      ['Tên không được dài quá 3 ký tự', 'Danh sách phải có ít nhất 2 mục'],
    );
  });
});

describe('refused schemas', () => {
  it('refuses a remote $ref', () => {
    const err = refusal({ $ref: 'https://evil.example/x.json' });
    assert.equal(err.code, 'FORM_SCHEMA_INVALID');
    assert.deepEqual(err.problems, [
      {
        path: '/$ref',
        message:
          'Tham chiếu ngoài “https://evil.example/x.json” không được phép: biểu mẫu chỉ được tham chiếu đến chính nó (bắt đầu bằng #)',
      },
    ]);
  });

  it('refuses remote and relative references anywhere in the schema, listing each', () => {
    const err = refusal({
      type: 'object',
      properties: {
        a: { $ref: 'other.json#/$defs/x' },
        b: { items: { $dynamicRef: 'https://evil.example/m#meta' } },
      },
      $defs: { c: { allOf: [{ $ref: 'urn:x:y' }] } },
    });
    assert.deepEqual(
      err.problems.map((p) => p.path),
      ['/properties/a/$ref', '/properties/b/items/$dynamicRef', '/$defs/c/allOf/0/$ref'],
    );
  });

  it('refuses $async, another dialect and $recursiveRef', () => {
    assert.deepEqual(
      refusal({ $async: true, type: 'object' }).problems.map((p) => p.path),
      ['/$async'],
    );
    assert.deepEqual(
      refusal({ $schema: 'http://json-schema.org/draft-07/schema#', type: 'object' }).problems.map(
        (p) => p.path,
      ),
      ['/$schema'],
    );
    assert.deepEqual(
      refusal({ $recursiveRef: '#' }).problems.map((p) => p.path),
      ['/$recursiveRef'],
    );
  });

  it('refuses unknown keywords, unknown formats, missing local references and invalid schemas', () => {
    assert.match(
      refusal({ type: 'object', requried: ['a'] }).problems[0]!.message,
      /“requried” không được hỗ trợ/,
    );
    assert.match(refusal({ type: 'string', format: 'phone' }).problems[0]!.message, /Định dạng “phone”/);
    assert.match(refusal({ $ref: '#/$defs/missing' }).problems[0]!.message, /Không tìm thấy tham chiếu/);
    assert.deepEqual(
      refusal({ properties: { a: { type: 'strin' } } }).problems[0]!.path,
      '/properties/a/type',
    );
    assert.deepEqual(refusal([]).problems, [
      { path: '', message: 'Biểu mẫu phải là một đối tượng JSON Schema' },
    ]);
  });

  it('accepts local references, x- annotations and $ref-like data in examples', () => {
    assert.deepEqual(
      checkFormSchema({
        $defs: { a: { type: 'string' } },
        properties: { a: { $ref: '#/$defs/a', 'x-widget': 'signature' } },
        examples: [{ $ref: 'https://evil.example/x.json' }],
      }),
      [],
    );
    assert.doesNotThrow(() =>
      compileForm({
        $defs: { a: { type: 'string' } },
        properties: { a: { $ref: '#/$defs/a', 'x-widget': 'signature' } },
        examples: [{ $ref: 'https://evil.example/x.json' }],
      }),
    );
  });
});

describe('genericDeclarationForm', () => {
  const procedure = {
    code: '1.002010',
    name: 'Đăng ký hoạt động của tổ chức hành nghề luật sư',
    competentAgency: { kind: 'justice', text: 'Sở Tư pháp' },
    channels: ['direct', 'online', 'postal'],
  } as unknown as Procedure;
  const form = genericDeclarationForm(procedure);
  const valid = {
    kinhGui: 'Sở Tư pháp',
    nguoiYeuCau: {
      hoTen: 'Lê Văn Cường',
      soDinhDanh: '001090000123',
      noiCuTru: 'Hà Nội',
      email: 'cuong@example.vn',
    },
    noiDungYeuCau: 'Đề nghị đăng ký hoạt động Văn phòng luật sư Lê Cường',
    hinhThucNhanKetQua: RESULT_DELIVERY_OPTIONS[0],
    camDoan: true,
  };

  it('is a Vietnamese 2020-12 form for the procedure that compiles', () => {
    assert.equal(form.$schema, 'https://json-schema.org/draft/2020-12/schema');
    assert.equal(form.$id, 'urn:motcua:form:1.002010:generic');
    assert.equal(form['x-generic'], true);
    assert.equal((form.properties as Record<string, JsonSchemaObject>).kinhGui!.default, 'Sở Tư pháp');
    assert.deepEqual(compileForm(form).validate(valid), { ok: true });
  });

  it('asks for what is missing, and for an address when the result goes by post', () => {
    assert.deepEqual(
      byPointer(errorsOf(form, { nguoiYeuCau: {}, hinhThucNhanKetQua: RESULT_DELIVERY_OPTIONS[1] })),
      byPointer([
        { pointer: '/noiDungYeuCau', keyword: 'required', message: 'Nội dung đề nghị là bắt buộc' },
        {
          pointer: '/camDoan',
          keyword: 'required',
          message:
            'Cần đánh dấu xác nhận: Tôi cam đoan những thông tin đã khai là đúng sự thật và chịu trách nhiệm trước pháp luật',
        },
        { pointer: '/nguoiYeuCau/hoTen', keyword: 'required', message: 'Họ, chữ đệm và tên là bắt buộc' },
        {
          pointer: '/nguoiYeuCau/soDinhDanh',
          keyword: 'required',
          message: 'Số định danh cá nhân (hoặc số hộ chiếu) là bắt buộc',
        },
        { pointer: '/nguoiYeuCau/noiCuTru', keyword: 'required', message: 'Nơi cư trú là bắt buộc' },
        {
          pointer: '/diaChiNhanKetQua',
          keyword: 'required',
          message: 'Địa chỉ nhận kết quả qua bưu chính là bắt buộc',
        },
      ]),
    );
  });
});
