// A reorganisation plan checked against the map: every unit and agency it names found as it stands
// the day before and the day of the change, within the administrator's province, each problem named
// by its field. What it would move is counted for the preview.
import { sql } from 'kysely';
import type { Actor } from '../../platform/actor.ts';
import type { ErrorDetail } from '../../platform/errors.ts';
import type { Moved, ReorganisationPlan } from '../../../common/contracts/reorganisations.ts';
import type { Executor } from './reorganisation.types.ts';
import { canReachUnit } from '../org/index.ts';
import { fail } from './reorganisations.errors.ts';
import { provinceOfPath } from '../../../common/org/paths.ts';

export const ADMIN_ROLES = ['province-admin'] as const;

type UnitRow = {
  unit_id: string;
  code: string;
  name: string;
  path: string;
  level: number;
  valid_from: string | null;
  valid_to: string | null;
};
type AgencyRow = {
  agency_id: string;
  code: string;
  name: string;
  path: string;
  unit_path: string;
  valid_from: string | null;
  valid_to: string | null;
};

/** A unit of the plan: one that exists, or one the plan forms (unit_id null until applied). */
export type PlanUnit = { unit_id: string | null; code: string; path: string; level: number };
export type PlanAgency = { agency_id: string | null; code: string; name: string; unit_path: string };

export type ResolvedPlan = {
  plan: ReorganisationPlan;
  dayBefore: string;
  newUnits: (PlanUnit & { name: string; type: string; parent: PlanUnit })[];
  endedUnits: { unit: PlanUnit; successors: { unit: PlanUnit; extent: 'full' | 'partial' }[] }[];
  newAgencies: (PlanAgency & { kind: string; unit: PlanUnit; parentCode: string | null; hasDesk: boolean })[];
  handovers: { from: PlanAgency & { agency_id: string }; to: PlanAgency }[];
};

