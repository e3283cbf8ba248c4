// The pure half of the reorganisation form (#16.3): a merge as the administrator describes it — the
// wards and communes that end, the successor (one in force, or one formed with its People's
// Committee), the date and the basis — the hand-overs that follow from it (each ended commune's
// People's Committee to the successor's, changed or added to by hand), the plan the API takes, and a
// refusal's details (`body/handovers/0/from`) sorted to the fields they name.
import type { PlaceStep } from '../../../common/contracts/org.ts';
import type { ReorganisationPlan } from '../../../common/contracts/reorganisations.ts';
import { detailText, errorText } from '../../app/errors.ts';
import { ApiError } from '../../app/http.ts';
import type { Messages } from '../../app/i18n/vi.ts';

export type Agency = { code: string; name: string; trail?: readonly PlaceStep[] };
export type PickedUnit = { code: string; name: string; trail: readonly PlaceStep[] };

/** The kinds of commune-level unit of the two-level map (as the API takes them). */
export const NEW_UNIT_TYPES = ['Phường', 'Xã', 'Đặc khu'] as const;
export type NewUnitType = (typeof NEW_UNIT_TYPES)[number];

export type EndedRow = { id: string; unit: PickedUnit | null };
export type NewSuccessor = {
  code: string;
  name: string;
  type: NewUnitType;
  committeeCode: string;
  committeeName: string;
  hasDesk: boolean;
};
/** A change to a hand-over that follows from an ended unit: another agency, or none at all. */
export type HandoverEdit = { from?: Agency | null; to?: Agency | null; removed?: true };
export type ExtraHandover = { id: string; from: Agency | null; to: Agency | null };

export type PlanForm = {
  name: string;
  basis: string;
  effectiveOn: string;
  ended: EndedRow[];
  successorKind: 'existing' | 'new';
  successorUnit: PickedUnit | null;
  fresh: NewSuccessor;
  /** By the ended row's id. */
  edits: Readonly<Record<string, HandoverEdit>>;
  extra: ExtraHandover[];
};

/** People's Committees by unit code: undefined while looked up, null when the unit has none. */
export type Committees = Readonly<Record<string, Agency | null | undefined>>;

export type HandoverRow = { key: string; from: Agency | null; to: Agency | null; auto: boolean };

let lastId = 0;
export const newRowId = (): string => `r${++lastId}`;

export function newPlanForm(today: string): PlanForm {
  return {
    name: '',
    basis: '',
    effectiveOn: today,
    ended: [{ id: newRowId(), unit: null }],
    successorKind: 'existing',
    successorUnit: null,
    fresh: { code: '', name: '', type: 'Phường', committeeCode: '', committeeName: '', hasDesk: true },
    edits: {},
    extra: [],
  };
}

/** The key of the hand-over that follows from ended row `rowId`. */
export const autoKey = (rowId: string): string => `ended-${rowId}`;

/** The unit the successor is formed under: the parent of the first ended unit, else `fallback`. */
export function parentUnitCode(form: PlanForm, fallback: string | null): string | null {
  const first = form.ended.find((r) => r.unit !== null)?.unit;
  return first?.trail.at(-1)?.code ?? fallback;
}

/** The units whose People's Committees the form needs: the ended, the successor, the parent. */
export function unitsToLookUp(form: PlanForm, fallbackParent: string | null): string[] {
  const codes = form.ended.flatMap((r) => (r.unit ? [r.unit.code] : []));
  if (form.successorKind === 'existing' && form.successorUnit) codes.push(form.successorUnit.code);
  if (form.successorKind === 'new') {
    const parent = parentUnitCode(form, fallbackParent);
    if (parent) codes.push(parent);
  }
  return [...new Set(codes)];
}

/** The successor's People's Committee: found for a unit in force, typed for a new one. */
export function successorAgency(form: PlanForm, committees: Committees): Agency | null {
  if (form.successorKind === 'existing')
    return form.successorUnit ? (committees[form.successorUnit.code] ?? null) : null;
  const code = form.fresh.committeeCode.trim();
  return code ? { code, name: form.fresh.committeeName.trim() || code } : null;
}

