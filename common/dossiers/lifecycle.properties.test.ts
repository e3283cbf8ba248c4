// Properties of the lifecycle against random workflows, random rules and random sequences of random
// actions by random actors in random relations to the dossier. The checks below are written apart
// from the module: which status/step combinations exist and which status changes are possible.
// The seed is printed; FC_SEED=<seed> replays a run (fast-check also prints seed and path on failure).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Role } from '../auth/roles.ts';
import type { Performer, WorkflowRole } from '../catalog/workflow.ts';
import {
  ACTION_KINDS,
  DOSSIER_ACTIONS,
  DOSSIER_STATUSES,
  DOSSIER_STATUS_KEYS,
  allowedActions,
  applyAction,
  initialDossierState,
  replayActions,
  type ActionKind,
  type ActionRecord,
  type DossierActor,
  type DossierState,
  type DossierStatus,
  type LifecycleContext,
  type LifecycleRules,
  type LifecycleStep,
  type LifecycleWorkflow,
} from './index.ts';
import {
  OMNIPOTENT,
  OMNIPOTENT_ACTORS,
  arbFromSchema,
  arbInvalidInput,
  deepFreeze,
} from './test-fixtures.ts';

const seed =
  process.env.FC_SEED === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(process.env.FC_SEED);
console.log(`dossier lifecycle properties: fast-check seed ${seed} (replay with FC_SEED=${seed})`);
// A failing walk is long: shrinking it is cut short after 30 s (the counterexample so far is printed).
fc.configureGlobal({ seed, numRuns: 400, interruptAfterTimeLimit: 30_000, markInterruptAsFailure: true });

// ---- the lifecycle, restated independently ------------------------------------------------------------

const TERMINAL: ReadonlySet<DossierStatus> = new Set(['refused', 'withdrawn', 'stopped', 'returned']);

/** Every status change the lifecycle allows (same status: actions that act in place). */
const EDGES: Readonly<Record<DossierStatus, readonly DossierStatus[]>> = {
  submitted: ['received', 'awaiting-supplement', 'refused', 'withdrawn'],
  received: ['received', 'processing', 'awaiting-supplement', 'withdrawn', 'stopped'],
  processing: [
    'processing',
    'received',
    'awaiting-supplement',
    'awaiting-payment',
    'result-ready',
    'withdrawn',
    'stopped',
  ],
  'awaiting-supplement': [
    'awaiting-supplement',
    'submitted',
    'received',
    'processing',
    'refused',
    'withdrawn',
    'stopped',
  ],
  'awaiting-payment': ['awaiting-payment', 'processing', 'withdrawn', 'stopped'],
  'result-ready': ['returned'],
  refused: [],
  withdrawn: [],
  stopped: [],
  returned: [],
};

function lastLeaderStep(steps: readonly LifecycleStep[]): number {
  let found = -1;
  steps.forEach((s, i) => {
    if (s.role === 'leader' && i > 0 && i < steps.length - 1) found = i;
  });
  return found;
}

