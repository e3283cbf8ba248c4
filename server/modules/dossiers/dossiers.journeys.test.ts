// Journeys through the HTTP API, as desks, specialists and leaders do them.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, manualClock, type TestRuntime } from '../../test/db.ts';
import { errorOf, loginAs } from '../../test/http.ts';
import { APPLICANT_HUONG, VALID_BIRTH_DECLARATION } from '../../test/fixtures.ts';
import { execFileSync } from 'node:child_process';

const pdfText = (pdf: Buffer) =>
  execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8');

let rt: TestRuntime;
// Friday 20 November 2026, 09:00 in Hà Nội.
const clock = manualClock('2026-11-20T02:00:00Z');
const cookies = new Map<string, string>();
const as = async (u: string) => {
  if (!cookies.has(u)) cookies.set(u, await loginAs(rt.app, u));
  return cookies.get(u)!;
};
let hangTrong: string;
let birthComponents: { code: string; provided: string }[];

type View = {
  code: string;
  status: string;
  version: number;
  dueAt: string | null;
  receivedAt: string | null;
  currentStep: { index: number; key: string };
  steps: { key: string; agency: { code: string }; dueAt: string | null }[];
  history: { action: string; to: string }[];
  remaining: { overdue: boolean } | null;
};
type Actions = {
  version: number;
  items: { kind: string; inputs: { properties?: Record<string, unknown>; required?: string[] } }[];
};

before(async () => {
  rt = await createTestRuntime({ clock });
  hangTrong = (
    await rt.deps.db
      .selectFrom('agencies')
      .select('code')
      .where('unit_code', '=', '00070')
      .where('kind', '=', 'people-committee')
      .executeTakeFirstOrThrow()
  ).code;
  // The declaration (TP1) and the birth certificate (TP3) at the counter.
  birthComponents = [
    { code: 'TP1', provided: 'original' },
    { code: 'TP3', provided: 'original' },
  ];
});
after(() => rt.close());

const intake = async (
  user: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) =>
  rt.app.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    headers: { cookie: await as(user), ...headers },
    payload: {
      procedureCode: '1.001193',
      agencyCode: hangTrong,
      applicant: APPLICANT_HUONG,
      formData: VALID_BIRTH_DECLARATION,
      components: birthComponents,
      channel: 'direct',
      ...extra,
    },
  });

const act = async (
  user: string,
  code: string,
  action: string,
  body: Record<string, unknown> = {},
  version?: number,
  headers: Record<string, string> = {},
) => {
  const v =
    version ??
    (
      await rt.app.inject({
        method: 'GET',
        url: `/api/v1/dossiers/${code}`,
        headers: { cookie: await as(user) },
      })
    ).json<View>().version;
  return rt.app.inject({
    method: 'POST',
    url: `/api/v1/dossiers/${code}/actions/${action}`,
    headers: { cookie: await as(user), 'if-match': String(v), ...headers },
    payload: body,
  });
};

const viewOf = async (user: string, code: string) =>
  (
    await rt.app.inject({
      method: 'GET',
      url: `/api/v1/dossiers/${code}`,
      headers: { cookie: await as(user) },
    })
  ).json<View>();

const allowed = async (user: string, code: string) =>
  (
    await rt.app.inject({
      method: 'GET',
      url: `/api/v1/dossiers/${code}/actions`,
      headers: { cookie: await as(user) },
    })
  ).json<Actions>();

