// A legacy record's references found in today's registry: its agencies (a code of an agency closed by
// the 2025 reorganisation maps to its successor through agency_successions), its procedure's version
// and the workflow it continues in. Asked once per agency and per procedure × agency × channel in a
// run (the answers are kept for the run: a province names a few thousand agencies and procedures).
import { sql } from 'kysely';
import type { Database } from '../../db/client.ts';
import type { Deps } from '../../deps.ts';
import type { Workflow } from '../../../common/catalog/workflow.ts';
import type { Procedure } from '../../../common/catalog/procedure.ts';
import { resolveWorkflow, workflowForDossier } from '../catalog/index.ts';
import { lifecycleWorkflowProblems } from '../../../common/dossiers/index.ts';
import { vnDate } from '../../../common/time/vn-time.ts';

export type RegistryAgency = {
  agency_id: string;
  code: string;
  name: string;
  unit_id: string;
  path: string;
  unit_path: string;
  valid_to: string | null;
};

/** The agency a record names and the one that holds its work today (itself, or its successor). */
export type MappedAgency = { named: RegistryAgency; current: RegistryAgency };

export type ResolvedProcedure = {
  procedureVersionId: string;
  procedure: Procedure;
  workflow: Workflow;
  stepAgencies: { key: string; agencyId: string; agencyCode: string }[];
};

type Answer<T> = { ok: true; value: T } | { ok: false; message: string };

const agencyColumns = sql`a.agency_id::text AS agency_id, a.code, a.name, a.unit_id::text AS unit_id, a.path,
  u.path AS unit_path, a.valid_to::text AS valid_to`;

async function agencyBy(db: Database, where: ReturnType<typeof sql>): Promise<RegistryAgency | undefined> {
  const { rows } = await sql<RegistryAgency>`SELECT ${agencyColumns}
    FROM agencies a JOIN units u ON u.unit_id = a.unit_id WHERE ${where}`.execute(db);
  return rows[0];
}

/** The resolver of one run; `today` is the civil day the run maps agencies for. */
export function importResolver(deps: Deps, today: string) {
  const db = deps.db;
  const agencies = new Map<string, Promise<Answer<MappedAgency>>>();
  const procedures = new Map<string, Promise<Answer<ResolvedProcedure>>>();
  const inForce = (a: RegistryAgency) => a.valid_to === null || a.valid_to >= today;

  async function mapAgency(code: string): Promise<Answer<MappedAgency>> {
    const named = await agencyBy(db, sql`a.code = ${code}`);
    if (named === undefined) return { ok: false, message: `Không có cơ quan mã ${code} trong danh mục.` };
    let current = named;
    // A chain of reorganisations (merged, then merged again) is followed to the agency in force.
    for (let hop = 0; hop < 8 && !inForce(current); hop++) {
      const { rows } = await sql<{ successor_id: string }>`SELECT successor_id::text AS successor_id
        FROM agency_successions WHERE predecessor_id = ${current.agency_id}`.execute(db);
      if (rows.length === 0)
        return { ok: false, message: `Cơ quan ${code} đã chấm dứt hoạt động và không có cơ quan kế thừa.` };
      if (rows.length > 1)
        return {
          ok: false,
          message: `Cơ quan ${code} được chia cho nhiều cơ quan kế thừa: không xác định được cơ quan nhận hồ sơ.`,
        };
      current = (await agencyBy(db, sql`a.agency_id = ${rows[0]!.successor_id}`))!;
    }
    if (!inForce(current))
      return { ok: false, message: `Không tìm được cơ quan kế thừa đang hoạt động của ${code}.` };
    return { ok: true, value: { named, current } };
  }

  async function resolveProcedure(
    code: string,
    on: { competent: RegistryAgency; receiving: RegistryAgency; channel: 'direct' | 'online' | 'postal' },
    closed: boolean,
  ): Promise<Answer<ResolvedProcedure>> {
    // The version published today; a closed dossier of a retired procedure keeps the last version.
    const { rows } = await sql<{ procedure_version_id: string; procedure_id: string; status: string }>`
      SELECT v.procedure_version_id::text AS procedure_version_id, p.procedure_id::text AS procedure_id, v.status
      FROM procedures p JOIN procedure_versions v ON v.procedure_id = p.procedure_id
      WHERE p.code = ${code} AND v.status <> 'draft'
      ORDER BY v.status = 'published' DESC, v.version DESC LIMIT 1`.execute(db);
    const version = rows[0];
    if (version === undefined) return { ok: false, message: `Không có thủ tục mã ${code} trong danh mục.` };
    if (!closed && version.status !== 'published')
      return {
        ok: false,
        message: `Thủ tục ${code} không còn áp dụng: hồ sơ đang giải quyết không tiếp tục được.`,
      };
    if (!closed) {
      const offered = await sql`SELECT 1 FROM procedure_offerings
        WHERE procedure_id = ${version.procedure_id} AND agency_id = ${on.competent.agency_id}`.execute(db);
      if (offered.rows.length === 0)
        return {
          ok: false,
          message: `Cơ quan ${on.competent.code} không giải quyết thủ tục ${code}: hồ sơ đang giải quyết không tiếp tục được.`,
        };
    }
    const row = await db
      .selectFrom('procedure_versions')
      .select(['procedure_version_id', 'data'])
      .where('procedure_version_id', '=', version.procedure_version_id)
      .executeTakeFirstOrThrow();
    const wf = await workflowForDossier(db, row, { agencyId: on.competent.agency_id, channel: on.channel });
    const problems = [...wf.problems, ...lifecycleWorkflowProblems(wf)];
    if (wf.steps.length === 0 || problems.length > 0)
      return {
        ok: false,
        message: `Thủ tục ${code} chưa có quy trình dùng được tại ${on.competent.code}: ${problems.map((p) => p.message).join('; ')}`,
      };
    const resolved = await resolveWorkflow(db, wf, on.receiving, on.competent);
    const unresolved = resolved.find((s) => s.agency === null);
    if (unresolved !== undefined)
      return {
        ok: false,
        message: `Bước “${unresolved.name}” của quy trình không xác định được cơ quan thực hiện.`,
      };
    const stepAgencies = [];
    for (const s of resolved) {
      const agency = await cachedAgency(s.agency!.code);
      if (!agency.ok) return agency;
      stepAgencies.push({
        key: s.key,
        agencyId: agency.value.current.agency_id,
        agencyCode: agency.value.current.code,
      });
    }
    return {
      ok: true,
      value: {
        procedureVersionId: row.procedure_version_id,
        procedure: row.data,
        workflow: wf,
        stepAgencies,
      },
    };
  }

  function cachedAgency(code: string): Promise<Answer<MappedAgency>> {
    let found = agencies.get(code);
    if (found === undefined) agencies.set(code, (found = mapAgency(code)));
    return found;
  }

  return {
    agency: cachedAgency,
    procedure: (
      code: string,
      on: { competent: RegistryAgency; receiving: RegistryAgency; channel: 'direct' | 'online' | 'postal' },
      closed: boolean,
    ): Promise<Answer<ResolvedProcedure>> => {
      const key = `${code}|${on.competent.agency_id}|${on.receiving.agency_id}|${on.channel}|${closed}`;
      let found = procedures.get(key);
      if (found === undefined) procedures.set(key, (found = resolveProcedure(code, on, closed)));
      return found;
    },
  };
}

export type ImportResolver = ReturnType<typeof importResolver>;

/** The civil day in Vietnam of `at`, as the registry's validity dates are kept. */
export const registryDay = (at: Date): string => vnDate(at);
