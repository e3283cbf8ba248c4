import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { blockingProblems, draftProblems } from './draft-check.ts';
import { applyContent, contentOf, type DraftContent } from './draft-content.ts';
import { draftDiff } from './draft-diff.ts';
import type { DossierComponent, Procedure } from './procedure.ts';

const paper = (over: Partial<DossierComponent> = {}): DossierComponent => ({
  name: 'Giấy báo tử',
  originals: 1,
  copies: 0,
  group: null,
  condition: null,
  submission: 'submit',
  form: null,
  electronicCopyAccepted: null,
  reuseAccepted: null,
  ...over,
});

/** Death registration as published: "1" on each channel, no unit. */
function content(over: Partial<DraftContent> = {}): DraftContent {
  const bare = { value: 1, unit: null, text: '1', note: 'Cổng chỉ hiển thị con số' };
  return {
    channels: ['direct', 'online', 'postal'],
    timeLimits: { direct: bare, online: bare, postal: bare },
    cases: [],
    components: [paper()],
    fees: [{ channel: 'direct', amountVnd: 0, per: null, text: 'Miễn phí', amountOther: null, note: null }],
    results: [{ name: 'Trích lục khai tử', code: 'KQ.G15.000034' }],
    onlineLevel: 'partial',
    form: 'generic',
    ...over,
  };
}
const ctx = { forms: ['birth-registration.schema.json'] };
const paths = (c: DraftContent) => draftProblems(c, ctx).map((p) => `${p.severity} ${p.path} ${p.code}`);
const withUnits = (c: DraftContent): DraftContent => ({
  ...c,
  timeLimits: {
    direct: { ...c.timeLimits.direct!, unit: 'working-day' },
    online: { ...c.timeLimits.online!, unit: 'working-day' },
    postal: { ...c.timeLimits.postal!, unit: 'working-day' },
  },
});

describe('draftProblems', () => {
  it('names the missing unit of every channel, and nothing once they are chosen', () => {
    assert.deepEqual(paths(content()), [
      'error timeLimits/direct/unit time-unit-missing',
      'error timeLimits/online/unit time-unit-missing',
      'error timeLimits/postal/unit time-unit-missing',
    ]);
    assert.deepEqual(paths(withUnits(content())), []);
  });

  it('names a channel without a limit, a number missing, a share of a day that is not whole hours', () => {
    const c = withUnits(content());
    c.timeLimits.online = null;
    c.timeLimits.direct = { ...c.timeLimits.direct!, value: null };
    c.timeLimits.postal = { ...c.timeLimits.postal!, value: 0.3 };
    assert.deepEqual(paths(c), [
      'error timeLimits/direct/value time-value-missing',
      'error timeLimits/postal/value time-value-invalid',
      'error timeLimits/online/value time-limit-missing',
    ]);
  });

  it('warns, without blocking, on a channel the law sets no limit for', () => {
    const c = withUnits(content());
    c.timeLimits.online = null;
    const problems = draftProblems(c, { ...ctx, noLimit: ['online'] });
    assert.deepEqual(
      problems.map((p) => [p.severity, p.path, p.code]),
      [['warning', 'timeLimits/online/value', 'time-limit-none']],
    );
  });

  it('accepts a channel covered by every case, and checks each case', () => {
    const c = withUnits(content());
    c.timeLimits.postal = null;
    const limit = { value: 19, unit: 'working-day' as const, text: '19', note: null };
    c.cases = [
      { key: 'a', name: 'Một lần', timeLimits: { direct: null, online: null, postal: limit }, fees: [] },
      {
        key: 'b',
        name: 'Một lần',
        timeLimits: { direct: null, online: null, postal: { ...limit, unit: null } },
        fees: [{ channel: 'online', amountVnd: -5, per: null, text: null, amountOther: null, note: null }],
      },
    ];
    assert.deepEqual(paths(c), [
      'error cases/1/name case-name-repeated',
      'error cases/1/timeLimits/postal/unit time-unit-missing',
      'error cases/1/fees/0/amountVnd fee-amount-invalid',
    ]);
    c.cases[1]!.fees[0]!.channel = null;
    c.channels = ['direct', 'postal'];
    c.onlineLevel = 'none';
    c.fees = [{ ...c.fees[0]!, channel: 'online' }];
    assert.ok(paths(c).includes('error fees/0/channel fee-channel-not-offered'));
  });

  it('names papers, results, the form and the online level', () => {
    const c = withUnits(
      content({
        components: [paper({ name: ' ', originals: 0, copies: 0 }), paper({ originals: null, copies: null })],
        results: [{ name: '', code: null }],
        form: 'death.schema.json',
        onlineLevel: 'none',
      }),
    );
    assert.deepEqual(paths(c), [
      'error components/0/name component-name-missing',
      'warning components/0/originals component-count-zero',
      'warning components/1/originals component-count-unknown',
      'error results/0/name result-name-missing',
      'error form form-unknown',
      'error onlineLevel online-level-conflict',
    ]);
    assert.deepEqual(
      paths({ ...c, components: [], results: [], form: 'birth-registration.schema.json', onlineLevel: null }),
      [
        'error components component-none',
        'error results result-none',
        'warning onlineLevel online-level-unknown',
      ],
    );
  });

  it('warns, without blocking, when the council sets the fee and none is entered', () => {
    const problems = draftProblems(withUnits(content()), { ...ctx, feeDecidedBy: 'HĐND cấp tỉnh' });
    assert.deepEqual(
      problems.map((p) => [p.path, p.code, p.severity]),
      [['fees', 'fee-amount-missing', 'warning']],
    );
    assert.deepEqual(blockingProblems(problems), []);
  });
});

