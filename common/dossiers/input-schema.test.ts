// The action inputs: the validator's messages and paths, and its agreement with Ajv (JSON Schema
// 2020-12, as the server may use it) on every action's schema, for random valid and broken inputs.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compileForm } from '../catalog/forms.ts';
import { actionInputs } from './actions.ts';
import { isDateTime, isFullDate, validateInput, type InputSchema } from './input-schema.ts';
import { ACTION_KINDS, initialDossierState, type DossierState } from './model.ts';
import { arbFromSchema, arbInvalidInput, basicWorkflow } from './test-fixtures.ts';

const seed =
  process.env.FC_SEED === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(process.env.FC_SEED);
console.log(`action inputs: fast-check seed ${seed} (replay with FC_SEED=${seed})`);
fc.configureGlobal({ seed, numRuns: 200 });

/** The schemas of every action, including the state-dependent variants. */
function allSchemas(): { name: string; schema: InputSchema }[] {
  const fresh = initialDossierState(basicWorkflow());
  const received: DossierState = { ...fresh, status: 'received' };
  const waiting: DossierState = { ...fresh, status: 'awaiting-supplement' };
  const out: { name: string; schema: InputSchema }[] = ACTION_KINDS.map((kind) => ({
    name: kind,
    schema: actionInputs(kind, received),
  }));
  out.push({
    name: 'forward (to a desk step)',
    schema: actionInputs('forward', { ...received, step: { index: 2, key: 'approve', assigneeId: null } }),
  });
  out.push({ name: 'stop (awaiting supplement)', schema: actionInputs('stop', waiting) });
  return out;
}

describe('validateInput', () => {
  const schema = actionInputs('return-result', initialDossierState(basicWorkflow()));

  it('accepts a valid input and lists every problem of an invalid one', () => {
    assert.deepEqual(validateInput(schema, { channel: 'postal', recipientName: 'Nguyễn Văn A' }), []);
    assert.deepEqual(validateInput(schema, { channel: 'fax', note: 7, other: true }), [
      { path: 'other', message: 'Trường “other” không thuộc thao tác này' },
      {
        path: 'channel',
        message:
          '“Hình thức trả kết quả” phải là một trong: Trực tiếp tại Bộ phận Một cửa, Qua dịch vụ bưu chính công ích, Trực tuyến (kho dữ liệu của người nộp)',
      },
      { path: 'note', message: '“Ghi chú” phải là chuỗi ký tự' },
    ]);
    assert.deepEqual(validateInput(schema, null), [
      { path: '', message: '“Dữ liệu nhập” phải là một đối tượng' },
    ]);
  });

  it('counts characters, not UTF-16 units, and refuses blank required text', () => {
    const refuse = actionInputs('refuse', initialDossierState(basicWorkflow()));
    assert.deepEqual(validateInput(refuse, { reason: '𝒜'.repeat(2000) }), []);
    assert.equal(
      validateInput(refuse, { reason: 'a'.repeat(2001) })[0]?.message,
      '“Lý do” dài quá 2000 ký tự',
    );
    assert.equal(validateInput(refuse, { reason: '\n\t ' })[0]?.message, '“Lý do” không được để trống');
  });

  it('checks integers and their bounds', () => {
    const payment = actionInputs('request-payment', initialDossierState(basicWorkflow()));
    assert.deepEqual(validateInput(payment, { items: [{ name: 'Lệ phí', amountVnd: 50_000 }] }), []);
    assert.deepEqual(
      validateInput(payment, {
        items: [
          { name: 'Lệ phí', amountVnd: -1 },
          { name: 'Phí', amountVnd: 1.5 },
        ],
      }).map((p) => p.path),
      ['items/0/amountVnd', 'items/1/amountVnd'],
    );
  });
});

