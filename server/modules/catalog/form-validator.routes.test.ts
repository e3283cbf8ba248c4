// GET /api/v1/procedures/<code>/form/validator.js: the declaration form's validator for the browser.
// The module is fetched over the app, written to a file and imported in Node with the browser's own
// `require` (common/catalog/form-runtime.ts); for the reference forms (birth registration, household
// business) and a generic form, random and mutated declarations get the same verdict and the same
// Vietnamese errors as compileForm. The seed is printed; FC_SEED=<seed> replays a run.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { compileForm, type JsonSchemaObject } from '../../../common/catalog/forms.ts';
import { holdToForm } from '../../../common/catalog/declaration-limits.ts';
import {
  FORM_RUNTIME_MODULE_IDS,
  formRuntimeRequire,
  formValidatorFromModule,
  type FormValidatorModule,
} from '../../../common/catalog/form-runtime.ts';
import { createTestRuntime, type TestRuntime } from '../../test/db.ts';
import { VALID_BIRTH_DECLARATION } from '../../test/fixtures.ts';
import { errorOf, loginAs } from '../../test/http.ts';

const seed =
  process.env.FC_SEED === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(process.env.FC_SEED);
console.log(`form validator module: fast-check seed ${seed} (replay with FC_SEED=${seed})`);
fc.configureGlobal({ seed, numRuns: 300 });

const address = { tinhThanhPho: 'Hải Phòng', xaPhuongDacKhu: 'Xã Vĩnh Bảo', soNhaDuongPho: 'Thôn Đông' };
const VALID_HOUSEHOLD = {
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
const VALID_GENERIC = {
  nguoiYeuCau: { hoTen: 'Nguyễn Văn An', soDinhDanh: '001093012345', noiCuTru: 'Hà Nội' },
  noiDungYeuCau: 'Đề nghị giải quyết thủ tục.',
  hinhThucNhanKetQua: 'Qua dịch vụ bưu chính công ích',
  diaChiNhanKetQua: 'Số 1 phố Hàng Trống',
  camDoan: true,
  ngayLap: '2026-11-20',
};

let rt: TestRuntime;
let dir: string;
/** A procedure with the generic form (no prescribed one). */
let genericCode: string;

before(async () => {
  rt = await createTestRuntime();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-form-module-'));
  const row = await rt.deps.db
    .selectFrom('procedure_versions as v')
    .innerJoin('procedures as p', 'p.procedure_id', 'v.procedure_id')
    .select('p.code')
    .where('v.status', '=', 'published')
    .where('v.form_schema', 'is', null)
    .orderBy('p.code')
    .executeTakeFirstOrThrow();
  genericCode = row.code;
});
after(async () => {
  await rt.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const moduleUrl = (code: string, query = '') => `/api/v1/procedures/${code}/form/validator.js${query}`;

async function formOf(code: string): Promise<JsonSchemaObject> {
  const res = await rt.app.inject({ method: 'GET', url: `/api/v1/procedures/${code}` });
  assert.equal(res.statusCode, 200, res.body);
  return res.json<{ form: JsonSchemaObject }>().form;
}

let files = 0;
/** The module as served, imported from a file as the browser imports it from its URL. */
async function importModule(source: string): Promise<FormValidatorModule> {
  files += 1;
  const file = path.join(dir, `validator-${files}.mjs`);
  fs.writeFileSync(file, source);
  return (await import(pathToFileURL(file).href)) as FormValidatorModule;
}

/** Every path (object keys and array indexes) inside a declaration, the root excluded. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => [[...prefix, i], ...pathsOf(v, [...prefix, i])]);
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...pathsOf(v, [...prefix, k])]);
  return [];
}

type Mutation = { path: (string | number)[]; op: 'delete' } | { path: (string | number)[]; value: unknown };

function mutate(valid: unknown, mutations: Mutation[]): unknown {
  const data = structuredClone(valid) as Record<string | number, unknown>;
  for (const m of mutations) {
    let parent: unknown = data;
    for (const key of m.path.slice(0, -1)) {
      parent =
        typeof parent === 'object' && parent !== null ? (parent as Record<string, unknown>)[key] : undefined;
    }
    if (typeof parent !== 'object' || parent === null) continue;
    const last = m.path.at(-1)!;
    const target = parent as Record<string | number, unknown>;
    if ('op' in m) {
      if (Array.isArray(target)) target.splice(Number(last), 1);
      else delete target[last];
    } else target[last] = m.value;
  }
  return data;
}

/** Values a declaration field may wrongly hold: wrong types, bad dates, blanks, long text, odd strings. */
const badValue = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '2026-02-30',
    '2026-11-01',
    '01/11/2026',
    '1995',
    'abc',
    'x@y',
    'hoa@example.vn',
    '0912345678',
    '001093012345',
    '4721',
    'Nam',
    'Việt Nam',
    'a'.repeat(301),
    '😀'.repeat(3),
    true,
    false,
    0,
    -1,
    1.5,
    100000000,
    null,
    [],
    {},
  ),
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.array(fc.oneof(fc.string({ maxLength: 5 }), fc.integer()), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), { maxKeys: 3 }),
);

