// What a citizen reads about their dossier leaves the officers out: after a desk, a specialist and a
// leader have acted, no staff username, full name or id and no internal note is anywhere in what the
// citizen's session gets from the dossier routes; a desk officer still sees who did what.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { dossierKit } from '../../test/dossier-kit.ts';
import { createTestRuntime, manualClock, type TestRuntime } from '../../test/db.ts';
import { ORIGIN } from '../../test/http.ts';
import { signInCitizen, startTestIdp } from '../../test/citizen.ts';
import { testConfig } from '../../test/template.ts';
import { birthOnline } from '../../test/fixtures.ts';
import type { DevIdp } from '../../../simulator/identity-provider.ts';
import { peoplesCommittee } from '../../test/seeded.ts';

let rt: TestRuntime;
let idp: DevIdp;
// Friday 20 November 2026, 09:00 in Hà Nội.
const clock = manualClock('2026-11-20T02:00:00Z');
const kit = dossierKit(() => rt);
const { staff } = kit;
const HUONG = 'dev-001190012345';
/** A one-page PDF uploaded by the citizen's session: the new file's id. */
async function uploadPdf(filename: string): Promise<string> {
  const upload = await rt.app.inject({
    method: 'POST',
    url: '/api/v1/files',
    headers: {
      cookie: citizen,
      origin: ORIGIN,
      'content-type': 'multipart/form-data; boundary=----motcua-test',
    },
    payload: Buffer.from(
      `------motcua-test\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
        'Content-Type: application/pdf\r\n\r\n%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n\r\n' +
        '------motcua-test--\r\n',
    ),
  });
  assert.equal(upload.statusCode, 201, upload.body);
  return upload.json<{ fileId: string }>().fileId;
}
let citizen: string;
let hangTrong: string;
/** Every staff account of the demo: usernames and full names. */
let staffNames: string[];
let userIds: Map<string, string>;

const INTERNAL_NOTES = [
  'Nội bộ: đã đối chiếu sổ hộ tịch',
  'Nội bộ: chuyển lãnh đạo ký',
  'Nội bộ: đã gọi điện nhắc công dân',
];

type StaffView = {
  code: string;
  version: number;
  status: string;
  audience?: string;
  currentStep: { index: number; key: string; assigneeId?: string | null };
  history: {
    action: string;
    by?: string;
    actor?: string;
    agency?: { code: string } | null;
    note: string | null;
    to: string;
  }[];
};

before(async () => {
  const started = await startTestIdp();
  idp = started.idp;
  rt = await createTestRuntime({ clock, config: started.config(testConfig(null).oidc) });
  hangTrong = await peoplesCommittee(rt.deps.db, '00070');
  const users = await rt.deps.db.selectFrom('users').select(['user_id', 'username', 'full_name']).execute();
  assert.ok(users.length >= 10, 'the demo staff are seeded');
  staffNames = users.flatMap((u) => [u.username, u.full_name]);
  userIds = new Map(users.map((u) => [u.username, u.user_id]));
  citizen = await signInCitizen(rt.app, HUONG);
});
after(async () => {
  await rt.close();
  await idp.close();
});

async function read(cookie: string, url: string) {
  const res = await rt.app.inject({ method: 'GET', url, headers: { cookie } });
  assert.equal(res.statusCode, 200, `${url}: ${res.body.slice(0, 300)}`);
  return res;
}

async function act(cookie: string, code: string, action: string, body: Record<string, unknown> = {}) {
  const current = (await read(cookie, `/api/v1/dossiers/${code}`)).json<StaffView>();
  const res = await rt.app.inject({
    method: 'POST',
    url: `/api/v1/dossiers/${code}/actions/${action}`,
    headers: { cookie, origin: ORIGIN, 'if-match': String(current.version) },
    payload: body,
  });
  assert.equal(res.statusCode, 200, `${action}: ${res.body}`);
  return res;
}

/** No staff username or full name, no internal note, no assignee or `by` anywhere in the body. */
function assertNoStaffData(label: string, body: string): void {
  // Parsed and written again, so that an escaped character cannot hide a name.
  const text = JSON.stringify(JSON.parse(body)).normalize('NFC');
  for (const name of [...staffNames, ...INTERNAL_NOTES])
    assert.ok(!text.includes(name.normalize('NFC')), `${label} names “${name}”: ${text}`);
  for (const key of ['"assigneeId"', '"by"', '"actorUserId"', '"userId"'])
    assert.ok(!text.includes(key), `${label} has ${key}`);
}

const intake = () => kit.receiveBirth(hangTrong);

test('after desk, specialist and leader acted, the citizen reads their dossier without any officer in it', async () => {
  const code = await intake();
  clock.advance(15 * 60_000);
  await act(await staff('desk.hang-trong'), code, 'forward', {
    nextAssigneeId: userIds.get('specialist.hang-trong'),
    note: INTERNAL_NOTES[0],
  });
  clock.advance(60 * 60_000);
  await act(await staff('specialist.hang-trong'), code, 'forward', {
    nextAssigneeId: userIds.get('leader.hang-trong'),
    note: INTERNAL_NOTES[1],
  });
  clock.advance(30 * 60_000);
  await act(await staff('leader.hang-trong'), code, 'approve', {
    resultDate: '2025-07-01',
    signer: 'Trần Quốc Việt',
    resultDocuments: [{ name: 'Giấy khai sinh (bản chính)' }],
  });

  // Staff see who did what, the assignee and the internal notes, as before.
  const desk = await read(await staff('desk.hang-trong'), `/api/v1/dossiers/${code}`);
  const staffView = desk.json<StaffView>();
  assert.deepEqual(
    staffView.history.map((h) => [h.action, h.by]),
    [
      ['accept', 'desk.hang-trong'],
      ['forward', 'desk.hang-trong'],
      ['forward', 'specialist.hang-trong'],
      ['approve', 'leader.hang-trong'],
    ],
  );
  assert.deepEqual(
    staffView.history.map((h) => h.note),
    [null, INTERNAL_NOTES[0], INTERNAL_NOTES[1], null],
  );
  assert.ok('assigneeId' in staffView.currentStep);
  assert.equal(staffView.audience, undefined);

  // The citizen: every dossier read they may use.
  const mine = await read(citizen, `/api/v1/dossiers/${code}`);
  const view = mine.json<StaffView>();
  assert.equal(view.audience, 'applicant');
  assert.equal(view.status, 'result-ready');
  assert.deepEqual(
    view.history.map((h) => [h.action, h.actor, h.to]),
    [
      ['accept', 'staff', 'received'],
      ['forward', 'staff', 'processing'],
      ['forward', 'staff', 'processing'],
      ['approve', 'staff', 'result-ready'],
    ],
    'the steps and their times stay; only who acted is reduced to “staff”',
  );
  assert.ok(
    view.history.every((h) => h.agency?.code === hangTrong),
    'the agency stays',
  );
  assert.ok(
    view.history.every((h) => h.note === null),
    'internal notes are dropped',
  );
  assert.deepEqual(Object.keys(view.currentStep).sort(), ['index', 'key']);
  assertNoStaffData('GET /dossiers/:code', mine.body);
  for (const url of [
    `/api/v1/dossiers/${code}/actions`,
    '/api/v1/portal/dossiers',
    `/api/v1/dossiers/${code}/fees`,
  ])
    assertNoStaffData(url, (await read(citizen, url)).body);

  // The slips addressed to the applicant are theirs; the process control slip, which names each
  // officer of each hand-over, is not.
  const receipt = await rt.app.inject({
    method: 'GET',
    url: `/api/v1/dossiers/${code}/slips/receipt`,
    headers: { cookie: citizen },
  });
  assert.equal(receipt.statusCode, 200);
  const control = await rt.app.inject({
    method: 'GET',
    url: `/api/v1/dossiers/${code}/slips/process-control`,
    headers: { cookie: citizen },
  });
  assert.equal(control.statusCode, 404);
  const staffControl = await rt.app.inject({
    method: 'GET',
    url: `/api/v1/dossiers/${code}/slips/process-control`,
    headers: { cookie: await staff('desk.hang-trong') },
  });
  assert.equal(staffControl.statusCode, 200);
});

test('the reason given to the applicant and their own note stay; an officer’s note does not, also in action answers and replays', async () => {
  const code = await intake();
  await act(await staff('desk.hang-trong'), code, 'request-supplement', {
    missingComponents: [{ name: 'Giấy chứng sinh (bản rõ nét hơn)' }],
    reason: 'Ảnh giấy chứng sinh bị mờ.',
    note: INTERNAL_NOTES[2],
  });
  const fileId = await uploadPdf('giay-chung-sinh.pdf');

  clock.advance(2 * 3_600_000);
  const version = (await read(citizen, `/api/v1/dossiers/${code}`)).json<StaffView>().version;
  const supplement = () =>
    rt.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${code}/actions/supplement`,
      headers: {
        cookie: citizen,
        origin: ORIGIN,
        'if-match': String(version),
        'idempotency-key': 'applicant-view-supplement-1',
      },
      payload: {
        components: [{ name: 'Giấy chứng sinh', fileId }],
        note: 'Tôi gửi lại bản chụp rõ hơn.',
      },
    });
  const answered = await supplement();
  assert.equal(answered.statusCode, 200, answered.body);
  const replayed = await supplement();
  assert.equal(replayed.statusCode, 200, replayed.body);
  assert.deepEqual(replayed.json(), answered.json());
  for (const [label, res] of [
    ['the supplement’s answer', answered],
    ['its replay', replayed],
  ] as const) {
    assertNoStaffData(label, res.body);
    const v = res.json<StaffView>();
    assert.equal(v.audience, 'applicant');
    assert.deepEqual(
      v.history.map((h) => [h.action, h.actor, h.note]),
      [
        ['accept', 'staff', null],
        ['request-supplement', 'staff', 'Ảnh giấy chứng sinh bị mờ.'],
        ['supplement', 'applicant', 'Tôi gửi lại bản chụp rõ hơn.'],
      ],
    );
  }
  // The desk still reads its own note.
  const desk = (await read(await staff('desk.hang-trong'), `/api/v1/dossiers/${code}`)).json<StaffView>();
  assert.deepEqual(
    desk.history.map((h) => [h.by, h.note]),
    [
      ['desk.hang-trong', null],
      ['desk.hang-trong', INTERNAL_NOTES[2]],
      ['Nguyễn Thị Hường', 'Tôi gửi lại bản chụp rõ hơn.'],
    ],
  );
});

test('an online submission answers the citizen with the applicant’s view, the same as their read', async () => {
  // Submitted through the portal's route: the answer is built, not read back, and must equal a read.
  const fileId = await uploadPdf('to-khai.pdf');
  const res = await rt.app.inject({
    method: 'POST',
    url: '/api/v1/portal/dossiers',
    headers: { cookie: citizen, origin: ORIGIN },
    payload: birthOnline(
      hangTrong,
      ['TP1', 'TP2', 'TP3'].map((c) => ({ code: c, fileIds: [fileId] })),
    ),
  });
  assert.equal(res.statusCode, 201, res.body);
  const submitted = res.json<StaffView>();
  assert.equal(submitted.audience, 'applicant');
  assert.deepEqual(submitted, (await read(citizen, `/api/v1/dossiers/${submitted.code}`)).json());
});