test('birth registration at Phường Hàng Trống: received, processed, approved, returned; the public sees it masked', async () => {
  const res = await intake('desk.hang-trong');
  assert.equal(res.statusCode, 201, res.body);
  const d = res.json<View>();
  // The answer is built from what intake wrote, not read back: it must be what a read shows.
  assert.deepEqual(d, await viewOf('desk.hang-trong', d.code));
  assert.match(d.code, new RegExp(`^${hangTrong.replace(/\./g, '\\.')}-261120-0001$`));
  assert.equal(d.status, 'received');
  // One working day from Friday 09:00: Monday 09:00 (the weekend is not counted).
  assert.equal(d.dueAt, '2026-11-23T02:00:00.000Z');
  assert.ok(d.steps.every((s) => s.agency.code === hangTrong));

  const deskActions = await allowed('desk.hang-trong', d.code);
  assert.ok(
    deskActions.items.some((a) => a.kind === 'forward'),
    JSON.stringify(deskActions.items.map((a) => a.kind)),
  );
  const specialistId = (
    await rt.deps.db
      .selectFrom('users')
      .select('user_id')
      .where('username', '=', 'specialist.hang-trong')
      .executeTakeFirstOrThrow()
  ).user_id;
  const fwdInputs = deskActions.items.find((a) => a.kind === 'forward')!.inputs;
  const fwdBody =
    fwdInputs.properties && 'nextAssigneeId' in fwdInputs.properties ? { nextAssigneeId: specialistId } : {};
  clock.advance(15 * 60_000);
  const fwd = await act('desk.hang-trong', d.code, 'forward', fwdBody);
  assert.equal(fwd.statusCode, 200, fwd.body);
  assert.equal(fwd.json<View>().status, 'processing');

  // The specialist moves it on to the leader's approval step.
  clock.advance(60 * 60_000);
  const spActions = await allowed('specialist.hang-trong', d.code);
  if (spActions.items.some((a) => a.kind === 'claim')) {
    const claim = await act('specialist.hang-trong', d.code, 'claim');
    assert.equal(claim.statusCode, 200, claim.body);
  }
  const leaderId = (
    await rt.deps.db
      .selectFrom('users')
      .select('user_id')
      .where('username', '=', 'leader.hang-trong')
      .executeTakeFirstOrThrow()
  ).user_id;
  const sp2 = await allowed('specialist.hang-trong', d.code);
  const spFwd = sp2.items.find((a) => a.kind === 'forward');
  assert.ok(spFwd, JSON.stringify(sp2.items.map((a) => a.kind)));
  const toLeader = await act(
    'specialist.hang-trong',
    d.code,
    'forward',
    spFwd.inputs.properties && 'nextAssigneeId' in spFwd.inputs.properties
      ? { nextAssigneeId: leaderId, note: 'Đủ điều kiện' }
      : { note: 'Đủ điều kiện' },
  );
  assert.equal(toLeader.statusCode, 200, toLeader.body);

  clock.advance(30 * 60_000);
  const approve = await act('leader.hang-trong', d.code, 'approve', {
    resultDocuments: [{ name: 'Giấy khai sinh (bản chính)' }],
  });
  assert.equal(approve.statusCode, 200, approve.body);
  assert.equal(approve.json<View>().status, 'result-ready');

  clock.advance(30 * 60_000);
  const ret = await act('desk.hang-trong', d.code, 'return-result', {
    channel: 'counter',
    recipientName: 'Nguyễn Thị Hường',
  });
  const returned = ret.json<View>();
  assert.equal(ret.statusCode, 200, ret.body);
  assert.equal(returned.status, 'returned');
  assert.deepEqual(returned.history.map((h) => h.to).at(-1), 'returned');

  // The receipt (Mẫu 01) as a PDF whose text carries the statutory fields.
  const slip = await rt.app.inject({
    method: 'GET',
    url: `/api/v1/dossiers/${d.code}/slips/receipt`,
    headers: { cookie: await as('desk.hang-trong') },
  });
  assert.equal(slip.statusCode, 200, slip.body.slice(0, 300));
  assert.equal(slip.headers['content-type'], 'application/pdf');
  const text = pdfText(slip.rawPayload);
  for (const s of [
    d.code,
    'Nguyễn Thị Hường',
    'Thủ tục đăng ký khai sinh',
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'PHƯỜNG HÀNG TRỐNG',
  ]) {
    assert.ok(text.includes(s), `receipt contains ${s}`);
  }
  const control = await rt.app.inject({
    method: 'GET',
    url: `/api/v1/dossiers/${d.code}/slips/process-control`,
    headers: { cookie: await as('leader.hang-trong') },
  });
  assert.equal(control.statusCode, 200);
  const noRefusal = await rt.app.inject({
    method: 'GET',
    url: `/api/v1/dossiers/${d.code}/slips/refusal`,
    headers: { cookie: await as('desk.hang-trong') },
  });
  assert.equal(noRefusal.statusCode, 404);

  const book = await rt.app.inject({
    method: 'GET',
    url: `/api/v1/desks/${hangTrong}/tracking-book?from=2026-11-20&to=2026-11-20`,
    headers: { cookie: await as('desk.hang-trong') },
  });
  assert.equal(book.statusCode, 200, book.body.slice(0, 300));
  assert.ok(pdfText(book.rawPayload).includes(d.code));
  const xlsx = await rt.app.inject({
    method: 'GET',
    url: `/api/v1/desks/${hangTrong}/tracking-book?from=2026-11-20&to=2026-11-20&format=xlsx`,
    headers: { cookie: await as('desk.hang-trong') },
  });
  assert.equal(xlsx.statusCode, 200);
  assert.equal(xlsx.rawPayload.subarray(0, 2).toString('latin1'), 'PK');
  const otherDesk = await rt.app.inject({
    method: 'GET',
    url: `/api/v1/desks/${hangTrong}/tracking-book?from=2026-11-20&to=2026-11-20`,
    headers: { cookie: await as('desk.hang-bac') },
  });
  assert.equal(otherDesk.statusCode, 403);

  const pub = await rt.app.inject({ method: 'GET', url: `/api/v1/public/dossiers/${d.code}` });
  assert.equal(pub.statusCode, 200);
  const p = pub.json<Record<string, unknown>>();
  assert.equal(p.applicantName, 'Nguyễn T*** H***');
  assert.equal(p.status, 'returned');
  assert.ok(!pub.body.includes(APPLICANT_HUONG.idNumber) && !pub.body.includes(APPLICANT_HUONG.phone));
  const none = await rt.app.inject({
    method: 'GET',
    url: `/api/v1/public/dossiers/${d.code.replace(/0001$/, '0999')}`,
  });
  assert.equal(none.statusCode, 404);
});

