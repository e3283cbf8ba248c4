// #18 Done-means journeys for PAKN: one sent on the portal with a photo, classified outside the ward's
// competence, transferred to a ward of another province, assigned, answered within its limit, approved,
// published without the sender's data and rated; one recorded from the hotline and answered late
// (counted late); one hidden as abusive; one forwarded by the national portal, taken in once.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, manualClock, type TestRuntime } from '../../test/db.ts';
import { errorOf } from '../../test/http.ts';
import { peoplesCommittee } from '../../test/seeded.ts';
import { feedbackKit, PNG, SENDER } from './feedback.test-kit.ts';
import { fetchForwardedFeedback, intakeForwarded } from './index.ts';
import { createPortalClient } from '../sync/index.ts';
import { DEV_PORTAL_SECRET } from '../../config.ts';
import { startSimulator } from '../../../simulator/simulator.ts';

let rt: TestRuntime;
// Monday 23 November 2026, 09:00 in Hà Nội.
const clock = manualClock('2026-11-23T02:00:00Z');
const kit = feedbackKit(() => rt);
let hoanKiem: string;
let nhieuLoc: string;
let tayGiang: string;

const notifications = async (code: string) =>
  (
    await rt.deps.db
      .selectFrom('outbox')
      .select(['payload'])
      .where('topic', '=', 'feedback.notification')
      .where('ordering_key', '=', code)
      .orderBy('outbox_id')
      .execute()
  ).map((r) => (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload) as { event: string });

before(async () => {
  rt = await createTestRuntime({ clock });
  hoanKiem = await peoplesCommittee(rt.deps.db, '00070');
  nhieuLoc = await peoplesCommittee(rt.deps.db, '27142');
  tayGiang = await peoplesCommittee(rt.deps.db, '20455');
});
after(async () => rt.close());

