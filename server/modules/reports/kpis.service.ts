// The KPIs against the province's targets (GET /api/v1/reports/kpis; docs/domain/reports.md, "KPIs"):
// per receiving agency and for the scope over the period, and the scope's twelve months ending at `to`,
// each figure with its target, whether it is met, and links to the dossiers (or procedures) behind it:
// the Biểu II.06a drill-down where one of its cells counts exactly those dossiers, else the KPI's own.
import type { Deps } from '../../deps.ts';
import {
  KPI_EMPTY_REASONS,
  KPI_KEYS,
  kpiShares,
  levelUnknownReason,
  meetsTarget,
  NO_CATALOGUE_HISTORY,
  shareValue,
  type CountFacts,
  type KpiKey,
  type ProcedureFacts,
} from '../../../common/reports/kpis.ts';
import type { KpiFigure, KpiFigures, KpisResponse } from '../../../common/contracts/report-kpis.ts';
import { readFacts } from './kpi-facts.ts';
import { readTargets } from './kpi-targets.service.ts';
import type { OverviewScope } from './reports.service.ts';

/** What a report's links repeat: the period, the scope and the map. */
export type ReportBase = { from: string; to: string; agencyCode: string | undefined; map: 'then' | 'today' };

/** The query string of a report link: period, agency asked for, map, then `extra`. */
export function reportQuery(base: ReportBase, extra: Record<string, string | undefined>): string {
  const params = new URLSearchParams({ from: base.from, to: base.to });
  if (base.agencyCode !== undefined) params.set('agencyCode', base.agencyCode);
  params.set('map', base.map);
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) params.set(k, v);
  return params.toString();
}

/** The drill-down of a II.06a cell (agency rows, the default rules: late after the due time, withdrawals on time). */
export const ii06aDrill = (base: ReportBase, cell: string, key?: string): string =>
  `/api/v1/reports/ii06a/dossiers?${reportQuery(base, { groupBy: 'agency', late: 'time', withdrawn: 'on-time', cell, key })}`;

export const kpiDrill = (base: ReportBase, figure: string, key?: string): string =>
  `/api/v1/reports/kpis/dossiers?${reportQuery(base, { figure, key })}`;

export const procedureDrill = (base: ReportBase, figure: string, key?: string): string =>
  `/api/v1/reports/kpis/procedures?${reportQuery(base, { figure, key })}`;

/** The lists behind each KPI: [numerator, rest of the denominator]. */
function drillsOf(base: ReportBase, key: string | undefined): Record<KpiKey, [string, string]> {
  const k = (figure: string) => kpiDrill(base, figure, key);
  return {
    sync: [k('synced'), k('notSynced')],
    onlineProcedures: [procedureDrill(base, 'online', key), procedureDrill(base, 'notOnline', key)],
    onlineDossiers: [
      ii06aDrill(base, 'received.online', key),
      ii06aDrill(base, 'received.directOrPostal', key),
    ],
    paidOnline: [k('paidOnline'), k('notPaidOnline')],
    electronicResults: [k('resultsElectronic'), k('resultsNotElectronic')],
    digitised: [k('digitised'), k('notDigitised')],
    onTime: [k('onTime'), ii06aDrill(base, 'resolved.late', key)],
    satisfaction: [k('satisfied'), k('unsatisfied')],
  };
}

/** The eight figures of one set of facts. `procedures` null: a month of the trend (no catalogue history). */
export function kpiFigures(
  facts: { counts: CountFacts; procedures: ProcedureFacts | null },
  targets: Record<KpiKey, number>,
  links: { base: ReportBase; key: string | undefined },
): KpiFigures {
  const shares = kpiShares(facts.counts, facts.procedures);
  const drills = drillsOf(links.base, links.key);
  const figure = (kpi: KpiKey): KpiFigure => {
    const share = shares[kpi];
    const target = targets[kpi];
    if (share === null) {
      return {
        value: null,
        numerator: null,
        denominator: null,
        target,
        met: null,
        reason: NO_CATALOGUE_HISTORY,
        levelUnknown: null,
        drill: null,
        drillRest: null,
      };
    }
    const value = shareValue(share);
    const levelUnknown = kpi === 'onlineProcedures' ? (facts.procedures?.levelUnknown ?? null) : null;
    return {
      value,
      numerator: share.numerator,
      denominator: share.denominator,
      target,
      met: meetsTarget(share, target),
      reason:
        value === null ? KPI_EMPTY_REASONS[kpi] : levelUnknown ? levelUnknownReason(levelUnknown) : null,
      levelUnknown,
      drill: drills[kpi][0],
      drillRest: drills[kpi][1],
    };
  };
  return Object.fromEntries(KPI_KEYS.map((k) => [k, figure(k)])) as KpiFigures;
}

export async function getKpis(
  deps: Deps,
  scope: OverviewScope,
  base: ReportBase,
): Promise<Omit<KpisResponse, 'scope'>> {
  const now = deps.clock.now();
  const facts = await readFacts(deps, scope, { from: base.from, to: base.to, trend: true });
  const targets = await readTargets(deps, scope);
  const values = targets.values;
  return {
    from: base.from,
    to: base.to,
    asOf: now.toISOString(),
    map: base.map,
    province: targets.province,
    targets: { source: targets.source, values },
    rows: facts.agencies.map((a) => ({
      agency: { code: a.agency.code, name: a.agency.name, unitName: a.agency.unitName },
      figures: kpiFigures(a, values, { base, key: a.agency.code }),
    })),
    total: { figures: kpiFigures(facts.total, values, { base, key: undefined }) },
    trend: facts.trend.map((m) => ({
      month: m.month,
      from: m.from,
      to: m.to,
      figures: kpiFigures({ counts: m.counts, procedures: null }, values, {
        base: { ...base, from: m.from, to: m.to },
        key: undefined,
      }),
    })),
  };
}
