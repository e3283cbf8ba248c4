// Random sequences of actions by random staff over HTTP: whatever is tried, a dossier never reaches a
// state the lifecycle does not allow, no accepted action is lost, and its stored history replays to
// its stored state.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createTestRuntime, manualClock, type TestRuntime } from '../../test/db.ts';
import { loginAs } from '../../test/http.ts';
import { APPLICANT_HUONG, BIRTH_COMPONENTS, VALID_BIRTH_DECLARATION } from '../../test/fixtures.ts';
import {
  ACTION_KINDS,
  DOSSIER_STATUS_KEYS,
  initialDossierState,
  replayActions,
  type ActionKind,
} from '../../../common/dossiers/index.ts';
import { peoplesCommittee, userId } from '../../test/seeded.ts';

let rt: TestRuntime;
const clock = manualClock('2026-12-14T01:30:00Z');
const cookies = new Map<string, string>();
const as = async (u: string) => {
  if (!cookies.has(u)) cookies.set(u, await loginAs(rt.app, u));
  return cookies.get(u)!;
};
const USERS = [
  'desk.hang-trong',
  'specialist.hang-trong',
  'leader.hang-trong',
  'desk.hang-bac',
  'leader.hoan-kiem',
  'auditor.ha-noi',
];
const USUAL_PATH: ActionKind[] = ['supplement', 'forward', 'claim', 'approve', 'return-result'];
const ids = new Map<string, string>();
let hangTrong: string;

before(async () => {
  rt = await createTestRuntime({ clock });
  hangTrong = await peoplesCommittee(rt.deps.db, '00070');
  for (const u of USERS) {
    ids.set(u, await userId(rt.deps.db, u));
  }
});
after(() => rt.close());

/** Plausible inputs for each action; some are deliberately wrong for the moment they are tried. */
function inputFor(kind: ActionKind, pick: number): Record<string, unknown> {
  const person = ids.get(USERS[pick % USERS.length]!)!;
  switch (kind) {
    case 'forward':
      return pick % 3 === 0
        ? {}
        : { nextAssigneeId: pick % 2 ? ids.get('specialist.hang-trong')! : ids.get('leader.hang-trong')! };
    case 'assign':
      return { assigneeId: person };
    case 'request-supplement':
      return { missingComponents: [{ name: 'Giấy chứng sinh' }], reason: 'Thiếu giấy chứng sinh bản chính' };
    case 'supplement':
      return { components: [{ name: 'Giấy chứng sinh (bản chính)' }] };
    case 'refuse':
    case 'deny':
    case 'send-back':
      return { reason: 'Chưa đủ điều kiện theo quy định' };
    case 'approve':
      return {
        resultDate: '2025-07-01',
        signer: 'Trần Quốc Việt',
        resultDocuments: [{ name: 'Giấy khai sinh' }],
      };
    case 'apologize':
      return { reason: 'Cần xác minh', newDueAt: '2026-12-30T10:00:00+07:00' };
    case 'return-result':
      return { channel: 'counter' };
    case 'withdraw':
      return { reason: 'Người nộp xin rút' };
    case 'stop':
      return { category: 'decision', reason: 'Quyết định dừng xử lý' };
    case 'request-payment':
      return { items: [{ name: 'Lệ phí', amountVnd: 8000 }] };
    case 'confirm-payment':
      return { receiptRef: 'BL-0001' };
    default:
      return {};
  }
}

/** Four dossiers received at the ward's desk: two complete, two waiting for the birth certificate. */
async function receiveFour(): Promise<string[]> {
  const codes: string[] = [];
  for (let i = 0; i < 4; i++) {
    const res = await rt.app.inject({
      method: 'POST',
      url: '/api/v1/dossiers',
      headers: { cookie: await as('desk.hang-trong') },
      payload: {
        procedureCode: '1.001193',
        agencyCode: hangTrong,
        applicant: APPLICANT_HUONG,
        formData: VALID_BIRTH_DECLARATION,
        components: i % 2 ? BIRTH_COMPONENTS : [{ code: 'TP1', provided: 'original' }],
        channel: 'direct',
      },
    });
    codes.push(
      res.statusCode === 201
        ? res.json<{ code: string }>().code
        : res.json<{ error: { dossierCode: string } }>().error.dossierCode,
    );
  }
  return codes;
}