/** Each ended unit's committee to the successor's, as edited, then the hand-overs added by hand. */
export function handoverRows(form: PlanForm, committees: Committees): HandoverRow[] {
  const to = successorAgency(form, committees);
  const auto = form.ended.flatMap((r): HandoverRow[] => {
    const edit = form.edits[r.id] ?? {};
    if (!r.unit || edit.removed) return [];
    return [
      {
        key: autoKey(r.id),
        from: edit.from !== undefined ? edit.from : (committees[r.unit.code] ?? null),
        to: edit.to !== undefined ? edit.to : to,
        auto: true,
      },
    ];
  });
  return [...auto, ...form.extra.map((x) => ({ key: x.id, from: x.from, to: x.to, auto: false }))];
}

/** New ended rows; a row whose unit changed loses the changes made to its hand-over. */
export function withEnded(form: PlanForm, ended: EndedRow[]): PlanForm {
  const before = new Map(form.ended.map((r) => [r.id, r.unit?.code ?? null]));
  const edits = Object.fromEntries(
    Object.entries(form.edits).filter(([id]) => {
      const row = ended.find((r) => r.id === id);
      return row !== undefined && (row.unit?.code ?? null) === before.get(id);
    }),
  );
  return { ...form, ended, edits };
}

/** One side of a hand-over set to `agency` (a following one is edited, one added by hand replaced). */
export function editHandover(form: PlanForm, key: string, side: 'from' | 'to', agency: Agency): PlanForm {
  const auto = form.ended.find((r) => autoKey(r.id) === key);
  if (auto)
    return { ...form, edits: { ...form.edits, [auto.id]: { ...form.edits[auto.id], [side]: agency } } };
  return { ...form, extra: form.extra.map((x) => (x.id === key ? { ...x, [side]: agency } : x)) };
}

export function removeHandover(form: PlanForm, key: string): PlanForm {
  const auto = form.ended.find((r) => autoKey(r.id) === key);
  if (auto)
    return { ...form, edits: { ...form.edits, [auto.id]: { ...form.edits[auto.id], removed: true } } };
  return { ...form, extra: form.extra.filter((x) => x.id !== key) };
}

/** The usual name of a commune's People's Committee (data: Vietnamese whatever the interface). */
export const committeeNameOf = (unitName: string): string =>
  unitName.trim() ? `Ủy ban nhân dân ${unitName.trim()}` : '';

/**
 * The new unit renamed: its type follows the name's first words ("Xã Thanh Mỹ" is a Xã), and its
 * committee's name follows while it is still the usual one.
 */
export function withFreshName(fresh: NewSuccessor, name: string): NewSuccessor {
  const following = fresh.committeeName === '' || fresh.committeeName === committeeNameOf(fresh.name);
  const type = NEW_UNIT_TYPES.find((t) => name.trim().startsWith(`${t} `)) ?? fresh.type;
  return { ...fresh, name, type, committeeName: following ? committeeNameOf(name) : fresh.committeeName };
}

/** Which row each index of the plan sent came from, to put the server's problems back on them. */
export type Sent = { endedIds: string[]; handoverKeys: string[] };

/**
 * The plan as the API takes it. Blank choices are sent as blanks for the server to name, so every
 * index matches a row of the form.
 */
export function buildPlan(
  form: PlanForm,
  committees: Committees,
  fallbackParent: string | null,
): { plan: ReorganisationPlan; sent: Sent } {
  const fresh = form.fresh;
  const successorCode = form.successorKind === 'new' ? fresh.code.trim() : (form.successorUnit?.code ?? '');
  const rows = handoverRows(form, committees);
  const plan: ReorganisationPlan = {
    name: form.name.trim(),
    basis: form.basis.trim(),
    effectiveOn: form.effectiveOn,
    endedUnits: form.ended.map((r) => ({
      code: r.unit?.code ?? '',
      successors: [{ code: successorCode, extent: 'full' }],
    })),
    handovers: rows.map((h) => ({ from: h.from?.code ?? '', to: h.to?.code ?? '' })),
  };
  if (form.successorKind === 'new') {
    const parent = parentUnitCode(form, fallbackParent) ?? '';
    plan.newUnits = [{ code: successorCode, name: fresh.name.trim(), type: fresh.type, parentCode: parent }];
    plan.newAgencies = [
      {
        code: fresh.committeeCode.trim(),
        name: fresh.committeeName.trim(),
        kind: 'people-committee',
        unitCode: successorCode,
        parentCode: committees[parent]?.code ?? null,
        hasDesk: fresh.hasDesk,
      },
    ];
  }
  return { plan, sent: { endedIds: form.ended.map((r) => r.id), handoverKeys: rows.map((h) => h.key) } };
}