function declarations(valid: unknown): fc.Arbitrary<unknown> {
  const paths = pathsOf(valid);
  const path = fc.oneof(
    fc.constantFrom(...paths),
    // A key the form does not have, at the root or beside a known field.
    fc.constantFrom(...paths).map((p) => [...p.slice(0, -1), 'truongLa']),
  );
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    path.map((p) => ({ path: p, op: 'delete' as const })),
    fc.record({ path, value: badValue }),
  );
  return fc.oneof(
    { weight: 6, arbitrary: fc.array(mutation, { minLength: 0, maxLength: 5 }).map((m) => mutate(valid, m)) },
    { weight: 1, arbitrary: fc.anything() },
  );
}

const REFERENCE = [
  { name: 'birth registration', code: '1.001193', valid: VALID_BIRTH_DECLARATION },
  { name: 'household business', code: '1.001612', valid: VALID_HOUSEHOLD },
  { name: 'a generic form', code: '', valid: VALID_GENERIC },
];

for (const ref of REFERENCE) {
  test(`${ref.name}: the browser's module and compileForm agree on every declaration (property)`, async () => {
    const code = ref.code || genericCode;
    const res = await rt.app.inject({ method: 'GET', url: moduleUrl(code) });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['content-type'], 'text/javascript; charset=utf-8');
    const required = [...res.body.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]!);
    assert.ok(required.length > 0, 'the module requires its runtime helpers');
    for (const id of required) assert.ok(FORM_RUNTIME_MODULE_IDS.includes(id), `the shim provides ${id}`);

    const schema = await formOf(code);
    const browser = formValidatorFromModule(await importModule(res.body), schema);
    // Both check the form held to itself (undeclared fields refused, text bounded).
    const server = compileForm(holdToForm(schema));
    assert.deepEqual(browser.validate(ref.valid), { ok: true });
    assert.deepEqual(server.validate(ref.valid), { ok: true });
    let invalid = 0;
    fc.assert(
      fc.property(declarations(ref.valid), (data) => {
        const expected = server.validate(data);
        if (!expected.ok) invalid += 1;
        assert.deepEqual(browser.validate(data), expected);
      }),
    );
    assert.ok(invalid > 100, `most generated declarations are invalid (${invalid})`);
  });
}

test('the messages are the Vietnamese ones, with pointers, for a broken birth declaration', async () => {
  const res = await rt.app.inject({ method: 'GET', url: moduleUrl('1.001193') });
  const schema = await formOf('1.001193');
  const browser = formValidatorFromModule(await importModule(res.body), schema);
  const data = mutate(VALID_BIRTH_DECLARATION, [
    { path: ['nguoiDuocKhaiSinh', 'hoTen'], op: 'delete' },
    { path: ['nguoiDuocKhaiSinh', 'ngaySinh'], value: '2026-02-30' },
  ]);
  const result = browser.validate(data);
  assert.equal(result.ok, false);
  const errors = result.ok ? [] : result.errors;
  assert.deepEqual(
    errors.map((e) => e.pointer),
    ['/nguoiDuocKhaiSinh/hoTen', '/nguoiDuocKhaiSinh/ngaySinh'],
  );
  assert.match(errors[0]!.message, /là bắt buộc$/);
  assert.match(errors[1]!.message, /phải là ngày hợp lệ/);
  // The server's endpoint says exactly the same.
  const remote = await rt.app.inject({
    method: 'POST',
    url: '/api/v1/procedures/1.001193/form/validate',
    payload: { formData: data },
  });
  assert.deepEqual(remote.json(), { ok: false, errors });
});

