// Signing across province borders (#19), as a matrix over Hà Nội (01), Đà Nẵng (48) and TP Hồ Chí Minh
// (79): each province's leader signs (signing options, seal sessions) only a dossier of their own
// agency at their step, reads only their own sessions, and reads only the result registers their grants
// reach, as do the auditor and the province administrators; a desk officer signs nothing and reads no
// register; a receipt is served signed to the receiving desk's officers only; verification is public.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestRuntime, manualClock, type TestRuntime } from '../../test/db.ts';
import { dossierKit } from '../../test/dossier-kit.ts';
import { peoplesCommittee, userId } from '../../test/seeded.ts';
import { makePdf, sealDraft, useTestSigning } from '../../test/signing.ts';

let rt: TestRuntime;
const clock = manualClock('2026-11-20T02:00:00Z');
const kit = dossierKit(() => rt);
const { staff, get, forward } = kit;

type Province = {
  name: string;
  unit: string;
  desk: string;
  specialist: string;
  leader: string;
  /** Who else reads the province's register: its auditor or administrator. */
  reader: string;
};
/** Tây Giang has no specialist in the demo: its leader is given the role for the test. */
const PROVINCES: Province[] = [
  {
    name: 'Hà Nội',
    unit: '00070',
    desk: 'desk.hang-trong',
    specialist: 'specialist.hang-trong',
    leader: 'leader.hang-trong',
    reader: 'auditor.ha-noi',
  },
  {
    name: 'Đà Nẵng',
    unit: '20455',
    desk: 'desk.tay-giang',
    specialist: 'leader.tay-giang',
    leader: 'leader.tay-giang',
    reader: 'admin.quang-nam',
  },
  {
    name: 'TP Hồ Chí Minh',
    unit: '27142',
    desk: 'desk.quan-3',
    specialist: 'specialist.quan-3',
    leader: 'leader.quan-3',
    reader: 'leader.quan-3',
  },
];
const agency = new Map<string, string>();
/** Each province's dossier at its leader's step. */
const dossier = new Map<string, string>();

const post = async (user: string, url: string, payload: object) =>
  rt.app.inject({ method: 'POST', url, headers: { cookie: await staff(user) }, payload });
const refusedAcrossBorder = (status: number, label: string) =>
  assert.ok(status === 403 || status === 404, `${label}: ${status}`);

before(async () => {
  rt = await createTestRuntime({ clock });
  await useTestSigning(rt, clock.now());
  for (const p of PROVINCES) agency.set(p.name, await peoplesCommittee(rt.deps.db, p.unit));
  const tayGiang = await rt.deps.db
    .selectFrom('agencies')
    .select('agency_id')
    .where('code', '=', agency.get('Đà Nẵng')!)
    .executeTakeFirstOrThrow();
  await rt.deps.db
    .insertInto('user_roles')
    .values({
      user_id: await userId(rt.deps.db, 'leader.tay-giang'),
      agency_id: tayGiang.agency_id,
      role: 'specialist',
    })
    .execute();
  for (const p of PROVINCES) {
    const code = await kit.receiveBirth(agency.get(p.name)!, p.desk);
    clock.advance(10 * 60_000);
    await forward(await staff(p.desk), code, p.specialist);
    await forward(await staff(p.specialist), code, p.leader);
    dossier.set(p.name, code);
  }
});
after(() => rt.close());