describe('file inputs', () => {
  it('marks the file of a result or supplement document for upload, and validates it as text', () => {
    const state = initialDossierState(basicWorkflow());
    for (const [kind, field] of [
      ['approve', 'resultDocuments'],
      ['supplement', 'components'],
    ] as const) {
      const schema = actionInputs(kind, state);
      const list = schema.properties[field];
      assert.equal(list?.type, 'array');
      const fileId = list.type === 'array' ? list.items.properties.fileId : undefined;
      assert.equal(fileId?.type === 'string' ? fileId['x-file'] : undefined, true, kind);
      // The annotation is accepted by the server's Ajv (x- keywords) and changes no verdict.
      const ajv = compileForm(schema);
      const rest =
        kind === 'approve'
          ? { resultNumber: '125/QĐ-UBND', resultDate: '2025-07-01', signer: 'Trần Quốc Việt' }
          : {};
      const value = {
        ...rest,
        [field]: [{ name: 'Giấy khai sinh', fileId: '3f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b' }],
      };
      assert.deepEqual(validateInput(schema, value), []);
      assert.ok(ajv.validate(value).ok);
      const bad = { ...rest, [field]: [{ name: 'Giấy khai sinh', fileId: 7 }] };
      assert.deepEqual(
        validateInput(schema, bad).map((p) => p.path),
        [`${field}/0/fileId`],
      );
      assert.equal(ajv.validate(bad).ok, false);
    }
  });
});

describe('isFullDate', () => {
  it('#14 takes calendar dates that exist, as YYYY-MM-DD only', () => {
    for (const ok of ['2025-07-01', '2024-02-29', '2000-02-29']) assert.ok(isFullDate(ok), ok);
    for (const bad of [
      '2025-02-29',
      '1900-02-29',
      '2025-13-01',
      '2025-04-31',
      '01/07/2025',
      '2025-7-1',
      '2025-07-01T00:00:00Z',
    ])
      assert.ok(!isFullDate(bad), bad);
  });
});

describe('isDateTime', () => {
  it('takes RFC 3339 instants with a zone and a real date', () => {
    for (const ok of ['2025-07-01T08:00:00+07:00', '2024-02-29T23:59:59.123Z', '2025-12-31t00:00:00z']) {
      assert.ok(isDateTime(ok), ok);
    }
    for (const bad of [
      '2025-07-01T08:00:00',
      '2025-07-01',
      '2025-02-29T08:00:00Z',
      '2025-13-01T08:00:00Z',
      '2025-04-31T08:00:00Z',
      '2025-07-01T24:00:00Z',
      '2025-07-01T08:00:00+24:00',
      '01/07/2025 08:00',
    ]) {
      assert.ok(!isDateTime(bad), bad);
    }
  });
});

describe('agreement with Ajv (JSON Schema 2020-12)', () => {
  for (const { name, schema } of allSchemas()) {
    it(`${name}: the schema compiles and both validators agree`, () => {
      const ajv = compileForm(schema);
      const dateTimes = fc.constantFrom(
        '2025-07-01T08:00:00+07:00',
        '2024-02-29T10:00:00Z',
        '2025-02-29T10:00:00Z',
        '2025-07-01T08:00:00',
        '2025-07-01',
        '',
      );
      const mutated = arbFromSchema(schema).chain((v) =>
        fc.oneof(
          fc.constant(v),
          fc
            .record({
              key: fc.constantFrom(...Object.keys(schema.properties)),
              value: fc.oneof(
                fc.string({ maxLength: 3 }),
                dateTimes,
                fc.integer(),
                fc.constant(null),
                fc.constant([]),
                fc.constant([{}]),
              ),
            })
            .map(({ key, value }) => ({ ...(v as object), [key]: value })),
        ),
      );
      fc.assert(
        fc.property(fc.oneof(arbFromSchema(schema), arbInvalidInput(schema), mutated), (value) => {
          const ours = validateInput(schema, value).length === 0;
          assert.equal(ours, ajv.validate(value).ok, JSON.stringify(value));
        }),
      );
      fc.assert(
        fc.property(arbFromSchema(schema), (value) => {
          assert.deepEqual(validateInput(schema, value), []);
        }),
      );
      fc.assert(
        fc.property(arbInvalidInput(schema), (value) => {
          assert.ok(validateInput(schema, value).length > 0, JSON.stringify(value));
        }),
      );
    });
  }
});
