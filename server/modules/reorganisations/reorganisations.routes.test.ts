// #16.3 Reorganisation as an operation, through the HTTP API: a ward merged into its neighbour, the
// hand-over of its open dossiers, staff, procedures and desk, acknowledged by the successor; a merge
// into a new ward; bad plans and plans beyond the administrator's province refused whole.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { errorOf } from '../../test/http.ts';
import { countRows, peoplesCommittee } from '../../test/seeded.ts';
import { journeyKit, type View } from '../dossiers/test-kit.ts';
import { loadE1Contexts, toE1Record } from '../sync/index.ts';

const { kit, cookies, as, intake, viewOf, getAs } = journeyKit();
/** Days pass between the tests: every session is opened again. */
const setDay = (iso: string) => {
  kit.clock.set(iso);
  cookies.clear();
};

const post = async (user: string, url: string, payload: unknown) =>
  kit.rt.app.inject({ method: 'POST', url, headers: { cookie: await as(user) }, payload: payload as object });

type Preview = {
  handovers: { from: { code: string }; to: { code: string }; moves: Record<string, number> }[];
  totals: Record<string, number>;
  endedUnits: number;
};
type Reorganisation = {
  id: string;
  totals: Record<string, number>;
  handovers: {
    id: string;
    from: { code: string };
    to: { code: string };
    openDossiers: number;
    acknowledgedAt: string | null;
    acknowledgedBy: string | null;
  }[];
};

const agencyState = (code: string) =>
  kit.rt.deps.db
    .selectFrom('agencies')
    .select(['agency_id', 'valid_to'])
    .where('code', '=', code)
    .executeTakeFirstOrThrow();

