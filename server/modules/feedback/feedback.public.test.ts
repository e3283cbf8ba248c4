// #18 scope 2: the published answers listed for everyone (never the sender's data, never a hidden or
// unpublished one, searchable without diacritics, by agency, paged); Idempotency-Key on sending and on
// the staff actions; the citizen's place routed to its People's Committee; and the rule of a
// transfer's restarted limit, the same in Hà Nội, Đà Nẵng and TP Hồ Chí Minh but for a province's own
// days off.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, manualClock, type TestRuntime } from '../../test/db.ts';
import { errorOf, loginAs } from '../../test/http.ts';
import { countRows, peoplesCommittee } from '../../test/seeded.ts';
import { feedbackKit, SENDER } from './feedback.test-kit.ts';
import { sql } from 'kysely';
import { foldVietnamese } from '../../../common/text/fold.ts';
import { foldedSql, VIETNAMESE_LETTERS } from '../../db/migrations/20261214400000_feedback-public-list.ts';

let rt: TestRuntime;
// Wednesday 2 December 2026, 09:00 in Vietnam.
const clock = manualClock('2026-12-02T02:00:00Z');
const kit = feedbackKit(() => rt);
let hoanKiem: string;
let nhieuLoc: string;
let tayGiang: string;
let address = 0;

/** Another sender, who agrees that their name be published. */
const CONSENTING = {
  fullName: 'Lê Thị Hoa',
  phone: '0987654321',
  email: 'hoa.le@example.vn',
  address: 'Số 12 đường Trần Quốc Thảo, Phường Nhiêu Lộc, TP Hồ Chí Minh',
};

before(async () => {
  rt = await createTestRuntime({ clock });
  hoanKiem = await peoplesCommittee(rt.deps.db, '00070');
  nhieuLoc = await peoplesCommittee(rt.deps.db, '27142');
  tayGiang = await peoplesCommittee(rt.deps.db, '20455');
});
after(async () => rt.close());

/** Sent anonymously from an address of its own (the per-address rate limit stays out of the way). */
async function send(body: Record<string, unknown>, headers: Record<string, string> = {}) {
  address += 1;
  return rt.app.inject({
    method: 'POST',
    url: '/api/v1/feedback',
    headers: { origin: 'http://localhost:3000', ...headers },
    payload: { kind: 'phan-anh', sender: SENDER, ...body },
    remoteAddress: `10.9.${Math.floor(address / 200)}.${(address % 200) + 1}`,
  });
}

async function sent(body: Record<string, unknown>) {
  const res = await send(body);
  assert.equal(res.statusCode, 201, res.body);
  return res.json<{ code: string; agency: { code: string } }>().code;
}

/** Sent, classified, answered and approved by `leader`; then `last` (publish by default). */
async function answered(
  leader: string,
  body: Record<string, unknown>,
  last: 'publish' | 'send-to-sender' | null = 'publish',
) {
  const code = await sent(body);
  await kit.actOk(leader, code, 'classify', { category: 'own-competence' });
  await kit.actOk(leader, code, 'draft-answer', { text: `Trả lời cho ${String(body.subject)}: đã xử lý.` });
  await kit.actOk(leader, code, 'submit-answer');
  await kit.actOk(leader, code, 'approve');
  if (last) await kit.actOk(leader, code, last);
  return code;
}

type Listed = {
  items: { code: string; subject: string; senderName: string | null; agency: { code: string } }[];
  total: number;
  page: number;
  pageSize: number;
};
const list = async (query = '') => {
  const res = await kit.get(`/api/v1/public/feedback${query}`);
  assert.equal(res.statusCode, 200, res.body);
  return { body: res.body, json: res.json<Listed>() };
};

