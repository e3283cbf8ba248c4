// The applicant rates a dossier once, after the result was returned: not before, not twice (even two
// requests at once keep one), not someone else's; staff read it and cannot give it; bad input is named
// and writes nothing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, manualClock, type TestRuntime } from '../../test/db.ts';
import { errorOf, ORIGIN } from '../../test/http.ts';
import { startTestIdp } from '../../test/citizen.ts';
import { dossierKit } from '../../test/dossier-kit.ts';
import { countRows, peoplesCommittee } from '../../test/seeded.ts';
import { testConfig } from '../../test/template.ts';
import type { DevIdp } from '../../../simulator/identity-provider.ts';

let rt: TestRuntime;
let idp: DevIdp;
// Friday 20 November 2026, 09:00 in Hà Nội.
const clock = manualClock('2026-11-20T02:00:00Z');
const kit = dossierKit(() => rt);
const { staff, citizen, get } = kit;
const HUONG = 'dev-001190012345';
const MINH = 'dev-001085004321';
let hangTrong: string;
let code: string;

const rate = async (cookie: string | undefined, payload: unknown, dossier = code) =>
  rt.app.inject({
    method: 'POST',
    url: `/api/v1/dossiers/${dossier}/rating`,
    headers: { ...(cookie ? { cookie } : {}), origin: ORIGIN },
    payload: payload as Record<string, unknown>,
  });
const ratings = () => countRows(rt.deps.db, 'dossier_ratings');
const act = (cookie: string, action: string, body: Record<string, unknown> = {}) =>
  kit.actOk(cookie, code, action, body);

/** Hường's birth registration, received at the desk and approved by the leader: its code. */
async function approvedDossier(): Promise<string> {
  const dossier = await kit.receiveBirth(hangTrong);
  clock.advance(15 * 60_000);
  await kit.forward(await staff('desk.hang-trong'), dossier, 'specialist.hang-trong');
  clock.advance(60 * 60_000);
  await kit.forward(await staff('specialist.hang-trong'), dossier, 'leader.hang-trong');
  clock.advance(30 * 60_000);
  await kit.actOk(await staff('leader.hang-trong'), dossier, 'approve', {
    resultDate: '2025-07-01',
    signer: 'Trần Quốc Việt',
    resultDocuments: [{ name: 'Giấy khai sinh (bản chính)' }],
  });
  return dossier;
}

before(async () => {
  const started = await startTestIdp();
  idp = started.idp;
  rt = await createTestRuntime({ clock, config: started.config(testConfig(null).oidc) });
  hangTrong = await peoplesCommittee(rt.deps.db, '00070');
  code = await approvedDossier();
});
after(async () => {
  await rt.close();
  await idp.close();
});

test('before the result is returned: nothing to rate, and a rating is refused', async () => {
  const state = await get(`/api/v1/dossiers/${code}/rating`, await citizen(HUONG));
  assert.equal(state.statusCode, 200, state.body);
  assert.deepEqual(state.json(), { rating: null, canRate: false, canRecordAtCounter: false });
  const early = await rate(await citizen(HUONG), { level: 'satisfied' });
  assert.equal(early.statusCode, 409, early.body);
  assert.equal(errorOf(early).code, 'CONFLICT');
  assert.equal(await ratings(), 0);

  clock.advance(30 * 60_000);
  await act(await staff('desk.hang-trong'), 'return-result', {
    channel: 'counter',
    recipientName: 'Nguyễn Thị Hường',
  });
});

