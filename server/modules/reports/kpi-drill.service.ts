// The dossiers behind a KPI or 766 figure (GET /api/v1/reports/kpis/dossiers) and the procedures behind
// a procedure figure (GET /api/v1/reports/kpis/procedures). The dossiers are listed from the dossiers
// table, one bounded page, by the conditions the report counts' triggers count with (migration
// 20261210000000_report-counts, report_dossier_rows, as 20261214100000 redefined it): the same dossiers
// as the figure.
import { sql, type RawBuilder } from 'kysely';
import type { Deps } from '../../deps.ts';
import type {
  KpiDossierFigure,
  KpiDrillResponse,
  KpiProcedureFigure,
  KpiProceduresResponse,
} from '../../../common/contracts/report-kpis.ts';
import { countedAt, finalSuccessors, inScope, vnDay } from './report-counts.ts';
import { procedureRows } from './kpi-facts.ts';
import { RESOLVED_AT, procedureNames, toDrillItem } from './dossier-list.ts';
import type { OverviewScope } from './reports.service.ts';

export const KPI_DOSSIER_LABELS: Record<KpiDossierFigure, string> = {
  received: 'Hồ sơ tiếp nhận trong kỳ',
  synced: 'Hồ sơ đã đồng bộ lên Cổng Dịch vụ công quốc gia',
  notSynced: 'Hồ sơ chưa đồng bộ lên Cổng Dịch vụ công quốc gia',
  digitised: 'Hồ sơ đã số hóa đủ thành phần',
  notDigitised: 'Hồ sơ chưa số hóa đủ thành phần',
  feeBearing: 'Hồ sơ có phí, lệ phí',
  paidOnline: 'Hồ sơ có phí, lệ phí đã thanh toán trực tuyến',
  notPaidOnline: 'Hồ sơ có phí, lệ phí chưa thanh toán trực tuyến',
  results: 'Kết quả giải quyết trong kỳ',
  resultsElectronic: 'Kết quả có bản điện tử được ký số',
  resultsNotElectronic: 'Kết quả chưa có bản điện tử được ký số',
  resultsUnsigned: 'Kết quả có tệp điện tử nhưng không có chữ ký số hợp lệ của cơ quan giải quyết',
  onTime: 'Kết quả trước hạn, đúng hạn',
  late: 'Kết quả quá hạn',
  resolvedInTime: 'Hồ sơ đã giải quyết không quá hạn (Biểu II.06a cột 8 và 9)',
  rated: 'Hồ sơ được đánh giá trong kỳ',
  satisfied: 'Hồ sơ được đánh giá hài lòng, rất hài lòng',
  unsatisfied: 'Hồ sơ được đánh giá không hài lòng',
};

const RESOLVED = RESOLVED_AT;

