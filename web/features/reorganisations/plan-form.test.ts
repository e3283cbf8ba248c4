// #16.3 The reorganisation form's pure half: the hand-overs that follow from a merge, the plan the API
// takes, and a refusal's details put back on the fields they name.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApiError } from '../../app/http.ts';
import { en } from '../../app/i18n/en.ts';
import { vi } from '../../app/i18n/vi.ts';
import {
  autoKey,
  buildPlan,
  editHandover,
  fieldOfPath,
  handoverRows,
  newPlanForm,
  planFailure,
  planKey,
  removeHandover,
  unitsToLookUp,
  withEnded,
  withFreshName,
  type Committees,
  type PlanForm,
} from './plan-form.ts';
import { fieldId, planProblems } from './plan-problems.ts';

const HA_NOI = [{ code: '01', name: 'Thành phố Hà Nội' }];
const CUA_NAM = { code: '00082', name: 'Phường Cửa Nam', trail: HA_NOI };
const HOAN_KIEM = { code: '00070', name: 'Phường Hoàn Kiếm', trail: HA_NOI };
const BA_DINH = { code: '00004', name: 'Phường Ba Đình', trail: HA_NOI };
const committees: Committees = {
  '00082': { code: 'H26.107', name: 'Ủy ban nhân dân Phường Cửa Nam' },
  '00070': { code: 'H26.106', name: 'Ủy ban nhân dân Phường Hoàn Kiếm' },
  '00004': { code: 'H26.101', name: 'Ủy ban nhân dân Phường Ba Đình' },
  '01': { code: 'H26', name: 'Ủy ban nhân dân Thành phố Hà Nội' },
};

/** Cửa Nam merged into Hoàn Kiếm, as the administrator fills the form in. */
function merge(): PlanForm {
  const form = newPlanForm('2026-12-07');
  return {
    ...form,
    name: ' Nhập Phường Cửa Nam vào Phường Hoàn Kiếm ',
    basis: 'Nghị quyết số 01/2026',
    ended: [{ id: form.ended[0]!.id, unit: CUA_NAM }],
    successorUnit: HOAN_KIEM,
  };
}

test('#16.3 a merge into a ward in force: each ended ward’s committee hands over to the successor’s', () => {
  const form = merge();
  assert.deepEqual(unitsToLookUp(form, '01'), ['00082', '00070']);
  const { plan, sent } = buildPlan(form, committees, '01');
  assert.deepEqual(plan, {
    name: 'Nhập Phường Cửa Nam vào Phường Hoàn Kiếm',
    basis: 'Nghị quyết số 01/2026',
    effectiveOn: '2026-12-07',
    endedUnits: [{ code: '00082', successors: [{ code: '00070', extent: 'full' }] }],
    handovers: [{ from: 'H26.107', to: 'H26.106' }],
  });
  assert.deepEqual(sent, { endedIds: [form.ended[0]!.id], handoverKeys: [autoKey(form.ended[0]!.id)] });
});

test('#16.3 the hand-overs wait for the committees being looked up, and blanks are sent as blanks', () => {
  const form = { ...merge(), ended: [...merge().ended, { id: 'r-blank', unit: null }] };
  const rows = handoverRows(form, {});
  assert.deepEqual(
    rows.map((r) => [r.from, r.to]),
    [[null, null]],
    'a row per picked ward, its agencies unknown until found',
  );
  const { plan, sent } = buildPlan(form, {}, '01');
  assert.deepEqual(plan.endedUnits![1], { code: '', successors: [{ code: '00070', extent: 'full' }] });
  assert.deepEqual(plan.handovers, [{ from: '', to: '' }]);
  assert.deepEqual(sent.endedIds, [form.ended[0]!.id, 'r-blank']);
});