test('published answers for everyone: listed without the sender, never hidden or unpublished, searchable without diacritics', async () => {
  const street = await answered('leader.hang-trong', {
    subject: 'Đèn đường hỏng trên phố Hàng Trống',
    content: 'Ba cột đèn trước số 5 phố Hàng Trống không sáng đã hai tuần.',
    agencyCode: hoanKiem,
  });
  const named = await answered('leader.quan-3', {
    subject: 'Vỉa hè bị lấn chiếm',
    content: 'Vỉa hè đường Trần Quốc Thảo bị lấn chiếm làm bãi giữ xe.',
    agencyCode: nhieuLoc,
    sender: CONSENTING,
    publishSenderConsent: true,
  });
  const hidden = await answered('leader.tay-giang', {
    subject: 'Nội dung xúc phạm',
    content: 'Lời lẽ không phù hợp.',
    agencyCode: tayGiang,
  });
  await kit.actOk('leader.tay-giang', hidden, 'hide', { reason: 'Lời lẽ xúc phạm.' });
  const approvedOnly = await answered(
    'leader.hang-trong',
    { subject: 'Chưa công khai', content: 'Đã duyệt, chưa công khai.', agencyCode: hoanKiem },
    null,
  );
  const privately = await answered(
    'leader.hang-trong',
    { subject: 'Trả lời riêng', content: 'Chỉ trả lời người gửi.', agencyCode: hoanKiem },
    'send-to-sender',
  );
  const open = await sent({ subject: 'Đang xử lý', content: 'Chưa trả lời.', agencyCode: nhieuLoc });

  const all = await list();
  const codes = all.json.items.map((i) => i.code);
  assert.ok(codes.includes(street) && codes.includes(named), codes.join(', '));
  for (const c of [hidden, approvedOnly, privately, open])
    assert.ok(!codes.includes(c), `${c} is not listed`);
  assert.equal(all.json.total, 2);
  assert.equal(all.json.pageSize, 20);
  // Newest answer first; the name only of the sender who agreed; never a phone, e-mail or address.
  assert.deepEqual(codes, [named, street]);
  assert.equal(all.json.items[0]!.senderName, CONSENTING.fullName);
  assert.equal(all.json.items[1]!.senderName, null);
  for (const secret of [SENDER.fullName, SENDER.phone, SENDER.email, SENDER.address])
    assert.ok(!all.body.includes(secret), `the list shows ${secret}`);
  for (const secret of [CONSENTING.phone, CONSENTING.email, CONSENTING.address])
    assert.ok(!all.body.includes(secret), `the list shows ${secret}`);
  assert.match(all.body, /Ba cột đèn trước số 5/);
  assert.match(all.body, /Trả lời cho Đèn đường hỏng/);

  // Without diacritics, in any case, in any order; in the content and the answer too; by code.
  for (const q of ['den duong hang trong', 'HÀNG TRỐNG đèn', 'cot den', 'da xu ly den', street]) {
    const found = await list(`?q=${encodeURIComponent(q)}`);
    assert.deepEqual(
      found.json.items.map((i) => i.code),
      [street],
      q,
    );
  }
  assert.equal((await list(`?q=${encodeURIComponent('lấn chiếm')}`)).json.items[0]?.code, named);
  assert.equal((await list(`?q=${encodeURIComponent('xuc pham')}`)).json.total, 0);
  assert.equal((await list(`?q=${encodeURIComponent('chua cong khai')}`)).json.total, 0);

  // By the agency handling it, across the three provinces.
  assert.deepEqual(
    (await list(`?agencyCode=${encodeURIComponent(nhieuLoc)}`)).json.items.map((i) => i.code),
    [named],
  );
  assert.deepEqual(
    (await list(`?agencyCode=${encodeURIComponent(hoanKiem)}`)).json.items.map((i) => i.code),
    [street],
  );
  assert.equal((await list(`?agencyCode=${encodeURIComponent(tayGiang)}`)).json.total, 0);
  // Paged: past the last page, none, with the total still counted.
  const second = await list('?page=2');
  assert.deepEqual([second.json.items.length, second.json.total, second.json.page], [0, 2, 2]);
  const bad = await kit.get('/api/v1/public/feedback?page=0&agencyCode=x&q=&extra=1');
  assert.equal(bad.statusCode, 400, bad.body);
  const paths = errorOf(bad).details!.map((d) => d.path);
  for (const p of ['page', 'agencyCode', 'q'])
    assert.ok(
      paths.some((x) => x.endsWith(p)),
      paths.join(', '),
    );

  // Reopened: no longer published, no longer listed; published again with a new answer: searchable by it.
  await kit.actOk('leader.hang-trong', street, 'reopen', { reason: 'Người dân phản ánh lại.' });
  assert.ok(!(await list()).json.items.some((i) => i.code === street));
  await kit.actOk('leader.hang-trong', street, 'draft-answer', { text: 'Đã thay bóng đèn ngày 3/12.' });
  await kit.actOk('leader.hang-trong', street, 'submit-answer');
  await kit.actOk('leader.hang-trong', street, 'approve');
  await kit.actOk('leader.hang-trong', street, 'publish');
  assert.equal((await list('?q=thay+bong+den')).json.items[0]?.code, street);
});