export function dayBefore(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

const inForce = (r: { valid_from: string | null; valid_to: string | null }, day: string) =>
  (r.valid_from === null || r.valid_from <= day) && (r.valid_to === null || r.valid_to >= day);
const provinceOf = provinceOfPath;

/** Checks the plan and resolves what it names; throws REORGANISATION_INVALID naming every problem. */
export async function resolvePlan(
  db: Executor,
  actor: Actor,
  plan: ReorganisationPlan,
): Promise<ResolvedPlan> {
  if (!actor.grants.some((g) => g.role === 'province-admin')) throw fail('REORGANISATION_ADMINS_ONLY');
  const problems: ErrorDetail[] = [];
  const problem = (path: string, message: string) => problems.push({ path: `body/${path}`, message });
  const on = plan.effectiveOn;
  const before = dayBefore(on);
  const newUnitsIn = plan.newUnits ?? [];
  const endedIn = plan.endedUnits ?? [];
  const newAgenciesIn = plan.newAgencies ?? [];
  const reaches = (path: string) => canReachUnit(actor, path, 'write', ADMIN_ROLES);

  const unitCodes = [
    ...new Set([
      ...newUnitsIn.flatMap((u) => [u.code, u.parentCode]),
      ...endedIn.flatMap((e) => [e.code, ...e.successors.map((s) => s.code)]),
      ...newAgenciesIn.map((a) => a.unitCode),
    ]),
  ];
  const units: UnitRow[] =
    unitCodes.length === 0
      ? []
      : await db
          .selectFrom('units')
          .select(['unit_id', 'code', 'name', 'path', 'level', 'valid_from', 'valid_to'])
          .where('code', 'in', unitCodes)
          .execute();
  const endedCodes = new Set(endedIn.map((e) => e.code));
  const unitOn = (code: string, day: string) => units.find((u) => u.code === code && inForce(u, day));
  // What stands on the day of the change: units that carry on, and those the plan forms.
  const formed = new Map<string, PlanUnit & { name: string; type: string; parent: PlanUnit }>();
  const standing = (code: string): PlanUnit | undefined => {
    const existing = unitOn(code, on);
    if (existing && !endedCodes.has(code)) return existing;
    return formed.get(code);
  };

  newUnitsIn.forEach((u, i) => {
    if (unitOn(u.code, on) && !endedCodes.has(u.code))
      problem(`newUnits/${i}/code`, `Mã ${u.code} đang là của một đơn vị khác vào ngày ${on}.`);
    if (formed.has(u.code)) problem(`newUnits/${i}/code`, `Mã ${u.code} được nêu hai lần.`);
    const parent = standing(u.parentCode);
    if (!parent) problem(`newUnits/${i}/parentCode`, `Không có đơn vị ${u.parentCode} vào ngày ${on}.`);
    else if (!reaches(parent.path))
      problem(`newUnits/${i}/parentCode`, `Đơn vị ${u.parentCode} nằm ngoài phạm vi của bạn.`);
    else
      formed.set(u.code, {
        unit_id: null,
        code: u.code,
        name: u.name,
        type: u.type,
        path: `${parent.path}${u.code}/`,
        level: parent.level + 1,
        parent,
      });
  });

  const endedUnits: ResolvedPlan['endedUnits'] = [];
  endedIn.forEach((e, i) => {
    const unit = unitOn(e.code, before);
    if (!unit) return problem(`endedUnits/${i}/code`, `Không có đơn vị ${e.code} vào ngày ${before}.`);
    if (!inForce(unit, on))
      return problem(`endedUnits/${i}/code`, `Đơn vị ${e.code} đã chấm dứt trước ngày ${on}.`);
    if (!reaches(unit.path))
      return problem(`endedUnits/${i}/code`, `Đơn vị ${e.code} nằm ngoài phạm vi của bạn.`);
    if (endedIn.findIndex((x) => x.code === e.code) !== i)
      return problem(`endedUnits/${i}/code`, `Mã ${e.code} được nêu hai lần.`);
    const successors: ResolvedPlan['endedUnits'][number]['successors'] = [];
    e.successors.forEach((s, j) => {
      const to = standing(s.code);
      if (!to) problem(`endedUnits/${i}/successors/${j}/code`, `Không có đơn vị ${s.code} vào ngày ${on}.`);
      else if (!reaches(to.path))
        problem(`endedUnits/${i}/successors/${j}/code`, `Đơn vị ${s.code} nằm ngoài phạm vi của bạn.`);
      else successors.push({ unit: to, extent: s.extent });
    });
    endedUnits.push({ unit, successors });
  });

  const agencyCodes = [
    ...new Set([
      ...plan.handovers.flatMap((h) => [h.from, h.to]),
      ...newAgenciesIn.flatMap((a) => (a.parentCode === null ? [a.code] : [a.code, a.parentCode])),
    ]),
  ];
  const agencies: AgencyRow[] = await db
    .selectFrom('agencies as a')
    .innerJoin('units as u', 'u.unit_id', 'a.unit_id')
    .select([
      'a.agency_id',
      'a.code',
      'a.name',
      'a.path',
      'u.path as unit_path',
      'a.valid_from',
      'a.valid_to',
    ])
    .where('a.code', 'in', agencyCodes)
    .execute();
  const agencyBy = new Map(agencies.map((a) => [a.code, a]));
  const opened = new Map<string, ResolvedPlan['newAgencies'][number]>();
  newAgenciesIn.forEach((a, i) => {
    if (agencyBy.has(a.code)) problem(`newAgencies/${i}/code`, `Mã ${a.code} đã được cấp cho một cơ quan.`);
    if (opened.has(a.code)) problem(`newAgencies/${i}/code`, `Mã ${a.code} được nêu hai lần.`);
    const unit = standing(a.unitCode);
    if (!unit) return problem(`newAgencies/${i}/unitCode`, `Không có đơn vị ${a.unitCode} vào ngày ${on}.`);
    if (!reaches(unit.path))
      return problem(`newAgencies/${i}/unitCode`, `Đơn vị ${a.unitCode} nằm ngoài phạm vi của bạn.`);
    if (a.parentCode !== null) {
      const parent = agencyBy.get(a.parentCode);
      const open = parent && inForce(parent, on) && !plan.handovers.some((h) => h.from === a.parentCode);
      if (!open && !opened.has(a.parentCode))
        return problem(
          `newAgencies/${i}/parentCode`,
          `Không có cơ quan ${a.parentCode} hoạt động vào ngày ${on}.`,
        );
    }
    opened.set(a.code, {
      agency_id: null,
      code: a.code,
      name: a.name,
      unit_path: unit.path,
      kind: a.kind,
      unit,
      parentCode: a.parentCode,
      hasDesk: a.hasDesk,
    });
  });

  const froms = new Set(plan.handovers.map((h) => h.from));
  const handovers: ResolvedPlan['handovers'] = [];
  plan.handovers.forEach((h, i) => {
    const from = agencyBy.get(h.from);
    if (!from) return problem(`handovers/${i}/from`, `Không có cơ quan mã ${h.from}.`);
    if (!inForce(from, before) || !inForce(from, on))
      return problem(
        `handovers/${i}/from`,
        `Cơ quan ${h.from} không hoạt động vào ngày ${before}, hoặc đã chấm dứt trước ngày ${on}.`,
      );
    if (!reaches(from.unit_path))
      return problem(`handovers/${i}/from`, `Cơ quan ${h.from} nằm ngoài phạm vi của bạn.`);
    if (plan.handovers.findIndex((x) => x.from === h.from) !== i)
      return problem(`handovers/${i}/from`, `Cơ quan ${h.from} được bàn giao hai lần.`);
    if (h.to === h.from)
      return problem(`handovers/${i}/to`, 'Cơ quan nhận bàn giao phải khác cơ quan bàn giao.');
    if (froms.has(h.to))
      return problem(
        `handovers/${i}/to`,
        `Cơ quan ${h.to} cũng chấm dứt trong đợt này; hãy bàn giao thẳng cho cơ quan kế thừa cuối cùng.`,
      );
    const existing = agencyBy.get(h.to);
    const to: PlanAgency | undefined = existing && inForce(existing, on) ? existing : opened.get(h.to);
    if (!to) return problem(`handovers/${i}/to`, `Không có cơ quan ${h.to} hoạt động vào ngày ${on}.`);
    if (!reaches(to.unit_path))
      return problem(`handovers/${i}/to`, `Cơ quan ${h.to} nằm ngoài phạm vi của bạn.`);
    if (provinceOf(to.unit_path) !== provinceOf(from.unit_path))
      return problem(`handovers/${i}/to`, `Cơ quan ${h.to} thuộc tỉnh khác với cơ quan ${h.from}.`);
    handovers.push({ from, to });
  });

  // An agency that closes hands its subordinate agencies over too, or they would hang under a closed one.
  const fromIds = handovers.map((h) => h.from.agency_id);
  if (fromIds.length > 0) {
    const children = await db
      .selectFrom('agencies as c')
      .innerJoin('agencies as p', 'p.agency_id', 'c.parent_agency_id')
      .select(['c.code', 'p.code as parent_code'])
      .where('c.parent_agency_id', 'in', fromIds)
      .where((eb) => eb.or([eb('c.valid_to', 'is', null), eb('c.valid_to', '>=', on)]))
      .execute();
    for (const c of children) {
      if (froms.has(c.code)) continue;
      const i = plan.handovers.findIndex((h) => h.from === c.parent_code);
      problem(
        `handovers/${i}/from`,
        `Cơ quan ${c.parent_code} còn cơ quan trực thuộc ${c.code} đang hoạt động; hãy bàn giao cả cơ quan đó.`,
      );
    }
  }
  if (problems.length > 0) throw fail('REORGANISATION_INVALID', { details: problems });
  return {
    plan,
    dayBefore: before,
    newUnits: [...formed.values()],
    endedUnits,
    newAgencies: [...opened.values()],
    handovers,
  };
}

const ZERO: Moved = { openDossiers: 0, staffGrants: 0, offerings: 0, workflows: 0, desks: 0 };

/** What each hand-over would move, counted now, by closed agency. */
export async function countMoves(db: Executor, fromIds: string[]): Promise<Map<string, Moved>> {
  const moves = new Map<string, Moved>(fromIds.map((id) => [id, { ...ZERO }]));
  if (fromIds.length === 0) return moves;
  const ids = sql.join(fromIds.map((id) => sql`${id}::bigint`));
  const { rows } = await sql<{ agency_id: string; what: keyof Moved; n: string }>`
    SELECT agency_id::text, 'openDossiers' AS what, count(DISTINCT dossier_id)::text AS n FROM (
      SELECT receiving_agency_id AS agency_id, dossier_id FROM dossiers WHERE closed_at IS NULL AND receiving_agency_id IN (${ids})
      UNION ALL SELECT competent_agency_id, dossier_id FROM dossiers WHERE closed_at IS NULL AND competent_agency_id IN (${ids})
      UNION ALL SELECT current_agency_id, dossier_id FROM dossiers WHERE closed_at IS NULL AND current_agency_id IN (${ids})
    ) d GROUP BY agency_id
    UNION ALL SELECT agency_id::text, 'staffGrants', count(*)::text FROM user_roles WHERE agency_id IN (${ids}) GROUP BY agency_id
    UNION ALL SELECT agency_id::text, 'offerings', count(*)::text FROM procedure_offerings WHERE agency_id IN (${ids}) GROUP BY agency_id
    UNION ALL SELECT agency_id::text, 'workflows', count(*)::text FROM workflows WHERE agency_id IN (${ids}) GROUP BY agency_id
    UNION ALL SELECT agency_id::text, 'desks', count(*)::text FROM desks WHERE agency_id IN (${ids}) GROUP BY agency_id`.execute(
    db,
  );
  for (const r of rows) moves.get(r.agency_id)![r.what] = Number(r.n);
  return moves;
}

export function sumMoves(all: Iterable<Moved>): Moved {
  const total = { ...ZERO };
  for (const m of all) for (const k of Object.keys(total) as (keyof Moved)[]) total[k] += m[k];
  return total;
}
