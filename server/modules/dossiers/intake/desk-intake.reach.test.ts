// Issue #20.7: who may receive for whom at the desk. The matrix of every demo desk of Hà Nội, Đà Nẵng
// (which Quảng Nam joined) and TP Hồ Chí Minh, on the two-level map in force since 1/7/2025, against
// wards and communes of the three provinces: a desk receives exactly for the agencies it reaches (its
// own, those under it, those of the units below its unit: the reach reads use), and a dossier it
// receives reaches the competent agency's worklists. A refusal is a 403 in the envelope
// naming `agencyCode`, and writes nothing. The file-use column (#20.8: a desk attaches only the files it
// uploaded) is the last test.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, manualClock, type TestRuntime } from '../../../test/db.ts';
import { dossierKit } from '../../../test/dossier-kit.ts';
import { birthAtCounter, funeralSupportAtCounter } from '../../../test/fixtures.ts';
import { errorOf, ORIGIN } from '../../../test/http.ts';
import { agencyCode, countRows, peoplesCommittee } from '../../../test/seeded.ts';
import { createUser } from '../../auth/index.ts';

let rt: TestRuntime;
const clock = manualClock('2026-11-25T02:00:00Z');
const { staff, upload, forward, get } = dossierKit(() => rt);

/** The places the matrix receives for: a ward or commune each, by its unit, directly under its province. */
const PLACES = {
  /** Phường Hoàn Kiếm: desk.hang-trong's. */
  hoanKiemWard: { unit: '00070', province: 'Hà Nội' },
  /** Phường Cửa Nam: desk.hang-bac's. */
  cuaNam: { unit: '00082', province: 'Hà Nội' },
  thanhOai: { unit: '10114', province: 'Hà Nội' },
  myDuc: { unit: '10441', province: 'Hà Nội' },
  tayGiang: { unit: '20455', province: 'Đà Nẵng' },
  namTraMy: { unit: '20944', province: 'Đà Nẵng' },
  /** Phường Nhiêu Lộc: desk.quan-3's. */
  nhieuLoc: { unit: '27142', province: 'TP Hồ Chí Minh' },
} as const;
type Place = keyof typeof PLACES;
const ALL = Object.keys(PLACES) as Place[];

/** Every demo desk and the places it reaches; every other place of the three provinces is refused. */
const DESKS: Record<string, Place[]> = {
  'desk.hang-trong': ['hoanKiemWard'],
  'desk.hang-bac': ['cuaNam'],
  // The city's People's Committee's desk (UBND Thành phố Hà Nội) reaches the wards and communes below it.
  'desk.hoan-kiem': ['hoanKiemWard', 'cuaNam', 'thanhOai', 'myDuc'],
  'desk.thanh-oai': ['thanhOai'],
  'desk.my-duc': ['myDuc'],
  // The provincial public administration centre reaches the whole province, no further.
  'desk.ttpvhcc-ha-noi': ['hoanKiemWard', 'cuaNam', 'thanhOai', 'myDuc'],
  'desk.tay-giang': ['tayGiang'],
  'desk.nam-tra-my': ['namTraMy'],
  'desk.quan-3': ['nhieuLoc'],
};

/** The People's Committee of each place, and a specialist there who reads its worklists. */
const agencies = new Map<Place, { code: string; specialist: string }>();

before(async () => {
  rt = await createTestRuntime({ clock });
  const demoHash = (
    await rt.deps.db
      .selectFrom('users')
      .select('password_hash')
      .where('username', '=', 'desk.hang-trong')
      .executeTakeFirstOrThrow()
  ).password_hash;
  for (const place of ALL) {
    const code = await peoplesCommittee(rt.deps.db, PLACES[place].unit);
    const specialist =
      place === 'hoanKiemWard' ? 'specialist.hang-trong' : `matrix.specialist-${place.toLowerCase()}`;
    if (place !== 'hoanKiemWard')
      await createUser(
        rt.deps,
        { userId: null, label: 'test' },
        {
          username: specialist,
          fullName: 'Chuyên viên thử',
          password: null,
          passwordHash: demoHash ?? undefined,
          roles: [{ role: 'specialist', agencyCode: code }],
        },
      );
    agencies.set(place, { code, specialist });
  }
});

after(async () => {
  await rt.close();
});

/** The rows a refused intake must leave as they were. */
const WRITTEN = [
  'dossiers',
  'dossier_agencies',
  'dossier_code_counters',
  'dossier_actions',
  'outbox',
  'idempotency_keys',
  'audit_log',
] as const;
const snapshot = async () => Promise.all(WRITTEN.map((t) => countRows(rt.deps.db, t)));

