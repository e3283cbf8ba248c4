// Workflows (quy trình nội bộ): the steps a dossier goes through, per procedure version and channel,
// set for the province or for one agency, else derived from the time limit; and the agencies that
// perform each step of a dossier's workflow.
import { sql, type Expression, type RawBuilder } from 'kysely';
import { preparedQuery, type Database } from '../../db/client.ts';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../platform/actor.ts';
import type { ErrorDetail } from '../../platform/errors.ts';
import { timeLimitFor, type Channel } from '../../../common/catalog/procedure.ts';
import {
  defaultWorkflow,
  validateWorkflow,
  type Workflow,
  type WorkflowStep,
} from '../../../common/catalog/workflow.ts';
import { canReachAgency } from '../org/index.ts';
import { fail } from './catalog.errors.ts';
import { WORKFLOW_EDITORS, requireCatalogueEditor } from './catalog.policy.ts';
import { auditProcedure, getNamedAgency, getVersion, type VersionRow } from './catalog.repository.ts';

export type ResolvedStep = WorkflowStep & {
  agency: { code: string; name: string } | null;
  unresolved?: string;
};

type AgencyRef = { agency_id: string; code: string; name: string; unit_id: string };

/** Turns each step's performer into a real agency, for a dossier received at `receiving` and decided by `competent`. */
export async function resolveWorkflow(
  db: Database,
  workflow: Workflow,
  receiving: AgencyRef,
  competent: AgencyRef,
): Promise<ResolvedStep[]> {
  const out: ResolvedStep[] = [];
  for (const step of workflow.steps) {
    const perf = step.performer;
    if (perf.kind === 'receiving-agency')
      out.push({ ...step, agency: { code: receiving.code, name: receiving.name } });
    else if (perf.kind === 'competent-agency')
      out.push({ ...step, agency: { code: competent.code, name: competent.name } });
    else if (perf.kind === 'named-agency') {
      const a = await db
        .selectFrom('agencies')
        .select(['code', 'name'])
        .where('code', '=', perf.agencyCode)
        .executeTakeFirst();
      out.push(
        a
          ? { ...step, agency: a }
          : { ...step, agency: null, unresolved: `Không có cơ quan mã ${perf.agencyCode}.` },
      );
    } else {
      const unit = await db
        .selectFrom('units')
        .select(['parent_id'])
        .where('unit_id', '=', competent.unit_id)
        .executeTakeFirst();
      const above = unit?.parent_id
        ? await db
            .selectFrom('agencies')
            .select(['code', 'name'])
            .where('unit_id', '=', unit.parent_id)
            .where('kind', '=', perf.agencyKind)
            .where('valid_to', 'is', null)
            .orderBy('code')
            .execute()
        : [];
      out.push(
        above.length === 1
          ? { ...step, agency: above[0]! }
          : {
              ...step,
              agency: null,
              unresolved:
                above.length === 0
                  ? 'Cấp trên không có cơ quan thuộc loại này.'
                  : 'Cấp trên có nhiều cơ quan thuộc loại này; hãy chỉ định cơ quan.',
            },
      );
    }
  }
  return out;
}

function storedWorkflows(db: Database, procedureVersionId: string, channel: string) {
  return db
    .selectFrom('workflows')
    .select(['steps', 'version', 'agency_id'])
    .where('procedure_version_id', '=', procedureVersionId)
    .where('channel', '=', channel)
    .orderBy(sql`agency_id IS NULL`)
    .limit(sql.lit(1));
}

const provinceWorkflowQuery = preparedQuery(
  'province-workflow',
  (db: Database, procedureVersionId: string, channel: string) =>
    storedWorkflows(db, procedureVersionId, channel).where('agency_id', 'is', null),
);
// Intake reads it for every dossier: a named statement (db/client.ts).
const agencyWorkflowQuery = preparedQuery(
  'agency-workflow',
  (db: Database, procedureVersionId: string, channel: string, agencyId: string) =>
    storedWorkflows(db, procedureVersionId, channel).where((eb) =>
      eb.or([eb('agency_id', '=', agencyId), eb('agency_id', 'is', null)]),
    ),
);

