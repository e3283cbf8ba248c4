// PAKN routes: bad input names every failing field and writes nothing; who may do what across Hà Nội,
// Đà Nẵng and TP Hồ Chí Minh; stale versions; the rate limits; attachments (type by content, size,
// tokens, who may read them); the settings.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, manualClock, type TestRuntime } from '../../test/db.ts';
import { errorOf, ORIGIN } from '../../test/http.ts';
import { countRows, peoplesCommittee } from '../../test/seeded.ts';
import { feedbackKit, PNG, SENDER } from './feedback.test-kit.ts';
import { FEEDBACK_RATE_LIMITS } from './feedback.routes.ts';

let rt: TestRuntime;
// Wednesday 25 November 2026, 09:00 in Hà Nội.
const clock = manualClock('2026-11-25T02:00:00Z');
const kit = feedbackKit(() => rt);
let hoanKiem: string;
let nhieuLoc: string;
let tayGiang: string;

const sendTo = async (agencyCode: string) => {
  const res = await kit.submit(
    { kind: 'phan-anh', subject: 'Chậm trễ', content: 'Nội dung phản ánh.', agencyCode, sender: SENDER },
    { remoteAddress: `10.1.0.${Math.floor(Math.random() * 200) + 1}` },
  );
  assert.equal(res.statusCode, 201, res.body);
  return res.json<{ code: string }>().code;
};

before(async () => {
  rt = await createTestRuntime({ clock });
  hoanKiem = await peoplesCommittee(rt.deps.db, '00070');
  nhieuLoc = await peoplesCommittee(rt.deps.db, '27142');
  tayGiang = await peoplesCommittee(rt.deps.db, '20455');
});
after(async () => rt.close());

test('bad input names every failing field and writes nothing', async () => {
  const before = await countRows(rt.deps.db, 'feedback');
  const res = await kit.submit({
    kind: 'gop-y',
    subject: '',
    content: 42,
    sender: { fullName: 'A', phone: 'abc', email: 'not-an-email' },
    extra: true,
  });
  assert.equal(res.statusCode, 400, res.body);
  const paths = errorOf(res)
    .details!.map((d) => d.path)
    .sort();
  for (const p of [
    'body/kind',
    'body/subject',
    'body/content',
    'body/sender/phone',
    'body/sender/email',
    'body/extra',
  ])
    assert.ok(paths.includes(p), `${p} in ${paths.join(', ')}`);

  const anonymous = await kit.submit({ kind: 'phan-anh', subject: 'S', content: 'C', agencyCode: hoanKiem });
  assert.equal(anonymous.statusCode, 400, anonymous.body);
  assert.deepEqual(
    errorOf(anonymous).details!.map((d) => d.path),
    ['body/sender'],
  );

  const noAgency = await kit.submit({ kind: 'phan-anh', subject: 'S', content: 'C', sender: SENDER });
  assert.deepEqual(
    errorOf(noAgency).details!.map((d) => d.path),
    ['body/agencyCode'],
  );

  const notMine = await kit.submit({
    kind: 'phan-anh',
    subject: 'S',
    content: 'C',
    sender: SENDER,
    dossierCode: '000.00.00.H26-261125-0001',
  });
  assert.equal(notMine.statusCode, 400, notMine.body);
  assert.deepEqual(
    errorOf(notMine).details!.map((d) => d.path),
    ['body/dossierCode'],
  );

  const province = await kit.submit({
    kind: 'kien-nghi',
    subject: 'S',
    content: 'C',
    sender: SENDER,
    provinceCode: '48',
  });
  assert.equal(province.statusCode, 201, province.body);
  assert.match(province.json<{ agency: { name: string } }>().agency.name, /Đà Nẵng/);

  const cookie = await kit.staff('desk.hang-trong');
  const recorded = await kit.post(
    '/api/v1/feedback/recorded',
    {
      channel: 'fax',
      sender: { fullName: 'A' },
      kind: 'phan-anh',
      subject: 'S',
      content: 'C',
      agencyCode: 'x',
    },
    { cookie },
  );
  assert.equal(recorded.statusCode, 400, recorded.body);
  const rp = errorOf(recorded).details!.map((d) => d.path);
  for (const p of ['body/channel', 'body/sender/phone', 'body/sender/email', 'body/agencyCode'])
    assert.ok(rp.includes(p), `${p} in ${rp.join(', ')}`);

  const code = await sendTo(hoanKiem);
  const badAction = await kit.act('desk.hang-trong', code, 'classify', { category: 'nope', extra: 1 });
  assert.equal(badAction.statusCode, 400, badAction.body);
  assert.deepEqual(
    errorOf(badAction)
      .details!.map((d) => d.path)
      .sort(),
    ['body/category', 'body/extra'],
  );
  const noReason = await kit.act('desk.hang-trong', code, 'classify', { category: 'not-accepted' });
  assert.deepEqual(
    errorOf(noReason).details!.map((d) => d.path),
    ['body/reason'],
  );
  const badTransfer = await kit.act('leader.hang-trong', code, 'transfer', {
    toAgencyCode: '999.99.99.H99',
    note: 'x',
  });
  assert.deepEqual(
    errorOf(badTransfer).details!.map((d) => d.path),
    ['body/toAgencyCode'],
  );
  assert.equal(await countRows(rt.deps.db, 'feedback'), before + 2);
});