test('random actions by random staff keep every dossier consistent with its history', async () => {
  let accepted = 0;
  await fc.assert(
    fc.asyncProperty(
      fc.array(
        fc.tuple(
          fc.nat(3),
          // Mostly the ward's own staff and the steps of the usual path, so that a run goes somewhere;
          // everyone else and every other step are tried too.
          fc.oneof(
            { arbitrary: fc.constantFrom(...USERS.slice(0, 3)), weight: 2 },
            { arbitrary: fc.constantFrom(...USERS), weight: 1 },
          ),
          fc.oneof(
            { arbitrary: fc.constantFrom(...USUAL_PATH), weight: 2 },
            { arbitrary: fc.constantFrom(...ACTION_KINDS), weight: 1 },
          ),
          fc.nat(20),
        ),
        { minLength: 5, maxLength: 25 },
      ),
      async (steps) => {
        cookies.clear(); // fresh sessions for each run: the clock keeps moving
        // Fresh dossiers for each run, so that a run does not start where an earlier one ended them.
        const codes = await receiveFour();
        for (const [which, user, kind, pick] of steps) {
          const code = codes[which]!;
          clock.advance(2 * 60_000);
          const current = await rt.deps.db
            .selectFrom('dossiers')
            .select('version')
            .where('code', '=', code)
            .executeTakeFirstOrThrow();
          const res = await rt.app.inject({
            method: 'POST',
            url: `/api/v1/dossiers/${code}/actions/${kind}`,
            headers: { cookie: await as(user), 'if-match': String(current.version) },
            payload: inputFor(kind, pick),
          });
          // 422: the person named cannot take the step (assign, forward).
          const refusedHandler =
            res.statusCode === 422 &&
            res.json<{ error: { reason?: string } }>().error.reason === 'DOSSIER_ASSIGNEE_CANNOT_TAKE_STEP';
          assert.ok(
            [200, 400, 403, 404, 409].includes(res.statusCode) || refusedHandler,
            `${user} ${kind} ${code}: ${res.statusCode} ${res.body}`,
          );
          if (res.statusCode === 200) accepted++;
        }
        for (const code of codes) {
          const row = await rt.deps.db
            .selectFrom('dossiers')
            .select(['dossier_id', 'state', 'status', 'version'])
            .where('code', '=', code)
            .executeTakeFirstOrThrow();
          const state = row.state;
          const actions = await rt.deps.db
            .selectFrom('dossier_actions')
            .select(['version', 'to_status', 'record'])
            .where('dossier_id', '=', row.dossier_id)
            .orderBy('version')
            .execute();
          assert.deepEqual(
            actions.map((a) => a.version),
            Array.from({ length: row.version }, (_, i) => i + 1),
            'one action per version, none lost',
          );
          assert.equal(state.version, row.version);
          assert.equal(state.status, row.status);
          assert.ok((DOSSIER_STATUS_KEYS as readonly string[]).includes(row.status));
          if (actions.length > 0) assert.equal(actions.at(-1)!.to_status, row.status);
          const replay = replayActions(
            initialDossierState(state.workflow, state.rules),
            actions.map((a) => a.record),
          );
          assert.ok(replay.ok, 'the history replays');
          assert.deepEqual(replay.ok && replay.state, state, 'replaying the history gives the stored state');
        }
      },
    ),
    {
      numRuns: 12,
      // One run known to go somewhere, so that the property is never only refusals: a complete dossier
      // forwarded to the specialist, who sends it to the leader; another forwarded by the wrong ward.
      examples: [
        [
          [
            [1, 'desk.hang-bac', 'forward', 1],
            [1, 'desk.hang-trong', 'forward', 1],
            [1, 'specialist.hang-trong', 'forward', 2],
            [0, 'desk.hang-trong', 'supplement', 0],
          ],
        ],
      ],
    },
  );
  assert.ok(accepted >= 3, 'the steps of the example and others were accepted');
});
