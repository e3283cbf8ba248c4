// Online submission through the citizen portal's API: a citizen signed in at the identity provider
// submits, a desk (of the competent ward, or of another commune) accepts, supplements go back and
// forth, the citizen withdraws; citizens see only their own dossiers.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, manualClock, type TestRuntime } from '../../test/db.ts';
import { errorOf, ORIGIN } from '../../test/http.ts';
import { dossierKit } from '../../test/dossier-kit.ts';
import { startTestIdp } from '../../test/citizen.ts';
import { countRows, peoplesCommittee } from '../../test/seeded.ts';
import { testConfig } from '../../test/template.ts';
import { birthAtCounter, VALID_BIRTH_DECLARATION } from '../../test/fixtures.ts';
import type { DevIdp } from '../../../simulator/identity-provider.ts';

let rt: TestRuntime;
let idp: DevIdp;
// Friday 20 November 2026, 09:00 in Hà Nội.
const clock = manualClock('2026-11-20T02:00:00Z');
const kit = dossierKit(() => rt);
const { staff, citizen } = kit;
const HUONG = 'dev-001190012345';
const MINH = 'dev-001085004321';
/** UBND Phường Hoàn Kiếm (00070), where the applicant lives; desk.hang-trong's desk. */
let hoanKiemWard: string;
/** UBND Xã Thanh Oai (10114), a commune of the same city; desk.thanh-oai's desk. */
let thanhOai: string;
let required: string[];

type View = {
  code: string;
  status: string;
  version: number;
  channel: string;
  receivedAt: string | null;
  dueAt: string | null;
  applicant: { fullName: string; idNumber: string };
  receivingAgency: { code: string };
  competentAgency: { code: string };
};

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

const upload = (cookie: string, name = 'to-khai.pdf') => kit.upload(cookie, PDF, name);

async function submit(who: string, extra: Record<string, unknown> = {}, components?: unknown) {
  const cookie = await citizen(who);
  const files =
    components ??
    (await Promise.all(required.map(async (code) => ({ code, fileIds: [await upload(cookie)] }))));
  return rt.app.inject({
    method: 'POST',
    url: '/api/v1/portal/dossiers',
    headers: { cookie, origin: ORIGIN },
    payload: {
      procedureCode: '1.001193',
      agencyCode: hoanKiemWard,
      applicant: {
        kind: 'person',
        phone: '0912345678',
        address: { unitCode: '00070', line: 'Số 12 phố Hàng Trống' },
      },
      formData: VALID_BIRTH_DECLARATION,
      components: files,
      ...extra,
    },
  });
}

async function act(cookie: string, code: string, action: string, body: Record<string, unknown> = {}) {
  const current = await rt.app.inject({
    method: 'GET',
    url: `/api/v1/dossiers/${code}`,
    headers: { cookie },
  });
  assert.equal(current.statusCode, 200, current.body);
  return rt.app.inject({
    method: 'POST',
    url: `/api/v1/dossiers/${code}/actions/${action}`,
    headers: { cookie, origin: ORIGIN, 'if-match': String(current.json<View>().version) },
    payload: body,
  });
}

before(async () => {
  const started = await startTestIdp();
  idp = started.idp;
  rt = await createTestRuntime({ clock, config: started.config(testConfig(null).oidc) });
  hoanKiemWard = await peoplesCommittee(rt.deps.db, '00070');
  thanhOai = await peoplesCommittee(rt.deps.db, '10114');
  // What the online channel requires, as the server says it.
  const none = await submit(HUONG, {}, []);
  assert.equal(none.statusCode, 400, none.body);
  required = errorOf(none)
    .details!.map((d) => /^body\/components\/(TP\d+)$/.exec(d.path)?.[1])
    .filter((c): c is string => c !== undefined);
  assert.ok(required.length > 0, 'the birth registration requires components online');
});
after(async () => {
  await rt.close();
  await idp.close();
});

