import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TIME_UNITS, type TimeUnit } from './procedure.ts';
import {
  defaultWorkflow,
  durationHours,
  validateWorkflow,
  type Duration,
  type Workflow,
  type WorkflowStep,
} from './workflow.ts';

const HOURS_PER: Record<TimeUnit, number> = {
  'working-day': 8,
  'working-hour': 1,
  'calendar-day': 24,
  'calendar-hour': 1,
};

const fiveDays: Duration = { value: 5, unit: 'working-day' };
const total = (w: Workflow) => w.steps.reduce((sum, s) => sum + durationHours(s.share), 0);

function step(overrides: Partial<WorkflowStep> = {}): WorkflowStep {
  return {
    key: 'process',
    name: 'Xử lý',
    role: 'specialist',
    performer: { kind: 'competent-agency' },
    share: { value: 1, unit: 'working-day' },
    canSendBack: true,
    ...overrides,
  };
}

/** receive (4h) → the given middle steps → return (4h). */
function around(...middle: WorkflowStep[]): Workflow {
  return {
    steps: [
      step({
        key: 'receive',
        name: 'Tiếp nhận',
        role: 'desk-officer',
        performer: { kind: 'receiving-agency' },
        share: { value: 4, unit: 'working-hour' },
        canSendBack: false,
      }),
      ...middle,
      step({
        key: 'return',
        name: 'Trả kết quả',
        role: 'desk-officer',
        performer: { kind: 'receiving-agency' },
        share: { value: 4, unit: 'working-hour' },
        canSendBack: false,
      }),
    ],
  };
}

describe('defaultWorkflow', () => {
  it('splits 5 working days into receive, process, approve, return', () => {
    const w = defaultWorkflow(fiveDays);
    assert.deepEqual(
      w.steps.map((s) => [s.key, s.role, s.performer.kind, s.share.value, s.share.unit, s.canSendBack]),
      [
        ['receive', 'desk-officer', 'receiving-agency', 2, 'working-hour', false],
        ['process', 'specialist', 'competent-agency', 30, 'working-hour', true],
        ['approve', 'leader', 'competent-agency', 6, 'working-hour', true],
        ['return', 'desk-officer', 'receiving-agency', 2, 'working-hour', false],
      ],
    );
    assert.equal(total(w), 40);
    assert.deepEqual(validateWorkflow(w, fiveDays), []);
  });

  it('uses whole days where the share is whole days', () => {
    const w = defaultWorkflow({ value: 20, unit: 'calendar-day' });
    assert.deepEqual(
      w.steps.map((s) => s.share),
      [
        { value: 1, unit: 'calendar-day' },
        { value: 15, unit: 'calendar-day' },
        { value: 3, unit: 'calendar-day' },
        { value: 1, unit: 'calendar-day' },
      ],
    );
  });

  it('handles a one-hour limit', () => {
    const limit: Duration = { value: 1, unit: 'calendar-hour' };
    const w = defaultWorkflow(limit);
    assert.deepEqual(
      w.steps.map((s) => s.share.value),
      [0, 1, 0, 0],
    );
    assert.deepEqual(validateWorkflow(w, limit), []);
  });

  it('refuses a limit that is not a positive whole number of hours', () => {
    assert.throws(() => defaultWorkflow({ value: 0, unit: 'working-day' }), RangeError);
    assert.throws(() => defaultWorkflow({ value: 0.3, unit: 'working-day' }), RangeError);
  });

  it('always validates for any positive limit (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.constantFrom(...TIME_UNITS), (hours, unit) => {
        // Any whole number of hours, expressed in the unit (a limit of 0.375 working days is 3 hours).
        const limit: Duration = { value: hours / HOURS_PER[unit], unit };
        if (!Number.isInteger(durationHours(limit))) return;
        const w = defaultWorkflow(limit);
        assert.deepEqual(validateWorkflow(w, limit), []);
        assert.equal(total(w), durationHours(limit));
        for (const s of w.steps) assert.ok(Number.isInteger(s.share.value) && s.share.value >= 0);
      }),
    );
  });
});

