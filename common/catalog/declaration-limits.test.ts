import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { compileForm, genericDeclarationForm, type JsonSchemaObject } from './forms.ts';
import {
  DECLARATION_MAX_BYTES,
  DECLARATION_TEXT_MAX,
  declarationSizeErrors,
  holdToForm,
} from './declaration-limits.ts';
import { VALID_BIRTH_DECLARATION } from './birth-declaration.fixture.ts';

const readForm = (file: string) =>
  JSON.parse(
    readFileSync(new URL(`../../server/db/seeds/reference/data/procedures/${file}`, import.meta.url), 'utf8'),
  ) as JsonSchemaObject;

const birth = compileForm(holdToForm(readForm('birth-registration.schema.json')));

const keywordsAt = (data: unknown) => {
  const r = birth.validate(data);
  return r.ok ? [] : r.errors.map((e) => `${e.pointer} ${e.keyword}`);
};

describe('a declaration held to its form', () => {
  it('the real birth declaration still passes', () => {
    assert.deepEqual(birth.validate(VALID_BIRTH_DECLARATION), { ok: true });
  });

  it('#20.11 undeclared fields are refused at the top, in a nested group and in a $ref group', () => {
    const data = {
      ...VALID_BIRTH_DECLARATION,
      zzJunk: 'x',
      me: { ...VALID_BIRTH_DECLARATION.me, zzNested: { a: 1 } },
      nguoiYeuCau: {
        ...VALID_BIRTH_DECLARATION.nguoiYeuCau,
        giayToTuyThan: { ...VALID_BIRTH_DECLARATION.nguoiYeuCau.giayToTuyThan, zzRef: 1 },
      },
    };
    assert.deepEqual(keywordsAt(data).sort(), [
      '/me/zzNested unevaluatedProperties',
      '/nguoiYeuCau/giayToTuyThan/zzRef unevaluatedProperties',
      '/zzJunk unevaluatedProperties',
    ]);
  });

  it('#20.11 text without its own limit is bounded; a form that sets its own keeps it', () => {
    const long = 'a'.repeat(DECLARATION_TEXT_MAX + 1);
    assert.deepEqual(keywordsAt({ ...VALID_BIRTH_DECLARATION, lamTai: long }), ['/lamTai maxLength']);
    const own = compileForm(
      holdToForm({ type: 'object', properties: { note: { type: 'string', maxLength: 10_000 } } }),
    );
    assert.deepEqual(own.validate({ note: long }), { ok: true });
  });

  it('a form that opens an object keeps it open, and fields declared in if/then or allOf are not refused', () => {
    const open = compileForm(
      holdToForm({ type: 'object', properties: { a: { type: 'string' } }, additionalProperties: true }),
    );
    assert.deepEqual(open.validate({ a: 'x', b: 1 }), { ok: true });
    const split = compileForm(
      holdToForm({
        type: 'object',
        properties: { kind: { enum: ['x', 'y'] } },
        allOf: [{ properties: { fromAllOf: { type: 'integer' } } }],
        if: { properties: { kind: { const: 'x' } } },
        then: { properties: { onlyX: { type: 'string' } }, required: ['onlyX'] },
      }),
    );
    assert.deepEqual(split.validate({ kind: 'x', fromAllOf: 1, onlyX: 'ok' }), { ok: true });
    const r = split.validate({ kind: 'y', onlyX: 'ok', other: 1 });
    assert.equal(r.ok, false);
  });

  it('the generic form (already closed) and the household-business form compile held', () => {
    assert.doesNotThrow(() => compileForm(holdToForm(readForm('household-business.schema.json'))));
    const procedure = {
      code: '1.000001',
      name: 'Thử',
      channels: ['direct'],
      competentAgency: { text: null },
    };
    assert.doesNotThrow(() => compileForm(holdToForm(genericDeclarationForm(procedure as never))));
  });

  it('#20.11 a declaration over the size limit is refused whole', () => {
    assert.deepEqual(declarationSizeErrors(VALID_BIRTH_DECLARATION), []);
    const big = { x: 'ă'.repeat(DECLARATION_MAX_BYTES / 2) };
    assert.deepEqual(
      declarationSizeErrors(big).map((e) => [e.pointer, e.keyword]),
      [['', 'maxBytes']],
    );
  });
});
