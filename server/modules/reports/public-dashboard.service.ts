// The public dashboard (GET /api/v1/public/dashboard, no sign-in; legal-notes A10): a province's month
// by unit — on-time rate, online share, satisfaction and the Decision 766 group scores — from the same
// counts and formulas as the leaders' reports, with nothing about any person: counts and shares only.
import type { Deps } from '../../deps.ts';
import {
  lastDayOfMonth,
  resultsOf,
  type CountFacts,
  type ProcedureFacts,
} from '../../../common/reports/kpis.ts';
import { vnMonthOf } from '../../../common/reports/overview.ts';
import { vnDate } from '../../../common/time/vn-time.ts';
import type { PublicDashboardResponse, PublicUnit } from '../../../common/contracts/report-766.ts';
import { readFacts } from './kpi-facts.ts';
import { formulaOn, scoreWithDrills, type FormulaVersion } from './index-766.service.ts';
import { findProvince } from './kpi-targets.service.ts';
import { fail } from './reports.errors.ts';
import type { OverviewScope } from './reports.service.ts';

const rate = (numerator: number, denominator: number) => ({
  value: denominator === 0 ? null : numerator / denominator,
  numerator,
  denominator,
});

function unitOf(
  unit: { code: string; name: string; level: 'province' | 'commune' },
  facts: { counts: CountFacts; procedures: ProcedureFacts },
  formula: FormulaVersion | null,
): PublicUnit {
  const c = facts.counts;
  const score = formula ? scoreWithDrills(formula.formulas, facts, null) : null;
  return {
    ...unit,
    onTime: rate(c.early + c.onTime, c.early + c.onTime + c.late),
    online: rate(c.receivedOnline, c.received),
    satisfaction: rate(c.verySatisfied + c.satisfied, c.verySatisfied + c.satisfied + c.unsatisfied),
    index766: score && {
      points: score.points,
      max: score.max,
      notComputable: score.notComputable,
      groups: score.groups.map((g) => ({
        key: g.key,
        name: g.name,
        points: g.points,
        max: g.max,
        notComputable: g.notComputable,
      })),
    },
  };
}

export async function getPublicDashboard(
  deps: Deps,
  input: { province: string; month: string | undefined },
): Promise<PublicDashboardResponse> {
  const now = deps.clock.now();
  const province = await findProvince(deps.db, input.province);
  if (!province) throw fail('REPORT_PROVINCE_NOT_FOUND', { params: { code: input.province } });
  const month = input.month ?? vnMonthOf(now);
  const from = `${month}-01`;
  const today = vnDate(now);
  const last = lastDayOfMonth(month);
  // A month not begun has nothing yet; the current month runs to today.
  const to = from > today ? from : last < today ? last : today;
  // The province's own committee reaches the province, as its administrators' grants do.
  const committee = await deps.db
    .selectFrom('agencies as a')
    .innerJoin('units as u', 'u.unit_id', 'a.unit_id')
    .select(['a.code', 'a.path as agencyPath', 'u.path as unitPath'])
    .where('u.path', '=', `/${province.code}/`)
    .where('a.kind', '=', 'people-committee')
    .where('a.valid_to', 'is', null)
    .executeTakeFirst();
  const reach = committee ? [{ agencyPath: committee.agencyPath, unitPath: committee.unitPath }] : [];
  const scope: OverviewScope = {
    roots: committee ? [committee.code] : [],
    reach,
    within: null,
    map: 'today',
  };
  const facts = await readFacts(deps, scope, { from, to, trend: false });
  const formula = await formulaOn(deps, from);
  return {
    province: { code: province.code, name: province.name },
    month,
    from,
    to,
    asOf: now.toISOString(),
    formulaVersion: formula?.version ?? null,
    total: unitOf({ code: province.code, name: province.name, level: 'province' }, facts.total, formula),
    units: facts.agencies
      .filter((a) => a.counts.received + resultsOf(a.counts) + a.counts.withdrawn > 0 || hasRatings(a.counts))
      .map((a) => unitOf({ code: a.agency.code, name: a.agency.name, level: a.agency.level }, a, formula)),
  };
}

const hasRatings = (c: CountFacts) => c.verySatisfied + c.satisfied + c.unsatisfied > 0;