test('an incomplete intake gets a supplement request, not a received dossier', async () => {
  // No declaration (required at the counter), and the officer notes the birth certificate is missing.
  const res = await intake('desk.hang-trong', {
    components: [],
    missing: [{ code: 'TP3', note: 'bản chính' }],
  });
  assert.equal(res.statusCode, 422, res.body);
  const err = res.json<{ error: { code: string; dossierCode: string; details: { message: string }[] } }>()
    .error;
  assert.equal(err.code, 'DOSSIER_INCOMPLETE');
  assert.equal(err.details.length, 2);
  const slip = await rt.app.inject({
    method: 'GET',
    url: `/api/v1/dossiers/${err.dossierCode}/slips/supplement-request`,
    headers: { cookie: await as('desk.hang-trong') },
  });
  assert.equal(slip.statusCode, 200, slip.body.slice(0, 300));
  assert.ok(pdfText(slip.rawPayload).includes('Giấy chứng sinh'));
  assert.ok(err.details.some((d) => d.message.includes('Tờ khai đăng ký khai sinh')));
  assert.ok(err.details.some((d) => d.message.includes('Giấy chứng sinh')));
  const d = (
    await rt.app.inject({
      method: 'GET',
      url: `/api/v1/dossiers/${err.dossierCode}`,
      headers: { cookie: await as('desk.hang-trong') },
    })
  ).json<View>();
  assert.equal(d.status, 'awaiting-supplement');
  assert.equal(d.receivedAt, null);
});

test('an incomplete dossier not supplemented is refused with the refusal slip', async () => {
  const res = await intake('desk.hang-trong', { components: [] });
  const code = res.json<{ error: { dossierCode: string } }>().error.dossierCode;
  clock.advance(10 * 60_000);
  const refused = await act('desk.hang-trong', code, 'refuse', {
    reason: 'Quá hạn bổ sung theo phiếu yêu cầu bổ sung mà người nộp không hoàn thiện hồ sơ',
  });
  assert.equal(refused.statusCode, 200, refused.body);
  assert.equal(refused.json<View>().status, 'refused');
  const slip = await rt.app.inject({
    method: 'GET',
    url: `/api/v1/dossiers/${code}/slips/refusal`,
    headers: { cookie: await as('desk.hang-trong') },
  });
  assert.equal(slip.statusCode, 200);
  assert.ok(pdfText(slip.rawPayload).includes('Quá hạn bổ sung'));
  const pub = (await rt.app.inject({ method: 'GET', url: `/api/v1/public/dossiers/${code}` })).json<{
    status: string;
  }>();
  assert.equal(pub.status, 'refused');
});

test('bad intake input names every field; nothing is written', async () => {
  const before = await rt.deps.db
    .selectFrom('dossiers')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  const res = await intake('desk.hang-trong', {
    applicant: {
      ...APPLICANT_HUONG,
      idNumber: '123456789',
      phone: 'abcdefgh',
      address: { unitCode: '99999', line: 'x' },
    },
    formData: { nguoiDuocKhaiSinh: { hoTen: 42 } },
    components: [{ code: 'TP99', provided: 'electronic' }],
  });
  assert.equal(res.statusCode, 400, res.body);
  const paths = errorOf(res).details!.map((d) => d.path);
  for (const p of [
    'body/applicant/idNumber',
    'body/applicant/phone',
    'body/applicant/address/unitCode',
    'body/components/0/code',
    'body/components/0/fileIds',
  ]) {
    assert.ok(paths.includes(p), `${p} in ${paths.join(', ')}`);
  }
  assert.ok(paths.some((p) => p.startsWith('body/formData/')));
  const after = await rt.deps.db
    .selectFrom('dossiers')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  assert.equal(after.n, before.n);
  assert.equal((await intake('specialist.hang-trong')).statusCode, 403);
});

