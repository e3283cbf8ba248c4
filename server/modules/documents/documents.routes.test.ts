// The applicant's document store through the HTTP API: a birth registration approved with an electronic
// result becomes a record of the applicant (once, whatever the retries); she lists and downloads it; a
// later dossier at the desk and online reuses it (its component points at the same file); nobody else
// sees it; who may look an applicant's records up, as a matrix.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, manualClock, type TestRuntime } from '../../test/db.ts';
import { errorOf, ORIGIN } from '../../test/http.ts';
import { startTestIdp } from '../../test/citizen.ts';
import { dossierKit } from '../../test/dossier-kit.ts';
import { countRows, peoplesCommittee } from '../../test/seeded.ts';
import { testConfig } from '../../test/template.ts';
import { APPLICANT_HUONG, birthAtCounter } from '../../test/fixtures.ts';
import type { DevIdp } from '../../../simulator/identity-provider.ts';

let rt: TestRuntime;
let idp: DevIdp;
// Friday 20 November 2026, 09:00 in Hà Nội.
const clock = manualClock('2026-11-20T02:00:00Z');
const kit = dossierKit(() => rt);
const { staff, citizen, get, act, actWithHeaders, forward } = kit;
/** Nguyễn Thị Hường, 001190012345 (APPLICANT_HUONG), and Trần Văn Minh at the identity provider. */
const HUONG = 'dev-001190012345';
const MINH = 'dev-001085004321';
const APPLICANT_MINH = {
  kind: 'person' as const,
  fullName: 'Trần Văn Minh',
  idNumber: '001085004321',
  phone: '0987654321',
};
/** Social assistance (trợ cấp xã hội hằng tháng): TP5 is the child's birth certificate. */
const ASSISTANCE = '1.001776';
/** The procedure's generic request form (common/catalog/forms.ts), as Hường fills it in. */
const ASSISTANCE_REQUEST = {
  nguoiYeuCau: {
    hoTen: 'Nguyễn Thị Hường',
    soDinhDanh: '001190012345',
    noiCuTru: 'Số 12 phố Hàng Trống, phường Hoàn Kiếm, thành phố Hà Nội',
  },
  noiDungYeuCau: 'Đề nghị hưởng trợ cấp xã hội hằng tháng cho con là Nguyễn Minh Khang.',
  hinhThucNhanKetQua: 'Nhận trực tiếp',
  camDoan: true,
};

let hoanKiemWard: string;
/** The record kept from the birth registration's result, and its file. */
let documentId: string;
let resultFile: string;
const RESULT_PDF = Buffer.from('%PDF-1.4\n% Giay khai sinh ban dien tu\n1 0 obj << >> endobj\n%%EOF\n');

type Component = { code: string; provided: string; fileIds?: string[]; documentIds?: string[] };
type View = { code: string; status: string; version: number; components: Component[] };
type DocumentList = {
  total: number;
  items: {
    documentId: string;
    kind: string;
    name: string;
    dossierCode: string;
    procedure: { code: string; name: string };
    issuingAgency: { code: string; name: string };
    issuedAt: string;
    file: { mediaType: string; size: number };
    signed: boolean;
    resultNumber: string | null;
  }[];
};

const upload = (cookie: string, bytes: Buffer, name = 'giay-khai-sinh.pdf') =>
  kit.upload(cookie, bytes, name);

const deskIntake = async (payload: Record<string, unknown>, desk = 'desk.hang-trong') =>
  rt.app.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    headers: { cookie: await staff(desk) },
    payload: { agencyCode: hoanKiemWard, channel: 'direct', formData: ASSISTANCE_REQUEST, ...payload },
  });

const onlineSubmit = async (sub: string, components: unknown) =>
  rt.app.inject({
    method: 'POST',
    url: '/api/v1/portal/dossiers',
    headers: { cookie: await citizen(sub), origin: ORIGIN },
    payload: {
      procedureCode: ASSISTANCE,
      agencyCode: hoanKiemWard,
      applicant: { kind: 'person', phone: '0912345678' },
      formData: ASSISTANCE_REQUEST,
      components,
    },
  });

