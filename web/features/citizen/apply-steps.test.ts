import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DossierComponent, Procedure } from '../../../common/catalog/procedure.ts';
import { en } from '../../app/i18n/en.ts';
import { vi } from '../../app/i18n/vi.ts';
import type { UploadSlot } from './apply-rules.ts';
import {
  applicantProblems,
  attachmentProblems,
  failureOf,
  firstFailedStep,
  ID,
  placeDetail,
  reusedForReview,
  submissionBody,
  whereProblems,
  type ApplyValues,
} from './apply-steps.ts';
import type { ApplicantDocumentItem } from './documents-api.ts';

const person: ApplyValues = {
  caseCode: '',
  agencyCode: 'A1',
  otherDesk: false,
  deskCode: '',
  kind: 'person',
  name: '',
  taxCode: '',
  phone: '0912 345.678',
  email: '',
  addressUnit: '',
  addressLine: '',
  returnChannel: '',
  notifyBy: ['email', 'sms'],
};
const organisation: ApplyValues = {
  ...person,
  kind: 'organisation',
  name: ' Công ty An Bình ',
  taxCode: '0101234567',
};

const component = (name: string): DossierComponent => ({ name }) as DossierComponent;
const slot = (index: number, required: boolean): UploadSlot => ({
  index,
  code: `TP${index + 1}`,
  component: component(`Giấy tờ ${index + 1}`),
  required,
});
const slots = [slot(0, true), slot(1, false)];
const procedure = { code: '1.000001' } as Procedure;
const noFiles = { busy: false, fileIds: () => [] };
const filesOf = (files: Record<string, string[]>) => ({
  busy: false,
  fileIds: (code: string) => files[code] ?? [],
});

describe('whereProblems', () => {
  it('asks for the agency, and for the desk only when another desk is wanted', () => {
    assert.deepEqual(
      whereProblems(vi, { agency: false, otherDesk: false, desk: false }).map((f) => [
        f.key,
        f.problem.message,
      ]),
      [['agency', vi.citizen.apply.pickAgency]],
    );
    assert.deepEqual(
      whereProblems(vi, { agency: true, otherDesk: true, desk: false }).map((f) => [
        f.key,
        f.problem.fieldId,
      ]),
      [['desk', ID.desk]],
    );
    assert.deepEqual(whereProblems(vi, { agency: true, otherDesk: true, desk: true }), []);
  });
});

describe('applicantProblems', () => {
  it('accepts a phone written with spaces and dots', () => {
    assert.deepEqual(applicantProblems(vi, person), []);
  });

  it('checks the organisation, the phone and the email as the server does', () => {
    const found = applicantProblems(vi, {
      ...organisation,
      name: ' ',
      taxCode: '12',
      phone: '123',
      email: 'a@',
    });
    assert.deepEqual(
      found.map((f) => f.key),
      ['applicant/name', 'applicant/taxCode', 'applicant/phone', 'applicant/email'],
    );
    assert.ok(found.every((f) => f.step === 'declaration'));
    assert.equal(found[2]?.problem.fieldId, 'apply-applicant-phone');
    assert.equal(found[2]?.problem.label, vi.citizen.apply.applicant.phone);
  });

  it('does not ask a person for an organisation name', () => {
    assert.deepEqual(applicantProblems(vi, { ...person, name: '', taxCode: 'x' }), []);
  });
});

describe('attachmentProblems', () => {
  it('names each required component with nothing attached, and uploads still running', () => {
    const found = attachmentProblems(vi, slots, { ...noFiles, busy: true }, { choices: {}, kind: 'person' });
    assert.deepEqual(
      found.map((f) => f.key),
      [null, 'component/TP1'],
    );
    assert.equal(found[1]?.problem.message, vi.citizen.apply.problems.attach('Giấy tờ 1'));
  });

  it('takes a reused record for a person, not for an organisation', () => {
    const choices = { TP1: ['doc-1'] };
    assert.deepEqual(attachmentProblems(vi, slots, noFiles, { choices, kind: 'person' }), []);
    assert.equal(attachmentProblems(vi, slots, noFiles, { choices, kind: 'organisation' }).length, 1);
  });
});