/** A stored workflow as `storedWorkflowRead` gives it. */
export type StoredWorkflowRead = { steps: unknown; version: number; agency_id: string | null } | null;

/**
 * The read of an agency's stored workflow (its own, else the province's) as an expression for a
 * caller's own statement (intake reads it with the procedure and the agency, one round trip fewer):
 * pass its value to `workflowForDossier` as `stored`.
 */
export function storedWorkflowRead(refs: {
  procedureVersionId: Expression<string>;
  channel: string;
  agencyId: Expression<string>;
}): RawBuilder<StoredWorkflowRead> {
  return sql<StoredWorkflowRead>`(SELECT jsonb_build_object('steps', w.steps, 'version', w.version, 'agency_id', w.agency_id::text)
    FROM workflows w
    WHERE w.procedure_version_id = ${refs.procedureVersionId} AND w.channel = ${refs.channel}
      AND (w.agency_id = ${refs.agencyId} OR w.agency_id IS NULL)
    ORDER BY w.agency_id IS NULL LIMIT 1)`;
}

async function workflowFor(
  db: Database,
  row: Pick<VersionRow, 'procedure_version_id' | 'data'>,
  to: { agencyId: string | null; channel: Channel; known?: StoredWorkflowRead | undefined },
) {
  const { agencyId, channel, known } = to;
  const [stored] =
    known !== undefined
      ? [known ?? undefined]
      : agencyId === null
        ? await provinceWorkflowQuery(db, row.procedure_version_id, channel)
        : await agencyWorkflowQuery(db, row.procedure_version_id, channel, agencyId);
  const p = row.data;
  const limit = timeLimitFor(p, channel);
  if (stored) {
    return {
      source: stored.agency_id === null ? 'province' : 'agency',
      version: stored.version,
      workflow: { steps: stored.steps as WorkflowStep[] },
      limit,
      problems: [] as ErrorDetail[],
    };
  }
  if (!limit || limit.unit === null) {
    return {
      source: 'default',
      version: 0,
      workflow: { steps: [] as WorkflowStep[] },
      limit,
      problems: validateWorkflow({ steps: [] }, limit)
        .filter((x) => x.path === 'limit')
        .map((x) => ({ path: x.path, message: x.message })),
    };
  }
  try {
    return {
      source: 'default',
      version: 0,
      workflow: defaultWorkflow({ value: limit.value, unit: limit.unit }),
      limit,
      problems: [] as ErrorDetail[],
    };
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    return {
      source: 'default',
      version: 0,
      workflow: { steps: [] as WorkflowStep[] },
      limit,
      problems: [{ path: 'limit', message: 'Thời hạn không chia được thành số giờ nguyên.' }],
    };
  }
}

/**
 * The workflow a new dossier follows: the agency's own, else the province's, else the default. The
 * caller has the version's row already (intake read it).
 */
export async function workflowForDossier(
  db: Database,
  version: Pick<VersionRow, 'procedure_version_id' | 'data'>,
  /** `stored`: the stored workflow when the caller read it already (`storedWorkflowRead`). */
  to: { agencyId: string; channel: Channel; stored?: StoredWorkflowRead },
): Promise<Workflow & { problems: ErrorDetail[] }> {
  const w = await workflowFor(db, version, { ...to, known: to.stored });
  return { steps: w.workflow.steps, problems: w.problems };
}

export async function getWorkflow(
  deps: Deps,
  code: string,
  input: { agencyCode?: string | undefined; channel: Channel; procedureVersion?: number | undefined },
) {
  const row = await getVersion(deps.db, code, input.procedureVersion);
  let agency: AgencyRef | null = null;
  if (input.agencyCode !== undefined) {
    const a = await getNamedAgency(deps.db, input.agencyCode, 'query/agencyCode');
    agency = { agency_id: a.agency_id, code: a.code, name: a.name, unit_id: a.unit_id };
  }
  const w = await workflowFor(deps.db, row, { agencyId: agency?.agency_id ?? null, channel: input.channel });
  const steps = agency
    ? await resolveWorkflow(deps.db, w.workflow, agency, agency)
    : w.workflow.steps.map((s) => ({ ...s, agency: null }));
  return {
    procedureVersion: row.version,
    channel: input.channel,
    source: w.source,
    version: w.version,
    limit: w.limit,
    steps,
    problems: w.problems,
  };
}