test('a citizen submits online; the ward desk accepts it and the clock starts at acceptance', async () => {
  const res = await submit(HUONG);
  assert.equal(res.statusCode, 201, res.body);
  const d = res.json<View>();
  assert.equal(d.status, 'submitted');
  assert.equal(d.channel, 'online');
  assert.equal(d.receivedAt, null);
  assert.equal(d.dueAt, null);
  assert.match(d.code, new RegExp(`^${hoanKiemWard.replace(/\./g, '\\.')}-261120-\\d{4}$`));
  assert.equal(d.applicant.fullName, 'Nguyễn Thị Hường', 'the name is the identity provider’s');
  assert.equal(d.applicant.idNumber, '001190012345');
  // The answer is built from what the submission wrote, not read back: it must be what a read shows
  // (the citizen's read: the applicant's view, dossiers.applicant-view.test.ts).
  const read = await rt.app.inject({
    method: 'GET',
    url: `/api/v1/dossiers/${d.code}`,
    headers: { cookie: await citizen(HUONG) },
  });
  assert.deepEqual(res.json(), read.json());
  const { audience, ...asStaffSee } = res.json<Record<string, unknown>>();
  assert.equal(audience, 'applicant');
  const deskRead = await rt.app.inject({
    method: 'GET',
    url: `/api/v1/dossiers/${d.code}`,
    headers: { cookie: await staff('desk.hang-trong') },
  });
  // Nothing acted on yet: the desk reads the same, with the (empty) assignee and handlers, and what
  // only staff read: the address's unit named, the return asked for, no result yet.
  assert.deepEqual(
    {
      ...asStaffSee,
      currentStep: { ...(asStaffSee.currentStep as object), assigneeId: null, assignee: null },
      steps: (asStaffSee.steps as object[]).map((s) => ({ ...s, handler: null })),
      applicantAddress: {
        line: 'Số 12 phố Hàng Trống',
        unitCode: '00070',
        unitPath: 'Phường Hoàn Kiếm, Thành phố Hà Nội',
      },
      requestedReturnChannel: null,
      returnChannel: null,
      result: null,
      verdict: null,
      legacy: null,
    },
    deskRead.json(),
  );

  const mine = await rt.app.inject({
    method: 'GET',
    url: '/api/v1/portal/dossiers',
    headers: { cookie: await citizen(HUONG) },
  });
  assert.equal(mine.statusCode, 200);
  const listed = mine.json<{ items: { code: string; statusLabel: string }[] }>().items;
  assert.ok(listed.some((i) => i.code === d.code && i.statusLabel.length > 0));

  const toReceive = await rt.app.inject({
    method: 'GET',
    url: '/api/v1/dossiers?list=to-receive',
    headers: { cookie: await staff('desk.hang-trong') },
  });
  assert.ok(toReceive.json<{ items: { code: string }[] }>().items.some((i) => i.code === d.code));

  clock.set('2026-11-20T03:30:00Z');
  const accepted = await act(await staff('desk.hang-trong'), d.code, 'accept');
  assert.equal(accepted.statusCode, 200, accepted.body);
  const a = accepted.json<View>();
  assert.equal(a.status, 'received');
  assert.equal(a.receivedAt, '2026-11-20T03:30:00.000Z');
  assert.ok(a.dueAt !== null && a.dueAt > a.receivedAt);

  // The citizen follows it; the receipt slip is theirs to download.
  const seen = await rt.app.inject({
    method: 'GET',
    url: `/api/v1/dossiers/${d.code}`,
    headers: { cookie: await citizen(HUONG) },
  });
  assert.equal(seen.json<View>().status, 'received');
  const slip = await rt.app.inject({
    method: 'GET',
    url: `/api/v1/dossiers/${d.code}/slips/receipt`,
    headers: { cookie: await citizen(HUONG) },
  });
  assert.equal(slip.statusCode, 200);
  assert.equal(slip.headers['content-type'], 'application/pdf');
});