test('authorisation across Hà Nội, Đà Nẵng and TP Hồ Chí Minh: each sees and acts on its own only', async () => {
  const codes = { hn: await sendTo(hoanKiem), dn: await sendTo(tayGiang), hcm: await sendTo(nhieuLoc) };
  const desks = { hn: 'desk.hang-trong', dn: 'desk.tay-giang', hcm: 'desk.quan-3' } as const;
  for (const [place, desk] of Object.entries(desks)) {
    for (const [other, code] of Object.entries(codes)) {
      const read = await kit.get(`/api/v1/feedback/${code}`, await kit.staff(desk));
      assert.equal(read.statusCode, place === other ? 200 : 404, `${desk} reads ${other}: ${read.body}`);
      const act = await kit.act(desk, code, 'classify', { category: 'own-competence' });
      assert.equal(act.statusCode, place === other ? 200 : 404, `${desk} classifies ${other}: ${act.body}`);
    }
    const list = await kit.get('/api/v1/feedback', await kit.staff(desk));
    const seen = list.json<{ items: { code: string }[] }>().items.map((i) => i.code);
    for (const [other, code] of Object.entries(codes)) assert.equal(seen.includes(code), place === other);
  }
  // The province administrator of Hà Nội reaches its wards; the auditor reads and cannot act.
  assert.equal(
    (await kit.get(`/api/v1/feedback/${codes.hn}`, await kit.staff('demo-admin'))).statusCode,
    200,
  );
  assert.equal(
    (await kit.get(`/api/v1/feedback/${codes.hcm}`, await kit.staff('demo-admin'))).statusCode,
    404,
  );
  const audit = await kit.get(`/api/v1/feedback/${codes.hn}`, await kit.staff('auditor.ha-noi'));
  assert.equal(audit.statusCode, 200, audit.body);
  assert.deepEqual(audit.json<{ may: string[] }>().may, []);
  const auditorAct = await kit.act('auditor.ha-noi', codes.hn, 'assign', {
    username: 'specialist.hang-trong',
  });
  assert.equal(auditorAct.statusCode, 403, auditorAct.body);
  // Roles: a specialist may not approve or assign; the desk may not approve; a province admin may hide.
  const spec = await kit.act('specialist.hang-trong', codes.hn, 'assign', {
    username: 'specialist.hang-trong',
  });
  assert.equal(spec.statusCode, 403, spec.body);
  assert.match(errorOf(spec).message, /Cán bộ một cửa, Lãnh đạo/);
  await kit.actOk('leader.hang-trong', codes.hn, 'assign', { username: 'specialist.hang-trong' });
  const wrongAssignee = await kit.act('leader.hang-trong', codes.hn, 'assign', {
    username: 'specialist.quan-3',
  });
  assert.deepEqual(
    errorOf(wrongAssignee).details!.map((d) => d.path),
    ['body/username'],
  );
  const hide = await kit.act('demo-admin', codes.hn, 'hide', { reason: 'Thử quyền.' });
  assert.equal(hide.statusCode, 200, hide.body);
  // Unsigned: 401.
  const anon = await kit.get(`/api/v1/feedback/${codes.hn}`);
  assert.equal(anon.statusCode, 401, anon.body);
  const anonList = await kit.get('/api/v1/feedback');
  assert.equal(anonList.statusCode, 401, anonList.body);
});