test('Idempotency-Key on sending and recording: a retry answers the first answer and writes nothing; another body 409', async () => {
  const body = { subject: 'Gửi lại khi mất mạng', content: 'Nội dung.', agencyCode: hoanKiem };
  const before = await countRows(rt.deps.db, 'feedback');
  const first = await send(body, { 'idempotency-key': 'pakn-retry-0001' });
  assert.equal(first.statusCode, 201, first.body);
  const again = await send(body, { 'idempotency-key': 'pakn-retry-0001' });
  assert.equal(again.statusCode, 201, again.body);
  assert.deepEqual(again.json(), first.json());
  assert.equal(await countRows(rt.deps.db, 'feedback'), before + 1);
  const notices = await rt.deps.db
    .selectFrom('outbox')
    .select('outbox_id')
    .where('ordering_key', '=', first.json<{ code: string }>().code)
    .execute();
  assert.equal(notices.length, 1);

  const other = await send({ ...body, subject: 'Khác' }, { 'idempotency-key': 'pakn-retry-0001' });
  assert.equal(other.statusCode, 409, other.body);
  assert.equal(other.json<{ error: { reason: string } }>().error.reason, 'IDEMPOTENCY_KEY_REUSED');
  assert.deepEqual(
    errorOf(other).details?.map((d) => d.path),
    ['headers/idempotency-key'],
  );
  const short = await send(body, { 'idempotency-key': 'abc' });
  assert.equal(short.statusCode, 400, short.body);
  assert.equal(await countRows(rt.deps.db, 'feedback'), before + 1);
  // Without a key, two sends are two PAKN.
  await sent(body);
  await sent(body);
  assert.equal(await countRows(rt.deps.db, 'feedback'), before + 3);

  // An officer's record of a call, retried: one PAKN; the same key is another officer's own.
  const call = {
    channel: 'phone',
    kind: 'phan-anh',
    subject: 'Gọi đường dây nóng',
    content: 'Nội dung cuộc gọi.',
    agencyCode: hoanKiem,
    sender: SENDER,
  };
  const record = async (username: string, payload: object) =>
    kit.post('/api/v1/feedback/recorded', payload, {
      cookie: await kit.staff(username),
      'idempotency-key': 'hotline-call-0001',
    });
  const recorded = await record('desk.hang-trong', call);
  assert.equal(recorded.statusCode, 201, recorded.body);
  const recordedAgain = await record('desk.hang-trong', call);
  assert.deepEqual(recordedAgain.json(), recorded.json());
  assert.equal(await countRows(rt.deps.db, 'feedback'), before + 4);
  assert.equal((await record('desk.hang-trong', { ...call, subject: 'Khác' })).statusCode, 409);
  const elsewhere = await record('desk.quan-3', { ...call, agencyCode: nhieuLoc });
  assert.equal(elsewhere.statusCode, 201, elsewhere.body);
  assert.notEqual(elsewhere.json<{ code: string }>().code, recorded.json<{ code: string }>().code);
  assert.equal(await countRows(rt.deps.db, 'feedback'), before + 5);
});