async function intake(desk: string, body: Record<string, unknown>) {
  return rt.app.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    headers: { cookie: await staff(desk), origin: ORIGIN },
    payload: body,
  });
}

/** The codes `username` finds in a worklist (`list` unset: every dossier in their reach). */
async function listed(username: string, list?: string): Promise<string[]> {
  const res = await get(`/api/v1/dossiers?pageSize=200${list ? `&list=${list}` : ''}`, await staff(username));
  assert.equal(res.statusCode, 200, res.body);
  return res.json<{ items: { code: string }[] }>().items.map((i) => i.code);
}

test('#20.7 every demo desk of three provinces receives exactly for the agencies it reaches', async () => {
  const accepted: { desk: string; place: Place; code: string }[] = [];
  const verdicts: string[] = [];
  const expected: string[] = [];
  for (const [desk, reaches] of Object.entries(DESKS)) {
    for (const place of ALL) {
      const target = agencies.get(place)!;
      await staff(desk); // signed in before the count: the sign-in is audited
      const before = await snapshot();
      const res = await intake(desk, birthAtCounter(target.code));
      const ok = reaches.includes(place);
      expected.push(`${desk} → ${place}: ${ok ? 201 : 403}`);
      verdicts.push(`${desk} → ${place}: ${res.statusCode}`);
      if (res.statusCode === 201) {
        const view = res.json<{ code: string; competentAgency: { code: string } }>();
        assert.equal(view.competentAgency.code, target.code);
        accepted.push({ desk, place, code: view.code });
      } else if (res.statusCode === 403) {
        const error = errorOf(res);
        assert.equal(error.code, 'FORBIDDEN');
        assert.deepEqual(
          error.details?.map((d) => d.path),
          ['body/agencyCode'],
        );
        assert.deepEqual(await snapshot(), before, `${desk} → ${place}: a refusal writes nothing`);
      }
    }
  }
  assert.deepEqual(verdicts, expected);

  // Each dossier received is in the competent agency's reach at once, and in its own worklist
  // ("agency": at the agency now) once the receiving desk transfers it.
  for (const { desk, place, code } of accepted) {
    const { specialist } = agencies.get(place)!;
    assert.ok((await listed(specialist)).includes(code), `${code} (${desk}) in ${specialist}'s reach`);
    await forward(await staff(desk), code, specialist);
    assert.ok(
      (await listed(specialist, 'agency')).includes(code),
      `${code} (${desk}) in ${specialist}'s worklist`,
    );
  }
});

test('#20.7 an officer of two desks receives through the one that reaches, and names it', async () => {
  const hoanKiemWard = agencies.get('hoanKiemWard')!.code;
  const nhieuLoc = agencies.get('nhieuLoc')!.code;
  const demoHash = (
    await rt.deps.db
      .selectFrom('users')
      .select('password_hash')
      .where('username', '=', 'desk.hang-trong')
      .executeTakeFirstOrThrow()
  ).password_hash;
  await createUser(
    rt.deps,
    { userId: null, label: 'test' },
    {
      username: 'matrix.two-desks',
      fullName: 'Cán bộ hai quầy',
      password: null,
      passwordHash: demoHash ?? undefined,
      roles: [
        { role: 'desk-officer', agencyCode: nhieuLoc },
        { role: 'desk-officer', agencyCode: hoanKiemWard },
      ],
    },
  );
  // Not named: the desk of the competent agency itself.
  const own = await intake('matrix.two-desks', birthAtCounter(hoanKiemWard));
  assert.equal(own.statusCode, 201, own.body);
  assert.ok(own.json<{ code: string }>().code.startsWith(`${hoanKiemWard}-`));
  // Named: the desk of Phường Nhiêu Lộc (TP Hồ Chí Minh) does not reach Phường Hoàn Kiếm.
  await staff('matrix.two-desks');
  const before = await snapshot();
  const far = await intake('matrix.two-desks', { ...birthAtCounter(hoanKiemWard), deskAgencyCode: nhieuLoc });
  assert.equal(far.statusCode, 403, far.body);
  assert.deepEqual(
    errorOf(far).details?.map((d) => d.path),
    ['body/agencyCode'],
  );
  // A desk the officer does not serve.
  const none = await intake('matrix.two-desks', {
    ...birthAtCounter(hoanKiemWard),
    deskAgencyCode: agencies.get('cuaNam')!.code,
  });
  assert.equal(none.statusCode, 403, none.body);
  assert.deepEqual(
    errorOf(none).details?.map((d) => d.path),
    ['body/deskAgencyCode'],
  );
  assert.deepEqual(await snapshot(), before);
});