describe('failureOf and firstFailedStep', () => {
  it('keeps the first message of each field and goes to the earliest step with a problem', () => {
    const failure = failureOf([
      { step: 'attachments', key: 'component/TP1', problem: { message: 'first' } },
      { step: 'attachments', key: 'component/TP1', problem: { message: 'second' } },
      { step: 'where', key: null, problem: { message: 'where' } },
    ]);
    assert.deepEqual(failure.fields, { 'component/TP1': 'first' });
    assert.equal(failure.problems.length, 3);
    assert.equal(firstFailedStep(failure, 'review'), 'where');
    assert.equal(firstFailedStep(failureOf([]), 'review'), 'review');
  });
});

describe('submissionBody', () => {
  it("sends a person's phone bare and no name (the identity names them)", () => {
    const body = submissionBody(
      procedure,
      { ...person, email: ' a@b.vn ' },
      {
        formData: { x: 1 },
        slots,
        uploads: filesOf({ TP1: ['f1'] }),
        reused: {},
      },
    );
    assert.deepEqual(body, {
      procedureCode: '1.000001',
      agencyCode: 'A1',
      applicant: { kind: 'person', phone: '0912345678', email: 'a@b.vn', notifyBy: ['email', 'sms'] },
      formData: { x: 1 },
      components: [{ code: 'TP1', fileIds: ['f1'] }],
    });
  });

  it('#14 sends the way the applicant wants the result only when chosen', () => {
    const sent = { formData: {}, slots, uploads: noFiles, reused: {} };
    assert.equal(
      submissionBody(procedure, { ...person, returnChannel: 'online' }, sent).returnChannel,
      'online',
    );
    assert.equal('returnChannel' in submissionBody(procedure, person, sent), false);
  });

  it('names another desk only when it differs, and the case when chosen', () => {
    const v = { ...organisation, caseCode: 'k1', otherDesk: true, deskCode: 'B2' };
    const body = submissionBody(procedure, v, { formData: {}, slots, uploads: noFiles, reused: {} });
    assert.equal(body.caseCode, 'k1');
    assert.equal(body.receivingAgencyCode, 'B2');
    assert.deepEqual(body.applicant, {
      kind: 'organisation',
      fullName: 'Công ty An Bình',
      idNumber: '0101234567',
      phone: '0912345678',
      notifyBy: ['sms'],
    });
    const same = submissionBody(
      procedure,
      { ...v, deskCode: 'A1' },
      { formData: {}, slots, uploads: noFiles, reused: {} },
    );
    assert.equal('receivingAgencyCode' in same, false);
  });
});

describe('the channels the applicant is told by (#18)', () => {
  const sent = { formData: {}, slots, uploads: noFiles, reused: {} };
  it('#18 sends the channels chosen, e-mail only with an address, in the order offered', () => {
    const chosen: ApplyValues = { ...person, notifyBy: ['zalo', 'sms', 'email'] };
    assert.deepEqual(submissionBody(procedure, chosen, sent).applicant.notifyBy, ['sms', 'zalo']);
    const withEmail = { ...chosen, email: 'lan@example.vn' };
    assert.deepEqual(submissionBody(procedure, withEmail, sent).applicant.notifyBy, ['email', 'sms', 'zalo']);
    assert.deepEqual(submissionBody(procedure, { ...person, notifyBy: [] }, sent).applicant.notifyBy, []);
  });
  it('#18 a refusal of the choice goes to its tick boxes on the declaration step', () => {
    const placed = placeDetail(
      vi,
      { path: 'body/applicant/notifyBy/1', message: 'Sai', code: 'x' },
      { sent: null, slots, reuseShown: false },
    );
    assert.equal(placed.step, 'declaration');
    assert.equal(placed.key, 'applicant/notifyBy');
    assert.equal(placed.problem.fieldId, `${ID.notifyBy}-sms`);
  });
});