test('signing options and seal sessions: each leader for their own dossier only, never a desk officer', async () => {
  const signed = new Map<string, string>();
  for (const signer of PROVINCES) {
    const draft = await kit.upload(await staff(signer.leader), await makePdf(signer.name), 'kq.pdf');
    for (const target of PROVINCES) {
      const code = dossier.get(target.name)!;
      const label = `${signer.leader} → ${target.name}`;
      const options = await get(`/api/v1/dossiers/${code}/signing-options`, await staff(signer.leader));
      const session = await post(signer.leader, `/api/v1/dossiers/${code}/signing-sessions`, {
        fileId: draft,
        method: 'seal',
      });
      if (signer === target) {
        assert.equal(options.statusCode, 200, `${label}: ${options.body}`);
        assert.equal(session.statusCode, 201, `${label}: ${session.body}`);
        signed.set(signer.name, session.json<{ id: string }>().id);
      } else {
        refusedAcrossBorder(options.statusCode, `${label} options`);
        refusedAcrossBorder(session.statusCode, `${label} session`);
      }
    }
    // The province's desk officer may not sign its dossier: only whoever may approve it now.
    const deskDraft = await kit.upload(await staff(signer.desk), await makePdf('desk'), 'kq.pdf');
    const code = dossier.get(signer.name)!;
    const deskOptions = await get(`/api/v1/dossiers/${code}/signing-options`, await staff(signer.desk));
    assert.equal(deskOptions.statusCode, 403, `${signer.desk} options: ${deskOptions.body}`);
    const deskSession = await post(signer.desk, `/api/v1/dossiers/${code}/signing-sessions`, {
      fileId: deskDraft,
      method: 'seal',
    });
    assert.equal(deskSession.statusCode, 403, `${signer.desk} session: ${deskSession.body}`);
  }
  const sessions = await rt.deps.db.selectFrom('signing_sessions').select('session_id').execute();
  assert.equal(sessions.length, PROVINCES.length, 'one session per province, none across a border');

  // A session is read by whoever opened it only.
  for (const reader of PROVINCES)
    for (const owner of PROVINCES) {
      const res = await get(
        `/api/v1/signing/sessions/${signed.get(owner.name)!}`,
        await staff(reader.leader),
      );
      assert.equal(res.statusCode, reader === owner ? 200 : 404, `${reader.leader} reads ${owner.name}`);
    }
});

test('result registers: leaders, the auditor and administrators within their grants; desks never', async () => {
  for (const p of PROVINCES) {
    const code = dossier.get(p.name)!;
    const leader = await staff(p.leader);
    const draft = await kit.upload(leader, await makePdf(`${p.name} result`), 'kq.pdf');
    const approve = await kit.act(leader, code, 'approve', {
      resultDate: '2026-11-20',
      signer: p.leader,
      resultDocuments: [
        { name: 'Giấy khai sinh', fileId: await sealDraft(rt, leader, { code, fileId: draft }) },
      ],
    });
    assert.equal(approve.statusCode, 200, approve.body);
  }
  const readers = [...new Set(PROVINCES.flatMap((p) => [p.leader, p.reader, p.desk]))];
  for (const user of readers) {
    const own = PROVINCES.find((p) => p.leader === user || p.reader === user || p.desk === user)!;
    for (const target of PROVINCES) {
      const res = await get(
        `/api/v1/agencies/${encodeURIComponent(agency.get(target.name)!)}/result-register?year=2026`,
        await staff(user),
      );
      const label = `${user} reads ${target.name}'s register`;
      if (user === own.desk) assert.equal(res.statusCode, 403, label);
      else if (own === target) {
        assert.equal(res.statusCode, 200, `${label}: ${res.body}`);
        const items = res.json<{ items: { dossierCode: string; documents: { signed: boolean }[] }[] }>();
        assert.deepEqual(
          items.items.map((i) => [i.dossierCode, i.documents.map((d) => d.signed)]),
          [[dossier.get(target.name), [true]]],
        );
      } else refusedAcrossBorder(res.statusCode, label);
    }
  }
});

test('a receipt is served signed to its own desk only; verification is public', async () => {
  for (const desk of PROVINCES)
    for (const target of PROVINCES) {
      const res = await get(
        `/api/v1/dossiers/${dossier.get(target.name)!}/slips/receipt`,
        await staff(desk.desk),
      );
      const label = `${desk.desk} receipt of ${target.name}`;
      if (desk === target) {
        assert.equal(res.statusCode, 200, label);
        assert.equal(res.headers['content-type'], 'application/pdf');
        assert.ok(res.rawPayload.includes('/ByteRange'), `${label}: signed`);
      } else refusedAcrossBorder(res.statusCode, label);
    }
  // Every province's signed result verifies by its token, with no session at all.
  const tokens = await rt.deps.db
    .selectFrom('signed_documents')
    .select('token')
    .where('kind', '=', 'result')
    .where('result_number', 'is not', null)
    .execute();
  assert.equal(tokens.length, PROVINCES.length);
  for (const { token } of tokens) {
    const res = await rt.injectBare({ method: 'GET', url: `/api/v1/public/verify/results/${token}` });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json<{ valid: boolean }>().valid, true);
  }
});