test('#16.3 a merge into a new ward: the unit under the ended wards’ province, its committee under the province’s', () => {
  const base = merge();
  const form: PlanForm = {
    ...base,
    ended: [...base.ended, { id: 'r-ba-dinh', unit: BA_DINH }],
    successorKind: 'new',
    fresh: {
      ...withFreshName(base.fresh, 'Phường Cửa Đình'),
      code: '99001',
      committeeCode: 'H26.999',
      hasDesk: true,
    },
  };
  assert.equal(form.fresh.committeeName, 'Ủy ban nhân dân Phường Cửa Đình', 'the usual name, filled in');
  assert.equal(withFreshName(form.fresh, 'Xã Thanh Mỹ').type, 'Xã', 'the type read from the name');
  assert.equal(withFreshName(form.fresh, 'Thanh Mỹ').type, 'Phường', 'else kept');
  assert.deepEqual(unitsToLookUp(form, null), ['00082', '00004', '01']);
  const { plan } = buildPlan(form, committees, null);
  assert.deepEqual(plan.newUnits, [
    { code: '99001', name: 'Phường Cửa Đình', type: 'Phường', parentCode: '01' },
  ]);
  assert.deepEqual(plan.newAgencies, [
    {
      code: 'H26.999',
      name: 'Ủy ban nhân dân Phường Cửa Đình',
      kind: 'people-committee',
      unitCode: '99001',
      parentCode: 'H26',
      hasDesk: true,
    },
  ]);
  assert.deepEqual(
    plan.endedUnits!.map((e) => e.successors[0]!.code),
    ['99001', '99001'],
  );
  assert.deepEqual(plan.handovers, [
    { from: 'H26.107', to: 'H26.999' },
    { from: 'H26.101', to: 'H26.999' },
  ]);
  // A committee's name typed by hand stays when the unit is renamed.
  const typed = { ...form.fresh, committeeName: 'UBND Cửa Đình' };
  assert.equal(withFreshName(typed, 'Phường Khác').committeeName, 'UBND Cửa Đình');
});

test('#16.3 the hand-overs are editable: another agency, a row removed, a row added; a changed ward drops its edits', () => {
  let form = merge();
  const key = autoKey(form.ended[0]!.id);
  form = editHandover(form, key, 'to', { code: 'H26.101', name: 'UBND Ba Đình' });
  form = { ...form, extra: [{ id: 'x1', from: null, to: null }] };
  form = editHandover(form, 'x1', 'from', { code: 'H26.08.107', name: 'Công an Phường Cửa Nam' });
  form = editHandover(form, 'x1', 'to', { code: 'H26.08.106', name: 'Công an Phường Hoàn Kiếm' });
  assert.deepEqual(buildPlan(form, committees, '01').plan.handovers, [
    { from: 'H26.107', to: 'H26.101' },
    { from: 'H26.08.107', to: 'H26.08.106' },
  ]);
  // The successor changes: an edited row keeps its own agency.
  assert.equal(handoverRows({ ...form, successorUnit: BA_DINH }, committees)[0]!.to?.code, 'H26.101');
  const removed = removeHandover(form, key);
  assert.deepEqual(
    handoverRows(removed, committees).map((r) => r.key),
    ['x1'],
  );
  assert.deepEqual(
    handoverRows(removeHandover(removed, 'x1'), committees).map((r) => r.key),
    [],
  );
  // Another ward picked on the row: its hand-over follows the merge again.
  const other = withEnded(form, [{ id: form.ended[0]!.id, unit: BA_DINH }]);
  assert.deepEqual(handoverRows(other, committees)[0], {
    key,
    from: committees['00004'],
    to: committees['00070'],
    auto: true,
  });
  // The same ward kept: the edit stays.
  assert.equal(handoverRows(withEnded(form, form.ended), committees)[0]!.to?.code, 'H26.101');
});

test('#16.3 a plan is previewed as it stands: the key changes with the form', () => {
  const form = merge();
  const a = planKey(buildPlan(form, committees, '01').plan);
  assert.equal(planKey(buildPlan({ ...form }, committees, '01').plan), a);
  assert.notEqual(planKey(buildPlan({ ...form, effectiveOn: '2026-12-08' }, committees, '01').plan), a);
});

