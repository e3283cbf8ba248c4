// Explanation requests (yêu cầu giải trình) through the HTTP API with a hand-moved clock: Hà Nội's
// administrator asks Xã Thanh Oai and Xã Mỹ Đức to explain October; the requests wait, Thanh Oai's
// becomes late the day after its due day, its leader answers (late), a retry replays, a second answer
// is refused; the monitor and both lists show who was asked, when, the due day, the answer and who is
// late. Then who may ask, answer and read, across wards and provinces.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, manualClock, type TestRuntime } from '../../test/db.ts';
import { dossierKit } from '../../test/dossier-kit.ts';
import { errorOf } from '../../test/http.ts';
import { peoplesCommittee } from '../../test/seeded.ts';
import { verifyAuditChain } from '../../platform/audit.ts';
import type {
  AdoptionResponse,
  ExplanationList,
  ExplanationView,
} from '../../../common/contracts/report-adoption.ts';

// Monday 2 November 2026, 10:00 in Hà Nội.
const clock = manualClock('2026-11-02T03:00:00Z');
let rt: TestRuntime;
const kit = dossierKit(() => rt);
const codes = new Map<string, string>();
const code = (name: string) => codes.get(name)!;
const OCTOBER = { from: '2026-10-01', to: '2026-10-31' };

before(async () => {
  rt = await createTestRuntime({ clock, config: { sessionTtlHours: 24 * 365 } });
  for (const [name, unit] of [
    ['thanh-oai', '10114'],
    ['my-duc', '10441'],
    ['hoan-kiem', '00070'],
    ['tay-giang', '20455'],
  ] as const) {
    codes.set(name, await peoplesCommittee(rt.deps.db, unit));
  }
});
after(() => rt.close());

type Request = { user: string | null; body: Record<string, unknown>; key?: string };

async function ask({ user, body, key }: Request) {
  return rt.app.inject({
    method: 'POST',
    url: '/api/v1/reports/adoption/explanations',
    headers: {
      ...(user ? { cookie: await kit.staff(user) } : {}),
      ...(key ? { 'idempotency-key': key } : {}),
    },
    payload: body,
  });
}

async function answer(id: string, { user, body, key }: Request) {
  return rt.app.inject({
    method: 'POST',
    url: `/api/v1/reports/adoption/explanations/${id}/answer`,
    headers: {
      ...(user ? { cookie: await kit.staff(user) } : {}),
      ...(key ? { 'idempotency-key': key } : {}),
    },
    payload: body,
  });
}

async function list(user: string, path: string): Promise<ExplanationList> {
  const res = await kit.get(`/api/v1/reports/adoption/explanations${path}`, await kit.staff(user));
  assert.equal(res.statusCode, 200, res.body);
  return res.json<ExplanationList>();
}

async function monitorRow(user: string, agencyCode: string) {
  const res = await kit.get(
    `/api/v1/reports/adoption?from=${OCTOBER.from}&to=${OCTOBER.to}`,
    await kit.staff(user),
  );
  assert.equal(res.statusCode, 200, res.body);
  const m = res.json<AdoptionResponse>();
  return { m, row: m.groups.flatMap((g) => g.agencies).find((a) => a.code === agencyCode)! };
}

const MESSAGE = 'Đề nghị giải trình lý do chưa tiếp nhận hồ sơ trên hệ thống trong tháng 10/2026.';