test('#16.3 a ward merged into its neighbour: previewed, applied as one act, the hand-over acknowledged by the successor', async () => {
  const db = kit.rt.deps.db;
  const cuaNam = await peoplesCommittee(db, '00082');
  const hoanKiem = kit.hangTrong;
  const res = await intake('desk.hang-bac', { agencyCode: cuaNam });
  assert.equal(res.statusCode, 201, res.body);
  const received = res.json<View>();
  assert.ok(received.code.startsWith(`${cuaNam}-`));

  // Monday 23 November: Phường Cửa Nam is merged into Phường Hoàn Kiếm from today.
  setDay('2026-11-23T01:30:00Z');
  const plan = {
    name: 'Nhập Phường Cửa Nam vào Phường Hoàn Kiếm',
    basis: 'Nghị quyết thử nghiệm số 01/2026',
    effectiveOn: '2026-11-23',
    endedUnits: [{ code: '00082', successors: [{ code: '00070', extent: 'full' }] }],
    handovers: [{ from: cuaNam, to: hoanKiem }],
  };
  await as('demo-admin');
  const tablesBefore = await Promise.all(
    ['agencies', 'units', 'audit_log', 'user_roles'].map((t) => countRows(db, t as 'units')),
  );
  const preview = await post('demo-admin', '/api/v1/reorganisations/preview', plan);
  assert.equal(preview.statusCode, 200, preview.body);
  const p = preview.json<Preview>();
  assert.equal(p.endedUnits, 1);
  assert.deepEqual([p.handovers[0]!.from.code, p.handovers[0]!.to.code], [cuaNam, hoanKiem]);
  assert.equal(p.totals.openDossiers, 1);
  assert.equal(p.totals.staffGrants, 2, 'desk.hang-bac and specialist.hang-bac');
  assert.equal(p.totals.desks, 1);
  assert.ok(p.totals.offerings! > 10, JSON.stringify(p.totals));
  // A preview writes nothing.
  assert.deepEqual(
    await Promise.all(
      ['agencies', 'units', 'audit_log', 'user_roles'].map((t) => countRows(db, t as 'units')),
    ),
    tablesBefore,
  );
  assert.equal((await agencyState(cuaNam)).valid_to, null);

  const applied = await post('demo-admin', '/api/v1/reorganisations', plan);
  assert.equal(applied.statusCode, 201, applied.body);
  const r = applied.json<Reorganisation>();
  assert.equal(r.totals.openDossiers, 1);
  assert.equal(r.handovers.length, 1);
  assert.deepEqual([r.handovers[0]!.openDossiers, r.handovers[0]!.acknowledgedAt], [1, null]);
  assert.equal((await agencyState(cuaNam)).valid_to, '2026-11-22');

  // The dossier keeps its code, due time and history, and is the successor's now.
  const after = await viewOf('leader.hang-trong', received.code);
  assert.equal(after.code, received.code);
  assert.equal(after.dueAt, received.dueAt);
  assert.deepEqual(after.history, received.history);
  assert.ok(
    after.steps.every((s) => s.agency.code === hoanKiem),
    JSON.stringify(after.steps),
  );
  // The staff of the closed ward work at the successor: the desk officer still sees the dossier.
  assert.equal((await getAs('desk.hang-bac', `/api/v1/dossiers/${received.code}`)).statusCode, 200);
  const grants = await db
    .selectFrom('user_roles as r')
    .innerJoin('users as u', 'u.user_id', 'r.user_id')
    .innerJoin('agencies as a', 'a.agency_id', 'r.agency_id')
    .select(['u.username', 'a.code'])
    .where('u.username', 'in', ['desk.hang-bac', 'specialist.hang-bac'])
    .execute();
  assert.deepEqual(new Set(grants.map((g) => g.code)), new Set([hoanKiem]));
  // The portal hears of it under the successor from now on, under the same dossier code.
  const contexts = await loadE1Contexts(db, [{ code: received.code, version: after.version }]);
  const record = toE1Record(
    {
      dossierCode: received.code,
      status: 'received',
      statusCode: 2,
      version: after.version,
      at: '2026-11-23T01:30:00Z',
    },
    contexts.get(received.code)!.get(after.version)!,
  );
  assert.equal(record.MaHoSo, received.code);
  assert.equal(record.DonViXuLy, hoanKiem);

  // The map as of a date: Cửa Nam on the day before, gone today.
  const unitThen = await getAs('demo-admin', '/api/v1/units/00082?on=2026-11-22');
  assert.equal(unitThen.statusCode, 200, unitThen.body);
  assert.deepEqual(
    unitThen.json<{ successors: { code: string; extent: string; effectiveOn: string }[] }>().successors,
    [{ code: '00070', name: 'Phường Hoàn Kiếm', extent: 'full', effectiveOn: '2026-11-23' }],
  );
  assert.equal((await getAs('demo-admin', '/api/v1/units/00082')).statusCode, 404);
  // The closed agency no longer receives: its procedures went to the successor.
  assert.equal((await intake('desk.hang-bac', { agencyCode: cuaNam })).statusCode >= 400, true);

  // The successor acknowledges: a specialist may not, the leader does, once.
  const ack = `/api/v1/reorganisations/${r.id}/handovers/${r.handovers[0]!.id}/acknowledgement`;
  assert.equal(errorOf(await post('specialist.hang-trong', ack, {})).reason, 'HANDOVER_NOT_SUCCESSOR');
  assert.equal(errorOf(await post('leader.thanh-oai', ack, {})).reason, 'HANDOVER_NOT_FOUND');
  const done = await post('leader.hang-trong', ack, {});
  assert.equal(done.statusCode, 200, done.body);
  assert.equal(done.json<{ acknowledgedBy: string }>().acknowledgedBy, 'Vũ Thị Hồng Nhung');
  assert.equal(errorOf(await post('leader.hang-trong', ack, {})).reason, 'HANDOVER_ALREADY_ACKNOWLEDGED');
  const listed = (await getAs('leader.hang-trong', '/api/v1/reorganisations')).json<{
    items: Reorganisation[];
  }>();
  assert.ok(listed.items.some((x) => x.id === r.id && x.handovers[0]!.acknowledgedAt !== null));
  assert.deepEqual((await getAs('leader.thanh-oai', '/api/v1/reorganisations')).json(), { items: [] });
  const audit = await db
    .selectFrom('audit_log')
    .select(['action'])
    .where('action', 'like', 'reorganisation.%')
    .execute();
  assert.deepEqual(audit.map((a) => a.action).sort(), [
    'reorganisation.apply',
    'reorganisation.handover.acknowledge',
  ]);
});