const counts = async () => ({
  documents: await countRows(rt.deps.db, 'applicant_documents'),
  dossiers: await countRows(rt.deps.db, 'dossiers'),
  files: await countRows(rt.deps.db, 'files'),
});

before(async () => {
  const started = await startTestIdp();
  idp = started.idp;
  rt = await createTestRuntime({ clock, config: started.config(testConfig(null).oidc) });
  hoanKiemWard = await peoplesCommittee(rt.deps.db, '00070');
});
after(async () => {
  await rt.close();
  await idp.close();
});

test('a birth registration approved with its electronic result becomes one record of the applicant, whatever the retries', async () => {
  const received = await deskIntake(birthAtCounter(hoanKiemWard));
  assert.equal(received.statusCode, 201, received.body);
  const { code } = received.json<View>();
  clock.advance(15 * 60_000);
  await forward(await staff('desk.hang-trong'), code, 'specialist.hang-trong');
  clock.advance(60 * 60_000);
  await forward(await staff('specialist.hang-trong'), code, 'leader.hang-trong');

  clock.advance(30 * 60_000);
  const leader = await staff('leader.hang-trong');
  resultFile = await upload(leader, RESULT_PDF);
  const before = await counts();
  const approveBody = {
    resultDate: '2025-07-01',
    signer: 'Trần Quốc Việt',
    resultDocuments: [
      { name: 'Giấy khai sinh (bản điện tử) — Nguyễn Minh Khang', fileId: resultFile },
      // A paper copy without a file is not a digitised result: it is not kept.
      { name: 'Bản sao Giấy khai sinh (02 bản giấy)' },
    ],
  };
  const key = { 'idempotency-key': 'approve-birth-0001' };
  const approve = await actWithHeaders(leader, code, { action: 'approve', body: approveBody, headers: key });
  assert.equal(approve.statusCode, 200, approve.body);
  const approvedAt = clock.now().toISOString();
  assert.equal((await counts()).documents, before.documents + 1);
  // The same request again (a lost answer): the first answer, nothing written twice.
  const version = approve.json<View>().version - 1;
  const again = await rt.app.inject({
    method: 'POST',
    url: `/api/v1/dossiers/${code}/actions/approve`,
    headers: { cookie: leader, origin: ORIGIN, 'if-match': String(version), ...key },
    payload: approveBody,
  });
  assert.equal(again.statusCode, 200, again.body);
  assert.deepEqual(again.json(), approve.json());
  // A retry without the key is refused by the version check.
  const stale = await rt.app.inject({
    method: 'POST',
    url: `/api/v1/dossiers/${code}/actions/approve`,
    headers: { cookie: leader, origin: ORIGIN, 'if-match': String(version) },
    payload: approveBody,
  });
  assert.equal(stale.statusCode, 409);
  assert.equal((await counts()).documents, before.documents + 1);

  clock.advance(30 * 60_000);
  const ret = await act(await staff('desk.hang-trong'), code, 'return-result', {
    channel: 'counter',
    recipientName: 'Nguyễn Thị Hường',
  });
  assert.equal(ret.statusCode, 200, ret.body);
  assert.equal(ret.json<View>().status, 'returned');
  assert.equal((await counts()).documents, before.documents + 1, 'returning writes no second record');

  // Hường (signed in with the same ID number) finds it among her papers.
  const mine = await get('/api/v1/portal/documents', await citizen(HUONG));
  assert.equal(mine.statusCode, 200, mine.body);
  const list = mine.json<DocumentList>();
  assert.equal(list.total, 1);
  const doc = list.items[0]!;
  assert.deepEqual(
    { ...doc, documentId: undefined, procedure: doc.procedure.code },
    {
      documentId: undefined,
      kind: 'result',
      name: 'Giấy khai sinh (bản điện tử) — Nguyễn Minh Khang',
      dossierCode: code,
      procedure: '1.001193',
      issuingAgency: { code: hoanKiemWard, name: 'Ủy ban nhân dân Phường Hoàn Kiếm' },
      issuedAt: approvedAt,
      file: { mediaType: 'application/pdf', size: RESULT_PDF.length },
      // An unsigned file: kept, not as a signed original (documents.signed.test.ts).
      signed: false,
      resultNumber: '01/QĐ-UBND',
    },
  );
  assert.match(doc.procedure.name, /khai sinh/);
  documentId = doc.documentId;

  const file = await get(`/api/v1/portal/documents/${documentId}/file`, await citizen(HUONG));
  assert.equal(file.statusCode, 200, file.body.slice(0, 200));
  assert.equal(file.headers['content-type'], 'application/pdf');
  assert.match(
    String(file.headers['content-disposition']),
    /^attachment; filename="[A-Z0-9.-]+-ket-qua-1\.pdf"$/,
  );
  assert.deepEqual(file.rawPayload, RESULT_PDF);
});