/** The same plan, as text: a preview is of this plan only while the form still says it. */
export const planKey = (plan: ReorganisationPlan): string => JSON.stringify(plan);

/** The fields of the form a problem can be shown beside. */
export type FieldKey =
  | 'name'
  | 'basis'
  | 'effectiveOn'
  | 'ended'
  | 'successor'
  | 'successorUnit'
  | 'newCode'
  | 'newName'
  | 'newType'
  | 'committeeCode'
  | 'committeeName'
  | 'handovers'
  | `ended:${string}`
  | `handover:${string}:${'from' | 'to'}`;

const UNIT_FIELDS: Record<string, FieldKey> = { code: 'newCode', name: 'newName', type: 'newType' };
const AGENCY_FIELDS: Record<string, FieldKey> = {
  code: 'committeeCode',
  name: 'committeeName',
  unitCode: 'newCode',
};

/** The field an error path names (`body/endedUnits/1/code` → that ended row), null if none. */
export function fieldOfPath(path: string, sent: Sent, form: PlanForm): FieldKey | null {
  const [root, top, index, field] = path.split('/');
  if (root !== 'body') return null;
  const i = index === undefined ? -1 : Number(index);
  switch (top) {
    case 'name':
    case 'basis':
    case 'effectiveOn':
      return index === undefined ? top : null;
    case 'endedUnits': {
      const id = sent.endedIds[i];
      if (id === undefined) return 'ended';
      if (field === 'successors') return form.successorKind === 'new' ? 'newCode' : 'successorUnit';
      return `ended:${id}`;
    }
    case 'newUnits':
      return UNIT_FIELDS[field ?? ''] ?? 'successor';
    case 'newAgencies':
      return AGENCY_FIELDS[field ?? ''] ?? 'successor';
    case 'handovers': {
      const key = sent.handoverKeys[i];
      if (key === undefined) return 'handovers';
      return `handover:${key}:${field === 'to' ? 'to' : 'from'}`;
    }
    default:
      return null;
  }
}

/** What a field left blank is told, rather than the server's words about a format. */
function blankMessage(
  t: Messages,
  key: FieldKey,
  form: PlanForm,
  rows: readonly HandoverRow[],
): string | null {
  const b = t.reorganisations.blank;
  const fresh = form.fresh;
  if (key === 'name' || key === 'basis' || key === 'effectiveOn')
    return form[key].trim() === '' ? b[key] : null;
  if (key === 'successorUnit') return form.successorUnit ? null : b.unit;
  if (key === 'handovers') return rows.length === 0 ? b.handovers : null;
  if (key === 'newCode') return fresh.code.trim() ? null : b.code;
  if (key === 'newName') return fresh.name.trim() ? null : b.text;
  if (key === 'committeeCode') return fresh.committeeCode.trim() ? null : b.code;
  if (key === 'committeeName') return fresh.committeeName.trim() ? null : b.text;
  if (key.startsWith('ended:')) {
    const row = form.ended.find((r) => `ended:${r.id}` === key);
    return row && !row.unit ? b.unit : null;
  }
  const m = /^handover:(.+):(from|to)$/.exec(key);
  if (m) {
    const row = rows.find((r) => r.key === m[1]);
    return row && !row[m[2] as 'from' | 'to'] ? b.agency : null;
  }
  return null;
}

export type PlanFailure = { fields: Partial<Record<FieldKey, string>>; general: string[] };

/** A refused preview or plan: each problem on its field, the rest (or the error itself) in general. */
export function planFailure(
  t: Messages,
  error: unknown,
  form: PlanForm,
  sent: Sent,
  rows: readonly HandoverRow[],
): PlanFailure {
  if (!(error instanceof ApiError) || error.details.length === 0)
    return { fields: {}, general: [errorText(t, error)] };
  const fields: PlanFailure['fields'] = {};
  const general: string[] = [];
  for (const d of error.details) {
    const key = fieldOfPath(d.path, sent, form);
    if (key === null) general.push(detailText(t, d));
    else fields[key] ??= blankMessage(t, key, form, rows) ?? detailText(t, d);
  }
  return { fields, general };
}
