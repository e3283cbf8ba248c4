// #16.2 The agency registry through the HTTP API: who may change which agency (a matrix over three
// provinces and the roles), opening agencies (a commune's service centre under Nghị định 118/2025, a
// code in either legal form), renaming, re-coding (issued dossier codes keep the old code) and moving
// (the paths below follow), closing (refused while anything is left to hand over), and the receiving
// points; every change audited with before, after and the day.
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { createUser } from '../auth/auth.service.ts';
import { errorOf } from '../../test/http.ts';
import { agencyCode, countRows, peoplesCommittee } from '../../test/seeded.ts';
import { journeyKit, type View } from '../dossiers/test-kit.ts';
import { deskName } from '../../../common/org/names.ts';
import type { AgencyDetail, DeskList, DeskView } from '../../../common/contracts/org-registry.ts';

const { kit, as, intake, viewOf } = journeyKit();
const db = () => kit.rt.deps.db;

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
const call = async (user: string, method: Method, url: string, payload?: unknown) =>
  kit.rt.app.inject({
    method,
    url,
    headers: { cookie: await as(user) },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
const detail = async (user: string, code: string) => {
  const res = await call(user, 'GET', `/api/v1/agencies/${code}`);
  assert.equal(res.statusCode, 200, res.body);
  return res.json<AgencyDetail>();
};
const lastAudit = () =>
  db().selectFrom('audit_log').selectAll().orderBy('audit_id', 'desc').limit(1).executeTakeFirstOrThrow();
const agencyRow = (code: string) =>
  db()
    .selectFrom('agencies')
    .select(['agency_id', 'path', 'parent_agency_id', 'valid_to', 'kind'])
    .where('code', '=', code)
    .executeTakeFirstOrThrow();

/** The People's Committee of a province (unit code), and of a commune in it, per province. */
const P = {
  '01': { province: '', commune: '', unit: '00070' },
  '48': { province: '', commune: '', unit: '20455' },
  '79': { province: '', commune: '', unit: '27142' },
};
type Province = keyof typeof P;

/** Once, before the first test (after the kit's runtime is open). */
let ready: Promise<void> | null = null;
const setUp = () => (ready ??= setUpOnce());
async function setUpOnce() {
  for (const [code, p] of Object.entries(P)) {
    p.province = await peoplesCommittee(db(), code);
    p.commune = await peoplesCommittee(db(), p.unit);
  }
  // HCMC has no administrator among the demo accounts; a ward's unit administrator neither.
  const by = { userId: null, label: 'test' };
  await createUser(kit.rt.deps, by, {
    username: 'admin.ho-chi-minh',
    fullName: 'Quản trị Thành phố Hồ Chí Minh',
    password: 'demo',
    roles: [{ role: 'province-admin', agencyCode: P['79'].province }],
  });
  await createUser(kit.rt.deps, by, {
    username: 'admin.nhieu-loc',
    fullName: 'Quản trị Phường Nhiêu Lộc',
    password: 'demo',
    roles: [{ role: 'unit-admin', agencyCode: P['79'].commune }],
  });
}
beforeEach(() => setUp());

type Act = 'read' | 'rename' | 'desks' | 'recode' | 'move' | 'close' | 'create';
const ACTS: readonly Act[] = ['read', 'rename', 'desks', 'recode', 'move', 'close', 'create'];

/** What each caller may do, by province of the agency; every other cell is 403. */
const ALLOWED: Record<string, Partial<Record<Province, readonly Act[]>>> = {
  'demo-admin': { '01': ACTS },
  'admin.quang-nam': { '48': ACTS },
  'admin.ho-chi-minh': { '79': ACTS },
  // The unit administrator at UBND Thành phố Hà Nội reaches the city's agencies: names and desks only.
  'admin.hoan-kiem': { '01': ['read', 'rename', 'desks'] },
  'admin.nhieu-loc': { '79': ['read', 'rename', 'desks'] },
  'leader.hang-trong': { '01': ['read'] },
  'desk.hang-trong': { '01': ['read'] },
  'auditor.ha-noi': { '01': ['read'] },
};

/**
 * One request per act that changes nothing when allowed: the name, code or parent it already has
 * (200), a closure or a desk or a code refused for what the agency holds (409, after the check).
 */
async function probe(user: string, act: Act, province: Province): Promise<number> {
  const code = P[province].commune;
  const url = `/api/v1/agencies/${code}`;
  const now = (
    await db().selectFrom('agencies').select('name').where('code', '=', code).executeTakeFirstOrThrow()
  ).name;
  const send = (method: Method, path: string, payload?: unknown) =>
    call(user, method, path, payload).then((r) => r.statusCode);
  switch (act) {
    case 'read':
      return send('GET', url);
    case 'rename':
      return send('PATCH', url, { name: now });
    case 'recode':
      return send('PATCH', url, { code });
    case 'move':
      return send('PATCH', url, { parentCode: P[province].province });
    case 'close':
      return send('POST', `${url}/closure`, { closedOn: '2026-11-20' });
    case 'desks':
      return send('POST', `${url}/desks`, { name: deskName(now) });
    case 'create':
      return send('POST', '/api/v1/agencies', {
        code,
        name: 'Cơ quan thử nghiệm',
        kind: 'justice',
        unitCode: P[province].unit,
        parentCode: P[province].province,
        hasDesk: false,
      });
  }
}
const ANSWER: Record<Act, number> = {
  read: 200,
  rename: 200,
  recode: 200,
  move: 200,
  close: 409,
  desks: 409,
  create: 409,
};

test('#16.2 who may change which agency: province administrators in their province, unit administrators names and desks in reach, nobody across provinces', async () => {
  const agencyAudits = () =>
    db()
      .selectFrom('audit_log')
      .select('audit_id')
      .where('action', 'like', 'agency.%')
      .execute()
      .then((r) => r.length);
  const auditBefore = await agencyAudits();
  const wrong: string[] = [];
  for (const [user, allowed] of Object.entries(ALLOWED)) {
    for (const province of Object.keys(P) as Province[]) {
      for (const act of ACTS) {
        const expected = allowed[province]?.includes(act) ? ANSWER[act] : 403;
        const got = await probe(user, act, province);
        if (got !== expected) wrong.push(`${user} ${act} in ${province}: ${got}, expected ${expected}`);
      }
    }
    // Only a province administrator imports codes (for their own province: agency-registry.import.test.ts).
    const dryRun = await kit.rt.app.inject({
      method: 'POST',
      url: '/api/v1/agencies/import/dry-run',
      headers: { cookie: await as(user), 'content-type': 'text/csv' },
      payload: 'Mã định danh;Tên cơ quan\nH26.02;Sở Tư pháp Thành phố Hà Nội\n',
    });
    const importer = Object.values(allowed).some((acts) => acts.includes('create'));
    if (dryRun.statusCode !== (importer ? 200 : 403)) wrong.push(`${user} import: ${dryRun.statusCode}`);
  }
  assert.deepEqual(wrong, []);
  // Nothing was changed, so nothing was audited.
  assert.equal(await agencyAudits(), auditBefore);
  // What the page is told it may do, as the server decides it.
  assert.deepEqual((await detail('demo-admin', P['01'].commune)).may, {
    rename: true,
    desks: true,
    recode: true,
    move: true,
    close: true,
  });
  assert.deepEqual((await detail('admin.hoan-kiem', P['01'].commune)).may, {
    rename: true,
    desks: true,
    recode: false,
    move: false,
    close: false,
  });
  assert.deepEqual(
    (await detail('demo-admin', P['01'].province)).may.move,
    false,
    'the city answers to nobody',
  );
  const refused = await call('admin.hoan-kiem', 'PATCH', `/api/v1/agencies/${P['01'].commune}`, {
    code: 'H26.999',
  });
  assert.equal(errorOf(refused).reason, 'ORG_REGISTRY_PROVINCE_ADMINS_ONLY');
  const across = await call('admin.quang-nam', 'PATCH', `/api/v1/agencies/${P['01'].commune}`, { name: 'X' });
  assert.equal(errorOf(across).reason, 'ORG_AGENCY_OUT_OF_REACH');
});

test('#16.2 a commune Public Administration Service Centre and a body coded in the QCVN form are opened, audited; bad ones refused naming each field', async () => {
  const hk = P['01'].commune;
  const centre = `${hk}.01`;
  const name = 'Trung tâm Phục vụ hành chính công Phường Hoàn Kiếm';
  const body = {
    code: centre,
    name,
    kind: 'public-administration-centre',
    unitCode: '00070',
    parentCode: hk,
  };
  const created = await call('demo-admin', 'POST', '/api/v1/agencies', { ...body, hasDesk: true });
  assert.equal(created.statusCode, 201, created.body);
  const c = created.json<AgencyDetail>();
  assert.deepEqual(
    [c.code, c.form, c.level, c.kind, c.unit.code, c.parent?.code, c.validFrom, c.validTo],
    [centre, 'qd-20-2020', 3, 'public-administration-centre', '00070', hk, '2026-11-20', null],
  );
  assert.deepEqual(
    c.desks.map((d) => d.name),
    [deskName(name)],
  );
  const audit = await lastAudit();
  assert.equal(audit.action, 'agency.create');
  assert.equal(audit.chain_key, (await agencyRow(centre)).agency_id);
  assert.deepEqual(audit.details, {
    on: '2026-11-20',
    after: {
      code: centre,
      name,
      kind: 'public-administration-centre',
      unitCode: '00070',
      parentCode: hk,
      hasDesk: true,
    },
  });
  // The desk officers of the ward reach it (it is under their People's Committee).
  assert.equal((await call('desk.hang-trong', 'GET', `/api/v1/agencies/${centre}`)).statusCode, 200);

  const QCVN = '000.00.31.H26';
  const board = await call('demo-admin', 'POST', '/api/v1/agencies', {
    code: QCVN,
    name: 'Ban Quản lý thử nghiệm Thành phố Hà Nội',
    kind: 'finance-planning',
    unitCode: '01',
    parentCode: P['01'].province,
    hasDesk: false,
  });
  assert.equal(board.statusCode, 201, board.body);
  assert.deepEqual([board.json<AgencyDetail>().form, board.json<AgencyDetail>().level], ['qcvn-102-2016', 2]);

  const refusedWith = async (payload: Record<string, unknown>, status: number, paths: string[]) => {
    const res = await call('demo-admin', 'POST', '/api/v1/agencies', { hasDesk: false, ...payload });
    assert.equal(res.statusCode, status, res.body);
    assert.deepEqual(
      (errorOf(res).details ?? []).map((d) => d.path),
      paths,
      res.body,
    );
    return errorOf(res);
  };
  const auditCount = await countRows(db(), 'audit_log');
  // One centre per ward; a centre answers to its own unit's People's Committee.
  await refusedWith({ ...body, code: `${hk}.02` }, 400, ['body/kind']);
  await refusedWith({ ...body, code: 'H26.02.09', unitCode: '01', parentCode: 'H26.02' }, 400, [
    'body/parentCode',
    'body/kind',
  ]);
  // Codes: a QCVN code with a gap, another province's, lower case, a group too long; a unit ended in 2025.
  const std = { name: 'Cơ quan thử', kind: 'justice', unitCode: '01', parentCode: P['01'].province };
  await refusedWith({ ...std, code: '000.12.00.H26' }, 400, ['body/code']);
  const other = await refusedWith({ ...std, code: 'H29.500' }, 400, ['body/code']);
  assert.match(other.details![0]!.message, /H29.*không phải H26/);
  await refusedWith({ ...std, code: 'h26.500' }, 400, ['body/code']);
  await refusedWith({ ...std, code: 'H26.ABCDEFGHIJK' }, 400, ['body/code']);
  await refusedWith({ ...std, code: 'H26.500', unitCode: '002' }, 400, ['body/unitCode']);
  // A code given once is never given again.
  const taken = await refusedWith({ ...std, code: 'H26.02' }, 409, []);
  assert.equal(taken.reason, 'ORG_AGENCY_CODE_TAKEN');
  assert.equal(await countRows(db(), 'audit_log'), auditCount);
});

test('#16.2 renamed (its desk follows) and re-coded: dossiers issued keep the old code, the next one takes the new', async () => {
  const cuaNam = await peoplesCommittee(db(), '00082');
  const first = await intake('desk.hang-bac', { agencyCode: cuaNam });
  assert.equal(first.statusCode, 201, first.body);
  const issued = first.json<View>().code;
  assert.ok(issued.startsWith(`${cuaNam}-`), issued);

  const renamed = await call('admin.hoan-kiem', 'PATCH', `/api/v1/agencies/${cuaNam}`, {
    name: '  Ủy ban nhân dân   phường Cửa Nam ',
  });
  assert.equal(renamed.statusCode, 200, renamed.body);
  assert.equal(renamed.json<AgencyDetail>().name, 'Ủy ban nhân dân phường Cửa Nam');
  assert.deepEqual(
    renamed.json<AgencyDetail>().desks.map((d) => d.name),
    [deskName('Ủy ban nhân dân phường Cửa Nam')],
  );
  const rename = await lastAudit();
  assert.equal(rename.action, 'agency.rename');
  assert.deepEqual(rename.details, {
    code: cuaNam,
    on: '2026-11-20',
    before: { name: 'Ủy ban nhân dân Phường Cửa Nam' },
    after: { name: 'Ủy ban nhân dân phường Cửa Nam' },
  });
  const found = await call(
    'demo-admin',
    'GET',
    '/api/v1/agencies?q=phuong%20cua%20nam&unitCode=00082&kind=people-committee',
  );
  assert.deepEqual(
    found.json<{ items: { name: string }[] }>().items.map((a) => a.name),
    ['Ủy ban nhân dân phường Cửa Nam'],
  );

  const NEW = 'H26.997';
  const recoded = await call('demo-admin', 'PATCH', `/api/v1/agencies/${cuaNam}`, { code: NEW });
  assert.equal(recoded.statusCode, 200, recoded.body);
  const recode = await lastAudit();
  assert.equal(recode.action, 'agency.recode');
  assert.deepEqual(recode.details, {
    code: NEW,
    on: '2026-11-20',
    before: { code: cuaNam },
    after: { code: NEW },
  });
  assert.equal((await call('demo-admin', 'GET', `/api/v1/agencies/${cuaNam}`)).statusCode, 404);
  // The dossier keeps its code and is read under it, by the same desk.
  const kept = await viewOf('desk.hang-bac', issued);
  assert.equal(kept.code, issued);
  const next = await intake('desk.hang-bac', { agencyCode: NEW });
  assert.equal(next.statusCode, 201, next.body);
  assert.ok(next.json<View>().code.startsWith(`${NEW}-261120-`), next.json<View>().code);
  const codes = await db()
    .selectFrom('dossiers')
    .select('code')
    .where('code', 'like', `${cuaNam}-%`)
    .execute();
  assert.deepEqual(
    codes.map((c) => c.code),
    [issued],
  );

  // Taken codes and the same code in the other form are refused; a re-code by a unit administrator too.
  const taken = await call('demo-admin', 'PATCH', `/api/v1/agencies/${NEW}`, { code: 'H26.02' });
  assert.equal(errorOf(taken).reason, 'ORG_AGENCY_CODE_TAKEN');
  const bad = await call('demo-admin', 'PATCH', `/api/v1/agencies/${NEW}`, { code: '000.07.00.H26' });
  assert.deepEqual(
    errorOf(bad).details?.map((d) => d.path),
    ['body/code'],
  );
});

test('#16.2 moved: the agency and everything under it follow; into its own subtree, another province or above the province refused', async () => {
  const open = (code: string, parentCode: string) =>
    call('demo-admin', 'POST', '/api/v1/agencies', {
      code,
      name: `Chi cục thử nghiệm ${code}`,
      kind: 'justice',
      unitCode: '01',
      parentCode,
      hasDesk: false,
    });
  const justice = await agencyCode(db(), '01', 'justice');
  assert.equal((await open('H26.32', P['01'].province)).statusCode, 201);
  assert.equal((await open('H26.32.01', 'H26.32')).statusCode, 201);
  const seenBySo = async () =>
    (await call('leader.stp-ha-noi', 'GET', '/api/v1/agencies?q=chi%20cuc%20thu%20nghiem'))
      .json<{ items: { code: string }[] }>()
      .items.map((a) => a.code);
  assert.deepEqual(await seenBySo(), []);

  const moved = await call('demo-admin', 'PATCH', '/api/v1/agencies/H26.32', { parentCode: justice });
  assert.equal(moved.statusCode, 200, moved.body);
  assert.equal(moved.json<AgencyDetail>().parent?.code, justice);
  const [so, x, y] = await Promise.all([agencyRow(justice), agencyRow('H26.32'), agencyRow('H26.32.01')]);
  assert.equal(x.path, `${so.path}${x.agency_id}/`);
  assert.equal(y.path, `${x.path}${y.agency_id}/`);
  assert.deepEqual((await seenBySo()).sort(), ['H26.32', 'H26.32.01'], 'the department now reaches both');
  const move = await lastAudit();
  assert.deepEqual(
    [move.action, move.details],
    [
      'agency.move',
      {
        code: 'H26.32',
        on: '2026-11-20',
        before: { parentCode: P['01'].province },
        after: { parentCode: justice },
      },
    ],
  );

  const refused = async (code: string, parentCode: string) => {
    const res = await call('demo-admin', 'PATCH', `/api/v1/agencies/${code}`, { parentCode });
    assert.equal(res.statusCode, 400, res.body);
    return errorOf(res).details!.map((d) => `${d.path}: ${d.message}`);
  };
  assert.match(
    (await refused('H26.32', 'H26.32.01'))[0]!,
    /^body\/parentCode: .*trực thuộc chính cơ quan này/,
  );
  assert.match((await refused('H26.32', P['79'].province))[0]!, /tỉnh, thành phố khác/);
  assert.match((await refused(P['01'].province, justice))[0]!, /cơ quan cấp 1/);
});

test('#16.2 closed only with nothing left to hand over: open dossiers (the reorganisation route named), agencies under it, staff, a ward in force', async () => {
  const refusal = async (code: string, who = 'demo-admin') => {
    const res = await call(who, 'POST', `/api/v1/agencies/${code}/closure`, { closedOn: '2026-11-20' });
    assert.equal(res.statusCode, 409, res.body);
    const e = errorOf(res);
    assert.equal(e.reason, 'ORG_AGENCY_CLOSE_REFUSED');
    return e;
  };
  // Phường Cửa Nam (H26.997 since the test above) holds two open dossiers, its staff and its ward.
  const ward = await refusal('H26.997');
  assert.match(ward.message, /còn 2 hồ sơ đang giải quyết/);
  assert.match(ward.message, /POST \/api\/v1\/reorganisations/);
  assert.deepEqual(
    ward.details?.map((d) => d.path),
    ['openDossiers', 'grants/0', 'grants/1', 'unit'],
  );
  assert.match(ward.details[1]!.message, /^desk\.hang-bac – /);
  const parent = await refusal('H26.32');
  assert.deepEqual(
    parent.details?.map((d) => d.message),
    ['Chi cục thử nghiệm H26.32.01 (H26.32.01) đang hoạt động.'],
  );

  const close = (code: string, closedOn: string) =>
    call('demo-admin', 'POST', `/api/v1/agencies/${code}/closure`, { closedOn });
  const future = await close('H26.32.01', '2026-11-21');
  assert.deepEqual(
    errorOf(future).details?.map((d) => d.path),
    ['body/closedOn'],
  );
  const closed = await close('H26.32.01', '2026-11-20');
  assert.equal(closed.statusCode, 200, closed.body);
  assert.equal(closed.json<AgencyDetail>().validTo, '2026-11-19');
  assert.deepEqual(closed.json<AgencyDetail>().may, {
    rename: false,
    desks: false,
    recode: false,
    move: false,
    close: false,
  });
  const audit = await lastAudit();
  assert.deepEqual(
    [audit.action, audit.details],
    [
      'agency.close',
      {
        code: 'H26.32.01',
        on: '2026-11-20',
        closedOn: '2026-11-20',
        before: { validTo: null },
        after: { validTo: '2026-11-19' },
        endedOfferings: [],
      },
    ],
  );
  // Closed: not listed today, not changed, its code never given again.
  const listed = await call('demo-admin', 'GET', '/api/v1/agencies?q=chi%20cuc%20thu%20nghiem');
  assert.deepEqual(
    listed.json<{ items: { code: string }[] }>().items.map((a) => a.code),
    ['H26.32'],
  );
  const again = await call('demo-admin', 'PATCH', '/api/v1/agencies/H26.32.01', { name: 'Tên mới' });
  assert.equal(errorOf(again).reason, 'ORG_AGENCY_CLOSED');
  const reused = await call('demo-admin', 'PATCH', '/api/v1/agencies/H26.32', { code: 'H26.32.01' });
  assert.equal(errorOf(reused).reason, 'ORG_AGENCY_CODE_TAKEN');
  assert.equal((await close('H26.32', '2026-11-20')).statusCode, 200);

  // Đà Nẵng's Sở Tư pháp has no staff nor dossiers: its offerings end with it.
  const danang = await agencyCode(db(), '48', 'justice');
  const id = (await agencyRow(danang)).agency_id;
  const offered = await db()
    .selectFrom('procedure_offerings')
    .select('procedure_id')
    .where('agency_id', '=', id)
    .execute();
  assert.ok(offered.length > 0);
  assert.equal(
    (await call('demo-admin', 'POST', `/api/v1/agencies/${danang}/closure`, { closedOn: '2026-11-20' }))
      .statusCode,
    403,
  );
  const byOwn = await call('admin.quang-nam', 'POST', `/api/v1/agencies/${danang}/closure`, {
    closedOn: '2026-11-01',
  });
  assert.equal(byOwn.statusCode, 200, byOwn.body);
  const ended = (await lastAudit()).details as { endedOfferings: string[] };
  assert.equal(ended.endedOfferings.length, offered.length);
  assert.equal(
    (
      await db()
        .selectFrom('procedure_offerings')
        .select('procedure_id')
        .where('agency_id', '=', id)
        .execute()
    ).length,
    0,
  );
});

test('#16.2 receiving points: listed, added, renamed, removed by administrators in reach; the last one kept while the agency has desk officers', async () => {
  const hk = P['01'].commune;
  const list = async (code: string) =>
    (await call('leader.hang-trong', 'GET', `/api/v1/agencies/${code}/desks`)).json<DeskList>().items;
  const [own] = await list(hk);
  assert.ok(own);
  const added = await call('admin.hoan-kiem', 'POST', `/api/v1/agencies/${hk}/desks`, {
    name: ' Quầy số 2 ',
  });
  assert.equal(added.statusCode, 201, added.body);
  const desk = added.json<DeskView>();
  assert.equal(desk.name, 'Quầy số 2');
  assert.deepEqual(
    [(await lastAudit()).action, (await lastAudit()).details],
    ['agency.desk.create', { agencyCode: hk, on: '2026-11-20', after: { name: 'Quầy số 2' } }],
  );
  const twice = await call('admin.hoan-kiem', 'POST', `/api/v1/agencies/${hk}/desks`, { name: 'Quầy số 2' });
  assert.equal(errorOf(twice).reason, 'ORG_DESK_NAME_TAKEN');
  const renamed = await call('demo-admin', 'PATCH', `/api/v1/desks/${desk.id}`, {
    name: 'Quầy tiếp nhận số 2',
  });
  assert.equal(renamed.statusCode, 200, renamed.body);
  assert.deepEqual((await lastAudit()).details, {
    agencyCode: hk,
    on: '2026-11-20',
    before: { name: 'Quầy số 2' },
    after: { name: 'Quầy tiếp nhận số 2' },
  });
  const clash = await call('demo-admin', 'PATCH', `/api/v1/desks/${desk.id}`, { name: own.name });
  assert.equal(errorOf(clash).reason, 'ORG_DESK_NAME_TAKEN');
  // Others: read-only roles are refused, another province's administrator does not see the desk.
  assert.equal(
    (await call('leader.hang-trong', 'PATCH', `/api/v1/desks/${desk.id}`, { name: 'X' })).statusCode,
    403,
  );
  assert.equal(
    errorOf(await call('admin.quang-nam', 'DELETE', `/api/v1/desks/${desk.id}`)).reason,
    'ORG_DESK_NOT_FOUND',
  );
  assert.equal((await call('demo-admin', 'DELETE', '/api/v1/desks/999999999')).statusCode, 404);

  assert.equal((await call('admin.hoan-kiem', 'DELETE', `/api/v1/desks/${desk.id}`)).statusCode, 204);
  assert.equal((await lastAudit()).action, 'agency.desk.delete');
  const last = await call('admin.hoan-kiem', 'DELETE', `/api/v1/desks/${own.id}`);
  assert.equal(last.statusCode, 409, last.body);
  assert.equal(errorOf(last).reason, 'ORG_DESK_LAST_WITH_OFFICERS');
  // The ward's service centre (opened above) has no desk officer: its only desk may go.
  const [centreDesk] = await list(`${hk}.01`);
  assert.equal((await call('admin.hoan-kiem', 'DELETE', `/api/v1/desks/${centreDesk!.id}`)).statusCode, 204);
  assert.deepEqual(await list(`${hk}.01`), []);
  // The desk's tracking book keeps its own address beside the desks' routes.
  const book = await call(
    'desk.hang-trong',
    'GET',
    `/api/v1/desks/${hk}/tracking-book?from=2026-11-01&to=2026-11-20&format=xlsx`,
  );
  assert.equal(book.statusCode, 200, book.body);
});