test('#18 sent on the portal with a photo, transferred to another province, answered on time, published without the sender, rated', async () => {
  const up = await kit.upload(PNG, 'ảnh-hiện-trường.png');
  assert.equal(up.statusCode, 201, up.body);
  const file = up.json<{ fileId: string; uploadToken: string; type: string }>();
  assert.equal(file.type, 'image/png');

  const sent = await kit.submit({
    kind: 'phan-anh',
    subject: 'Chậm trả kết quả đăng ký hộ kinh doanh',
    content: 'Hồ sơ của tôi quá hạn 5 ngày mà chưa được trả kết quả, cán bộ không giải thích lý do.',
    agencyCode: hoanKiem,
    sender: SENDER,
    fileIds: [file.fileId],
    fileTokens: [file.uploadToken],
  });
  assert.equal(sent.statusCode, 201, sent.body);
  const { code, dueAt } = sent.json<{ code: string; dueAt: string }>();
  assert.match(code, /^PAKN\.20261123\.0001$/);
  // 10 working days from Monday 23/11 09:00, counted by the engine: Tuesday 8/12 09:00.
  assert.equal(dueAt, '2026-12-08T02:00:00.000Z');
  // The token is used: a second PAKN cannot take the same file.
  const reused = await kit.submit({
    kind: 'phan-anh',
    subject: 'Lặp lại',
    content: 'Gửi lại tệp đã dùng.',
    agencyCode: hoanKiem,
    sender: SENDER,
    fileIds: [file.fileId],
    fileTokens: [file.uploadToken],
  });
  assert.equal(reused.statusCode, 400, reused.body);
  assert.deepEqual(
    errorOf(reused).details?.map((d) => d.path),
    ['body/fileIds/0'],
  );

  const before = await kit.get(`/api/v1/public/feedback/${code}`);
  assert.equal(before.statusCode, 200, before.body);
  assert.equal(before.json<{ status: string }>().status, 'received');
  assert.equal(before.json<{ content: unknown }>().content, null);
  assert.ok(!before.body.includes(SENDER.phone) && !before.body.includes(SENDER.fullName));

  clock.advance(60 * 60_000);
  const classified = await kit.actOk('desk.hang-trong', code, 'classify', {
    category: 'outside-competence',
    reason: 'Hồ sơ nộp tại Phường Nhiêu Lộc, TP Hồ Chí Minh.',
  });
  assert.equal(classified.status, 'awaiting-transfer');
  clock.advance(24 * 60 * 60_000);
  kit.cookies.clear();
  const transferred = await kit.actOk('desk.hang-trong', code, 'transfer', {
    toAgencyCode: nhieuLoc,
    note: 'Chuyển UBND Phường Nhiêu Lộc xử lý theo thẩm quyền.',
  });
  assert.equal(transferred.status, 'received');
  // Hà Nội no longer sees it; Nhiêu Lộc does, with the transfer on time and the limit restarted.
  assert.equal(
    (await kit.get(`/api/v1/feedback/${code}`, await kit.staff('desk.hang-trong'))).statusCode,
    404,
  );
  const atNhieuLoc = await kit.record('desk.quan-3', code);
  const transfers = atNhieuLoc.transfers as { late: boolean; to: { code: string } }[];
  assert.deepEqual(
    transfers.map((t) => [t.to.code, t.late]),
    [[nhieuLoc, false]],
  );
  // Restarted Tuesday 24/11 10:00 on Nhiêu Lộc's calendar and office hours. 24/11 is a day off (Ngày
  // Văn hóa Việt Nam), so the count starts Wednesday 07:30 and ten whole working days end at 17:00 on
  // 8/12, where the receipt at 09:00 on a working day ended at 09:00 (feedback.public.test.ts pins it).
  assert.equal(atNhieuLoc.clockStartedAt, '2026-11-24T03:00:00.000Z');
  assert.equal(atNhieuLoc.dueAt, '2026-12-08T10:00:00.000Z');
  assert.equal((atNhieuLoc.files as unknown[]).length, 1);

  await kit.actOk('desk.quan-3', code, 'classify', { category: 'official-conduct' });
  await kit.actOk('leader.quan-3', code, 'assign', { username: 'specialist.quan-3' });
  clock.advance(2 * 24 * 60 * 60_000);
  kit.cookies.clear();
  await kit.actOk('specialist.quan-3', code, 'draft-answer', {
    text: 'UBND Phường Nhiêu Lộc đã kiểm tra; hồ sơ được trả kết quả ngày 26/11/2026 và cán bộ đã bị nhắc nhở.',
  });
  await kit.actOk('specialist.quan-3', code, 'submit-answer');
  const returned = await kit.actOk('leader.quan-3', code, 'return-answer', {
    reason: 'Nêu rõ ngày trả kết quả.',
  });
  assert.equal(returned.status, 'processing');
  await kit.actOk('specialist.quan-3', code, 'submit-answer');
  const approved = await kit.actOk('leader.quan-3', code, 'approve');
  assert.equal(approved.verdict, 'on-time');
  const published = await kit.actOk('leader.quan-3', code, 'publish');
  assert.equal(published.status, 'published');
  assert.deepEqual(
    (published.history as { action: string }[]).map((h) => h.action),
    [
      'received',
      'classify',
      'transfer',
      'classify',
      'assign',
      'draft-answer',
      'submit-answer',
      'return-answer',
      'submit-answer',
      'approve',
      'publish',
    ],
  );
  assert.deepEqual(
    (await notifications(code)).map((n) => n.event),
    ['received', 'answered'],
  );

  const pub = await kit.get(`/api/v1/public/feedback/${code}`);
  assert.equal(pub.statusCode, 200, pub.body);
  const view = pub.json<{
    status: string;
    content: string;
    answer: { text: string; agency: { code: string } };
  }>();
  assert.equal(view.status, 'published');
  assert.match(view.content, /quá hạn 5 ngày/);
  assert.equal(view.answer.agency.code, nhieuLoc);
  for (const personal of [SENDER.fullName, SENDER.phone, SENDER.email, SENDER.address])
    assert.ok(!pub.body.includes(personal), `the public view shows ${personal}`);

  const wrong = await kit.post(`/api/v1/public/feedback/${code}/rating`, {
    level: 'satisfied',
    phone: '0900000000',
  });
  assert.equal(wrong.statusCode, 403, wrong.body);
  const rated = await kit.post(`/api/v1/public/feedback/${code}/rating`, {
    level: 'very-satisfied',
    phone: '+84 912 345 678',
    comment: 'Cảm ơn.',
  });
  assert.equal(rated.statusCode, 201, rated.body);
  const again = await kit.post(`/api/v1/public/feedback/${code}/rating`, {
    level: 'unsatisfied',
    phone: SENDER.phone,
  });
  assert.equal(again.statusCode, 409, again.body);
  assert.equal(errorOf(again).reason, 'FEEDBACK_RATING_ALREADY_GIVEN');
});