describe('applyContent and draftDiff', () => {
  const p = {
    code: '1.000656',
    channels: ['direct', 'online', 'postal'],
    timeLimits: content().timeLimits,
    timeLimitGaps: [{ channel: 'online', text: 'Không có thông tin', note: null }],
    fees: content().fees,
    cases: [],
    components: [paper()],
    results: content().results,
    onlineLevel: null,
  } as unknown as Procedure;

  it('rewrites the wording of what changed and keeps the rest verbatim', () => {
    const edited = withUnits(contentOf(p, 'generic'));
    edited.timeLimits.postal = { ...p.timeLimits.postal!, value: 1 };
    edited.fees = [{ ...edited.fees[0]!, amountVnd: 15000 }];
    const out = applyContent(p, edited);
    assert.deepEqual(out.timeLimits.direct, {
      value: 1,
      unit: 'working-day',
      text: '1 ngày làm việc',
      note: null,
    });
    assert.equal(out.timeLimits.postal, p.timeLimits.postal, 'unchanged: the source wording stays');
    assert.deepEqual(out.timeLimitGaps, [], 'a channel with a limit has no gap');
    assert.equal(out.fees[0]!.text, '15.000 đồng');
    assert.deepEqual(
      draftDiff(contentOf(p, 'generic'), contentOf(out, 'generic')).map((l) => [l.key, l.before, l.after]),
      [
        ['timeLimits/direct', 'Trực tiếp: 1', 'Trực tiếp: 1 ngày làm việc'],
        ['timeLimits/online', 'Trực tuyến: 1', 'Trực tuyến: 1 ngày làm việc'],
        ['fees/0', 'Trực tiếp: Miễn phí', 'Trực tiếp: 15.000 đồng'],
      ],
    );
  });

  it('lists added and removed lines', () => {
    const before = contentOf(p, 'generic');
    const after = {
      ...before,
      components: [],
      results: [...before.results, { name: 'Bản sao', code: null }],
    };
    assert.deepEqual(
      draftDiff(before, after).map((l) => [l.section, l.before === null, l.after === null]),
      [
        ['components', false, true],
        ['results', true, false],
      ],
    );
  });
});