describe('validateWorkflow', () => {
  it('accepts working-hour shares of a working-day limit (8 working hours a day)', () => {
    const w = around(step({ share: { value: 4, unit: 'working-day' } }));
    assert.deepEqual(validateWorkflow(w, fiveDays), []);
  });

  it('says how much is missing or too much, in hours of the limit', () => {
    const short = around(step({ share: { value: 3, unit: 'working-day' } }));
    assert.deepEqual(validateWorkflow(short, fiveDays), [
      {
        path: 'steps',
        message:
          'Tổng thời gian của các bước (32 giờ làm việc) phải bằng đúng thời hạn giải quyết 5 ngày làm việc (40 giờ làm việc; 1 ngày làm việc = 8 giờ làm việc): còn thiếu 8 giờ làm việc',
      },
    ]);
    const long = around(step({ share: { value: 33, unit: 'working-hour' } }));
    assert.match(validateWorkflow(long, fiveDays)[0]!.message, /: thừa 1 giờ làm việc$/);
  });

  it('does not mix working and calendar time', () => {
    const w = around(step({ share: { value: 4, unit: 'calendar-day' } }));
    const problems = validateWorkflow(w, fiveDays);
    assert.deepEqual(
      problems.map((p) => p.path),
      ['steps/1/share/unit'],
    );
    assert.match(problems[0]!.message, /ngày làm việc hoặc giờ làm việc/);
  });

  it('reports a missing limit or a limit without unit', () => {
    const w = defaultWorkflow(fiveDays);
    assert.deepEqual(
      validateWorkflow(w, null).map((p) => p.path),
      ['limit'],
    );
    const unitless = validateWorkflow(w, { value: 3, unit: null, text: '3' });
    assert.deepEqual(
      unitless.map((p) => p.path),
      ['limit'],
    );
    assert.match(unitless[0]!.message, /“3” chưa có đơn vị/);
  });

  it('reports every problem of every step with its path', () => {
    const w = {
      steps: [
        {
          ...step({ key: 'receive', role: 'specialist', canSendBack: true }),
          performer: { kind: 'competent-agency' },
        },
        step({ key: 'receive', name: ' ', share: { value: 1.5, unit: 'working-day' } }),
        step({ key: 'Xử lý', role: 'boss' as never, performer: { kind: 'named-agency', agencyCode: '' } }),
        step({
          key: 'lien-thong',
          performer: { kind: 'agency-of-kind-above', agencyKind: 'ministry' as never },
        }),
        step({ key: 'x', share: { value: 1, unit: 'week' as never }, canSendBack: 'yes' as never }),
        step({ key: 'approve', role: 'leader' }),
      ],
    };
    assert.deepEqual(
      validateWorkflow(w, fiveDays).map((p) => p.path),
      [
        'steps/0/canSendBack',
        'steps/1/key',
        'steps/1/name',
        'steps/1/share/value',
        'steps/2/key',
        'steps/2/role',
        'steps/2/performer/agencyCode',
        'steps/3/performer/agencyKind',
        'steps/4/canSendBack',
        'steps/4/share',
        'steps/0/role',
        'steps/0/performer',
        'steps/5/role',
      ],
    );
  });

  it('reports a workflow without steps', () => {
    assert.deepEqual(validateWorkflow({ steps: [] }, fiveDays), [
      { path: 'steps', message: 'Quy trình phải có ít nhất một bước' },
    ]);
    assert.deepEqual(
      validateWorkflow(null, fiveDays).map((p) => p.path),
      ['steps'],
    );
  });

  it('never throws, whatever it is given (property)', () => {
    fc.assert(
      fc.property(
        fc.anything(),
        fc.option(fc.record({ value: fc.double(), unit: fc.constantFrom(...TIME_UNITS, null) })),
        (w, limit) => {
          const problems = validateWorkflow(w, limit);
          for (const p of problems) assert.ok(p.message.length > 0);
        },
      ),
    );
  });
});