test('stale versions get 409; an idempotent retry never acts twice', async () => {
  const d = (await intake('desk.hang-trong', {}, { 'idempotency-key': 'intake-retry-0001' })).json<View>();
  const again = await intake('desk.hang-trong', {}, { 'idempotency-key': 'intake-retry-0001' });
  assert.equal(again.statusCode, 201);
  assert.equal(again.json<View>().code, d.code);
  const stale = await act('desk.hang-trong', d.code, 'forward', {}, d.version + 5);
  assert.equal(stale.statusCode, 409);
  assert.equal(errorOf(stale).code, 'STALE_VERSION');
  const r1 = await act('desk.hang-trong', d.code, 'withdraw', { reason: 'Người nộp xin rút' }, d.version, {
    'idempotency-key': 'withdraw-0001',
  });
  if (r1.statusCode === 200) {
    const r2 = await act('desk.hang-trong', d.code, 'withdraw', { reason: 'Người nộp xin rút' }, d.version, {
      'idempotency-key': 'withdraw-0001',
    });
    assert.equal(r2.statusCode, 200);
    assert.equal(r2.json<View>().version, r1.json<View>().version);
    const actions = await rt.deps.db
      .selectFrom('dossier_actions')
      .select('kind')
      .where('kind', '=', 'withdraw')
      .execute();
    assert.equal(actions.length, 1);
  }
});

test('another ward cannot see the dossier; the district above can', async () => {
  const d = (await intake('desk.hang-trong')).json<View>();
  const other = await rt.app.inject({
    method: 'GET',
    url: `/api/v1/dossiers/${d.code}`,
    headers: { cookie: await as('desk.hang-bac') },
  });
  assert.equal(other.statusCode, 404);
  const district = await rt.app.inject({
    method: 'GET',
    url: `/api/v1/dossiers/${d.code}`,
    headers: { cookie: await as('leader.hoan-kiem') },
  });
  assert.equal(district.statusCode, 200);
  const list = (
    await rt.app.inject({
      method: 'GET',
      url: '/api/v1/dossiers?q=huong',
      headers: { cookie: await as('desk.hang-bac') },
    })
  ).json<{ total: number }>();
  assert.equal(list.total, 0);
  const mine = (
    await rt.app.inject({
      method: 'GET',
      url: '/api/v1/dossiers?q=nguyen%20huong',
      headers: { cookie: await as('desk.hang-trong') },
    })
  ).json<{ total: number }>();
  assert.ok(mine.total >= 1);
});

test('50 concurrent intakes at one desk get 50 unique, gap-free codes', async () => {
  clock.set('2026-11-24T01:00:00Z');
  cookies.clear(); // sessions from Friday have expired
  const cookie = await as('desk.hang-trong');
  const results = await Promise.all(
    Array.from({ length: 50 }, () =>
      rt.app.inject({
        method: 'POST',
        url: '/api/v1/dossiers',
        headers: { cookie },
        payload: {
          procedureCode: '1.001193',
          agencyCode: hangTrong,
          applicant: APPLICANT_HUONG,
          formData: VALID_BIRTH_DECLARATION,
          components: birthComponents,
          channel: 'direct',
        },
      }),
    ),
  );
  assert.ok(
    results.every((r) => r.statusCode === 201),
    results.map((r) => r.statusCode).join(','),
  );
  const codes = results.map((r) => r.json<View>().code).sort();
  assert.equal(new Set(codes).size, 50);
  assert.deepEqual(
    codes.map((c) => c.slice(-4)),
    Array.from({ length: 50 }, (_, i) => String(i + 1).padStart(4, '0')),
  );
  assert.ok(codes.every((c) => c.includes('-261124-')));
});