test('a stale version is refused with 409 and changes nothing', async () => {
  const code = await sendTo(hoanKiem);
  const cookie = await kit.staff('desk.hang-trong');
  const stale = await kit.post(
    `/api/v1/feedback/${code}/actions/classify`,
    { category: 'own-competence' },
    { cookie, 'if-match': '7' },
  );
  assert.equal(stale.statusCode, 409, stale.body);
  assert.equal(errorOf(stale).code, 'STALE_VERSION');
  assert.equal((await kit.record('desk.hang-trong', code)).status, 'received');
  const missing = await kit.post(
    `/api/v1/feedback/${code}/actions/classify`,
    { category: 'own-competence' },
    { cookie },
  );
  assert.equal(missing.statusCode, 400, missing.body);
  assert.deepEqual(
    errorOf(missing).details!.map((d) => d.path),
    ['headers/if-match'],
  );
});

test('attachments: by content, at most 10 MB, usable with their token within the hour, read by staff in reach', async () => {
  const fake = await kit.upload(Buffer.from('MZ not an image'), 'anh.png', '10.2.0.1');
  assert.equal(fake.statusCode, 415, fake.body);
  const big = await kit.upload(Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024)]), 'to.png', '10.2.0.1');
  assert.equal(big.statusCode, 413, big.body);
  const filesBefore = await countRows(rt.deps.db, 'files');

  const up = await kit.upload(PNG, 'anh.png', '10.2.0.1');
  assert.equal(up.statusCode, 201, up.body);
  const f = up.json<{ fileId: string; uploadToken: string }>();
  const body = {
    kind: 'phan-anh',
    subject: 'S',
    content: 'C',
    agencyCode: hoanKiem,
    sender: SENDER,
    fileIds: [f.fileId],
  };
  const noToken = await kit.submit(body, { remoteAddress: '10.2.0.2' });
  assert.deepEqual(
    errorOf(noToken).details!.map((d) => d.path),
    ['body/fileIds/0'],
  );
  clock.advance(61 * 60_000);
  const expired = await kit.submit({ ...body, fileTokens: [f.uploadToken] }, { remoteAddress: '10.2.0.2' });
  assert.deepEqual(
    errorOf(expired).details!.map((d) => d.path),
    ['body/fileIds/0'],
  );
  assert.equal(await countRows(rt.deps.db, 'files'), filesBefore + 1);

  const fresh = (await kit.upload(PNG, 'anh.png', '10.2.0.1')).json<{
    fileId: string;
    uploadToken: string;
  }>();
  const ok = await kit.submit(
    { ...body, fileIds: [fresh.fileId], fileTokens: [fresh.uploadToken] },
    { remoteAddress: '10.2.0.2' },
  );
  assert.equal(ok.statusCode, 201, ok.body);
  const { code } = ok.json<{ code: string }>();
  kit.cookies.clear();
  const url = `/api/v1/feedback/${code}/files/${fresh.fileId}`;
  const staffRead = await kit.get(url, await kit.staff('desk.hang-trong'));
  assert.equal(staffRead.statusCode, 200, staffRead.body);
  assert.equal(staffRead.headers['content-type'], 'image/png');
  assert.equal((await kit.get(url, await kit.staff('desk.quan-3'))).statusCode, 404);
  assert.equal((await kit.get(url)).statusCode, 404);
});

