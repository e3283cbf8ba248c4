// Applying online without retyping (issue 14): the declaration's requester comes from the identity the
// provider vouched for (a different name or number is replaced by the vouched one), "Kính gửi" from the
// competent agency, the e-form is the declaration and never a file to upload; the procedure page says
// when the back office cannot take a procedure in online, and carries none of the data's own notes.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, manualClock, type TestRuntime } from '../../test/db.ts';
import { errorOf, ORIGIN, loginAs } from '../../test/http.ts';
import { dossierKit } from '../../test/dossier-kit.ts';
import { startTestIdp } from '../../test/citizen.ts';
import { testConfig } from '../../test/template.ts';
import { VALID_BIRTH_DECLARATION } from '../../test/fixtures.ts';
import { peoplesCommittee } from '../../test/seeded.ts';
import type { DevIdp } from '../../../simulator/identity-provider.ts';

let rt: TestRuntime;
let idp: DevIdp;
const clock = manualClock('2026-11-20T02:00:00Z');
const kit = dossierKit(() => rt);
const HUONG = 'dev-001190012345';
let hoanKiemWard: { code: string; name: string };
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

before(async () => {
  const started = await startTestIdp();
  idp = started.idp;
  rt = await createTestRuntime({ clock, config: started.config(testConfig(null).oidc) });
  hoanKiemWard = await rt.deps.db
    .selectFrom('agencies')
    .select(['code', 'name'])
    .where('code', '=', await peoplesCommittee(rt.deps.db, '00070'))
    .executeTakeFirstOrThrow();
});
after(async () => {
  await rt.close();
  await idp.close();
});

async function submit(formData: unknown, components?: unknown) {
  const cookie = await kit.citizen(HUONG);
  const files = components ?? [
    { code: 'TP3', fileIds: [await kit.upload(cookie, PDF, 'giay-chung-sinh.pdf')] },
  ];
  return rt.app.inject({
    method: 'POST',
    url: '/api/v1/portal/dossiers',
    headers: { cookie, origin: ORIGIN },
    payload: {
      procedureCode: '1.001193',
      agencyCode: hoanKiemWard.code,
      applicant: { kind: 'person', phone: '0912345678' },
      formData,
      components: files,
    },
  });
}

const storedForm = async (code: string) =>
  (
    await rt.deps.db
      .selectFrom('dossiers')
      .select('form_data')
      .where('code', '=', code)
      .executeTakeFirstOrThrow()
  ).form_data as {
    kinhGui?: string;
    nguoiYeuCau: { hoTen: string; ngaySinh?: string; giayToTuyThan: { loaiGiayTo: string; so: string } };
  };

test('#14 prefill: the requester comes from the identity provider’s claims and “Kính gửi” from the agency', async () => {
  const { kinhGui: _kinhGui, nguoiYeuCau, ...rest } = structuredClone(VALID_BIRTH_DECLARATION);
  const requester = { noiCuTru: nguoiYeuCau.noiCuTru, quanHeVoiNguoiDuocKhaiSinh: 'Mẹ' };
  const res = await submit({ ...rest, nguoiYeuCau: requester });
  assert.equal(res.statusCode, 201, res.body);
  const form = await storedForm(res.json<{ code: string }>().code);
  assert.equal(form.kinhGui, hoanKiemWard.name);
  assert.equal(form.nguoiYeuCau.hoTen, 'Nguyễn Thị Hường');
  assert.equal(form.nguoiYeuCau.ngaySinh, '1990-05-14');
  assert.deepEqual(form.nguoiYeuCau.giayToTuyThan, {
    loaiGiayTo: 'Số định danh cá nhân',
    so: '001190012345',
  });
});