test('inter-agency: ward → district → province department → ward leader, each step at its agency', async () => {
  clock.set('2026-11-25T01:30:00Z'); // Wednesday 08:30
  cookies.clear();
  const admin = await as('demo-admin');
  const stp = (
    await rt.deps.db
      .selectFrom('agencies')
      .select('code')
      .where('unit_code', '=', '01')
      .where('kind', '=', 'justice')
      .executeTakeFirstOrThrow()
  ).code;
  const hoanKiem = (
    await rt.deps.db
      .selectFrom('agencies')
      .select('code')
      .where('unit_code', '=', '002')
      .where('kind', '=', 'people-committee')
      .executeTakeFirstOrThrow()
  ).code;
  const share = (value: number) => ({ value, unit: 'working-hour' });
  const steps = [
    {
      key: 'receive',
      name: 'Tiếp nhận',
      role: 'desk-officer',
      performer: { kind: 'receiving-agency' },
      share: share(1),
      canSendBack: false,
    },
    {
      key: 'ward',
      name: 'Công chức tư pháp – hộ tịch thẩm định',
      role: 'specialist',
      performer: { kind: 'competent-agency' },
      share: share(2),
      canSendBack: true,
    },
    {
      key: 'district',
      name: 'UBND quận xác minh',
      role: 'specialist',
      performer: { kind: 'agency-of-kind-above', agencyKind: 'people-committee' },
      share: share(2),
      canSendBack: true,
    },
    {
      key: 'province',
      name: 'Sở Tư pháp cho ý kiến',
      role: 'specialist',
      performer: { kind: 'named-agency', agencyCode: stp },
      share: share(1),
      canSendBack: true,
    },
    {
      key: 'approve',
      name: 'Chủ tịch UBND phường ký',
      role: 'leader',
      performer: { kind: 'competent-agency' },
      share: share(1),
      canSendBack: true,
    },
    {
      key: 'return',
      name: 'Trả kết quả',
      role: 'desk-officer',
      performer: { kind: 'receiving-agency' },
      share: share(1),
      canSendBack: false,
    },
  ];
  const current = (
    await rt.app.inject({
      method: 'GET',
      url: `/api/v1/procedures/1.001193/workflow?agencyCode=${hangTrong}`,
      headers: { cookie: admin },
    })
  ).json<{ source: string; version: number }>();
  const put = await rt.app.inject({
    method: 'PUT',
    url: '/api/v1/procedures/1.001193/workflow',
    headers: { cookie: admin },
    payload: {
      agencyCode: hangTrong,
      channel: 'direct',
      version: current.source === 'agency' ? current.version : 0,
      steps,
    },
  });
  assert.equal(put.statusCode, 200, put.body);

  const d = (await intake('desk.hang-trong')).json<View>();
  assert.deepEqual(
    d.steps.map((s) => s.agency.code),
    [hangTrong, hangTrong, hoanKiem, stp, hangTrong, hangTrong],
  );
  assert.deepEqual(d, await viewOf('desk.hang-trong', d.code), 'the answer is what a read shows');
  const userId = async (u: string) =>
    (
      await rt.deps.db
        .selectFrom('users')
        .select('user_id')
        .where('username', '=', u)
        .executeTakeFirstOrThrow()
    ).user_id;
  const hops: [string, string, string][] = [
    ['desk.hang-trong', 'specialist.hang-trong', hangTrong],
    ['specialist.hang-trong', 'specialist.hoan-kiem', hoanKiem],
    ['specialist.hoan-kiem', 'specialist.stp-ha-noi', stp],
    ['specialist.stp-ha-noi', 'leader.hang-trong', hangTrong],
  ];
  for (const [from, to, agency] of hops) {
    clock.advance(20 * 60_000);
    const res = await act(from, d.code, 'forward', {
      nextAssigneeId: await userId(to),
      note: `Chuyển ${to}`,
    });
    assert.equal(res.statusCode, 200, `${from} → ${to}: ${res.body}`);
    const v = res.json<View & { currentAgency: { code: string } }>();
    assert.equal(v.currentAgency.code, agency, `${from} → ${to}`);
  }
  // The province department sees the dossier it worked on; a department beside it does not.
  assert.equal(
    (
      await rt.app.inject({
        method: 'GET',
        url: `/api/v1/dossiers/${d.code}`,
        headers: { cookie: await as('specialist.stp-ha-noi') },
      })
    ).statusCode,
    200,
  );
  assert.equal(
    (
      await rt.app.inject({
        method: 'GET',
        url: `/api/v1/dossiers/${d.code}`,
        headers: { cookie: await as('desk.quan-3') },
      })
    ).statusCode,
    404,
  );
  clock.advance(20 * 60_000);
  const approved = await act('leader.hang-trong', d.code, 'approve', {
    resultDocuments: [{ name: 'Giấy khai sinh' }],
  });
  assert.equal(approved.statusCode, 200, approved.body);
  const ret = await act('desk.hang-trong', d.code, 'return-result', { channel: 'counter' });
  assert.equal(ret.json<View>().status, 'returned');
  const control = await rt.app.inject({
    method: 'GET',
    url: `/api/v1/dossiers/${d.code}/slips/process-control`,
    headers: { cookie: await as('desk.hang-trong') },
  });
  const text = pdfText(control.rawPayload);
  assert.ok(
    text.includes('Sở Tư pháp') || text.includes('SỞ TƯ PHÁP'),
    'the control slip records the hand-over to the department',
  );
});