test('another citizen sees nothing of it; anonymous callers and staff sessions are not citizens', async () => {
  const theirs = await get('/api/v1/portal/documents', await citizen(MINH));
  assert.equal(theirs.statusCode, 200);
  assert.deepEqual(theirs.json(), { items: [], total: 0 });
  const notTheirs = await get(`/api/v1/portal/documents/${documentId}/file`, await citizen(MINH));
  assert.equal(notTheirs.statusCode, 404);
  assert.equal(errorOf(notTheirs).code, 'NOT_FOUND');
  const none = await get('/api/v1/portal/documents/999999/file', await citizen(HUONG));
  assert.equal(none.statusCode, 404);

  for (const url of ['/api/v1/portal/documents', `/api/v1/portal/documents/${documentId}/file`]) {
    const anonymous = await get(url);
    assert.equal(anonymous.statusCode, 401, url);
    assert.equal(errorOf(anonymous).code, 'UNAUTHENTICATED');
    const officer = await get(url, await staff('desk.hang-trong'));
    assert.equal(officer.statusCode, 401, `${url} as staff`);
  }
  const badId = await get('/api/v1/portal/documents/abc/file', await citizen(HUONG));
  assert.equal(badId.statusCode, 400);
  assert.ok(errorOf(badId).details!.some((d) => d.path === 'params/documentId'));
});

test('a desk reuses the record: the component points at the same file; a wrong or foreign record is named and nothing is written', async () => {
  const before = await counts();
  const components = (documentIds: string[]) => [
    { code: 'TP1', provided: 'original' },
    { code: 'TP5', provided: 'reused', documentIds },
  ];
  const wrong = await deskIntake({
    procedureCode: ASSISTANCE,
    applicant: APPLICANT_HUONG,
    components: components([documentId, '999999']),
  });
  assert.equal(wrong.statusCode, 400, wrong.body);
  assert.equal(errorOf(wrong).code, 'VALIDATION_FAILED');
  assert.deepEqual(
    errorOf(wrong).details!.map((d) => d.path),
    ['body/components/1/documentIds/1'],
  );
  // Hường's record cited for Minh: the same answer as for a record that does not exist.
  const foreign = await deskIntake({
    procedureCode: ASSISTANCE,
    applicant: APPLICANT_MINH,
    components: components([documentId]),
  });
  assert.equal(foreign.statusCode, 400, foreign.body);
  assert.deepEqual(
    errorOf(foreign).details!.map((d) => [d.path, d.message]),
    [['body/components/1/documentIds/0', errorOf(wrong).details![0]!.message]],
  );
  // documentIds belong to a reused component only.
  const notReused = await deskIntake({
    procedureCode: ASSISTANCE,
    applicant: APPLICANT_HUONG,
    components: [
      { code: 'TP1', provided: 'original' },
      { code: 'TP5', provided: 'copy', documentIds: [documentId] },
    ],
  });
  assert.equal(notReused.statusCode, 400);
  assert.deepEqual(
    errorOf(notReused).details!.map((d) => d.path),
    ['body/components/1/documentIds'],
  );
  // A desk of another province does not reach Hà Nội's store, even with the applicant at the counter.
  const elsewhere = await deskIntake(
    { procedureCode: ASSISTANCE, applicant: APPLICANT_HUONG, components: components([documentId]) },
    'desk.tay-giang',
  );
  assert.equal(elsewhere.statusCode, 400, elsewhere.body);
  assert.deepEqual(
    errorOf(elsewhere).details!.map((d) => d.path),
    ['body/components/1/documentIds/0'],
  );
  assert.deepEqual(await counts(), before, 'nothing written');

  const reused = await deskIntake({
    procedureCode: ASSISTANCE,
    applicant: APPLICANT_HUONG,
    components: components([documentId]),
  });
  assert.equal(reused.statusCode, 201, reused.body);
  const view = reused.json<View>();
  assert.deepEqual(view.components[1], {
    code: 'TP5',
    provided: 'reused',
    documentIds: [documentId],
    fileIds: [resultFile],
  });
  const read = await get(`/api/v1/dossiers/${view.code}`, await staff('desk.hang-trong'));
  assert.deepEqual(read.json<View>().components, view.components);
  const after = await counts();
  assert.deepEqual(after, { ...before, dossiers: before.dossiers + 1 }, 'no file copied, no record added');
});