/** What is wrong with a state: a status/step/clock combination the lifecycle does not allow. */
function violations(s: DossierState): string[] {
  const out: string[] = [];
  const expect = (ok: boolean, what: string) => {
    if (!ok) out.push(`${s.status}: ${what}`);
  };
  const steps = s.workflow.steps;
  const last = steps.length - 1;
  const approval = lastLeaderStep(steps);
  const i = s.step.index;
  const step = steps[i];
  if (step === undefined) return [`step ${i} outside the workflow`];
  expect(step.key === s.step.key, 'step key matches its index');
  expect(step.role !== 'desk-officer' || s.step.assigneeId === null, 'desk steps have no assignee');
  expect(
    s.step.assigneeId === null || s.stepAssignees[s.step.key] === s.step.assigneeId,
    'assignee remembered',
  );
  const open = s.pauses.filter((p) => p.to === null);
  const started = s.clock.startedAt !== null;
  const stopped = s.clock.stoppedAt !== null;
  expect(open.length <= 1, 'at most one open pause');
  expect(
    s.pauses.every((p) => p.to === null || Date.parse(p.to) >= Date.parse(p.from)),
    'pauses end after they start',
  );
  expect(s.pauses.length === 0 || started, 'no pause before the clock starts');
  expect(!stopped || started, 'the clock stops after it starts');
  expect(s.transferredAt === null || started, 'transferred after receipt');
  expect(i === 0 || s.transferredAt !== null, 'past the receive step only once transferred');
  expect(s.apologised === (s.extendedDueAt !== null), 'an apology sets the new appointment');
  expect((s.outcome === null) === (s.decidedAt === null), 'a decision has a time');
  expect((s.outcome === 'approved') === s.resultDocuments.length > 0, 'an approval has result documents');
  expect(TERMINAL.has(s.status) === (s.closedAt !== null), 'closed exactly when terminal');
  expect((s.status === 'stopped') === (s.stopCategory !== null), 'a stop has a category');
  expect((s.status === 'returned') === (s.returnChannel !== null), 'a return has a channel');
  expect((s.status === 'awaiting-supplement') === (s.supplement !== null), 'an open supplement request');
  expect((s.status === 'awaiting-payment') === (s.payment !== null), 'an open payment request');
  const max = s.rules.maxProcessingSupplements;
  expect(max === null || s.processingSupplements <= max, 'supplement requests within the limit');

  switch (s.status) {
    case 'submitted':
    case 'refused':
      expect(
        i === 0 && !started && s.pauses.length === 0 && s.outcome === null,
        'at the receive step, no clock',
      );
      break;
    case 'received':
      expect(
        i === 0 && started && !stopped && open.length === 0 && s.outcome === null,
        'at the receive step, clock running',
      );
      break;
    case 'awaiting-supplement': {
      const sup = s.supplement;
      if (sup === null) break;
      if (sup.stage === 'pre-receipt') {
        expect(i === 0 && !started && open.length === 0 && sup.returnTo === 'submitted', 'pre-receipt');
      } else if (sup.stage === 'intake') {
        expect(
          i === 0 &&
            s.transferredAt === null &&
            started &&
            !stopped &&
            open[0]?.cause === 'supplement' &&
            open[0].policy === s.rules.intakeSupplementPolicy &&
            sup.returnTo === 'received',
          'intake: paused with the intake policy',
        );
      } else {
        expect(
          (sup.returnTo === 'processing'
            ? i >= 1 && i <= approval
            : sup.returnTo === 'received' && i === 0 && s.transferredAt !== null) &&
            started &&
            !stopped &&
            open[0]?.cause === 'supplement' &&
            open[0].policy === s.rules.processingSupplementPolicy &&
            s.outcome === null,
          'processing: paused with the processing policy, before the decision',
        );
      }
      break;
    }
    case 'processing':
      expect(
        i >= 1 && i < last && started && !stopped && open.length === 0,
        'between the desk steps, clock running',
      );
      expect(
        i <= approval ? s.outcome === null : s.outcome === 'approved',
        'approved exactly past the approval step',
      );
      break;
    case 'awaiting-payment':
      expect(
        i >= 1 &&
          i <= approval &&
          started &&
          !stopped &&
          open[0]?.cause === 'payment' &&
          open[0].policy === 'suspend',
        'suspended for payment before the decision',
      );
      expect(s.outcome === null, 'no decision yet');
      break;
    case 'result-ready':
    case 'returned':
      expect(
        i === last && s.outcome === 'approved' && stopped && open.length === 0,
        'at the return step, approved',
      );
      break;
    case 'withdrawn':
      expect(
        s.outcome === null && open.length === 0 && started === stopped,
        'no result; clock stopped if it ran',
      );
      break;
    case 'stopped':
      expect(
        started && stopped && open.length === 0 && s.outcome !== 'approved',
        'clock stopped, not approved',
      );
      expect(
        (s.stopCategory === 'not-eligible') === (s.outcome === 'denied'),
        'denied exactly when not eligible',
      );
      expect(s.outcome !== 'denied' || i === approval, 'denied at the approval step');
      break;
  }
  return out;
}