test('bad input is named and writes nothing; others cannot rate it', async () => {
  const huong = await citizen(HUONG);
  const cases: [unknown, string[]][] = [
    [{}, ['body/level']],
    [{ level: 'ok' }, ['body/level']],
    [{ level: 'satisfied', comment: 'x'.repeat(1001) }, ['body/comment']],
    [{ level: 'satisfied', stars: 5 }, ['body/stars']],
  ];
  for (const [payload, paths] of cases) {
    const res = await rate(huong, payload);
    assert.equal(res.statusCode, 400, `${JSON.stringify(payload)}: ${res.body}`);
    for (const p of paths)
      assert.ok(
        errorOf(res).details!.some((d) => d.path.startsWith(p)),
        `${p} in ${JSON.stringify(errorOf(res).details)}`,
      );
  }
  assert.equal((await rate(await citizen(MINH), { level: 'unsatisfied' })).statusCode, 404);
  assert.equal((await get(`/api/v1/dossiers/${code}/rating`, await citizen(MINH))).statusCode, 404);
  assert.equal((await rate(await staff('desk.hang-trong'), { level: 'very-satisfied' })).statusCode, 401);
  assert.equal((await rate(undefined, { level: 'very-satisfied' })).statusCode, 401);
  assert.equal((await get(`/api/v1/dossiers/${code}/rating`)).statusCode, 401);
  assert.equal((await get(`/api/v1/dossiers/${code}/rating`, await staff('desk.hang-bac'))).statusCode, 404);
  assert.equal(await ratings(), 0);
});

test('once returned, she rates it once: two ratings sent at once keep one; staff read it', async () => {
  const huong = await citizen(HUONG);
  assert.deepEqual((await get(`/api/v1/dossiers/${code}/rating`, huong)).json(), {
    rating: null,
    canRate: true,
    canRecordAtCounter: false,
  });
  const [a, b] = await Promise.all([
    rate(huong, { level: 'very-satisfied', comment: '  Cán bộ hướng dẫn tận tình.  ' }),
    rate(huong, { level: 'unsatisfied' }),
  ]);
  assert.deepEqual([a.statusCode, b.statusCode].sort(), [201, 409]);
  const kept = (a.statusCode === 201 ? a : b).json<{ level: string }>();
  assert.equal(await ratings(), 1);
  const refused = a.statusCode === 409 ? a : b;
  assert.match(errorOf(refused).message, /đã được đánh giá/);

  const expected = {
    level: kept.level,
    label: kept.level === 'very-satisfied' ? 'Rất hài lòng' : 'Không hài lòng',
    comment: kept.level === 'very-satisfied' ? 'Cán bộ hướng dẫn tận tình.' : null,
    channel: 'online',
    ratedAt: clock.now().toISOString(),
  };
  assert.deepEqual((await get(`/api/v1/dossiers/${code}/rating`, huong)).json(), {
    rating: expected,
    canRate: false,
    canRecordAtCounter: false,
  });
  for (const u of ['desk.hang-trong', 'leader.hang-trong']) {
    const seen = await get(`/api/v1/dossiers/${code}/rating`, await staff(u));
    assert.equal(seen.statusCode, 200, seen.body);
    assert.deepEqual(seen.json(), { rating: expected, canRate: false, canRecordAtCounter: false });
  }
  // Rated online: the desk cannot record another at the counter.
  const counter = await rt.app.inject({
    method: 'POST',
    url: `/api/v1/dossiers/${code}/rating/counter`,
    headers: { cookie: await staff('desk.hang-trong'), origin: ORIGIN },
    payload: { level: 'satisfied' },
  });
  assert.equal(counter.statusCode, 409, counter.body);
  const again = await rate(huong, { level: 'satisfied' });
  assert.equal(again.statusCode, 409);
  assert.equal(await ratings(), 1);
});

