// The Decision 766 index computed locally (GET /api/v1/reports/index-766; docs/domain/reports.md,
// "Decision 766 index"): per receiving agency and for the scope, the six groups under the formula
// version in force on the period's first day, each indicator with its figures and the dossiers or
// procedures behind it; beside it the national portal's official score recorded by a province
// administrator (PUT /api/v1/reports/index-766/official).
import { sql } from 'kysely';
import { Value } from 'typebox/value';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import {
  indicatorShares,
  periodKeyOf,
  score766,
  type Formula766,
  type Score766,
} from '../../../common/reports/index-766.ts';
import type { CountFacts, ProcedureFacts } from '../../../common/reports/kpis.ts';
import {
  Formula766Schema,
  type Formula766List,
  type Index766Response,
  type Official766,
  type PutOfficial766Body,
  type Score766Schema,
} from '../../../common/contracts/report-766.ts';
import { canReachAgency, findAgencyByCode } from '../org/index.ts';
import { readFacts } from './kpi-facts.ts';
import { petitionFacts, sumPetitionFacts, type PetitionFacts } from '../feedback/index.ts';
import { ii06aDrill, kpiDrill, procedureDrill, type ReportBase } from './kpis.service.ts';
import { fail } from './reports.errors.ts';
import type { OverviewScope } from './reports.service.ts';

export type FormulaVersion = { version: string; validFrom: string; source: string; formulas: Formula766 };

type FormulaRow = { version: string; valid_from: string; source: string; formulas: unknown };

function formulaOf(r: FormulaRow): FormulaVersion {
  if (!Value.Check(Formula766Schema, r.formulas)) {
    throw new Error(`index_766_formula_versions ${r.version}: the formulas do not match Formula766`);
  }
  return {
    version: r.version,
    validFrom: r.valid_from,
    source: r.source,
    formulas: r.formulas,
  };
}

/** Every version, oldest first. */
export async function listFormulas(deps: Deps): Promise<Formula766List> {
  const { rows } = await sql<FormulaRow>`SELECT version, valid_from::text AS valid_from, source, formulas
    FROM index_766_formula_versions ORDER BY valid_from`.execute(deps.db);
  return { items: rows.map(formulaOf) };
}

/** The version in force on `day` (the latest valid_from on or before it), or null before the first. */
export async function formulaOn(deps: Deps, day: string): Promise<FormulaVersion | null> {
  const { rows } = await sql<FormulaRow>`SELECT version, valid_from::text AS valid_from, source, formulas
    FROM index_766_formula_versions WHERE valid_from <= ${day}::date
    ORDER BY valid_from DESC LIMIT 1`.execute(deps.db);
  return rows[0] ? formulaOf(rows[0]) : null;
}

/** The list behind each indicator motcua computes (its numerator). */
function indicatorDrills(base: ReportBase, key: string | undefined): Record<string, string> {
  return {
    DOSSIER_SYNC: kpiDrill(base, 'synced', key),
    DOSSIER_ON_TIME: kpiDrill(base, 'resolvedInTime', key),
    ONLINE_PROCEDURES: procedureDrill(base, 'online', key),
    ONLINE_PROCEDURES_USED: procedureDrill(base, 'onlineUsed', key),
    ONLINE_DOSSIERS: ii06aDrill(base, 'received.online', key),
    PAID_ONLINE_DOSSIERS: kpiDrill(base, 'paidOnline', key),
    PAID_ONLINE_PROCEDURES: procedureDrill(base, 'feePaidOnline', key),
    FEE_PROCEDURES_USED: procedureDrill(base, 'feeUsed', key),
    DOSSIER_RECEIVING_SATISFACTION: kpiDrill(base, 'satisfied', key),
    ORIGINAL_RESULT_AVAILABLE: kpiDrill(base, 'resultsElectronic', key),
    SO_HOA_GIAY_TO_GIAI_QUYET: kpiDrill(base, 'digitised', key),
  };
}

/** A unit's score with the drill links of its indicators (none for an indicator without data). */
export function scoreWithDrills(
  formula: Formula766,
  facts: { counts: CountFacts; procedures: ProcedureFacts; petitions?: PetitionFacts | undefined },
  links: { base: ReportBase; key: string | undefined } | null,
): Score766Schema {
  const score: Score766 = score766(formula, indicatorShares(facts.counts, facts.procedures, facts.petitions));
  const drills = links ? indicatorDrills(links.base, links.key) : {};
  return {
    ...score,
    groups: score.groups.map((g) => ({
      ...g,
      indicators: g.indicators.map((i) => ({
        ...i,
        drill: i.basis === 'data' || i.basis === 'no-data' ? (drills[i.key] ?? null) : null,
      })),
    })),
  };
}

async function officialScores(
  deps: Deps,
  agencyIds: string[],
  period: string,
): Promise<Map<string, Official766>> {
  if (agencyIds.length === 0) return new Map();
  const rows = await deps.db
    .selectFrom('index_766_official_scores as s')
    .innerJoin('users as w', 'w.user_id', 's.recorded_by')
    .select(['s.agency_id', 's.period', 's.score', 's.source_note', 's.recorded_at', 'w.full_name'])
    .where('s.agency_id', 'in', agencyIds)
    .where('s.period', '=', period)
    .execute();
  return new Map(
    rows.map((r) => [
      r.agency_id,
      {
        period: r.period,
        score: Number(r.score),
        sourceNote: r.source_note,
        recordedAt: r.recorded_at.toISOString(),
        recordedBy: r.full_name,
      },
    ]),
  );
}