test('rate limits: PAKN sent and files uploaded per address', async () => {
  const address = '10.3.0.1';
  const body = { kind: 'phan-anh', subject: 'S', content: 'C', agencyCode: hoanKiem, sender: SENDER };
  for (let i = 0; i < FEEDBACK_RATE_LIMITS.submit.max; i++) {
    const r = await kit.submit(body, { remoteAddress: address });
    assert.equal(r.statusCode, 201, r.body);
  }
  const refused = await kit.submit(body, { remoteAddress: address });
  assert.equal(refused.statusCode, 429, refused.body);
  assert.equal(errorOf(refused).reason, 'FEEDBACK_TOO_MANY');
  assert.ok(Number(refused.headers['retry-after']) > 0);
  // Another address is not held back.
  assert.equal((await kit.submit(body, { remoteAddress: '10.3.0.2' })).statusCode, 201);
  for (let i = 0; i < FEEDBACK_RATE_LIMITS.upload.max; i++)
    assert.equal((await kit.upload(PNG, 'a.png', '10.3.0.9')).statusCode, 201);
  assert.equal((await kit.upload(PNG, 'a.png', '10.3.0.9')).statusCode, 429);
});

test('settings: the province administrator only, 5/7/10 days, If-Match', async () => {
  const admin = await kit.staff('demo-admin');
  const read = await kit.get('/api/v1/feedback/settings?provinceCode=01', admin);
  assert.equal(read.statusCode, 200, read.body);
  assert.deepEqual(read.json(), {
    provinceCode: '01',
    'phan-anh': { answerDays: 10, urgentHours: 8, transferDays: 5 },
    'kien-nghi': { answerDays: 10, urgentHours: 8, transferDays: 5 },
    version: 0,
  });
  assert.equal((await kit.get('/api/v1/feedback/settings?provinceCode=48', admin)).statusCode, 403);
  assert.equal(
    (await kit.get('/api/v1/feedback/settings?provinceCode=01', await kit.staff('leader.hang-trong')))
      .statusCode,
    403,
  );
  const put = (payload: unknown, ifMatch: string) =>
    rt.app.inject({
      method: 'PUT',
      url: '/api/v1/feedback/settings?provinceCode=01',
      headers: { cookie: admin, origin: ORIGIN, 'if-match': ifMatch },
      payload: payload as object,
    });
  const bad = await put({ 'phan-anh': { answerDays: 6, urgentHours: 8, transferDays: 5 } }, '0');
  assert.equal(bad.statusCode, 400, bad.body);
  const bp = errorOf(bad).details!.map((d) => d.path);
  assert.ok(bp.includes('body/phan-anh/answerDays') && bp.includes('body/kien-nghi'), bp.join(', '));
  const settings = {
    'phan-anh': { answerDays: 5, urgentHours: 4, transferDays: 5 },
    'kien-nghi': { answerDays: 7, urgentHours: 8, transferDays: 5 },
  };
  const ok = await put(settings, '0');
  assert.equal(ok.statusCode, 200, ok.body);
  assert.equal(ok.json<{ version: number }>().version, 1);
  assert.equal((await put(settings, '0')).statusCode, 409);
  // A PAKN sent now is due in 5 working days: Wednesday 2/12 (the engine's count on Hà Nội's calendar).
  const sent = await kit.submit(
    { kind: 'phan-anh', subject: 'S', content: 'C', agencyCode: hoanKiem, sender: SENDER },
    { remoteAddress: '10.4.0.1' },
  );
  const due = new Date(sent.json<{ dueAt: string; receivedAt: string }>().dueAt);
  const received = new Date(sent.json<{ receivedAt: string }>().receivedAt);
  const days = (due.getTime() - received.getTime()) / 86_400_000;
  assert.ok(days >= 5 && days < 10, `5 working days, not 10: ${days}`);
});