/** The SQL condition of a figure over dossier `d` in the period (report_dossier_rows, in a WHERE). */
function figureCondition(
  figure: KpiDossierFigure,
  period: { from: string; to: string },
): RawBuilder<boolean> {
  const { from, to } = period;
  const counted = sql`(d.received_at IS NOT NULL AND d.status NOT IN ('submitted', 'refused'))`;
  const R = vnDay('d.received_at');
  const received = sql`(${counted} AND ${R} >= ${from}::date AND ${R} <= ${to}::date)`;
  const SD = vnDay(RESOLVED);
  const resolvedIn = sql`(${counted} AND ${RESOLVED} IS NOT NULL AND ${SD} >= ${from}::date AND ${SD} <= ${to}::date)`;
  const result = sql`(${resolvedIn} AND d.status IN ('result-ready', 'returned'))`;
  const synced = sql`EXISTS (SELECT 1 FROM portal_sync_state y WHERE y.dossier_code = d.code AND y.acked_at IS NOT NULL)`;
  const digitised = sql`(jsonb_typeof(d.components) = 'array' AND jsonb_array_length(d.components) > 0
    AND NOT jsonb_path_exists(d.components, '$[*] ? (!(@.digitised == true))'))`;
  const fee = sql`EXISTS (SELECT 1 FROM payments m WHERE m.dossier_id = d.dossier_id AND m.status <> 'cancelled')`;
  const paid = sql`EXISTS (SELECT 1 FROM payments m WHERE m.dossier_id = d.dossier_id AND m.status = 'paid' AND m.channel = 'online')`;
  // Issued electronically and signed by the deciding agency, as recorded at the approval (migration
  // 20261214100000_signed-results-counted); `withFile`: any result document with a file.
  const electronic = sql`cardinality(d.signed_result_files) > 0`;
  const withFile = sql`jsonb_path_exists(d.state, '$.resultDocuments[*] ? (exists(@.fileId))')`;
  const late = sql`(d.due_at IS NOT NULL AND ${RESOLVED} > d.due_at)`;
  const rated = (levels: string[]) =>
    sql`EXISTS (SELECT 1 FROM dossier_ratings g WHERE g.dossier_id = d.dossier_id
      AND g.level IN (${sql.join(levels)})
      AND ${vnDay('g.rated_at')} >= ${from}::date AND ${vnDay('g.rated_at')} <= ${to}::date)`;
  const conditions: Record<KpiDossierFigure, RawBuilder<unknown>> = {
    received,
    synced: sql`${received} AND ${synced}`,
    notSynced: sql`${received} AND NOT ${synced}`,
    digitised: sql`${received} AND ${digitised}`,
    notDigitised: sql`${received} AND NOT ${digitised}`,
    feeBearing: sql`${received} AND ${fee}`,
    paidOnline: sql`${received} AND ${paid}`,
    notPaidOnline: sql`${received} AND ${fee} AND NOT ${paid}`,
    results: result,
    resultsElectronic: sql`${result} AND ${electronic}`,
    resultsNotElectronic: sql`${result} AND NOT ${electronic}`,
    resultsUnsigned: sql`${result} AND ${withFile} AND NOT ${electronic}`,
    onTime: sql`${result} AND d.due_at IS NOT NULL AND NOT ${late}`,
    late: sql`${result} AND ${late}`,
    // Biểu II.06a (8) + (9) with its default rules: withdrawals and results without a due time on time.
    resolvedInTime: sql`${resolvedIn} AND (d.status IN ('withdrawn', 'stopped') OR NOT ${late})`,
    // A rating counts on the day rated, whatever the dossier's status (ratingRows of the migration).
    rated: rated(['very-satisfied', 'satisfied', 'unsatisfied']),
    satisfied: rated(['very-satisfied', 'satisfied']),
    unsatisfied: rated(['unsatisfied']),
  };
  return sql<boolean>`(${conditions[figure]})`;
}

export type DrillAsk = {
  from: string;
  to: string;
  key: string | undefined;
  page: number;
  pageSize: number;
};

export async function getKpiDossiers(
  deps: Deps,
  scope: OverviewScope,
  ask: DrillAsk & { figure: KpiDossierFigure },
): Promise<KpiDrillResponse> {
  const successors = scope.map === 'today' ? await finalSuccessors(deps) : [];
  const counted = countedAt(scope, successors, 'd.received_by_agency_id');
  const base = deps.db
    .selectFrom('dossiers as d')
    .innerJoin('agencies as a', (j) => j.on(sql<boolean>`a.agency_id = ${counted}`))
    .innerJoin('units as u', 'u.unit_id', 'a.unit_id')
    .where(inScope(scope))
    .where(figureCondition(ask.figure, ask))
    .$if(ask.key !== undefined, (q) => q.where('a.code', '=', ask.key!));
  const [count, items] = await Promise.all([
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    base
      .leftJoin(procedureNames.as('pf'), (j) => j.on(sql<boolean>`pf.code = d.procedure_code`))
      .select([
        'd.code',
        'd.procedure_code',
        'd.status',
        'd.channel',
        'd.received_at',
        'd.due_at',
        'a.code as agency_code',
        'a.name as agency_name',
        sql<string | null>`pf.name`.as('procedure_name'),
        sql<string | null>`d.applicant->>'fullName'`.as('applicant_name'),
        RESOLVED.as('resolved_at'),
      ])
      .orderBy('d.received_at')
      .orderBy('d.code')
      .limit(ask.pageSize)
      .offset((ask.page - 1) * ask.pageSize)
      .execute(),
  ]);
  return {
    figure: ask.figure,
    label: KPI_DOSSIER_LABELS[ask.figure],
    total: Number(count.n),
    page: ask.page,
    pageSize: ask.pageSize,
    items: items.map(toDrillItem),
  };
}