test('an ETag names the version: If-None-Match gets 304 without a body; the answer may be kept', async () => {
  const first = await rt.app.inject({ method: 'GET', url: moduleUrl('1.001193') });
  assert.equal(first.statusCode, 200);
  const etag = first.headers.etag;
  assert.match(String(etag), /^W\/"1\.001193-v\d+-[A-Za-z0-9_-]+"$/);
  assert.equal(first.headers['cache-control'], 'public, no-cache');
  assert.match(String(first.headers['content-security-policy']), /script-src 'self';/);

  const again = await rt.app.inject({
    method: 'GET',
    url: moduleUrl('1.001193'),
    headers: { 'if-none-match': String(etag) },
  });
  assert.equal(again.statusCode, 304);
  assert.equal(again.body, '');
  assert.equal(again.headers.etag, etag);
  assert.equal(again.headers['content-length'], undefined);
  // A list naming it, or its strong form, match too; another tag does not.
  for (const header of [`"x", ${String(etag)}`, String(etag).slice(2), '*'])
    assert.equal(
      (
        await rt.app.inject({
          method: 'GET',
          url: moduleUrl('1.001193'),
          headers: { 'if-none-match': header },
        })
      ).statusCode,
      304,
      header,
    );
  const other = await rt.app.inject({
    method: 'GET',
    url: moduleUrl('1.001193'),
    headers: { 'if-none-match': 'W/"1.001193-v1-other"' },
  });
  assert.equal(other.statusCode, 200);
  assert.equal(other.body, first.body);

  // The published version by number is the same module; another procedure has another tag.
  const { version } = (await rt.app.inject({ method: 'GET', url: '/api/v1/procedures/1.001193' })).json<{
    version: number;
  }>();
  const byVersion = await rt.app.inject({ method: 'GET', url: moduleUrl('1.001193', `?version=${version}`) });
  assert.equal(byVersion.statusCode, 200);
  assert.equal(byVersion.headers.etag, etag);
  const household = await rt.app.inject({ method: 'GET', url: moduleUrl('1.001612') });
  assert.notEqual(household.headers.etag, etag);

  // Compressed on the way like other text, still the same module.
  const br = await rt.app.inject({
    method: 'GET',
    url: moduleUrl('1.001193'),
    headers: { 'accept-encoding': 'br' },
  });
  assert.equal(br.headers['content-encoding'], 'br');
  assert.equal(br.headers.etag, etag);
});

test('unknown procedures and versions are 404 in the error envelope; unknown parameters 400', async () => {
  const unknown = await rt.app.inject({ method: 'GET', url: moduleUrl('9.123456') });
  assert.equal(unknown.statusCode, 404);
  assert.equal(errorOf(unknown).code, 'NOT_FOUND');
  assert.match(String(unknown.headers['content-type']), /^application\/json/);
  assert.equal(unknown.headers['cache-control'], 'no-store');
  const noVersion = await rt.app.inject({ method: 'GET', url: moduleUrl('1.001193', '?version=999') });
  assert.equal(noVersion.statusCode, 404);
  assert.equal(errorOf(noVersion).code, 'NOT_FOUND');
  assert.equal(
    errorOf(await rt.app.inject({ method: 'GET', url: moduleUrl('1.001193', '?v=1') })).code,
    'VALIDATION_FAILED',
  );
  assert.equal(
    errorOf(await rt.app.inject({ method: 'GET', url: moduleUrl('not-a-code') })).code,
    'VALIDATION_FAILED',
  );
});

test('a draft version is for signed-in staff only', async () => {
  const admin = await loginAs(rt.app, 'demo-admin');
  const draft = await rt.app.inject({
    method: 'POST',
    url: '/api/v1/procedures/1.001612/versions',
    headers: { cookie: admin },
  });
  assert.equal(draft.statusCode, 201, draft.body);
  const { version } = draft.json<{ version: number }>();
  const anonymous = await rt.app.inject({ method: 'GET', url: moduleUrl('1.001612', `?version=${version}`) });
  assert.equal(anonymous.statusCode, 401);
  assert.equal(errorOf(anonymous).code, 'UNAUTHENTICATED');
  const staff = await rt.app.inject({
    method: 'GET',
    url: moduleUrl('1.001612', `?version=${version}`),
    headers: { cookie: admin },
  });
  assert.equal(staff.statusCode, 200);
  assert.match(String(staff.headers.etag), new RegExp(`^W/"1\\.001612-v${version}-`));
});

test('the runtime require refuses a module it does not provide', () => {
  assert.throws(
    () => formRuntimeRequire('node:fs'),
    /requires "node:fs", which form-runtime\.ts does not provide/,
  );
  assert.equal(
    typeof (formRuntimeRequire('ajv/dist/runtime/equal') as { default: unknown }).default,
    'function',
  );
  assert.equal(
    typeof (formRuntimeRequire('ajv/dist/runtime/ucs2length') as { default: unknown }).default,
    'function',
  );
  assert.equal(
    typeof (formRuntimeRequire('ajv-formats/dist/formats') as { fullFormats: { date: unknown } }).fullFormats
      .date,
    'object',
  );
});

test('the OpenAPI document describes the module, its 304 and its errors', async () => {
  const doc = (await rt.app.inject({ method: 'GET', url: '/openapi.json' })).json<{
    paths: Record<string, { get?: { responses: Record<string, { content?: Record<string, unknown> }> } }>;
  }>();
  const op = doc.paths['/api/v1/procedures/{code}/form/validator.js']?.get;
  assert.ok(op, 'the path is documented');
  assert.ok(op.responses['200']?.content?.['text/javascript'], JSON.stringify(op.responses['200']));
  assert.ok(op.responses['304'], 'the 304 is documented');
  assert.equal(op.responses['304'].content, undefined);
  assert.ok(op.responses['404']?.content?.['application/json']);
});