test('Idempotency-Key on the actions: the retry with its old If-Match answers the first record; per caller, in each province', async () => {
  const mine = { hn: 'leader.hang-trong', dn: 'leader.tay-giang', hcm: 'leader.quan-3' } as const;
  const agencies = { hn: hoanKiem, dn: tayGiang, hcm: nhieuLoc };
  for (const p of ['hn', 'dn', 'hcm'] as const) {
    const code = await sent({
      subject: `Thao tác gửi lại ${p}`,
      content: 'Nội dung.',
      agencyCode: agencies[p],
    });
    const cookie = await kit.staff(mine[p]);
    const { version } = await kit.record(mine[p], code);
    const classify = (body: object, key: string) =>
      kit.post(`/api/v1/feedback/${code}/actions/classify`, body, {
        cookie,
        'if-match': String(version),
        'idempotency-key': key,
      });
    const first = await classify({ category: 'own-competence' }, 'same-key-for-all');
    assert.equal(first.statusCode, 200, first.body);
    const retry = await classify({ category: 'own-competence' }, 'same-key-for-all');
    assert.equal(retry.statusCode, 200, retry.body);
    assert.deepEqual(retry.json(), first.json());
    const now = await kit.record(mine[p], code);
    assert.equal(now.version, version + 1);
    assert.equal((now.history as { action: string }[]).filter((h) => h.action === 'classify').length, 1);
    const other = await classify({ category: 'official-conduct' }, 'same-key-for-all');
    assert.equal(other.statusCode, 409, other.body);
    assert.equal(other.json<{ error: { reason: string } }>().error.reason, 'IDEMPOTENCY_KEY_REUSED');
    // Another caller's key is not theirs: the desk officer of another province gets 404, not a replay.
    const stranger = p === 'hn' ? 'desk.quan-3' : 'desk.hang-trong';
    const foreign = await kit.post(
      `/api/v1/feedback/${code}/actions/classify`,
      { category: 'own-competence' },
      {
        cookie: await kit.staff(stranger),
        'if-match': String(version),
        'idempotency-key': 'same-key-for-all',
      },
    );
    assert.equal(foreign.statusCode, 404, foreign.body);
  }
  // A transfer retried: the record as the caller saw it once transferred, nothing transferred twice.
  const code = await sent({ subject: 'Chuyển một lần', content: 'Nội dung.', agencyCode: hoanKiem });
  await kit.actOk('desk.hang-trong', code, 'classify', { category: 'outside-competence' });
  const { version } = await kit.record('desk.hang-trong', code);
  const transfer = () =>
    kit
      .staff('desk.hang-trong')
      .then((cookie) =>
        kit.post(
          `/api/v1/feedback/${code}/actions/transfer`,
          { toAgencyCode: nhieuLoc, note: 'Chuyển theo thẩm quyền.' },
          { cookie, 'if-match': String(version), 'idempotency-key': 'transfer-once-01' },
        ),
      );
  const first = await transfer();
  assert.equal(first.statusCode, 200, first.body);
  assert.deepEqual(first.json<{ may: string[] }>().may, []);
  const retry = await transfer();
  assert.equal(retry.statusCode, 200, retry.body);
  assert.deepEqual(retry.json(), first.json());
  assert.equal(((await kit.record('desk.quan-3', code)).transfers as unknown[]).length, 1);
});

test('the citizen picks a ward: routed to its People’s Committee; an unknown place or one outside the province named', async () => {
  const ward = await send({ subject: 'Rác thải', content: 'Rác không được thu gom.', unitCode: '27142' });
  assert.equal(ward.statusCode, 201, ward.body);
  assert.equal(ward.json<{ agency: { code: string } }>().agency.code, nhieuLoc);
  const withProvince = await send({
    subject: 'Rác thải',
    content: 'Rác không được thu gom.',
    unitCode: '00070',
    provinceCode: '01',
  });
  assert.equal(withProvince.statusCode, 201, withProvince.body);
  assert.equal(withProvince.json<{ agency: { code: string } }>().agency.code, hoanKiem);
  const province = await send({ subject: 'Chung', content: 'Cả thành phố.', unitCode: '48' });
  assert.equal(province.statusCode, 201, province.body);
  assert.equal(
    province.json<{ agency: { code: string } }>().agency.code,
    await peoplesCommittee(rt.deps.db, '48'),
  );
  // A named agency still wins over the place.
  const named = await send({
    subject: 'Chung',
    content: 'Nội dung.',
    unitCode: '27142',
    agencyCode: hoanKiem,
  });
  assert.equal(named.json<{ agency: { code: string } }>().agency.code, hoanKiem);

  const before = await countRows(rt.deps.db, 'feedback');
  const outside = await send({ subject: 'S', content: 'C', unitCode: '27142', provinceCode: '01' });
  assert.equal(outside.statusCode, 400, outside.body);
  assert.deepEqual(
    errorOf(outside).details?.map((d) => d.path),
    ['body/unitCode'],
  );
  const retired = await rt.deps.db
    .selectFrom('units')
    .select('code')
    .where('valid_to', 'is not', null)
    .where('path', 'like', '/01/%')
    .executeTakeFirstOrThrow();
  for (const unitCode of ['99999', retired.code]) {
    const unknown = await send({ subject: 'S', content: 'C', unitCode });
    assert.equal(unknown.statusCode, 400, unknown.body);
    assert.deepEqual(
      errorOf(unknown).details?.map((d) => d.path),
      ['body/unitCode'],
      unitCode,
    );
  }
  const malformed = await send({ subject: 'S', content: 'C', unitCode: 'abc' });
  assert.equal(malformed.statusCode, 400, malformed.body);
  assert.ok(errorOf(malformed).details?.some((d) => d.path === 'body/unitCode'));
  assert.equal(await countRows(rt.deps.db, 'feedback'), before);
});