export type PutWorkflowInput = {
  code: string;
  agencyCode?: string | undefined;
  procedureVersion?: number | undefined;
  channel: Channel;
  version: number;
  steps: unknown[];
  requestId: string;
};

export async function putWorkflow(deps: Deps, actor: Actor, body: PutWorkflowInput) {
  const { code, requestId } = body;
  const row = await getVersion(deps.db, code, body.procedureVersion);
  if (row.status === 'retired') throw fail('WORKFLOW_VERSION_RETIRED');
  let agencyId: string | null = null;
  if (body.agencyCode !== undefined) {
    const a = await getNamedAgency(deps.db, body.agencyCode, 'body/agencyCode');
    if (
      !canReachAgency(actor, { agencyPath: a.agency_path, unitPath: a.unit_path }, 'write', WORKFLOW_EDITORS)
    ) {
      throw fail('WORKFLOW_AGENCY_OUT_OF_SCOPE');
    }
    const offers = await deps.db
      .selectFrom('procedure_offerings')
      .select('agency_id')
      .where('procedure_id', '=', row.procedure_id)
      .where('agency_id', '=', a.agency_id)
      .executeTakeFirst();
    if (!offers) {
      throw fail('CATALOG_INVALID_INPUT', {
        details: [
          { path: 'body/agencyCode', message: `Cơ quan ${body.agencyCode} không thực hiện thủ tục ${code}.` },
        ],
      });
    }
    agencyId = a.agency_id;
  } else {
    requireCatalogueEditor(actor);
  }
  const p = row.data;
  const problems = validateWorkflow({ steps: body.steps }, timeLimitFor(p, body.channel));
  if (problems.length > 0) {
    throw fail('WORKFLOW_INVALID', {
      details: problems.map((x) => ({
        path: x.path === 'limit' ? 'body/channel' : `body/${x.path}`,
        message: x.message,
      })),
    });
  }
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('workflows')
      .select(['workflow_id', 'version'])
      .where('procedure_version_id', '=', row.procedure_version_id)
      .where('channel', '=', body.channel)
      .where((eb) => (agencyId === null ? eb('agency_id', 'is', null) : eb('agency_id', '=', agencyId)))
      .forUpdate()
      .executeTakeFirst();
    const currentVersion = current?.version ?? 0;
    if (body.version !== currentVersion) {
      throw fail('WORKFLOW_STALE_VERSION', {
        details: [{ path: 'body/version', message: `Phiên bản hiện tại là ${currentVersion}.` }],
      });
    }
    const steps = JSON.stringify(body.steps);
    if (current) {
      await trx
        .updateTable('workflows')
        .set({ steps, version: currentVersion + 1, updated_at: now, updated_by: actor.userId })
        .where('workflow_id', '=', current.workflow_id)
        .execute();
    } else {
      await trx
        .insertInto('workflows')
        .values({
          procedure_version_id: row.procedure_version_id,
          agency_id: agencyId,
          channel: body.channel,
          steps,
          version: 1,
          updated_at: now,
          updated_by: actor.userId,
        })
        .execute();
    }
    await auditProcedure(
      trx,
      actor,
      {
        action: 'procedure.workflow-set',
        code,
        details: {
          procedureVersion: row.version,
          channel: body.channel,
          agencyCode: body.agencyCode ?? null,
          version: currentVersion + 1,
        },
        requestId,
      },
      now,
    );
    return { version: currentVersion + 1 };
  });
}

/**
 * Whether a dossier of this version could be taken in on a channel by the province's rule (its own
 * workflow, else the default one built from the time limit): the problems intake would answer with
 * (DOSSIER_NO_WORKFLOW), none when it could. The procedure page asks it before offering to apply online.
 */
export async function channelWorkflowProblems(
  db: Database,
  row: Pick<VersionRow, 'procedure_version_id' | 'data'>,
  channel: Channel,
): Promise<ErrorDetail[]> {
  return (await workflowFor(db, row, { agencyId: null, channel })).problems;
}