test('a district procedure at Quận Hoàn Kiếm: the province lets the district office offer it; the district desk receives and returns it', async () => {
  clock.set('2026-11-26T02:00:00Z'); // Thursday 09:00
  cookies.clear();
  const admin = await as('demo-admin');
  const office = (
    await rt.deps.db
      .selectFrom('agencies')
      .select('code')
      .where('unit_code', '=', '002')
      .where('kind', '=', 'natural-resources')
      .executeTakeFirstOrThrow()
  ).code;
  const detail = (await rt.app.inject({ method: 'GET', url: '/api/v1/procedures/1.012786' })).json<{
    offeredBy: { code: string; unitCode: string }[];
    procedure: { components: unknown[] };
  }>();
  const offer = await rt.app.inject({
    method: 'PUT',
    url: '/api/v1/procedures/1.012786/offerings',
    headers: { cookie: admin },
    // The province replaces its own offerings only: Hà Nội's department stays, the district office joins.
    payload: {
      agencyCodes: [...detail.offeredBy.filter((a) => a.unitCode === '01').map((a) => a.code), office],
    },
  });
  assert.equal(offer.statusCode, 200, offer.body);
  const after = (await rt.app.inject({ method: 'GET', url: '/api/v1/procedures/1.012786' })).json<{
    offeredBy: { code: string; unitCode: string }[];
  }>();
  assert.ok(
    after.offeredBy.some((a) => a.unitCode === '79'),
    'another province’s offerings are untouched',
  );

  const res = await rt.app.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    headers: { cookie: await as('desk.hoan-kiem') },
    payload: {
      procedureCode: '1.012786',
      agencyCode: office,
      applicant: { ...APPLICANT_HUONG, address: { unitCode: '00061', line: 'Số 5 phố Hàng Bạc' } },
      formData: {
        nguoiYeuCau: {
          hoTen: 'Nguyễn Thị Hường',
          soDinhDanh: '001190012345',
          noiCuTru: 'Số 5 phố Hàng Bạc, phường Hàng Bạc',
        },
        noiDungYeuCau: 'Đề nghị cấp lại Giấy chứng nhận quyền sử dụng đất do bị mất',
        hinhThucNhanKetQua: 'Nhận trực tiếp',
        camDoan: true,
      },
      components: detail.procedure.components.map((_c, i) => ({ code: `TP${i + 1}`, provided: 'original' })),
      channel: 'direct',
    },
  });
  assert.equal(res.statusCode, 201, res.body);
  const d = res.json<View & { competentAgency: { code: string } }>();
  assert.equal(d.competentAgency.code, office);
  assert.match(d.code, /^000\.00\.22\.H26-261126-0001$/);
  // 20 working days from Thursday 26/11/2026 09:00: 24/12/2026 09:00 (no holiday in between).
  assert.equal(d.dueAt, '2026-12-24T02:00:00.000Z');

  const userId = async (u: string) =>
    (
      await rt.deps.db
        .selectFrom('users')
        .select('user_id')
        .where('username', '=', u)
        .executeTakeFirstOrThrow()
    ).user_id;
  const toSpecialist = await act('desk.hoan-kiem', d.code, 'forward', {
    nextAssigneeId: await userId('specialist.hoan-kiem'),
  });
  assert.equal(toSpecialist.statusCode, 200, toSpecialist.body);
  const toLeader = await act('specialist.hoan-kiem', d.code, 'forward', {
    nextAssigneeId: await userId('leader.hoan-kiem'),
  });
  assert.equal(toLeader.statusCode, 200, toLeader.body);
  const approved = await act('leader.hoan-kiem', d.code, 'approve', {
    resultDocuments: [{ name: 'Giấy chứng nhận quyền sử dụng đất (cấp lại)' }],
  });
  assert.equal(approved.statusCode, 200, approved.body);
  const returned = await act('desk.hoan-kiem', d.code, 'return-result', { channel: 'counter' });
  assert.equal(returned.json<View>().status, 'returned');
  // The ward desk next door never sees it.
  assert.equal(
    (
      await rt.app.inject({
        method: 'GET',
        url: `/api/v1/dossiers/${d.code}`,
        headers: { cookie: await as('desk.hang-bac') },
      })
    ).statusCode,
    404,
  );
});

