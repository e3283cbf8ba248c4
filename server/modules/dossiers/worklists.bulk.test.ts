// Bulk actions of the worklist (issue 14): claim, assign, forward, return at the desk on several
// dossiers at once, each acted on as the single action is; the answer says which were done and why not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ORIGIN } from '../../test/http.ts';
import { userId } from '../../test/seeded.ts';
import { journeyKit, type View } from './test-kit.ts';

const { kit, as, getAs, intake, act } = journeyKit();
const DESK = 'desk.hang-trong';

test('#14 bulk actions: each dossier acted on with its own version; the answer says which were done and why not', async () => {
  const db = kit.rt.deps.db;
  const leader = 'leader.hang-trong';
  // Two dossiers forwarded to processing with nobody named: the specialists' pool may claim them.
  const made: { code: string; version: number }[] = [];
  // One only received (not in processing: nothing to claim).
  const received = (await intake(DESK)).json<View>();
  for (let i = 0; i < 3; i++) {
    const d = (await intake(DESK)).json<View>();
    assert.equal((await act(DESK, d.code, 'forward', {})).statusCode, 200);
    made.push({
      code: d.code,
      version: (await getAs(DESK, `/api/v1/dossiers/${d.code}`)).json<View>().version,
    });
  }
  const bulk = async (user: string, action: string, body: Record<string, unknown>) =>
    kit.rt.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/bulk-actions/${action}`,
      headers: { cookie: await as(user), origin: ORIGIN },
      payload: body,
    });
  type Answer = {
    succeeded: number;
    refused: number;
    results: { code: string; ok: boolean; version?: number; error?: { code: string; message: string } }[];
  };
  const res = await bulk('specialist.hang-trong', 'claim', {
    items: [
      made[0],
      { code: made[1]!.code, version: made[1]!.version - 1 }, // seen before its last change
      made[2],
      { code: received.code, version: received.version }, // not in processing: nothing to claim
    ],
    input: {},
  });
  assert.equal(res.statusCode, 200, res.body);
  const answer = res.json<Answer>();
  assert.deepEqual(
    answer.results.map((r) => [r.code, r.ok]),
    [
      [made[0]!.code, true],
      [made[1]!.code, false],
      [made[2]!.code, true],
      [received.code, false],
    ],
  );
  assert.equal(answer.succeeded, 2);
  assert.equal(answer.refused, 2);
  assert.equal(answer.results[1]!.error!.code, 'STALE_VERSION');
  assert.ok(answer.results[3]!.error!.message.length > 0);
  const specialist = await userId(db, 'specialist.hang-trong');
  const assignee = async (code: string) =>
    (
      await db
        .selectFrom('dossiers')
        .select('assignee_user_id')
        .where('code', '=', code)
        .executeTakeFirstOrThrow()
    ).assignee_user_id;
  assert.equal(await assignee(made[0]!.code), specialist);
  assert.equal(await assignee(made[1]!.code), null, 'the refused one is unchanged');
  // The leader assigns the remaining one to a specialist; a desk officer may not assign.
  const v1 = (await getAs(leader, `/api/v1/dossiers/${made[1]!.code}`)).json<View>().version;
  const byDesk = (
    await bulk(DESK, 'assign', {
      items: [{ code: made[1]!.code, version: v1 }],
      input: { assigneeId: specialist },
    })
  ).json<Answer>();
  assert.equal(byDesk.results[0]!.ok, false);
  // Whom the step cannot go to is refused, naming the field, and nothing changes: the ward's desk
  // officer (not a specialist), another ward's specialist, an id that is nobody's.
  for (const who of [await userId(db, DESK), await userId(db, 'specialist.hang-bac'), '999999999']) {
    const wrong = (
      await bulk(leader, 'assign', {
        items: [{ code: made[1]!.code, version: v1 }],
        input: { assigneeId: who },
      })
    ).json<{ results: { ok: boolean; error?: { reason: string; details: { path: string }[] } }[] }>();
    assert.equal(wrong.results[0]!.ok, false, who);
    assert.equal(wrong.results[0]!.error!.reason, 'DOSSIER_ASSIGNEE_CANNOT_TAKE_STEP');
    assert.deepEqual(
      wrong.results[0]!.error!.details.map((d) => d.path),
      ['body/assigneeId'],
    );
    assert.equal(await assignee(made[1]!.code), null);
  }
  const byLeader = (
    await bulk(leader, 'assign', {
      items: [{ code: made[1]!.code, version: v1 }],
      input: { assigneeId: specialist },
    })
  ).json<Answer>();
  assert.equal(byLeader.succeeded, 1, JSON.stringify(byLeader));
  assert.equal(await assignee(made[1]!.code), specialist);
  // Another province's desk: refused for each dossier, as not found; nothing changed.
  const far = (
    await bulk('desk.quan-3', 'claim', { items: [{ code: made[2]!.code, version: 1 }], input: {} })
  ).json<Answer>();
  assert.equal(far.results[0]!.ok, false);
  assert.equal(far.results[0]!.error!.code, 'NOT_FOUND');
  // Bad requests: an unknown action, a dossier twice, no dossier.
  assert.equal((await bulk(DESK, 'approve', { items: [made[0]], input: {} })).statusCode, 400);
  const twice = await bulk(DESK, 'claim', { items: [made[0], made[0]], input: {} });
  assert.equal(twice.statusCode, 400);
  assert.match(twice.body, /items\/1\/code/);
  assert.equal((await bulk(DESK, 'claim', { items: [], input: {} })).statusCode, 400);
});