// ---- random workflows, rules, actors, contexts ---------------------------------------------------

const performerArb: fc.Arbitrary<Performer> = fc.constantFrom<Performer>(
  { kind: 'competent-agency' },
  { kind: 'receiving-agency' },
  { kind: 'named-agency', agencyCode: '000.00.06.H56' },
  { kind: 'agency-of-kind-above', agencyKind: 'justice' },
);

const workflowArb: fc.Arbitrary<LifecycleWorkflow> = fc
  .record({
    middle: fc.array(
      fc.record({
        role: fc.constantFrom<WorkflowRole>('specialist', 'specialist', 'leader', 'desk-officer'),
        canSendBack: fc.boolean(),
        performer: performerArb,
      }),
      { minLength: 1, maxLength: 5 },
    ),
    leaderAt: fc.nat(),
    returnCanSendBack: fc.boolean(),
  })
  .map(({ middle, leaderAt, returnCanSendBack }) => {
    const roles = middle.map((m) => m.role);
    if (!roles.includes('leader')) roles[leaderAt % roles.length] = 'leader';
    const steps: LifecycleStep[] = [
      {
        key: 's0',
        name: 'Tiếp nhận',
        role: 'desk-officer',
        performer: { kind: 'receiving-agency' },
        canSendBack: false,
      },
      ...middle.map((m, i) => ({
        key: `s${i + 1}`,
        name: `Bước ${i + 2}`,
        role: roles[i]!,
        performer: m.performer,
        canSendBack: m.canSendBack,
      })),
      {
        key: `s${middle.length + 1}`,
        name: 'Trả kết quả',
        role: 'desk-officer',
        performer: { kind: 'receiving-agency' },
        canSendBack: returnCanSendBack,
      },
    ];
    return { steps };
  });

const rulesArb: fc.Arbitrary<LifecycleRules> = fc.record({
  intakeSupplementPolicy: fc.constantFrom('restart', 'suspend'),
  processingSupplementPolicy: fc.constantFrom('restart', 'suspend'),
  maxProcessingSupplements: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
});

const IDS = ['a', 'b', 'c'];
const ROLES: Role[] = ['desk-officer', 'specialist', 'leader'];

/** Stands for the current step's assignee, so that the one who may act is drawn often enough. */
const CURRENT_ASSIGNEE = '(assignee)';
const rolesArb: fc.Arbitrary<Role[]> = fc.oneof(fc.subarray(ROLES), fc.constant(ROLES));
const whoArb = fc.record({
  actor: fc.record({
    kind: fc.constantFrom<DossierActor['kind']>('citizen', 'staff', 'staff', 'staff', 'system'),
    id: fc.constantFrom(...IDS, CURRENT_ASSIGNEE),
  }),
  relation: fc.record({
    isApplicant: fc.boolean(),
    rolesAtReceivingAgency: rolesArb,
    rolesAtStepAgency: rolesArb,
    rolesAtResponsibleAgency: rolesArb,
  }),
  deadline: fc.option(
    fc.record({
      workingMinutesUntilDue: fc.integer({ min: -600, max: 5000 }),
      workingDayMinutes: fc.constantFrom(480, 450),
      dueInMinutes: fc.option(fc.integer({ min: 0, max: 20 * 24 * 60 }), { nil: undefined }),
    }),
    { nil: null },
  ),
});

const T0 = Date.parse('2025-07-01T01:00:00Z');
/** Actions that end a dossier early; drawn rarely so that walks go deep (deny is the decision, drawn as often as approve). */
const ENDING: ReadonlySet<ActionKind> = new Set(['refuse', 'withdraw', 'stop']);

// ---- the property ----------------------------------------------------------------------------------