test('#16.3 the error paths of the envelope name the fields of the form', () => {
  const form = { ...merge(), extra: [{ id: 'x1', from: null, to: null }] };
  const { sent } = buildPlan(form, committees, '01');
  const id = form.ended[0]!.id;
  const cases: [string, string | null][] = [
    ['body/name', 'name'],
    ['body/basis', 'basis'],
    ['body/effectiveOn', 'effectiveOn'],
    ['body/endedUnits/0/code', `ended:${id}`],
    ['body/endedUnits/0/successors/0/code', 'successorUnit'],
    ['body/endedUnits/5/code', 'ended'],
    ['body/endedUnits', 'ended'],
    ['body/handovers/0/from', `handover:${autoKey(id)}:from`],
    ['body/handovers/0/to', `handover:${autoKey(id)}:to`],
    ['body/handovers/1', 'handover:x1:from'],
    ['body/handovers', 'handovers'],
    ['body/newUnits/0/code', 'newCode'],
    ['body/newUnits/0/parentCode', 'successor'],
    ['body/newAgencies/0/code', 'committeeCode'],
    ['body/newAgencies/0/name', 'committeeName'],
    ['body/newAgencies/0/unitCode', 'newCode'],
    ['body/newAgencies/0/parentCode', 'successor'],
    ['body/other', null],
    ['body', null],
    ['query/x', null],
  ];
  for (const [path, field] of cases) assert.equal(fieldOfPath(path, sent, form), field, path);
  const fresh = { ...form, successorKind: 'new' as const };
  assert.equal(fieldOfPath('body/endedUnits/0/successors/0/code', sent, fresh), 'newCode');
});

test('#16.3 a refusal: each message beside its field, "choose" for a blank choice, the rest in general', () => {
  const form = { ...merge(), basis: '', extra: [{ id: 'x1', from: null, to: null }] };
  const { sent } = buildPlan(form, committees, '01');
  const rows = handoverRows(form, committees);
  const id = form.ended[0]!.id;
  const error = new ApiError({
    status: 400,
    code: 'VALIDATION_FAILED',
    message: 'Phương án sắp xếp chưa hợp lệ; xem từng mục được nêu.',
    details: [
      { path: 'body/basis', message: 'Không khớp mẫu.', code: 'pattern' },
      { path: 'body/handovers/0/from', message: 'Cơ quan H26.107 được bàn giao hai lần.' },
      { path: 'body/handovers/0/from', message: 'Thông báo thứ hai.' },
      { path: 'body/handovers/1/from', message: 'Không khớp mẫu.', code: 'pattern' },
      { path: 'body/effectiveOn', message: 'Đợt sắp xếp có hiệu lực từ ngày 2026-12-08.' },
      { path: 'body', message: 'Thừa trường.' },
    ],
  });
  const failure = planFailure(vi, error, form, sent, rows);
  assert.deepEqual(failure, {
    fields: {
      basis: vi.reorganisations.blank.basis,
      [`handover:${autoKey(id)}:from`]: 'Cơ quan H26.107 được bàn giao hai lần.',
      'handover:x1:from': vi.reorganisations.blank.agency,
      effectiveOn: 'Đợt sắp xếp có hiệu lực từ ngày 2026-12-08.',
    },
    general: ['Thừa trường.'],
  });
  // The summary: in the order of the form, each linked to its field.
  assert.deepEqual(
    planProblems(vi, failure, form, rows).map((p) => [p.label, p.fieldId]),
    [
      [vi.reorganisations.fields.basis, 'reorg-basis'],
      [vi.reorganisations.fields.effectiveOn, 'reorg-effectiveOn'],
      ['Bàn giao 1 – Cơ quan bàn giao', fieldId(`handover:${autoKey(id)}:from`)],
      ['Bàn giao 2 – Cơ quan bàn giao', 'reorg-handover-x1-from'],
      [undefined, undefined],
    ],
  );
  // English: the field is named, the server's Vietnamese is not shown.
  const english = planFailure(en, error, form, sent, rows);
  assert.equal(english.fields[`handover:${autoKey(id)}:from`], en.errors.invalidField);
  assert.equal(english.fields.basis, en.reorganisations.blank.basis);
  // No details: the error itself.
  const refused = new ApiError({ status: 403, code: 'FORBIDDEN', message: 'Chỉ quản trị viên cấp tỉnh…' });
  assert.deepEqual(planFailure(vi, refused, form, sent, rows), {
    fields: {},
    general: ['Chỉ quản trị viên cấp tỉnh…'],
  });
});