test('worklists: counts and lists per role follow the dossier; overdue once the due time passes', async () => {
  clock.set('2026-11-27T01:00:00Z'); // Friday 08:00
  cookies.clear();
  const counts = async (u: string) =>
    (
      await rt.app.inject({ method: 'GET', url: '/api/v1/dossiers/counts', headers: { cookie: await as(u) } })
    ).json<Record<string, number>>();
  const list = async (u: string, l: string) =>
    (
      await rt.app.inject({
        method: 'GET',
        url: `/api/v1/dossiers?list=${l}&pageSize=500`,
        headers: { cookie: await as(u) },
      })
    ).json<{ items: { code: string }[]; total: number }>();
  const before = await counts('specialist.hang-trong');
  const d = (await intake('desk.hang-trong')).json<View>();
  assert.ok((await list('desk.hang-trong', 'agency')).items.some((i) => i.code === d.code));
  const specialistId = (
    await rt.deps.db
      .selectFrom('users')
      .select('user_id')
      .where('username', '=', 'specialist.hang-trong')
      .executeTakeFirstOrThrow()
  ).user_id;
  assert.equal(
    (await act('desk.hang-trong', d.code, 'forward', { nextAssigneeId: specialistId })).statusCode,
    200,
  );
  const after = await counts('specialist.hang-trong');
  assert.equal(after.mine, (before.mine ?? 0) + 1);
  assert.ok((await list('specialist.hang-trong', 'mine')).items.some((i) => i.code === d.code));
  assert.ok(!(await list('specialist.hang-trong', 'overdue')).items.some((i) => i.code === d.code));
  clock.set('2026-12-01T02:00:00Z'); // past Monday's due time
  cookies.clear();
  assert.ok((await list('specialist.hang-trong', 'overdue')).items.some((i) => i.code === d.code));
  assert.ok(
    ((await counts('leader.hoan-kiem')).overdue ?? 0) >= 1,
    'the district leader sees overdue dossiers of its wards',
  );
  assert.equal((await counts('desk.quan-3')).overdue, 0);
  const anon = await rt.app.inject({ method: 'GET', url: '/api/v1/dossiers/counts' });
  assert.equal(anon.statusCode, 401);
});

test('late path: the leader apologises once, at least a working day ahead; the original due time stays', async () => {
  clock.set('2026-12-07T02:00:00Z'); // Monday 09:00
  cookies.clear();
  const res = await rt.app.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    headers: { cookie: await as('desk.hang-trong') },
    payload: {
      procedureCode: '1.001731',
      agencyCode: hangTrong,
      applicant: APPLICANT_HUONG,
      formData: {
        nguoiYeuCau: {
          hoTen: 'Nguyễn Thị Hường',
          soDinhDanh: '001190012345',
          noiCuTru: 'Số 12 phố Hàng Trống',
        },
        noiDungYeuCau: 'Đề nghị hỗ trợ chi phí mai táng',
        hinhThucNhanKetQua: 'Nhận trực tiếp',
        camDoan: true,
      },
      components: [1, 2, 3, 4, 5, 6].map((n) => ({ code: `TP${n}`, provided: 'original' })).slice(0, 3),
      channel: 'direct',
    },
  });
  assert.equal(res.statusCode, 201, res.body);
  const d = res.json<View & { extendedDueAt: string | null }>();
  // Three working days from Monday 09:00: Thursday 09:00.
  assert.equal(d.dueAt, '2026-12-10T02:00:00.000Z');
  const specialistId = (
    await rt.deps.db
      .selectFrom('users')
      .select('user_id')
      .where('username', '=', 'specialist.hang-trong')
      .executeTakeFirstOrThrow()
  ).user_id;
  assert.equal(
    (await act('desk.hang-trong', d.code, 'forward', { nextAssigneeId: specialistId })).statusCode,
    200,
  );

  // A specialist may not apologise; the leader may, with a new appointment after the due time.
  clock.set('2026-12-08T03:00:00Z'); // Tuesday 10:00, about two working days before the due time
  cookies.clear();
  const bySpecialist = await act('specialist.hang-trong', d.code, 'apologize', {
    reason: 'Cần xác minh thêm',
    newDueAt: '2026-12-14T10:00:00+07:00',
  });
  assert.equal(bySpecialist.statusCode, 403, bySpecialist.body);
  const early = await act('leader.hang-trong', d.code, 'apologize', {
    reason: 'Cần xác minh thêm',
    newDueAt: '2026-12-09T10:00:00+07:00',
  });
  assert.equal(early.statusCode, 400, 'the new appointment must come after the due time');
  const apology = await act('leader.hang-trong', d.code, 'apologize', {
    reason: 'Cần xác minh thêm thông tin về đối tượng bảo trợ xã hội',
    newDueAt: '2026-12-14T10:00:00+07:00',
  });
  assert.equal(apology.statusCode, 200, apology.body);
  const after = apology.json<View & { extendedDueAt: string | null }>();
  assert.equal(after.dueAt, '2026-12-10T02:00:00.000Z', 'the original due time is kept for KPIs');
  assert.equal(after.extendedDueAt, '2026-12-14T03:00:00.000Z');
  const again = await act('leader.hang-trong', d.code, 'apologize', {
    reason: 'Lần hai',
    newDueAt: '2026-12-16T10:00:00+07:00',
  });
  assert.equal(again.statusCode, 409, `a second apology is refused: ${again.body}`);
  const slip = await rt.app.inject({
    method: 'GET',
    url: `/api/v1/dossiers/${d.code}/slips/apology`,
    headers: { cookie: await as('desk.hang-trong') },
  });
  assert.equal(slip.statusCode, 200, slip.body.slice(0, 200));
  const apologyText = pdfText(slip.rawPayload);
  assert.ok(apologyText.replace(/\s+/g, ' ').includes('xác minh thêm'), apologyText);
  const pub = (await rt.app.inject({ method: 'GET', url: `/api/v1/public/dossiers/${d.code}` })).json<{
    dueAt: string;
  }>();
  assert.equal(pub.dueAt, '2026-12-14T03:00:00.000Z', 'the citizen sees the new appointment');
});