const reachedStatuses = new Set<DossierStatus>();
const appliedKinds = new Set<ActionKind>();

test('random actions by random actors keep the lifecycle sound', () => {
  fc.assert(
    fc.property(workflowArb, rulesArb, fc.gen(), (workflow, rules, g) => {
      const initial = deepFreeze(initialDossierState(workflow, rules));
      let state = initial;
      const records: ActionRecord[] = [];
      let time = T0;
      const length = g(() => fc.noBias(fc.integer({ min: 1, max: 150 })));
      for (let n = 0; n < length; n++) {
        reachedStatuses.add(state.status);
        if (TERMINAL.has(state.status)) {
          for (const actor of OMNIPOTENT_ACTORS) {
            assert.deepEqual(allowedActions(state, actor, OMNIPOTENT), [], `${state.status} offers nothing`);
            for (const kind of ACTION_KINDS) {
              const r = applyAction(
                state,
                { kind, actor, input: {}, at: new Date(time).toISOString() },
                OMNIPOTENT,
              );
              assert.equal(r.ok || r.error.code, 'ACTION_NOT_ALLOWED', `${state.status} refuses ${kind}`);
            }
          }
          break;
        }

        time += g(fc.integer, { min: 0, max: 3 * 24 * 60 }) * 60_000;
        const at = new Date(time).toISOString();
        // Random actors in random relations; of a few drawn, the first who may do something acts, so
        // that walks get past the steps that need a particular person.
        const candidates = g(() => fc.array(whoArb, { minLength: 1, maxLength: 4 })).map((who) => {
          const context: LifecycleContext = deepFreeze({
            relation: who.relation,
            deadline:
              who.deadline === null
                ? null
                : {
                    workingMinutesUntilDue: who.deadline.workingMinutesUntilDue,
                    workingDayMinutes: who.deadline.workingDayMinutes,
                    ...(who.deadline.dueInMinutes === undefined
                      ? {}
                      : { dueAt: new Date(time + who.deadline.dueInMinutes * 60_000).toISOString() }),
                  },
          });
          const actor: DossierActor =
            who.actor.id === CURRENT_ASSIGNEE
              ? { kind: who.actor.kind, id: state.step.assigneeId ?? 'a' }
              : who.actor;
          return { actor, context, allowed: allowedActions(state, actor, context) };
        });
        const { actor, context, allowed } = candidates.find((c) => c.allowed.length > 0) ?? candidates[0]!;
        for (const a of allowed) {
          assert.ok(
            DOSSIER_ACTIONS[a.kind].from.includes(state.status),
            `${a.kind} offered from ${state.status}`,
          );
          assert.equal(a.label, DOSSIER_ACTIONS[a.kind].label);
        }
        // Mostly an offered action, rarely one that ends the dossier, so that walks go deep.
        const lasting = allowed.filter((a) => !ENDING.has(a.kind));
        const ending = allowed.filter((a) => ENDING.has(a.kind));
        const pool = ending.length > 0 && g(fc.integer, { min: 0, max: 24 }) === 0 ? ending : lasting;
        const fromAllowed = pool.length > 0 && g(fc.integer, { min: 0, max: 3 }) > 0;
        const kind: ActionKind = fromAllowed
          ? pool[g(fc.nat, { max: pool.length - 1 })]!.kind
          : g(() => fc.constantFrom(...ACTION_KINDS));
        const offer = allowed.find((a) => a.kind === kind);

        let input: unknown;
        let valid = false;
        if (offer === undefined) {
          input = g(() =>
            fc.oneof(
              fc.constant({}),
              fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 })),
            ),
          );
        } else if (g(fc.integer, { min: 0, max: 5 }) === 0) {
          input = g(() => arbInvalidInput(offer.inputs));
        } else {
          valid = true;
          const v = g(() => arbFromSchema(offer.inputs)) as Record<string, unknown>;
          if (kind === 'assign')
            v.assigneeId = g(fc.constantFrom, ...IDS.filter((id) => id !== state.step.assigneeId));
          if (kind === 'apologize') v.newDueAt = new Date(time + 40 * 24 * 60 * 60_000).toISOString();
          // A number left out is the result register's to give before the reducer runs (#19).
          if (kind === 'approve' && (typeof v.resultNumber !== 'string' || v.resultNumber.trim() === ''))
            v.resultNumber = '01/QĐ-UBND';
          input = v;
        }
        deepFreeze(input);

        const result = applyAction(state, { kind, actor, input, at }, context);
        if (offer === undefined) {
          assert.ok(!result.ok, `${kind} not offered but applied from ${state.status}`);
          assert.ok(['ACTION_NOT_ALLOWED', 'FORBIDDEN'].includes(result.error.code), result.error.code);
          continue;
        }
        if (!valid) {
          assert.ok(!result.ok, `${kind} applied with invalid input ${JSON.stringify(input)}`);
          assert.equal(result.error.code, 'INVALID_INPUT');
          assert.ok((result.error.details ?? []).length > 0);
          continue;
        }
        if (!result.ok) {
          assert.fail(
            `${kind} offered but refused: ${result.error.code} ${result.error.message} ${JSON.stringify(result.error.details)}`,
          );
        }

        const next = result.state;
        const def = DOSSIER_ACTIONS[kind];
        assert.deepEqual(violations(next), [], `after ${kind} from ${state.status}`);
        assert.ok(EDGES[state.status].includes(next.status), `${state.status} → ${next.status} by ${kind}`);
        assert.ok(def.to.includes(next.status), `${kind} declared to reach ${next.status}`);
        assert.ok(Math.abs(next.step.index - state.step.index) <= 1, 'one step at a time');
        assert.equal(next.version, state.version + 1);
        assert.equal(next.updatedAt, at);
        assert.deepEqual(next.workflow, state.workflow);
        assert.equal(result.record.version, next.version);
        assert.equal(result.record.kind, kind);
        assert.deepEqual(result.record.from, { status: state.status, stepIndex: state.step.index });
        assert.deepEqual(result.record.to, { status: next.status, stepIndex: next.step.index });
        const syncs = result.effects.filter((e) => e.type === 'sync-portal');
        assert.deepEqual(syncs, [
          { type: 'sync-portal', status: next.status, statusCode: DOSSIER_STATUSES[next.status].code },
        ]);
        assert.equal(result.effects.at(-1)?.type, 'sync-portal');
        for (const e of result.effects) {
          assert.ok(def.effects.includes(e.type), `${kind} declares ${e.type}`);
          if (e.type === 'issue-slip')
            assert.ok(def.slips.includes(e.slip), `${kind} declares slip ${e.slip}`);
          if (e.type === 'notify-applicant') {
            assert.deepEqual(e, { type: e.type, action: kind, status: next.status });
          }
        }
        const clockStarted = result.effects.some((e) => e.type === 'start-clock');
        assert.equal(clockStarted, state.clock.startedAt === null && next.clock.startedAt !== null);
        const moved = result.effects.some((e) => e.type === 'move-to-agency');
        assert.equal(moved, next.step.index !== state.step.index);

        appliedKinds.add(kind);
        state = deepFreeze(next);
        records.push(result.record);
      }
      reachedStatuses.add(state.status);

      // Nothing lost: one record per version, in order; the log replays to the same state.
      assert.equal(records.length, state.version);
      records.forEach((r, i) => assert.equal(r.version, i + 1));
      assert.deepEqual(replayActions(initial, records), { ok: true, state });
    }),
  );
});

test('the random walks went everywhere (else the property above proves little)', () => {
  assert.deepEqual(
    DOSSIER_STATUS_KEYS.filter((s) => !reachedStatuses.has(s)),
    [],
    'every status reached',
  );
  assert.deepEqual(
    ACTION_KINDS.filter((k) => !appliedKinds.has(k)),
    [],
    'every action applied',
  );
});
