// Each province's KPI targets (kpi_targets; docs/domain/reports.md, "KPIs"): read by the province's
// report readers, replaced by its province administrators (audited, 409 over a stale version); a
// province that never set them has the defaults of common/reports/kpis.ts.
import { sql } from 'kysely';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { DEFAULT_KPI_TARGETS, KPI_KEYS, type KpiKey } from '../../../common/reports/kpis.ts';
import { OVERVIEW_ROLES } from '../../../common/reports/overview.ts';
import { provinceOfPath } from '../../../common/org/paths.ts';
import type {
  KpiTargetsResponse,
  KpiTargetValues,
  PutKpiTargetsBody,
} from '../../../common/contracts/report-kpis.ts';
import { fail } from './reports.errors.ts';
import type { OverviewScope } from './reports.service.ts';

/** The table's column of each KPI. */
const COLUMN: Record<KpiKey, string> = {
  sync: 'sync',
  onlineProcedures: 'online_procedures',
  onlineDossiers: 'online_dossiers',
  paidOnline: 'paid_online',
  electronicResults: 'electronic_results',
  digitised: 'digitised',
  onTime: 'on_time',
  satisfaction: 'satisfaction',
};

type Executor = Pick<Deps['db'], 'selectFrom'>;

/** A province in force by its code (units.path = /<code>/), or undefined. */
export async function findProvince(
  db: Executor,
  code: string,
): Promise<{ code: string; name: string } | undefined> {
  return db
    .selectFrom('units')
    .select(['code', 'name'])
    .where('path', '=', `/${code}/`)
    .where('valid_to', 'is', null)
    .executeTakeFirst();
}

type Stored = { version: number; values: Record<KpiKey, number>; note: string | null; setAt: Date } | null;

async function storedTargets(deps: Deps, provinceCode: string): Promise<Stored> {
  const row = await sql<
    Record<string, unknown>
  >`SELECT * FROM kpi_targets WHERE province_code = ${provinceCode}`
    .execute(deps.db)
    .then((r) => r.rows[0]);
  if (!row) return null;
  const values = Object.fromEntries(KPI_KEYS.map((k) => [k, Number(row[COLUMN[k]])])) as Record<
    KpiKey,
    number
  >;
  return {
    version: Number(row['version']),
    values,
    note: (row['note'] as string | null) ?? null,
    setAt: row['set_at'] as Date,
  };
}

/** The province a scope lies in: the agency asked for, or the one province of all the caller's grants. */
function provinceOfScope(scope: OverviewScope): string | null {
  if (scope.within) return provinceOfPath(scope.within.unitPath);
  const provinces = new Set(scope.reach.map((r) => provinceOfPath(r.unitPath)));
  return provinces.size === 1 ? [...provinces][0]! : null;
}

/** The targets a report compares with: its province's, or the defaults. */
export async function readTargets(
  deps: Deps,
  scope: OverviewScope,
): Promise<{
  province: { code: string; name: string } | null;
  source: 'default' | 'province';
  values: Record<KpiKey, number>;
}> {
  const code = provinceOfScope(scope);
  const province = code === null ? undefined : await findProvince(deps.db, code);
  const stored = province ? await storedTargets(deps, province.code) : null;
  return {
    province: province ?? null,
    source: stored ? 'province' : 'default',
    values: stored?.values ?? { ...DEFAULT_KPI_TARGETS },
  };
}

const inProvince = (actor: Actor, code: string, roles: readonly string[]) =>
  actor.grants.some((g) => roles.includes(g.role) && provinceOfPath(g.unitPath) === code);

async function provinceOrFail(deps: Deps, code: string) {
  const province = await findProvince(deps.db, code);
  if (!province) throw fail('REPORT_PROVINCE_NOT_FOUND', { params: { code } });
  return province;
}

function present(
  province: { code: string; name: string },
  stored: Stored,
  canEdit: boolean,
): KpiTargetsResponse {
  return {
    provinceCode: province.code,
    provinceName: province.name,
    version: stored?.version ?? 0,
    source: stored ? 'province' : 'default',
    targets: stored?.values ?? { ...DEFAULT_KPI_TARGETS },
    defaults: { ...DEFAULT_KPI_TARGETS },
    note: stored?.note ?? null,
    setAt: stored ? stored.setAt.toISOString() : null,
    canEdit,
  };
}

/** A province's targets, for those who read its reports (leaders, administrators, auditors in it). */
export async function getKpiTargets(deps: Deps, actor: Actor, code: string): Promise<KpiTargetsResponse> {
  const province = await provinceOrFail(deps, code);
  if (!inProvince(actor, code, OVERVIEW_ROLES)) throw fail('KPI_TARGETS_OUT_OF_REACH');
  return present(province, await storedTargets(deps, code), inProvince(actor, code, ['province-admin']));
}

/** Shares kept to the table's four decimals. */
const fourDecimals = (v: KpiTargetValues): Record<KpiKey, number> =>
  Object.fromEntries(KPI_KEYS.map((k) => [k, Math.round(v[k] * 10_000) / 10_000])) as Record<KpiKey, number>;

/** Replaces a province's targets: its province-admins only, over the version they read; audited. */
export async function replaceKpiTargets(
  deps: Deps,
  actor: Actor,
  input: { code: string; body: PutKpiTargetsBody; requestId: string },
): Promise<KpiTargetsResponse> {
  const { code, body, requestId } = input;
  const province = await provinceOrFail(deps, code);
  if (!inProvince(actor, code, ['province-admin'])) throw fail('KPI_TARGETS_EDIT_FORBIDDEN');
  const values = fourDecimals(body.targets);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const before = await sql<{ version: number }>`SELECT version FROM kpi_targets
      WHERE province_code = ${code} FOR UPDATE`.execute(trx);
    const current = before.rows[0]?.version ?? 0;
    if (body.version !== current) {
      throw fail('KPI_TARGETS_STALE_VERSION', {
        params: { version: current },
        details: [{ path: 'body/version', message: `Phiên bản hiện tại là ${current}.` }],
      });
    }
    const cols = KPI_KEYS.map((k) => sql.raw(COLUMN[k]));
    const vals = KPI_KEYS.map((k) => sql`${values[k]}`);
    await sql`INSERT INTO kpi_targets (province_code, ${sql.join(cols)}, version, note, set_at, set_by)
      VALUES (${code}, ${sql.join(vals)}, ${current + 1}, ${body.note ?? null}, ${now}, ${actor.userId})
      ON CONFLICT (province_code) DO UPDATE SET
        ${sql.join(
          [...cols, ...['version', 'note', 'set_at', 'set_by'].map((c) => sql.raw(c))].map(
            (c) => sql`${c} = EXCLUDED.${c}`,
          ),
        )}`.execute(trx);
    await appendAudit(
      trx,
      actor,
      {
        action: 'reports.kpi-targets-replaced',
        entityType: 'province_kpi_targets',
        entityId: code,
        details: { version: current + 1, targets: values, note: body.note ?? null },
        requestId,
      },
      now,
    );
  });
  return present(province, await storedTargets(deps, code), true);
}