test('a transfer restarts the limit at the transfer, on the new agency’s calendar: the same rule in every province, a province’s own day off its own', async () => {
  // Hà Nội takes Thursday 10 December off (a province's own day, ADR 0013); TP Hồ Chí Minh does not.
  const admin = await loginAs(rt.app, 'demo-admin');
  const current = await kit.get('/api/v1/provinces/01/calendars/2026');
  assert.equal(current.statusCode, 200, current.body);
  const put = await rt.app.inject({
    method: 'PUT',
    url: '/api/v1/provinces/01/calendars/2026',
    headers: { cookie: admin },
    payload: {
      version: current.json<{ version: number }>().version,
      daysOff: [{ date: '2026-12-10', reason: 'Nghỉ theo quyết định của UBND thành phố' }],
      workingDays: [],
      note: 'Thử thời hạn chuyển',
    },
  });
  assert.equal(put.statusCode, 200, put.body);

  const transferAt = async (to: string, at: string) => {
    const code = await sent({ subject: 'Chuyển', content: 'Nội dung.', agencyCode: tayGiang });
    await kit.actOk('desk.tay-giang', code, 'classify', { category: 'outside-competence' });
    clock.set(at);
    kit.cookies.clear();
    const moved = await kit.actOk('desk.tay-giang', code, 'transfer', { toAgencyCode: to, note: 'Chuyển.' });
    return moved as unknown as { clockStartedAt: string; dueAt: string; transferDueAt: string };
  };
  // Thursday 3 December, 10:00 in Vietnam: ten working days later, at the same time of day.
  const toHcmc = await transferAt(nhieuLoc, '2026-12-03T03:00:00Z');
  assert.equal(toHcmc.clockStartedAt, '2026-12-03T03:00:00.000Z');
  assert.equal(toHcmc.dueAt, '2026-12-17T03:00:00.000Z');
  assert.equal(toHcmc.transferDueAt, '2026-12-10T03:00:00.000Z');
  // The same instant to Hà Nội: one day later, for its own day off only.
  const toHanoi = await transferAt(hoanKiem, '2026-12-03T03:00:00Z');
  assert.equal(toHanoi.clockStartedAt, '2026-12-03T03:00:00.000Z');
  assert.equal(toHanoi.dueAt, '2026-12-18T03:00:00.000Z');
  assert.equal(toHanoi.transferDueAt, '2026-12-11T03:00:00.000Z');
  // Transferred after office hours (20:00 in Vietnam, 13:00 UTC): counted from the next morning's
  // session (Friday 07:30), so due at the close (17:00) of the tenth working day, Thursday 17/12 in
  // TP Hồ Chí Minh. This is what made a transfer on 24/11 (Ngày Văn hóa Việt Nam, a day off) fall due
  // at 17:00 while a PAKN received at 09:00 on a working day falls due at 09:00.
  const evening = await transferAt(nhieuLoc, '2026-12-03T13:00:00Z');
  assert.equal(evening.clockStartedAt, '2026-12-03T13:00:00.000Z');
  assert.equal(evening.dueAt, '2026-12-17T10:00:00.000Z');
});

test('the migration folds the PAKN published before it as fold.ts does', async () => {
  const samples = [
    VIETNAMESE_LETTERS,
    'ĐÈN ĐƯỜNG HỎNG trên phố Hàng Trống, số 5; PAKN.20261202.0001',
    'Ủy ban nhân dân Phường Nhiêu Lộc — vỉa hè bị lấn chiếm!',
  ];
  for (const text of samples) {
    const row = await sql<{ folded: string }>`SELECT ${foldedSql(sql`${text}::text`)} AS folded`.execute(
      rt.deps.db,
    );
    assert.equal(row.rows[0]!.folded, foldVietnamese(text), text);
  }
});