test('asked, awaiting, late after the due day, answered late; replays and a second answer', async () => {
  const body = { agencyCode: code('thanh-oai'), ...OCTOBER, dueOn: '2026-11-04', message: MESSAGE };
  const first = await ask({ user: 'demo-admin', body, key: 'adoption-key-0001' });
  assert.equal(first.statusCode, 201, first.body);
  const asked = first.json<ExplanationView>();
  assert.equal(asked.agency.code, code('thanh-oai'));
  assert.equal(asked.agency.name, 'Ủy ban nhân dân Xã Thanh Oai');
  assert.equal(asked.periodLabel, 'Tháng 10 năm 2026');
  assert.equal(asked.requestedBy, 'Nguyễn Văn Hùng');
  assert.equal(asked.requestedAt, '2026-11-02T03:00:00.000Z');
  assert.deepEqual([asked.state, asked.answer, asked.canAnswer], ['awaiting', null, false]);
  // The same request again under its key: the same request, not a second one; another body: 409.
  const replay = await ask({ user: 'demo-admin', body, key: 'adoption-key-0001' });
  assert.equal(replay.statusCode, 201);
  assert.equal(replay.json<ExplanationView>().id, asked.id);
  const reused = await ask({
    user: 'demo-admin',
    body: { ...body, dueOn: '2026-11-05' },
    key: 'adoption-key-0001',
  });
  assert.equal(reused.statusCode, 409);
  const myDuc = await ask({
    user: 'demo-admin',
    body: {
      agencyCode: code('my-duc'),
      from: '2026-10-15',
      to: '2026-11-15',
      dueOn: '2026-11-10',
      message: MESSAGE,
    },
  });
  assert.equal(myDuc.statusCode, 201, myDuc.body);

  // The ward's leader finds it addressed to the ward, and may answer.
  const mine = await list('leader.thanh-oai', '/mine');
  assert.deepEqual(
    mine.items.map((e) => [e.id, e.state, e.canAnswer]),
    [[asked.id, 'awaiting', true]],
  );
  assert.equal((await list('leader.my-duc', '/mine')).items[0]!.agency.code, code('my-duc'));

  // Wednesday 4 November 23:59: the due day itself, still in time.
  clock.set('2026-11-04T16:59:00Z');
  assert.equal((await monitorRow('demo-admin', code('thanh-oai'))).row.explanations[0]!.state, 'awaiting');
  // Thursday 00:00: late. The monitor shows who was asked, when, the due day, and that it is late.
  clock.set('2026-11-04T17:00:00Z');
  const { m, row } = await monitorRow('demo-admin', code('thanh-oai'));
  assert.equal(row.verdict, 'not-using');
  const shown = row.explanations[0]!;
  assert.deepEqual(
    [shown.id, shown.dueOn, shown.requestedBy, shown.requestedAt, shown.state],
    [asked.id, '2026-11-04', 'Nguyễn Văn Hùng', '2026-11-02T03:00:00.000Z', 'late'],
  );
  assert.deepEqual([m.totals.requests, m.totals.late, m.totals.answered], [2, 1, 0]);
  assert.deepEqual(
    (await list('demo-admin', '?state=late')).items.map((e) => e.id),
    [asked.id],
  );
  assert.equal((await list('demo-admin', '?state=awaiting')).items[0]!.agency.code, code('my-duc'));

  // Thursday 09:00: the leader answers, late; a retry under the key replays; a second answer is refused.
  clock.set('2026-11-05T02:00:00Z');
  const text = 'Xã đã tổ chức tiếp nhận trên giấy do chưa được cấp tài khoản; đã khắc phục từ 05/11/2026.';
  const answered = await answer(asked.id, {
    user: 'leader.thanh-oai',
    body: { text },
    key: 'adoption-answer-1',
  });
  assert.equal(answered.statusCode, 200, answered.body);
  const a = answered.json<ExplanationView>();
  assert.deepEqual(
    [a.state, a.answeredLate, a.canAnswer, a.answer],
    ['answered', true, false, { text, by: 'Trần Thị Kim Oanh', at: '2026-11-05T02:00:00.000Z' }],
  );
  const retried = await answer(asked.id, {
    user: 'leader.thanh-oai',
    body: { text },
    key: 'adoption-answer-1',
  });
  assert.equal(retried.statusCode, 200);
  assert.deepEqual(retried.json<ExplanationView>().answer, a.answer);
  const twice = await answer(asked.id, { user: 'leader.thanh-oai', body: { text: 'Lần hai' } });
  assert.equal(twice.statusCode, 409);
  assert.equal(errorOf(twice).reason, 'EXPLANATION_ALREADY_ANSWERED');

  // The administrator sees it answered; the monitor's totals follow.
  const answeredList = await list('demo-admin', '?state=answered');
  assert.deepEqual(
    answeredList.items.map((e) => [e.id, e.answer?.by]),
    [[asked.id, 'Trần Thị Kim Oanh']],
  );
  const afterAnswer = await monitorRow('demo-admin', code('thanh-oai'));
  assert.deepEqual(
    [afterAnswer.m.totals.requests, afterAnswer.m.totals.late, afterAnswer.m.totals.answered],
    [2, 0, 1],
  );
  // A period not overlapping the request's does not show it.
  const december = await kit.get(
    '/api/v1/reports/adoption?from=2026-12-01&to=2026-12-31',
    await kit.staff('demo-admin'),
  );
  assert.equal(december.json<AdoptionResponse>().totals.requests, 0);

  // Audited on the ward's chain, and the chains verify.
  const audited = await rt.deps.db
    .selectFrom('audit_log')
    .select(['action', 'actor_label', 'entity_id'])
    .where('action', 'like', 'adoption.explanation.%')
    .orderBy('audit_id')
    .execute();
  assert.deepEqual(
    audited.map((e) => `${e.action} ${e.actor_label}`),
    [
      'adoption.explanation.request demo-admin',
      'adoption.explanation.request demo-admin',
      'adoption.explanation.answer leader.thanh-oai',
    ],
  );
  assert.equal((await verifyAuditChain(rt.deps.db)).ok, true);
});