describe('the address (#14)', () => {
  const sent = { formData: {}, slots, uploads: filesOf({ TP1: ['f1'] }), reused: {} };
  it('#14 address: sends the commune picked and the street as codes and text, both or neither', () => {
    const full = { ...person, addressUnit: '00070', addressLine: ' Số 12 phố Hàng Trống ' };
    assert.deepEqual(submissionBody(procedure, full, sent).applicant, {
      kind: 'person',
      phone: '0912345678',
      address: { unitCode: '00070', line: 'Số 12 phố Hàng Trống' },
      notifyBy: ['sms'],
    });
    assert.equal('address' in submissionBody(procedure, person, sent).applicant, false);
    assert.deepEqual(applicantProblems(vi, full), []);
    assert.deepEqual(
      applicantProblems(vi, { ...person, addressUnit: '00070' }).map((f) => f.key),
      ['applicant/addressLine'],
    );
    assert.deepEqual(
      applicantProblems(vi, { ...person, addressLine: 'Số 12' }).map((f) => f.key),
      ['applicant/addressUnit'],
    );
  });
  it('#14 address: a refusal of either half goes to its field', () => {
    const at = (path: string) =>
      placeDetail(vi, { path, message: 'Sai', code: 'x' }, { sent: null, slots, reuseShown: true });
    assert.equal(at('body/applicant/address/unitCode').problem.fieldId, 'apply-applicant-addressUnit');
    assert.equal(at('body/applicant/address/line').problem.fieldId, 'apply-applicant-addressLine');
  });
});

describe('placeDetail', () => {
  const context = { sent: null, slots, reuseShown: true };
  const detail = (path: string) => ({ path, message: 'Sai', code: 'pattern' });

  it('sends the where fields and the applicant to their steps', () => {
    assert.deepEqual(placeDetail(vi, detail('body/receivingAgencyCode'), context), {
      step: 'where',
      key: 'desk',
      problem: { message: 'Sai', fieldId: ID.desk, label: vi.citizen.apply.desk },
    });
    const name = placeDetail(vi, detail('body/applicant/fullName'), context);
    assert.equal(name.key, 'applicant/name');
    assert.equal(placeDetail(vi, detail('body/applicant/idNumber'), context).key, 'applicant/taxCode');
    // Not a field of the form: the review step's summary.
    assert.equal(placeDetail(vi, detail('body/applicant/constructor'), context).step, 'review');
  });

  it('finds a component by its code, or by its index in what was sent', () => {
    assert.equal(placeDetail(vi, detail('body/components/TP2'), context).key, 'component/TP2');
    const sent = submissionBody(procedure, person, {
      formData: {},
      slots,
      uploads: filesOf({ TP2: ['f2'] }),
      reused: {},
    });
    const placed = placeDetail(vi, detail('body/components/0/fileIds'), { ...context, sent });
    assert.equal(placed.key, 'component/TP2');
    assert.equal(placed.problem.fieldId, ID.slot('TP2'));
  });

  it('puts a refused record on its reuse group, when the group is shown', () => {
    const placed = placeDetail(vi, detail('body/components/TP1/documentIds'), context);
    assert.equal(placed.key, 'reuse/TP1');
    assert.equal(placed.problem.fieldId, 'apply-reuse-TP1-0');
    assert.equal(
      placeDetail(vi, detail('body/components/TP1/documentIds'), { ...context, reuseShown: false }).key,
      'component/TP1',
    );
  });

  it('speaks English by the error code', () => {
    assert.equal(
      placeDetail(en, detail('body/agencyCode'), context).problem.message,
      en.errors.byField.pattern ?? en.errors.invalidField,
    );
  });
});

describe('reusedForReview', () => {
  const doc = (documentId: string) => ({ documentId, name: documentId }) as ApplicantDocumentItem;
  it('lists the chosen records still in the store, for a person only', () => {
    const reused = { TP1: ['d1', 'gone'], TP2: ['d2'] };
    assert.deepEqual(
      reusedForReview(slots, reused, [doc('d1'), doc('d2')], 'person').map((r) => [
        r.code,
        r.document.documentId,
      ]),
      [
        ['TP1', 'd1'],
        ['TP2', 'd2'],
      ],
    );
    assert.deepEqual(reusedForReview(slots, reused, [doc('d1')], 'organisation'), []);
  });
});