test('an online submission accepted at a desk of another commune goes on to the competent ward', async () => {
  const res = await submit(HUONG, { receivingAgencyCode: thanhOai });
  assert.equal(res.statusCode, 201, res.body);
  const d = res.json<View>();
  assert.ok(d.code.startsWith(`${thanhOai}-`), 'the code is the receiving desk’s');
  assert.equal(d.competentAgency.code, hoanKiemWard);

  // The ward's desk does not receive it; Thanh Oai's does.
  const wardDesk = await act(await staff('desk.hang-trong'), d.code, 'accept');
  assert.ok([403, 404, 409].includes(wardDesk.statusCode), wardDesk.body);
  const accepted = await act(await staff('desk.thanh-oai'), d.code, 'accept');
  assert.equal(accepted.statusCode, 200, accepted.body);
  assert.equal(accepted.json<View>().status, 'received');

  // The competent ward's specialist can see it; another ward's desk cannot.
  const specialist = await rt.app.inject({
    method: 'GET',
    url: `/api/v1/dossiers/${d.code}`,
    headers: { cookie: await staff('specialist.hang-trong') },
  });
  assert.equal(specialist.statusCode, 200);
  const other = await rt.app.inject({
    method: 'GET',
    url: `/api/v1/dossiers/${d.code}`,
    headers: { cookie: await staff('desk.hang-bac') },
  });
  assert.equal(other.statusCode, 404);
});

test('#20.7 an online submission to a desk of another province is refused, naming the desk; nothing written', async () => {
  // Phường Nhiêu Lộc, Thành phố Hồ Chí Minh: desk.quan-3's desk.
  const quan3 = await peoplesCommittee(rt.deps.db, '27142');
  const cookie = await citizen(HUONG);
  const files = await Promise.all(required.map(async (code) => ({ code, fileIds: [await upload(cookie)] })));
  const before = await countRows(rt.deps.db, 'dossiers');
  const res = await submit(HUONG, { receivingAgencyCode: quan3 }, files);
  assert.equal(res.statusCode, 400, res.body);
  assert.deepEqual(
    errorOf(res).details!.map((d) => d.path),
    ['body/receivingAgencyCode'],
  );
  assert.equal(await countRows(rt.deps.db, 'dossiers'), before);
});

test('the desk asks for a supplement; the citizen supplements online, then withdraws', async () => {
  const d = (await submit(HUONG)).json<View>();
  const asked = await act(await staff('desk.hang-trong'), d.code, 'request-supplement', {
    missingComponents: [{ name: 'Giấy chứng sinh (bản rõ nét hơn)' }],
    reason: 'Ảnh giấy chứng sinh bị mờ.',
  });
  assert.equal(asked.statusCode, 200, asked.body);
  assert.equal(asked.json<View>().status, 'awaiting-supplement');

  const cookie = await citizen(HUONG);
  const actions = await rt.app.inject({
    method: 'GET',
    url: `/api/v1/dossiers/${d.code}/actions`,
    headers: { cookie },
  });
  const kinds = actions.json<{ items: { kind: string }[] }>().items.map((i) => i.kind);
  assert.deepEqual(kinds.sort(), ['supplement', 'withdraw']);

  // Someone else's file cannot be attached.
  const foreign = await upload(await citizen(MINH));
  const bad = await act(cookie, d.code, 'supplement', {
    components: [{ name: 'Giấy chứng sinh', fileId: foreign }],
  });
  assert.equal(bad.statusCode, 400, bad.body);
  assert.deepEqual(
    errorOf(bad).details?.map((x) => x.path),
    ['body/components/0/fileId'],
  );

  const fileId = await upload(cookie, 'giay-chung-sinh.pdf');
  const supplied = await act(cookie, d.code, 'supplement', {
    components: [{ name: 'Giấy chứng sinh', fileId }],
  });
  assert.equal(supplied.statusCode, 200, supplied.body);
  assert.equal(supplied.json<View>().status, 'submitted');
  const history = await rt.deps.db
    .selectFrom('dossier_actions as a')
    .innerJoin('dossiers as d', 'd.dossier_id', 'a.dossier_id')
    .select(['a.kind', 'a.actor_kind', 'a.actor_citizen_id'])
    .where('d.code', '=', d.code)
    .orderBy('a.version')
    .execute();
  assert.deepEqual(
    history.map((h) => [h.kind, h.actor_kind]),
    [
      ['request-supplement', 'staff'],
      ['supplement', 'citizen'],
    ],
  );
  assert.ok(history[1]!.actor_citizen_id !== null);

  const withdrawn = await act(cookie, d.code, 'withdraw', { reason: 'Đã nộp tại quầy.' });
  assert.equal(withdrawn.statusCode, 200, withdrawn.body);
  assert.equal(withdrawn.json<View>().status, 'withdrawn');
});