test('who may ask: the province administrator over the agency; bad input names every field', async () => {
  clock.set('2026-11-05T03:00:00Z');
  const body = { agencyCode: code('thanh-oai'), ...OCTOBER, dueOn: '2026-11-20', message: MESSAGE };
  const anon = await ask({ user: null, body });
  assert.equal(anon.statusCode, 401);
  for (const user of [
    'leader.thanh-oai',
    'admin.hoan-kiem',
    'auditor.ha-noi',
    'desk.thanh-oai',
    'admin.quang-nam',
  ]) {
    const res = await ask({ user, body });
    assert.equal(res.statusCode, 403, `${user}: ${res.body}`);
    assert.equal(errorOf(res).code, 'FORBIDDEN');
  }
  // Đà Nẵng's administrator asks in Đà Nẵng.
  const own = await ask({ user: 'admin.quang-nam', body: { ...body, agencyCode: code('tay-giang') } });
  assert.equal(own.statusCode, 201, own.body);
  const unknown = await ask({ user: 'demo-admin', body: { ...body, agencyCode: 'H26.999' } });
  assert.equal(unknown.statusCode, 404);
  const bad = await ask({
    user: 'demo-admin',
    body: { ...body, from: '2026-09-31', to: '2026-02-30', dueOn: '2026-11-04', message: '   ' },
  });
  assert.equal(bad.statusCode, 400, bad.body);
  assert.deepEqual(
    errorOf(bad).details?.map((d) => d.path),
    ['body/from', 'body/to', 'body/dueOn', 'body/message'],
  );
  const schema = await ask({ user: 'demo-admin', body: { agencyCode: 'x', from: '2026', extra: 1 } });
  assert.equal(schema.statusCode, 400);
  const paths = errorOf(schema).details?.map((d) => d.path) ?? [];
  for (const p of ['body/agencyCode', 'body/from']) assert.ok(paths.includes(p), `${p}: ${paths.join(', ')}`);
});

test('who may answer and read, across wards and provinces', async () => {
  clock.set('2026-11-05T03:00:00Z');
  const created = await ask({
    user: 'demo-admin',
    body: { agencyCode: code('thanh-oai'), ...OCTOBER, dueOn: '2026-11-30', message: MESSAGE },
  });
  const id = created.json<ExplanationView>().id;
  const text = { text: 'Giải trình' };
  assert.equal((await answer(id, { user: null, body: text })).statusCode, 401);
  for (const [user, status] of [
    ['leader.my-duc', 404], // another commune: not in reach
    ['leader.quan-3', 404], // another province
    ['admin.quang-nam', 404],
    ['desk.thanh-oai', 404], // the ward's desk reads no reports
    ['leader.hoan-kiem', 403], // the city's leader reaches the ward but does not lead it
    ['demo-admin', 403],
    ['auditor.ha-noi', 403],
  ] as const) {
    const res = await answer(id, { user, body: text });
    assert.equal(res.statusCode, status, `${user}: ${res.body}`);
  }
  assert.equal((await answer('999999', { user: 'leader.thanh-oai', body: text })).statusCode, 404);
  assert.equal((await answer('abc', { user: 'leader.thanh-oai', body: text })).statusCode, 400);

  // Lists: the province's administrator and auditor see Hà Nội's, Đà Nẵng's sees its own only.
  const haNoi = await list('auditor.ha-noi', '');
  assert.ok(haNoi.items.length >= 3);
  assert.ok(haNoi.items.every((e) => e.agency.code !== code('tay-giang')));
  assert.deepEqual(
    (await list('admin.quang-nam', '')).items.map((e) => e.agency.code),
    [code('tay-giang')],
  );
  assert.deepEqual((await list('leader.quan-3', '')).items, []);
  assert.ok((await list('leader.hoan-kiem', `?agencyCode=${code('thanh-oai')}`)).total >= 2);
  for (const [user, path, status] of [
    ['desk.thanh-oai', '', 403],
    ['specialist.thanh-oai', '', 403],
    ['leader.my-duc', `?agencyCode=${code('thanh-oai')}`, 403],
    ['admin.quang-nam', `?agencyCode=${code('thanh-oai')}`, 403],
    ['demo-admin', '?agencyCode=H26.999', 404],
    ['demo-admin', '?state=soon', 400],
    ['demo-admin', '/mine', 403], // leads nothing
    ['auditor.ha-noi', '/mine', 403],
    ['desk.thanh-oai', '/mine', 403],
  ] as const) {
    const res = await kit.get(`/api/v1/reports/adoption/explanations${path}`, await kit.staff(user));
    assert.equal(res.statusCode, status, `${user} ${path}: ${res.body}`);
  }
  const anon = await kit.get('/api/v1/reports/adoption/explanations');
  assert.equal(anon.statusCode, 401);
  // Tây Giang's leader finds Tây Giang's request only.
  assert.deepEqual(
    (await list('leader.tay-giang', '/mine')).items.map((e) => e.agency.code),
    [code('tay-giang')],
  );
});

