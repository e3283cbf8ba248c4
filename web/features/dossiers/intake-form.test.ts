import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { vi } from '../../app/i18n/vi.ts';
import {
  declarationFailure,
  EMPTY_APPLICANT,
  intakeBody,
  intakeDefaults,
  pickFirst,
  serverFailure,
} from './intake-form.ts';
import type { FormSchema } from './schema-values.ts';

const schema: FormSchema = {
  type: 'object',
  properties: { hoTen: { type: 'string', title: 'Họ tên' }, soLuong: { type: 'integer', title: 'Số lượng' } },
};
const components = [{ name: 'Tờ khai' }, { name: 'Giấy chứng sinh' }, { name: 'Giấy tờ khác' }] as never[];

const draft = {
  procedureCode: '1.001193',
  agencyCode: '000.12.22.H26',
  deskAgencyCode: null,
  channel: 'direct' as const,
  returnChannel: '' as const,
  applicant: {
    ...EMPTY_APPLICANT,
    fullName: ' Nguyễn An ',
    idNumber: '001 190 012345',
    phone: '0912 345 678',
  },
  schema,
  formData: { hoTen: 'An', soLuong: '2' },
  marks: ['original', 'missing', 'reused'] as const,
  reused: { TP3: ['doc-1'] },
};

describe('intakeBody', () => {
  it('trims the applicant, prunes the declaration, lists the components given and missing', () => {
    assert.deepEqual(intakeBody({ ...draft, marks: [...draft.marks] }), {
      procedureCode: '1.001193',
      agencyCode: '000.12.22.H26',
      applicant: { kind: 'person', fullName: 'Nguyễn An', idNumber: '001190012345', phone: '0912345678' },
      formData: { hoTen: 'An', soLuong: 2 },
      components: [
        { code: 'TP1', provided: 'original' },
        { code: 'TP3', provided: 'reused', documentIds: ['doc-1'] },
      ],
      channel: 'direct',
      missing: [{ code: 'TP2' }],
    });
  });

  it('sends the email only when given, and no missing list when nothing is missing', () => {
    const body = intakeBody({
      ...draft,
      applicant: { ...draft.applicant, email: ' a@b.vn ' },
      marks: ['copy'],
    });
    assert.equal(body.applicant.email, 'a@b.vn');
    assert.equal('missing' in body, false);
  });

  it('#14 address: sends the commune picked and the street as codes and text; half of one for the server to name', () => {
    const full = intakeBody({
      ...draft,
      applicant: { ...draft.applicant, addressUnit: '00070', addressLine: ' Số 12 phố Hàng Trống ' },
    });
    assert.deepEqual(full.applicant.address, { unitCode: '00070', line: 'Số 12 phố Hàng Trống' });
    assert.equal('address' in intakeBody(draft).applicant, false);
    const half = intakeBody({ ...draft, applicant: { ...draft.applicant, addressUnit: '00070' } });
    assert.deepEqual(half.applicant.address, { unitCode: '00070', line: '' });
    const failure = serverFailure(
      vi,
      [
        { path: 'body/applicant/address/line', message: 'Thiếu số nhà' },
        { path: 'body/applicant/address/unitCode', message: 'Không có mã' },
      ],
      { schema, body: half, components, reuseFieldId: null },
    );
    assert.deepEqual(failure.fields, {
      'applicant/addressLine': 'Thiếu số nhà',
      'applicant/addressUnit': 'Không có mã',
    });
  });
});

describe('#14 intakeBody: scans and the hand-on', () => {
  it('sends each component’s scans, page count and digitised mark, and the next handler', () => {
    const body = intakeBody({
      ...draft,
      marks: ['original', 'copy', ''],
      scans: [
        {
          files: [
            { fileId: 'f-1', name: 'a.pdf', size: 1 },
            { fileId: 'f-2', name: 'b.png', size: 1 },
          ],
          pageCount: '2',
          digitised: true,
        },
        { files: [], pageCount: '', digitised: false },
        { files: [{ fileId: 'f-3', name: 'c.pdf', size: 1 }], pageCount: '1', digitised: true },
      ],
      nextAssigneeId: '42',
    });
    assert.deepEqual(body.components, [
      { code: 'TP1', provided: 'original', fileIds: ['f-1', 'f-2'], pageCount: 2, digitised: true },
      { code: 'TP2', provided: 'copy' },
    ]);
    assert.equal(body.nextAssigneeId, '42');
    assert.equal('nextAssigneeId' in intakeBody({ ...draft, marks: ['copy'], nextAssigneeId: '' }), false);
  });

  it('names the hand-on field when the server refuses the handler', () => {
    const failure = serverFailure(vi, [{ path: 'body/nextAssigneeId', message: 'Không nhận được bước.' }], {
      schema,
      body: intakeBody({ ...draft, marks: ['copy'] }),
      components,
      reuseFieldId: null,
    });
    assert.equal(failure.fields.handOn, 'Không nhận được bước.');
    assert.equal(failure.problems[0]?.fieldId, 'intake-hand-on');
  });

  it('#14 sends the return method the applicant chose, nothing when they did not say', () => {
    assert.equal(intakeBody({ ...draft, marks: ['copy'], returnChannel: 'postal' }).returnChannel, 'postal');
    assert.equal('returnChannel' in intakeBody({ ...draft, marks: ['copy'] }), false);
  });
});