test('#20.7 the provincial centre receives for the province’s own departments, as the People’s Committee above them does; no commune’s desk does', async () => {
  // Registering a law-practice organisation (1.002010) is the Sở Tư pháp's (province level); the
  // generic declaration, no papers: received incomplete (422) or refused (403). The centre is beside
  // the department, not above it: it receives as the province's one-stop desk; the city's People's
  // Committee (desk.hoan-kiem) reaches the departments under it, as every desk reaches below itself.
  const stp = await agencyCode(rt.deps.db, '01', 'justice');
  const body = { ...funeralSupportAtCounter(stp), procedureCode: '1.002010', components: [] };
  for (const [desk, expected] of [
    ['desk.ttpvhcc-ha-noi', [201, 422]],
    ['desk.hoan-kiem', [201, 422]],
    ['desk.hang-trong', [403]],
    ['desk.thanh-oai', [403]],
    ['desk.tay-giang', [403]],
    ['desk.quan-3', [403]],
  ] as const) {
    await staff(desk);
    const before = await snapshot();
    const res = await intake(desk, body);
    assert.ok(
      (expected as readonly number[]).includes(res.statusCode),
      `${desk}: ${res.statusCode} ${res.body}`,
    );
    if (res.statusCode === 403) {
      assert.deepEqual(
        errorOf(res).details?.map((d) => d.path),
        ['body/agencyCode'],
      );
      assert.deepEqual(await snapshot(), before, `${desk}: a refusal writes nothing`);
    }
  }
});

test('#20.8 matrix: a desk attaches to its intake only the files it uploaded itself', async () => {
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
  const owner = 'desk.hang-trong';
  const theirs = await upload(await staff(owner), pdf, 'to-khai.pdf');
  for (const [desk, reaches] of Object.entries(DESKS)) {
    const target = agencies.get(reaches[0]!)!;
    const body = (fileId: string) => ({
      ...birthAtCounter(target.code),
      components: [
        { code: 'TP1', provided: 'electronic', fileIds: [fileId] },
        { code: 'TP3', provided: 'original' },
      ],
    });
    await staff(desk);
    if (desk !== owner) {
      const before = await snapshot();
      const res = await intake(desk, body(theirs));
      assert.ok(
        [400, 403, 404].includes(res.statusCode),
        `${desk}: ${res.statusCode} ${res.body.slice(0, 300)}`,
      );
      assert.ok(
        errorOf(res).details?.some((d) => d.path === 'body/components/0/fileIds/0'),
        `${desk}: ${res.body}`,
      );
      assert.deepEqual(await snapshot(), before, `${desk}: a refusal writes nothing`);
    }
    const mine = await upload(await staff(desk), pdf, 'to-khai.pdf');
    const res = await intake(desk, body(mine));
    assert.equal(res.statusCode, 201, `${desk}: ${res.body}`);
  }
});

test('#20.7 the intake page lists, of the matrix, exactly the agencies each desk receives for', async () => {
  const procedure = String(birthAtCounter('x').procedureCode);
  for (const [desk, reaches] of Object.entries(DESKS)) {
    const res = await get(`/api/v1/dossiers/intake-agencies?procedure=${procedure}`, await staff(desk));
    assert.equal(res.statusCode, 200, res.body);
    const items = res.json<{ items: { code: string; deskAgencyCode: string }[] }>().items;
    const listed = new Set(items.map((i) => i.code));
    const inMatrix = ALL.filter((p) => listed.has(agencies.get(p)!.code));
    assert.deepEqual(inMatrix.sort(), [...reaches].sort(), desk);
    // Each listed agency is received through the desk named with it.
    const first = items.find((i) => i.code === agencies.get(reaches[0]!)!.code)!;
    const intook = await intake(desk, {
      ...birthAtCounter(first.code),
      deskAgencyCode: first.deskAgencyCode,
    });
    assert.equal(intook.statusCode, 201, `${desk}: ${intook.body}`);
  }
  const notDesk = await get(
    `/api/v1/dossiers/intake-agencies?procedure=${procedure}`,
    await staff('specialist.hang-trong'),
  );
  assert.equal(notDesk.statusCode, 403);
  assert.equal(errorOf(notDesk).code, 'FORBIDDEN');
});