test("the leader's overview counts the month's ratings for the receiving agency", async () => {
  const res = await get('/api/v1/reports/overview?month=2026-11', await staff('leader.hang-trong'));
  assert.equal(res.statusCode, 200, res.body);
  type Figures = {
    satisfaction: { verySatisfied: number; satisfied: number; unsatisfied: number };
    satisfiedRate: number | null;
  };
  const overview = res.json<{
    totals: Figures;
    agencies: { agency: { code: string }; figures: Figures }[];
  }>();
  const row = overview.agencies.find((a) => a.agency.code === hangTrong);
  assert.ok(row, 'Hàng Trống is in the overview');
  const kept = (await get(`/api/v1/dossiers/${code}/rating`, await citizen(HUONG))).json<{
    rating: { level: string };
  }>().rating.level;
  const happy = kept === 'very-satisfied';
  assert.deepEqual(row.figures.satisfaction, {
    verySatisfied: happy ? 1 : 0,
    satisfied: 0,
    unsatisfied: happy ? 0 : 1,
  });
  assert.equal(row.figures.satisfiedRate, happy ? 1 : 0);
  assert.deepEqual(overview.totals.satisfaction, row.figures.satisfaction);
  // Another month has none: no rate rather than a made-up one.
  const october = await get('/api/v1/reports/overview?month=2026-10', await staff('leader.hang-trong'));
  assert.equal(october.json<{ totals: Figures }>().totals.satisfiedRate, null);
});

test('at the counter: the receiving desk records the rating she chose, audited; nobody else may, and only once', async () => {
  const dossier = await approvedDossier();
  const counter = async (user: string, payload: unknown) =>
    rt.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${dossier}/rating/counter`,
      headers: { cookie: await staff(user), origin: ORIGIN },
      payload: payload as Record<string, unknown>,
    });
  // Not before the result is handed over.
  assert.equal((await counter('desk.hang-trong', { level: 'satisfied' })).statusCode, 409);
  await kit.actOk(await staff('desk.hang-trong'), dossier, 'return-result', {
    channel: 'counter',
    recipientName: 'Nguyễn Thị Hường',
  });
  const state = async (cookie: string) =>
    (await get(`/api/v1/dossiers/${dossier}/rating`, cookie)).json<{
      canRate: boolean;
      canRecordAtCounter: boolean;
    }>();
  assert.deepEqual(await state(await staff('desk.hang-trong')), {
    rating: null,
    canRate: false,
    canRecordAtCounter: true,
  });
  assert.equal((await state(await staff('specialist.hang-trong'))).canRecordAtCounter, false);
  assert.equal((await counter('specialist.hang-trong', { level: 'satisfied' })).statusCode, 403);
  assert.equal((await counter('leader.hang-trong', { level: 'satisfied' })).statusCode, 403);
  assert.equal((await counter('desk.hang-bac', { level: 'satisfied' })).statusCode, 404);
  const bad = await counter('desk.hang-trong', { level: 'good' });
  assert.equal(bad.statusCode, 400);
  assert.ok(errorOf(bad).details!.some((d) => d.path.startsWith('body/level')));
  const noSession = await rt.app.inject({
    method: 'POST',
    url: `/api/v1/dossiers/${dossier}/rating/counter`,
    headers: { origin: ORIGIN },
    payload: { level: 'satisfied' },
  });
  assert.equal(noSession.statusCode, 401);
  const before = await ratings();

  const recorded = await counter('desk.hang-trong', { level: 'unsatisfied', comment: 'Phải chờ lâu.' });
  assert.equal(recorded.statusCode, 201, recorded.body);
  assert.deepEqual(recorded.json(), {
    level: 'unsatisfied',
    label: 'Không hài lòng',
    comment: 'Phải chờ lâu.',
    channel: 'counter',
    ratedAt: clock.now().toISOString(),
  });
  assert.equal(await ratings(), before + 1);
  const audit = await rt.deps.db
    .selectFrom('audit_log')
    .select(['actor_label', 'details'])
    .where('action', '=', 'dossier-rating.recorded-at-counter')
    .executeTakeFirstOrThrow();
  assert.equal(audit.actor_label, 'desk.hang-trong');
  assert.deepEqual(audit.details, { code: dossier, level: 'unsatisfied' });
  // Once: neither the desk again nor the applicant online.
  assert.equal((await counter('desk.hang-trong', { level: 'satisfied' })).statusCode, 409);
  assert.equal((await rate(await citizen(HUONG), { level: 'satisfied' }, dossier)).statusCode, 409);
  assert.equal((await state(await citizen(HUONG))).canRate, false);
  assert.equal(await ratings(), before + 1);
});