test('citizens see and act on their own dossiers only', async () => {
  const d = (await submit(HUONG)).json<View>();
  const minh = await citizen(MINH);
  for (const url of [
    `/api/v1/dossiers/${d.code}`,
    `/api/v1/dossiers/${d.code}/actions`,
    `/api/v1/dossiers/${d.code}/slips/receipt`,
  ]) {
    const res = await rt.app.inject({ method: 'GET', url, headers: { cookie: minh } });
    assert.equal(res.statusCode, 404, url);
  }
  const withdraw = await rt.app.inject({
    method: 'POST',
    url: `/api/v1/dossiers/${d.code}/actions/withdraw`,
    headers: { cookie: minh, origin: ORIGIN, 'if-match': String(d.version) },
    payload: {},
  });
  assert.equal(withdraw.statusCode, 404);
  const list = await rt.app.inject({
    method: 'GET',
    url: '/api/v1/portal/dossiers',
    headers: { cookie: minh },
  });
  assert.ok(!list.json<{ items: { code: string }[] }>().items.some((i) => i.code === d.code));
  // A citizen cannot take a desk's action on their own dossier either.
  const accept = await act(await citizen(HUONG), d.code, 'accept');
  assert.equal(accept.statusCode, 403, accept.body);
  // Nor submit without signing in, nor with a staff session.
  const anonymous = await rt.app.inject({
    method: 'POST',
    url: '/api/v1/portal/dossiers',
    headers: { origin: ORIGIN },
    payload: {},
  });
  assert.equal(anonymous.statusCode, 400, 'the body is checked first');
  const staffSubmit = await rt.app.inject({
    method: 'GET',
    url: '/api/v1/portal/dossiers',
    headers: { cookie: await staff('desk.hang-trong') },
  });
  assert.equal(staffSubmit.statusCode, 401);
});

test('a desk intake for the citizen shows up in their dossiers, by ID number', async () => {
  const res = await rt.app.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    headers: { cookie: await staff('desk.hang-trong'), origin: ORIGIN },
    payload: {
      ...birthAtCounter(hoanKiemWard),
      applicant: { kind: 'person', fullName: 'Trần Văn Minh', idNumber: '001085004321', phone: '0987654321' },
    },
  });
  assert.equal(res.statusCode, 201, res.body);
  const list = await rt.app.inject({
    method: 'GET',
    url: '/api/v1/portal/dossiers',
    headers: { cookie: await citizen(MINH) },
  });
  assert.ok(list.json<{ items: { code: string }[] }>().items.some((i) => i.code === res.json<View>().code));
});

test('bad submissions name every failing field and write nothing', async () => {
  const before = await countRows(rt.deps.db, 'dossiers');
  const res = await submit(
    HUONG,
    {
      receivingAgencyCode: '000.00.00.G99',
      applicant: { kind: 'organisation', phone: '0912345678' },
      formData: {},
    },
    [],
  );
  assert.equal(res.statusCode, 400, res.body);
  const paths = errorOf(res).details!.map((d) => d.path);
  for (const p of ['body/applicant/fullName', 'body/applicant/idNumber', 'body/receivingAgencyCode'])
    assert.ok(paths.includes(p), `${p} in ${paths.join(', ')}`);
  const after = await countRows(rt.deps.db, 'dossiers');
  assert.equal(after, before);
});

test('#14 the way the citizen wants the result is recorded with the submission; the desk reads it', async () => {
  const res = await submit(HUONG, { returnChannel: 'online' });
  assert.equal(res.statusCode, 201, res.body);
  const code = res.json<View>().code;
  const read = await rt.app.inject({
    method: 'GET',
    url: `/api/v1/dossiers/${code}`,
    headers: { cookie: await staff('desk.hang-trong') },
  });
  assert.equal(read.json<{ requestedReturnChannel: string | null }>().requestedReturnChannel, 'online');
  const bad = await submit(HUONG, { returnChannel: 'fax' });
  assert.equal(bad.statusCode, 400, bad.body);
});