test('who may read the monitor: the overview roles within reach; invalid periods are named', async () => {
  const get = async (user: string | null, query: string) =>
    kit.get(`/api/v1/reports/adoption?${query}`, user ? await kit.staff(user) : undefined);
  const nov = 'from=2026-11-01&to=2026-11-30';
  const anon = await get(null, nov);
  assert.equal(anon.statusCode, 401);
  assert.equal(errorOf(anon).code, 'UNAUTHENTICATED');
  for (const [user, query, status] of [
    ['desk.hang-trong', nov, 403],
    ['specialist.hang-trong', nov, 403],
    ['leader.hang-trong', `${nov}&agencyCode=${code('thanh-oai')}`, 403], // another ward
    ['leader.thanh-oai', `${nov}&agencyCode=${code('my-duc')}`, 403],
    ['leader.quan-3', `${nov}&agencyCode=${code('hoan-kiem')}`, 403], // another province
    ['admin.quang-nam', `${nov}&agencyCode=${code('thanh-oai')}`, 403],
    ['demo-admin', `${nov}&agencyCode=${code('tay-giang')}`, 403],
    ['demo-admin', `${nov}&agencyCode=H26.999`, 404],
    ['leader.thanh-oai', nov, 200],
    ['auditor.ha-noi', nov, 200],
    ['admin.hoan-kiem', `${nov}&agencyCode=${code('thanh-oai')}`, 200],
    ['admin.quang-nam', `${nov}&agencyCode=${code('tay-giang')}`, 200],
  ] as const) {
    const res = await get(user, query);
    assert.equal(res.statusCode, status, `${user} ${query}: ${res.body}`);
  }
  // Đà Nẵng's administrator sees Đà Nẵng's agencies, none of Hà Nội's.
  const daNang = (await get('admin.quang-nam', nov)).json<AdoptionResponse>();
  const listed = daNang.groups.flatMap((g) => g.agencies.map((a) => a.code));
  assert.ok(listed.includes(code('tay-giang')));
  assert.ok(!listed.includes(code('thanh-oai')));
  assert.equal(daNang.groups[0]!.trail[0]!.name, 'Thành phố Đà Nẵng');

  for (const [query, paths] of [
    ['from=2026-11-31&to=2026-11-30', ['query/from']],
    ['from=2026-02-29&to=2026-02-30', ['query/from', 'query/to']],
    ['from=2026-11-01&to=2026-13-01', ['query/to']],
    ['from=2026-12-01&to=2026-11-30', ['query/to']],
    ['from=0000-01-01&to=2026-11-30', ['query/from']],
    ['to=2026-11-30', ['query/from']],
    ['from=2026-11-01&to=2026-11-30&map=now', ['query/map']],
    ['from=2026-11-01&to=2026-11-30&agencyCode=26.101', ['query/agencyCode']],
  ] as const) {
    const res = await get('leader.hang-trong', query);
    assert.equal(res.statusCode, 400, `${query}: ${res.body}`);
    const err = errorOf(res);
    assert.equal(err.code, 'VALIDATION_FAILED');
    const named = err.details?.map((d) => d.path) ?? [];
    for (const p of paths) assert.ok(named.includes(p), `${query}: ${named.join(', ')}`);
  }
  assert.equal((await get('leader.hang-trong', `${nov}&month=2026-11`)).statusCode, 400);
});