describe('failures', () => {
  it('asks for the procedure first', () => {
    assert.deepEqual(pickFirst(vi).fields, { procedure: vi.dossiers.intake.pickFirst });
    assert.equal(pickFirst(vi).problems[0]?.fieldId, 'intake-procedure');
  });

  it("puts the browser's declaration errors beside the declaration's fields", () => {
    const failure = declarationFailure(vi, schema, [
      { pointer: '/hoTen', message: 'Thiếu', keyword: 'required' },
    ]);
    assert.deepEqual(failure.formFields, { hoTen: 'Thiếu' });
    assert.deepEqual(failure.problems, [{ message: 'Thiếu', fieldId: 'intake-form-hoTen', label: 'Họ tên' }]);
  });

  it("puts the server's details beside their fields, in the order of the page", () => {
    const body = intakeBody({ ...draft, marks: [...draft.marks] });
    const failure = serverFailure(
      vi,
      [
        { path: 'body/missing/0', message: 'Thiếu TP2' },
        { path: 'body/something', message: 'Khác' },
        { path: 'body/formData/hoTen', message: 'Sai họ tên' },
        { path: 'body/applicant/idNumber', message: 'Sai số' },
        { path: 'body/components/1/documentIds', message: 'Hồ sơ cũ' },
      ],
      { schema, body, components, reuseFieldId: (i) => `reuse-${i}-0` },
    );
    assert.deepEqual(failure.fields, {
      'component/1': 'Thiếu TP2',
      'applicant/idNumber': 'Sai số',
      'reuse/2': 'Hồ sơ cũ',
    });
    assert.deepEqual(failure.formFields, { hoTen: 'Sai họ tên' });
    assert.deepEqual(
      failure.problems.map((p) => p.fieldId ?? p.message),
      ['intake-applicant-idNumber', 'reuse-2-0', 'intake-form-hoTen', 'intake-component-1', 'Khác'],
    );
  });

  it('names the component instead of the records when none were looked up', () => {
    const body = intakeBody({ ...draft, marks: [...draft.marks] });
    const failure = serverFailure(vi, [{ path: 'body/components/1/documentIds', message: 'x' }], {
      schema,
      body,
      components,
      reuseFieldId: null,
    });
    assert.deepEqual(failure.fields, { 'component/2': 'x' });
  });
});

describe('#18 intakeBody: the channels the applicant is told by', () => {
  it('#18 sends the choice, e-mail only with an address; nothing when the page gave none', () => {
    assert.deepEqual(intakeBody({ ...draft, notifyBy: ['email', 'sms', 'zalo'] }).applicant.notifyBy, [
      'sms',
      'zalo',
    ]);
    const withEmail = { ...draft, applicant: { ...draft.applicant, email: 'an@example.vn' } };
    assert.deepEqual(intakeBody({ ...withEmail, notifyBy: ['zalo', 'email'] }).applicant.notifyBy, [
      'email',
      'zalo',
    ]);
    assert.deepEqual(intakeBody({ ...draft, notifyBy: [] }).applicant.notifyBy, []);
    assert.equal('notifyBy' in intakeBody(draft).applicant, false);
  });

  it('#18 the defaults: e-mail and SMS chosen (e-mail sent once there is an address)', () => {
    assert.deepEqual(intakeDefaults().notifyBy, ['email', 'sms']);
    const body = intakeBody({ ...draft, notifyBy: intakeDefaults().notifyBy });
    assert.deepEqual(body.applicant.notifyBy, ['sms']);
  });

  it('#18 a refusal of the choice goes beside its tick boxes', () => {
    const body = intakeBody({ ...draft, notifyBy: ['sms'] });
    const failure = serverFailure(vi, [{ path: 'body/applicant/notifyBy/0', message: 'Kênh không hợp lệ' }], {
      schema,
      body,
      components,
      reuseFieldId: null,
    });
    assert.deepEqual(failure.fields, { 'applicant/notifyBy': 'Kênh không hợp lệ' });
    assert.equal(failure.problems[0]?.fieldId, 'intake-notify-by-sms');
  });
});