test('#18 recorded from the hotline, overdue in the register, answered late and counted late', async () => {
  clock.set('2026-11-23T03:00:00Z');
  const cookie = await kit.staff('desk.tay-giang');
  const rec = await kit.post(
    '/api/v1/feedback/recorded',
    {
      channel: 'phone',
      sender: { fullName: 'Hồ Thị Lan', phone: '0935111222', email: 'lan.ho@example.vn' },
      kind: 'kien-nghi',
      subject: 'Đề nghị niêm yết phí chứng thực tại bộ phận một cửa',
      content: 'Đề nghị UBND xã niêm yết công khai mức phí chứng thực bản sao.',
      agencyCode: tayGiang,
    },
    { cookie },
  );
  assert.equal(rec.statusCode, 201, rec.body);
  const { code } = rec.json<{ code: string }>();
  await kit.actOk('desk.tay-giang', code, 'classify', { category: 'own-competence' });

  // Three weeks later it is still open: overdue in Tây Giang's register.
  clock.set('2026-12-14T03:00:00Z');
  kit.cookies.clear();
  const list = await kit.get('/api/v1/feedback?due=overdue', await kit.staff('leader.tay-giang'));
  assert.equal(list.statusCode, 200, list.body);
  const l = list.json<{ items: { code: string; overdue: boolean }[]; totals: { overdue: number } }>();
  assert.deepEqual(
    l.items.map((i) => [i.code, i.overdue]),
    [[code, true]],
  );
  assert.equal(l.totals.overdue, 1);
  assert.ok(!list.body.includes('0935111222'), 'the register carries no phone');

  await kit.actOk('leader.tay-giang', code, 'draft-answer', {
    text: 'UBND xã đã niêm yết mức phí tại bộ phận một cửa.',
  });
  await kit.actOk('leader.tay-giang', code, 'submit-answer');
  const approved = await kit.actOk('leader.tay-giang', code, 'approve');
  assert.equal(approved.verdict, 'late');
  const sentBack = await kit.actOk('leader.tay-giang', code, 'send-to-sender');
  assert.equal(sentBack.status, 'answered');
  // Reopened and answered again: the verdict stays late.
  await kit.actOk('leader.tay-giang', code, 'reopen', { reason: 'Người gửi bổ sung thông tin.' });
  await kit.actOk('leader.tay-giang', code, 'submit-answer');
  assert.equal((await kit.actOk('leader.tay-giang', code, 'approve')).verdict, 'late');
  const pub = await kit.get(`/api/v1/public/feedback/${code}`);
  assert.equal(pub.json<{ answer: unknown }>().answer, null, 'sent to the sender only: not published');
});

test('#18 abusive content hidden from the public, kept in the register', async () => {
  const sent = await kit.submit({
    kind: 'phan-anh',
    subject: 'Nội dung xúc phạm',
    content: 'Nội dung có lời lẽ xúc phạm cán bộ.',
    agencyCode: hoanKiem,
    sender: { fullName: 'Người gửi', phone: '0987654321', email: 'a@example.vn' },
  });
  assert.equal(sent.statusCode, 201, sent.body);
  const { code } = sent.json<{ code: string }>();
  const desk = await kit.act('desk.hang-trong', code, 'hide', { reason: 'Lời lẽ xúc phạm.' });
  assert.equal(desk.statusCode, 403, desk.body);
  assert.match(errorOf(desk).message, /Lãnh đạo/);
  await kit.actOk('leader.hang-trong', code, 'hide', { reason: 'Lời lẽ xúc phạm cán bộ.' });
  const pub = await kit.get(`/api/v1/public/feedback/${code}`);
  assert.equal(pub.statusCode, 200, pub.body);
  assert.deepEqual(pub.json(), {
    code,
    status: 'received',
    statusLabel: 'Đã tiếp nhận, chờ phân loại',
    hidden: true,
  });
  const list = await kit.get(
    `/api/v1/feedback?q=${encodeURIComponent(code)}`,
    await kit.staff('desk.hang-trong'),
  );
  assert.deepEqual(
    list.json<{ items: { code: string; hidden: boolean }[] }>().items.map((i) => [i.code, i.hidden]),
    [[code, true]],
  );
  await kit.actOk('leader.hang-trong', code, 'unhide');
  assert.equal((await kit.get(`/api/v1/public/feedback/${code}`)).json<{ hidden: boolean }>().hidden, false);
});