test('#16.3 a merge into a new ward: the new unit, its People’s Committee with a desk, two wards handed over', async () => {
  const db = kit.rt.deps.db;
  const [thanhOai, myDuc] = await Promise.all([peoplesCommittee(db, '10114'), peoplesCommittee(db, '10441')]);
  setDay('2026-11-24T01:30:00Z');
  const res = await post('demo-admin', '/api/v1/reorganisations', {
    name: 'Hợp nhất Xã Thanh Oai và Xã Mỹ Đức',
    basis: 'Nghị quyết thử nghiệm số 02/2026',
    effectiveOn: '2026-11-24',
    newUnits: [{ code: '99001', name: 'Xã Thanh Mỹ', type: 'Xã', parentCode: '01' }],
    endedUnits: [
      { code: '10114', successors: [{ code: '99001', extent: 'full' }] },
      { code: '10441', successors: [{ code: '99001', extent: 'full' }] },
    ],
    newAgencies: [
      {
        code: 'H26.999',
        name: 'Ủy ban nhân dân Xã Thanh Mỹ',
        kind: 'people-committee',
        unitCode: '99001',
        parentCode: 'H26',
        hasDesk: true,
      },
    ],
    handovers: [
      { from: thanhOai, to: 'H26.999' },
      { from: myDuc, to: 'H26.999' },
    ],
  });
  assert.equal(res.statusCode, 201, res.body);
  const r = res.json<Reorganisation>();
  assert.deepEqual(
    r.handovers.map((h) => h.to.code),
    ['H26.999', 'H26.999'],
  );
  const unit = (await getAs('demo-admin', '/api/v1/units/99001')).json<{
    unit: { name: string; parentCode: string; validFrom: string };
    predecessors: { code: string }[];
  }>();
  assert.deepEqual(
    [unit.unit.name, unit.unit.parentCode, unit.unit.validFrom],
    ['Xã Thanh Mỹ', '01', '2026-11-24'],
  );
  assert.deepEqual(unit.predecessors.map((x) => x.code).sort(), ['10114', '10441']);
  const desks = await db
    .selectFrom('desks as k')
    .innerJoin('agencies as a', 'a.agency_id', 'k.agency_id')
    .select('k.name')
    .where('a.code', '=', 'H26.999')
    .orderBy('k.name')
    .execute();
  assert.equal(desks.length, 3, 'its own desk and the two closed communes’ desks as receiving points');
  // leader.thanh-oai now leads at the new commune and may acknowledge.
  const ack = await post(
    'leader.thanh-oai',
    `/api/v1/reorganisations/${r.id}/handovers/${r.handovers[0]!.id}/acknowledgement`,
    {},
  );
  assert.equal(ack.statusCode, 200, ack.body);
});

test('#16.3 a bad plan names every failing field and changes nothing; only a province administrator, only in the province', async () => {
  const db = kit.rt.deps.db;
  setDay('2026-11-25T01:30:00Z');
  const hoanKiem = kit.hangTrong;
  const daNang = await peoplesCommittee(db, '20455');
  await Promise.all(['demo-admin', 'admin.quang-nam', 'leader.hang-trong'].map((u) => as(u)));
  const before = await Promise.all(
    ['agencies', 'units', 'audit_log', 'reorganisations'].map((t) => countRows(db, t as 'units')),
  );
  const bad = await post('demo-admin', '/api/v1/reorganisations', {
    name: 'Sai',
    basis: 'Thử',
    effectiveOn: '2026-11-25',
    newUnits: [{ code: '00070', name: 'Phường Trùng Mã', type: 'Phường', parentCode: '98' }],
    endedUnits: [{ code: '00082', successors: [{ code: '00070', extent: 'full' }] }],
    newAgencies: [
      {
        code: hoanKiem,
        name: 'Trùng mã',
        kind: 'people-committee',
        unitCode: '00070',
        parentCode: null,
        hasDesk: false,
      },
    ],
    handovers: [
      { from: 'H26.998', to: hoanKiem },
      { from: hoanKiem, to: hoanKiem },
      { from: daNang, to: hoanKiem },
    ],
  });
  assert.equal(bad.statusCode, 400, bad.body);
  const paths = errorOf(bad)
    .details!.map((d) => d.path)
    .sort();
  assert.deepEqual(paths, [
    'body/endedUnits/0/code',
    'body/handovers/0/from',
    'body/handovers/1/to',
    'body/handovers/2/from',
    'body/newAgencies/0/code',
    'body/newUnits/0/code',
    'body/newUnits/0/parentCode',
  ]);
  // Beyond the administrator's province: Đà Nẵng's administrator cannot touch Hà Nội.
  const foreign = await post('admin.quang-nam', '/api/v1/reorganisations/preview', {
    name: 'Ngoài phạm vi',
    basis: 'Thử',
    effectiveOn: '2026-11-25',
    handovers: [{ from: hoanKiem, to: await peoplesCommittee(db, '00004') }],
  });
  assert.deepEqual(
    errorOf(foreign).details!.map((d) => d.path),
    ['body/handovers/0/from'],
  );
  assert.equal(
    errorOf(
      await post('leader.hang-trong', '/api/v1/reorganisations/preview', {
        name: 'x',
        basis: 'y',
        effectiveOn: '2026-11-25',
        handovers: [{ from: hoanKiem, to: daNang }],
      }),
    ).reason,
    'REORGANISATION_ADMINS_ONLY',
  );
  const shape = await post('demo-admin', '/api/v1/reorganisations', {
    name: '',
    effectiveOn: '2026-13-01',
    handovers: [],
  });
  assert.equal(shape.statusCode, 400);
  const entries = await db
    .selectFrom('audit_log')
    .select(['action', 'entity_type'])
    .orderBy('audit_id', 'desc')
    .limit(5)
    .execute();
  assert.deepEqual(
    await Promise.all(
      ['agencies', 'units', 'audit_log', 'reorganisations'].map((t) => countRows(db, t as 'units')),
    ),
    before,
    JSON.stringify(entries),
  );
});