test('public lookups asked together are answered together, each with its own dossier', async () => {
  const codes: string[] = [];
  for (const name of ['Nguyễn Thị Hường', 'Trần Văn Minh', 'Lê Thị Lan']) {
    const res = await intake('desk.hang-trong', { applicant: { ...APPLICANT_HUONG, fullName: name } });
    assert.equal(res.statusCode, 201, res.body);
    codes.push(res.json<{ code: string }>().code);
  }
  const asked = [codes[2]!, codes[0]!, 'KHONG-CO-0000', codes[1]!, codes[0]!];
  const answers = await Promise.all(
    asked.map((code) => rt.app.inject({ method: 'GET', url: `/api/v1/public/dossiers/${code}` })),
  );
  assert.deepEqual(
    answers.map((a) => a.statusCode),
    [200, 200, 404, 200, 200],
  );
  const shown = answers.map((a) =>
    a.statusCode === 200 ? a.json<{ code: string; applicantName: string }>() : null,
  );
  assert.deepEqual(
    shown.map((s) => s && [s.code, s.applicantName]),
    [
      [codes[2], 'Lê T*** L***'],
      [codes[0], 'Nguyễn T*** H***'],
      null,
      [codes[1], 'Trần V*** M***'],
      [codes[0], 'Nguyễn T*** H***'],
    ],
  );
});

test('a supplement handed in the same minute it was asked for resumes the clock (an empty pause)', async () => {
  const d = (await intake('desk.hang-trong')).json<View>();
  const specialistId = (
    await rt.deps.db
      .selectFrom('users')
      .select('user_id')
      .where('username', '=', 'specialist.hang-trong')
      .executeTakeFirstOrThrow()
  ).user_id;
  clock.advance(15 * 60_000);
  const fwd = await act('desk.hang-trong', d.code, 'forward', { nextAssigneeId: specialistId });
  assert.equal(fwd.statusCode, 200, fwd.body);
  clock.advance(10 * 60_000);
  const asked = await act('specialist.hang-trong', d.code, 'request-supplement', {
    missingComponents: [{ name: 'Giấy chứng sinh (bản rõ nét hơn)' }],
    reason: 'Ảnh giấy chứng sinh bị mờ.',
  });
  assert.equal(asked.statusCode, 200, asked.body);
  assert.equal(asked.json<View>().status, 'awaiting-supplement');
  // The applicant is at the counter with the paper: recorded at once (the clock does not move).
  const supplied = await act('desk.hang-trong', d.code, 'supplement', {
    components: [{ name: 'Giấy chứng sinh (bản chính)' }],
  });
  assert.equal(supplied.statusCode, 200, supplied.body);
  const after = supplied.json<View>();
  assert.equal(after.status, 'processing');
  assert.ok(after.dueAt !== null && after.dueAt >= d.dueAt!, `${after.dueAt} ≥ ${d.dueAt}`);
});