test('online, the citizen reuses her own record; not someone else’s, and a reused component must cite one', async () => {
  /** `sub` uploads a declaration and submits with TP5 citing Hường's record: the file and the answer. */
  const submitReusing = async (sub: string) => {
    const form = await upload(await citizen(sub), Buffer.from('%PDF-1.4\n% to khai\n%%EOF\n'), 'to-khai.pdf');
    const res = await onlineSubmit(sub, [
      { code: 'TP1', fileIds: [form] },
      { code: 'TP5', provided: 'reused', documentIds: [documentId] },
    ]);
    return { form, res };
  };
  const { form, res: own } = await submitReusing(HUONG);
  assert.equal(own.statusCode, 201, own.body);
  assert.deepEqual(own.json<View>().components[1], {
    code: 'TP5',
    provided: 'reused',
    documentIds: [documentId],
    fileIds: [resultFile],
  });

  const before = await counts();
  const { res: foreign } = await submitReusing(MINH);
  assert.equal(foreign.statusCode, 400, foreign.body);
  assert.deepEqual(
    errorOf(foreign).details!.map((d) => d.path),
    ['body/components/1/documentIds/0'],
  );
  const citesNothing = await onlineSubmit(HUONG, [
    { code: 'TP1', fileIds: [form] },
    { code: 'TP5', provided: 'reused' },
  ]);
  assert.equal(citesNothing.statusCode, 400, citesNothing.body);
  assert.deepEqual(
    errorOf(citesNothing).details!.map((d) => d.path),
    ['body/components/1/documentIds'],
  );
  const noFiles = await onlineSubmit(HUONG, [{ code: 'TP1' }]);
  assert.equal(noFiles.statusCode, 400, noFiles.body);
  assert.ok(errorOf(noFiles).details!.some((d) => d.path === 'body/components/0/fileIds'));
  const after = await counts();
  assert.deepEqual(
    { documents: after.documents, dossiers: after.dossiers },
    { documents: before.documents, dossiers: before.dossiers },
    'nothing written',
  );
});