test('#18 forwarded by the national portal: taken in once, as channel dvcqg', async () => {
  const forwarded = {
    externalId: 'DVCQG-PAKN-000123',
    kind: 'kien-nghi' as const,
    subject: 'Kiến nghị rút ngắn thời gian cấp phiếu lý lịch tư pháp',
    content: 'Đề nghị rút ngắn thời gian giải quyết.',
    agencyCode: hoanKiem,
    sender: { fullName: 'Lê Văn C', phone: '0911222333', email: 'c@example.vn', address: null },
    sentAt: clock.now().toISOString(),
  };
  const first = await intakeForwarded(rt.deps, forwarded);
  const second = await intakeForwarded(rt.deps, forwarded);
  assert.ok(first && second);
  assert.equal(first.created, true);
  assert.deepEqual(second, { code: first.code, created: false });
  const rec = await kit.record('desk.hang-trong', first.code);
  assert.equal(rec.channel, 'dvcqg');
  const count = await rt.deps.db
    .selectFrom('feedback')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('external_id', '=', forwarded.externalId)
    .executeTakeFirstOrThrow();
  assert.equal(Number(count.n), 1);
});

test("#18 the national portal's PAKN feed, through the simulator: each taken in once despite duplicates, then acknowledged", async () => {
  const sim = await startSimulator({ port: 0, seed: 7 });
  try {
    const client = createPortalClient({
      baseUrl: sim.url,
      auth: 'hmac',
      secret: DEV_PORTAL_SECRET,
      timeoutMs: 2000,
    });
    const seeded = sim.control.seedFeedback({ count: 3, agencyCode: hoanKiem });
    sim.control.setFaults({ inbound: { duplicateRate: 1, shuffle: true } });
    const first = await fetchForwardedFeedback(rt.deps, client);
    assert.equal(first.created, 3);
    assert.equal(first.acknowledged, 3);
    // Listed again (the duplicates the fault plays after acknowledgement): recognised, nothing new.
    const second = await fetchForwardedFeedback(rt.deps, client);
    assert.equal(second.created, 0);
    const rows = await rt.deps.db
      .selectFrom('feedback')
      .select(['external_id', 'channel', 'status'])
      .where('external_id', 'in', seeded)
      .execute();
    assert.deepEqual(
      rows.map((r) => [r.channel, r.status]),
      seeded.map(() => ['dvcqg', 'received']),
    );
  } finally {
    await sim.close();
  }
});

test('#18 counted: received, on time, late, transferred and satisfaction per agency in reach', async () => {
  type Report = {
    rows: {
      agency: { code: string };
      received: number;
      answeredOnTime: number;
      answeredLate: number;
      transferred: number;
      verySatisfied: number;
      onTimeRate: number | null;
      satisfiedRate: number | null;
    }[];
  };
  const read = async (user: string) => {
    const res = await kit.get(
      '/api/v1/reports/feedback?from=2026-11-01&to=2026-12-31',
      await kit.staff(user),
    );
    assert.equal(res.statusCode, 200, res.body);
    return res.json<Report>().rows;
  };
  const hcm = await read('leader.quan-3');
  assert.deepEqual(
    hcm.map((r) => [
      r.agency.code,
      r.received,
      r.answeredOnTime,
      r.verySatisfied,
      r.onTimeRate,
      r.satisfiedRate,
    ]),
    [[nhieuLoc, 1, 1, 1, 1, 1]],
  );
  const dn = await read('leader.tay-giang');
  assert.deepEqual(
    dn.map((r) => [r.agency.code, r.received, r.answeredOnTime, r.answeredLate, r.onTimeRate]),
    [[tayGiang, 1, 0, 1, 0]],
  );
  const hn = await read('demo-admin');
  // Hoàn Kiếm transferred the first out; it counts at Nhiêu Lộc, which Hà Nội does not reach.
  assert.deepEqual(
    hn.map((r) => [r.agency.code, r.received, r.transferred]),
    // The hidden one, the one forwarded directly and the three from the simulator's feed.
    [[hoanKiem, 5, 1]],
  );
  const bad = await kit.get(
    '/api/v1/reports/feedback?from=2026-12-31&to=2026-11-01',
    await kit.staff('demo-admin'),
  );
  assert.equal(bad.statusCode, 400, bad.body);
});