test('#14 prefill: a requester whose name or ID number differs from the vouched identity is corrected to it', async () => {
  // The fixture's requester is "Nguyễn Văn An", 001093012345: not the signed-in citizen.
  const res = await submit(VALID_BIRTH_DECLARATION);
  assert.equal(res.statusCode, 201, res.body);
  const form = await storedForm(res.json<{ code: string }>().code);
  assert.equal(form.nguoiYeuCau.hoTen, 'Nguyễn Thị Hường');
  assert.equal(form.nguoiYeuCau.giayToTuyThan.so, '001190012345');
  // What is not vouched stays as typed: the kind of paper, and the addressee the citizen wrote.
  assert.equal(form.nguoiYeuCau.giayToTuyThan.loaiGiayTo, 'Thẻ căn cước');
  assert.equal(form.kinhGui, VALID_BIRTH_DECLARATION.kinhGui);
});

test('#14 the declaration is not asked for as a file online; the birth certificate is', async () => {
  const res = await submit(VALID_BIRTH_DECLARATION, []);
  assert.equal(res.statusCode, 400, res.body);
  assert.deepEqual(
    errorOf(res).details!.map((d) => d.path),
    ['body/components/TP3'],
  );
  const page = (await rt.app.inject({ method: 'GET', url: '/api/v1/procedures/1.001193' })).json<{
    procedure: { components: { name: string; declaration?: boolean; required?: boolean }[] };
  }>();
  assert.deepEqual(
    page.procedure.components.map((c) => [c.declaration === true, c.required === true]).slice(0, 3),
    [
      [true, false],
      [true, false],
      [false, true],
    ],
  );
});

type Detail = {
  procedure: { notes: string[]; onlineNote: string | null; timeLimits: { direct: { note: string | null } } };
  issues: unknown[];
  onlineApplication: { available: boolean; reason: string | null };
};
const detail = async (code: string) =>
  (await rt.app.inject({ method: 'GET', url: `/api/v1/procedures/${code}` })).json<Detail>();

test('#14 a procedure the back office cannot take in online is not offered online, and the API says why', async () => {
  assert.deepEqual((await detail('1.001193')).onlineApplication, { available: true, reason: null });
  // Marriage registration: the portal published "1" with no unit, so no due time can be set.
  assert.deepEqual((await detail('1.000894')).onlineApplication, {
    available: false,
    reason: 'no-time-limit',
  });
  // Certified copies: only in person.
  assert.deepEqual((await detail('2.000815')).onlineApplication, {
    available: false,
    reason: 'no-online-channel',
  });
  // And online submission refuses it, as before (DOSSIER_NO_WORKFLOW).
  const cookie = await kit.citizen(HUONG);
  const res = await rt.app.inject({
    method: 'POST',
    url: '/api/v1/portal/dossiers',
    headers: { cookie, origin: ORIGIN },
    payload: {
      procedureCode: '1.000894',
      agencyCode: hoanKiemWard.code,
      applicant: { kind: 'person', phone: '0912345678' },
      formData: {},
      components: [],
    },
  });
  assert.ok(res.statusCode === 400 || res.statusCode === 422, res.body);
});

test('#14 the public procedure payload carries none of the data’s own notes; staff still read them', async () => {
  const pub = await detail('1.001193');
  const text = JSON.stringify(pub);
  for (const internal of [/nguồn B/i, /API DVCQG/, /Cổng chỉ hiển thị/, /chatbot-tthc/])
    assert.doesNotMatch(text, internal);
  assert.deepEqual(pub.issues, []);
  assert.equal(pub.procedure.timeLimits.direct.note, null);
  assert.equal(pub.procedure.onlineNote, null);
  assert.ok(
    pub.procedure.notes.some((n) => n.includes('3.000722')),
    'a note about the procedure stays',
  );
  const admin = await loginAs(rt.app, 'demo-admin');
  const staff = await rt.app.inject({
    method: 'GET',
    url: '/api/v1/procedures/1.001193/versions/1',
    headers: { cookie: admin },
  });
  assert.equal(staff.statusCode, 200, staff.body);
  assert.match(staff.body, /Cổng chỉ hiển thị/);
});