test('who may look an applicant’s records up: desk officers of the province, each lookup audited', async () => {
  const url = `/api/v1/applicants/${APPLICANT_HUONG.idNumber}/documents`;
  const audits = async () =>
    rt.deps.db
      .selectFrom('audit_log')
      .select(['actor_label', 'entity_id', 'details'])
      .where('action', '=', 'applicant-documents.looked-up')
      .orderBy('audit_id')
      .execute();
  const anonymous = await get(url);
  assert.equal(anonymous.statusCode, 401);
  assert.equal(errorOf(anonymous).code, 'UNAUTHENTICATED');
  const asCitizen = await get(url, await citizen(HUONG));
  assert.equal(asCitizen.statusCode, 403);
  assert.equal(errorOf(asCitizen).code, 'FORBIDDEN');

  // [user, records seen] for desks; other roles are refused.
  const desks: [string, number][] = [
    ['desk.hang-trong', 1], // the ward that issued it
    ['desk.my-duc', 1], // another commune of Hà Nội (Xã Mỹ Đức): the province's store
    ['desk.ttpvhcc-ha-noi', 1], // the province's public administration centre
    ['desk.tay-giang', 0], // Xã Tây Giang, Đà Nẵng: another province's store
  ];
  for (const [user, seen] of desks) {
    const res = await get(url, await staff(user));
    assert.equal(res.statusCode, 200, `${user}: ${res.body}`);
    const list = res.json<DocumentList>();
    assert.equal(list.total, seen, user);
    if (seen > 0) assert.equal(list.items[0]!.documentId, documentId, user);
  }
  for (const user of [
    'specialist.hang-trong',
    'leader.hang-trong',
    'admin.hoan-kiem',
    'demo-admin',
    'auditor.ha-noi',
  ]) {
    const res = await get(url, await staff(user));
    assert.equal(res.statusCode, 403, user);
    assert.equal(errorOf(res).code, 'FORBIDDEN', user);
  }
  const logged = await audits();
  assert.deepEqual(
    logged.map((a) => [a.actor_label, a.entity_id, (a.details as { total: number }).total]),
    desks.map(([user, seen]) => [user, APPLICANT_HUONG.idNumber, seen]),
  );

  const invalid = await get('/api/v1/applicants/12345/documents', await staff('desk.hang-trong'));
  assert.equal(invalid.statusCode, 400);
  assert.ok(errorOf(invalid).details!.some((d) => d.path === 'params/idNumber'));
  assert.equal((await audits()).length, desks.length, 'a refused or invalid lookup is not logged');
});

test('a desk officer opens a record’s file before reusing it: the same reach as the lookup, each opening audited', async () => {
  const url = `/api/v1/applicants/${APPLICANT_HUONG.idNumber}/documents/${documentId}/file`;
  const opened = async () =>
    (
      await rt.deps.db
        .selectFrom('audit_log')
        .select(['actor_label', 'entity_id', 'details'])
        .where('action', '=', 'applicant-document.opened')
        .orderBy('audit_id')
        .execute()
    ).map((a) => [a.actor_label, a.entity_id, (a.details as { documentId: string }).documentId]);

  // [user, status]: desks of the province open it; another province's desk, other roles, citizens do not.
  const cases: [string | undefined, number][] = [
    ['desk.hang-trong', 200],
    ['desk.my-duc', 200],
    ['desk.tay-giang', 404],
    ['specialist.hang-trong', 403],
    ['auditor.ha-noi', 403],
    [undefined, 401],
  ];
  for (const [user, status] of cases) {
    const res = await get(url, user ? await staff(user) : undefined);
    assert.equal(res.statusCode, status, `${user}: ${res.body.slice(0, 200)}`);
    if (status === 200) {
      assert.deepEqual(res.rawPayload, RESULT_PDF);
      assert.equal(res.headers['content-type'], 'application/pdf');
      assert.match(String(res.headers['content-disposition']), /-ket-qua-1\.pdf"$/);
    }
  }
  const asCitizen = await get(url, await citizen(HUONG));
  assert.equal(asCitizen.statusCode, 403);
  // The record under someone else's number is not found, as an unknown record is.
  const wrongPerson = await get(
    `/api/v1/applicants/${APPLICANT_MINH.idNumber}/documents/${documentId}/file`,
    await staff('desk.hang-trong'),
  );
  assert.equal(wrongPerson.statusCode, 404);
  const bad = await get(`/api/v1/applicants/123/documents/x/file`, await staff('desk.hang-trong'));
  assert.equal(bad.statusCode, 400);
  assert.deepEqual(
    errorOf(bad)
      .details!.map((d) => d.path)
      .sort(),
    ['params/documentId', 'params/idNumber'],
  );
  assert.deepEqual(await opened(), [
    ['desk.hang-trong', APPLICANT_HUONG.idNumber, documentId],
    ['desk.my-duc', APPLICANT_HUONG.idNumber, documentId],
  ]);
});
