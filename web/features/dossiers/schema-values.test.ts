import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { vi } from '../../app/i18n/vi.ts';
import {
  errorsFor,
  fieldId,
  getAt,
  initialValue,
  orderedProperties,
  pruneValue,
  setAt,
  titleAt,
  type FormSchema,
} from './schema-values.ts';

const schema: FormSchema = {
  type: 'object',
  required: ['nguoiYeuCau', 'ngayLap'],
  properties: {
    ngayLap: { type: 'string', format: 'date', title: 'Ngày lập' },
    nguoiYeuCau: { $ref: '#/$defs/person', title: 'Người yêu cầu' },
    con: { type: 'array', minItems: 1, title: 'Con', items: { $ref: '#/$defs/person', title: 'Con' } },
    soLuong: { type: 'integer', title: 'Số lượng' },
    camDoan: { type: 'boolean', const: true, title: 'Cam đoan' },
  },
  $defs: {
    person: {
      type: 'object',
      required: ['hoTen'],
      properties: {
        hoTen: { type: 'string', title: 'Họ, chữ đệm, tên' },
        quocTich: { type: 'string', title: 'Quốc tịch', default: 'Việt Nam' },
      },
    },
  },
};

describe('initialValue', () => {
  it('takes the defaults through $ref and gives a required array one row', () => {
    assert.deepEqual(initialValue(schema), {
      nguoiYeuCau: { quocTich: 'Việt Nam' },
      con: [{ quocTich: 'Việt Nam' }],
    });
  });
});

describe('pruneValue', () => {
  it('drops blanks and groups holding only their defaults, turns integers into numbers', () => {
    const value = {
      ngayLap: '2026-11-20',
      nguoiYeuCau: { hoTen: ' ', quocTich: 'Việt Nam' },
      con: [{ hoTen: 'An', quocTich: 'Việt Nam' }, { quocTich: 'Việt Nam' }],
      soLuong: '2',
      camDoan: true,
    };
    assert.deepEqual(pruneValue(schema, schema, value), {
      ngayLap: '2026-11-20',
      nguoiYeuCau: { quocTich: 'Việt Nam' },
      con: [{ hoTen: 'An', quocTich: 'Việt Nam' }],
      soLuong: 2,
      camDoan: true,
    });
  });

  it('sends an empty object for a form left blank', () => {
    assert.deepEqual(pruneValue(schema, schema, undefined), {});
  });
});

describe('paths', () => {
  it('reads and writes nested values without changing the original', () => {
    const before = { con: [{ hoTen: 'An' }] };
    const after = setAt(before, ['con', '0', 'hoTen'], 'Bình');
    assert.equal(getAt(after, ['con', '0', 'hoTen']), 'Bình');
    assert.equal(getAt(before, ['con', '0', 'hoTen']), 'An');
    assert.equal(getAt(after, ['nguoiYeuCau', 'hoTen']), undefined);
  });

  it('names a field by its titles and gives it an id', () => {
    assert.equal(titleAt(schema, ['nguoiYeuCau', 'hoTen']), 'Người yêu cầu › Họ, chữ đệm, tên');
    assert.equal(titleAt(schema, ['con', '1', 'hoTen']), 'Con › 2 › Con › Họ, chữ đệm, tên');
    assert.equal(titleAt(schema, ['khong']), null);
    assert.equal(fieldId('intake-form', ['con', '0', 'hoTen']), 'intake-form-con-0-hoTen');
  });

  it('orders the properties by x-propertyOrder, else required first', () => {
    assert.deepEqual(
      orderedProperties(schema).map(([k]) => k),
      ['nguoiYeuCau', 'ngayLap', 'con', 'soLuong', 'camDoan'],
    );
    const ordered = { ...schema, 'x-propertyOrder': ['con', 'ngayLap'] };
    assert.deepEqual(
      orderedProperties(ordered)
        .map(([k]) => k)
        .slice(0, 2),
      ['con', 'ngayLap'],
    );
  });
});

describe('errorsFor', () => {
  it("maps the server's paths onto the fields they name and keeps the others", () => {
    const mapped = errorsFor(vi, schema, 'f', 'body/formData/', [
      { path: 'body/formData/nguoiYeuCau/hoTen', message: 'Thiếu họ tên' },
      { path: 'body/formData/nguoiYeuCau/hoTen', message: 'Lần hai' },
      { path: 'body/formData/khong', message: 'Không biết' },
      { path: 'body/applicant/phone', message: 'Sai số' },
    ]);
    assert.deepEqual(mapped.fields, { 'nguoiYeuCau/hoTen': 'Thiếu họ tên' });
    assert.deepEqual(mapped.problems, [
      { message: 'Thiếu họ tên', fieldId: 'f-nguoiYeuCau-hoTen', label: 'Người yêu cầu › Họ, chữ đệm, tên' },
    ]);
    assert.deepEqual(
      mapped.rest.map((d) => d.path),
      ['body/formData/khong', 'body/applicant/phone'],
    );
  });
});