export const KPI_PROCEDURE_LABELS: Record<KpiProcedureFigure, string> = {
  offered: 'Thủ tục cơ quan cung cấp',
  online: 'Thủ tục cung cấp dịch vụ công trực tuyến (toàn trình, một phần)',
  notOnline: 'Thủ tục chưa cung cấp dịch vụ công trực tuyến (hoặc chưa rõ mức độ)',
  onlineUsed: 'Thủ tục trực tuyến có hồ sơ trực tuyến trong kỳ',
  fee: 'Thủ tục có phí, lệ phí',
  feePaidOnline: 'Thủ tục có phí có hồ sơ thanh toán trực tuyến trong kỳ',
  feeUsed: 'Thủ tục có phí có hồ sơ trong kỳ',
};

type Aggregated = {
  code: string;
  name: string;
  onlineLevel: string | null;
  hasFee: boolean;
  agencies: number;
  received: number;
  receivedOnline: number;
  paidOnline: number;
};

function matches(figure: KpiProcedureFigure, p: Aggregated): boolean {
  const online = p.onlineLevel === 'full' || p.onlineLevel === 'partial';
  switch (figure) {
    case 'offered':
      return true;
    case 'online':
      return online;
    case 'notOnline':
      return !online;
    case 'onlineUsed':
      return online && p.receivedOnline > 0;
    case 'fee':
      return p.hasFee;
    case 'feePaidOnline':
      return p.hasFee && p.paidOnline > 0;
    case 'feeUsed':
      return p.hasFee && p.received > 0;
  }
}

/** The procedures offered in scope (or by one agency, `key`) that a procedure figure counts. */
export async function getKpiProcedures(
  deps: Deps,
  scope: OverviewScope,
  ask: DrillAsk & { figure: KpiProcedureFigure },
): Promise<KpiProceduresResponse> {
  const successors = scope.map === 'today' ? await finalSuccessors(deps) : [];
  const rows = await procedureRows(deps, scope, { from: ask.from, to: ask.to, counted: successors });
  let wanted = rows;
  if (ask.key !== undefined) {
    const agency = await deps.db
      .selectFrom('agencies')
      .select('agency_id')
      .where('code', '=', ask.key)
      .execute();
    const ids = new Set(agency.map((a) => a.agency_id));
    wanted = rows.filter((r) => ids.has(r.agency_id));
  }
  const byCode = new Map<string, Aggregated>();
  for (const r of wanted) {
    const seen = byCode.get(r.code);
    byCode.set(r.code, {
      code: r.code,
      name: r.name,
      onlineLevel: r.online_level,
      hasFee: r.has_fee,
      agencies: (seen?.agencies ?? 0) + 1,
      received: (seen?.received ?? 0) + r.received,
      receivedOnline: (seen?.receivedOnline ?? 0) + r.received_online,
      paidOnline: (seen?.paidOnline ?? 0) + r.paid_online,
    });
  }
  const items = [...byCode.values()]
    .filter((p) => matches(ask.figure, p))
    .sort((a, b) => a.code.localeCompare(b.code));
  return {
    figure: ask.figure,
    label: KPI_PROCEDURE_LABELS[ask.figure],
    total: items.length,
    page: ask.page,
    pageSize: ask.pageSize,
    items: items.slice((ask.page - 1) * ask.pageSize, ask.page * ask.pageSize),
  };
}