export async function getIndex766(
  deps: Deps,
  scope: OverviewScope,
  input: { base: ReportBase; actor: Actor },
): Promise<Omit<Index766Response, 'scope'>> {
  const { base, actor } = input;
  const formula = await formulaOn(deps, base.from);
  if (!formula) {
    throw fail('INDEX_766_NO_FORMULA', {
      params: { from: base.from },
      details: [{ path: 'query/from', message: `Chưa có công thức có hiệu lực vào ngày ${base.from}.` }],
    });
  }
  const facts = await readFacts(deps, scope, { from: base.from, to: base.to, trend: false });
  // PAKN received in the period at each agency (server/modules/feedback); none: full points (the index's rule).
  const petitions = await petitionFacts(deps.db, {
    from: base.from,
    to: base.to,
    agencyIds: facts.agencies.map((a) => a.agency.id),
    now: deps.clock.now(),
  });
  const petitionsOf = (id: string) => petitions.get(id) ?? sumPetitionFacts([]);
  const period = periodKeyOf(base.from, base.to);
  const roots =
    scope.roots.length === 1
      ? await deps.db.selectFrom('agencies').select('agency_id').where('code', '=', scope.roots[0]!).execute()
      : [];
  const rootId = roots.length === 1 ? roots[0]!.agency_id : null;
  const official = period
    ? await officialScores(
        deps,
        [...facts.agencies.map((a) => a.agency.id), ...(rootId ? [rootId] : [])],
        period,
      )
    : new Map<string, Official766>();
  return {
    from: base.from,
    to: base.to,
    asOf: deps.clock.now().toISOString(),
    map: base.map,
    formula: { version: formula.version, validFrom: formula.validFrom, source: formula.source },
    period,
    canRecordOfficial: actor.grants.some((g) => g.role === 'province-admin'),
    rows: facts.agencies.map((a) => ({
      agency: { code: a.agency.code, name: a.agency.name, unitName: a.agency.unitName },
      score: scoreWithDrills(
        formula.formulas,
        { ...a, petitions: petitionsOf(a.agency.id) },
        { base, key: a.agency.code },
      ),
      official: official.get(a.agency.id) ?? null,
    })),
    total: {
      score: scoreWithDrills(
        formula.formulas,
        { ...facts.total, petitions: sumPetitionFacts(facts.agencies.map((a) => petitionsOf(a.agency.id))) },
        { base, key: undefined },
      ),
      official: rootId ? (official.get(rootId) ?? null) : null,
    },
  };
}

/**
 * Records the national portal's official score of an agency for a period (a new record replaces the
 * period's previous one): a province administrator reaching the agency; audited on the agency's chain.
 */
export async function recordOfficial766(
  deps: Deps,
  actor: Actor,
  input: { body: PutOfficial766Body; requestId: string },
): Promise<Official766> {
  const { body, requestId } = input;
  if (!actor.grants.some((g) => g.role === 'province-admin')) throw fail('INDEX_766_OFFICIAL_FORBIDDEN');
  const agency = await findAgencyByCode(deps.db, body.agencyCode);
  if (!agency) throw fail('REPORT_AGENCY_NOT_FOUND', { params: { code: body.agencyCode } });
  const target = { agencyPath: agency.agency_path, unitPath: agency.unit_path };
  if (!canReachAgency(actor, target, 'write', ['province-admin'])) throw fail('INDEX_766_OFFICIAL_FORBIDDEN');
  const score = Math.round(body.score * 100) / 100;
  const sourceNote = body.sourceNote.trim();
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('index_766_official_scores')
      .select(['score', 'source_note'])
      .where('agency_id', '=', agency.agency_id)
      .where('period', '=', body.period)
      .forUpdate()
      .executeTakeFirst();
    await trx
      .insertInto('index_766_official_scores')
      .values({
        agency_id: agency.agency_id,
        period: body.period,
        score: String(score),
        source_note: sourceNote,
        recorded_at: now,
        recorded_by: actor.userId,
      })
      .onConflict((oc) =>
        oc.columns(['agency_id', 'period']).doUpdateSet({
          score: String(score),
          source_note: sourceNote,
          recorded_at: now,
          recorded_by: actor.userId,
        }),
      )
      .execute();
    await appendAudit(
      trx,
      actor,
      {
        action: 'reports.index-766-official-recorded',
        entityType: 'agency',
        entityId: body.agencyCode,
        details: {
          period: body.period,
          score,
          sourceNote,
          before: before ? { score: Number(before.score), sourceNote: before.source_note } : null,
        },
        requestId,
        chain: agency.agency_id,
      },
      now,
    );
  });
  return {
    period: body.period,
    score,
    sourceNote,
    recordedAt: now.toISOString(),
    recordedBy: actor.fullName,
  };
}
