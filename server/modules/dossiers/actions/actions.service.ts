// A dossier action, one way: the route calls performAction, which decides under the row lock and
// hands one object to the writer (dossier.writer.ts), which writes state, action row and outbox and
// returns what it wrote; the service then presents the dossier, remembers the answer, audits.
import type { Deps } from '../../../deps.ts';
import type { Database } from '../../../db/client.ts';
import type { Actor, Caller } from '../../../platform/actor.ts';
import { findReplay, rememberResponse } from '../../../platform/idempotency.ts';
import { fileUserOf } from '../../files/index.ts';
import { markSignedRecords } from '../../documents/index.ts';
import {
  allowedActions,
  applyAction,
  type ActionKind,
  type DossierState,
  type InputSchema,
  type LifecycleContext,
} from '../../../../common/dossiers/index.ts';
import type { Transaction } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import {
  agencyRows,
  loadRow,
  procedureVersion,
  usableFiles,
  type DossierRow,
} from '../dossier.repository.ts';
import { callerRelation, getVisibleDossier, isReadOnly } from '../dossier-access.policy.ts';
import { deadlineOf, limitOf, workingTimeOnce } from '../dossier-deadlines.ts';
import { fail } from '../dossiers.errors.ts';
import { vnDate } from '../../../../common/time/vn-time.ts';
import { audienceOf } from '../views/applicant-view.ts';
import { presentDossier, type DossierReadView } from '../views/present-dossier.ts';
import { callerKey, lifecycleError, persistedActor, type Applied } from './action-record.ts';
import { auditAction, writeAction, type ActionWrite } from './dossier.writer.ts';
import { assigneeProblem, handOffStep } from './next-assignee.ts';
import { approvalNumber, assertSignedResult, recordApproval } from '../../signatures/index.ts';

export type ActionRequest = {
  code: string;
  kind: string;
  input: unknown;
  /** The version the caller saw (If-Match). */
  ifMatch: number;
  idempotencyKey: string | undefined;
  requestId: string;
};

/**
 * Performs an action on a dossier: under its row lock, checks the version, the caller's relation and
 * the lifecycle, has the writer record it, then answers the dossier as the caller reads it (and keeps
 * that answer for a retry under the same Idempotency-Key). A replay answers what was kept.
 */
export async function performAction(
  deps: Deps,
  caller: Caller,
  request: ActionRequest,
): Promise<DossierReadView> {
  const { code, kind, input, ifMatch } = request;
  const who = callerKey(caller);
  const idempotent = {
    scope: `${who.scope}:action:${code}`,
    key: request.idempotencyKey,
    body: { kind, input, ifMatch },
  };
  const replay = await findReplay<DossierReadView>(deps.db, idempotent);
  if (replay) return replay.body;
  await getVisibleDossier(deps.db, caller, code);
  if (isReadOnly(caller)) throw fail('DOSSIER_AUDITOR_READ_ONLY');
  await checkAttachedFiles(deps.db, caller, input);
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const row = (await loadRow(trx, code, true))!;
    if (row.version !== ifMatch) {
      throw fail('DOSSIER_STALE_VERSION', {
        details: [{ path: 'headers/if-match', message: `Phiên bản hiện tại là ${row.version}.` }],
      });
    }
    const state = row.state;
    const workingTime = workingTimeOnce(deps, row.competent_agency_id);
    const relation = await callerRelation(trx, caller, row, state);
    const deadline = await deadlineOf(trx, workingTime, row, now);
    const context: LifecycleContext = { relation, deadline };
    // Accept and hand on (`nextAssigneeId`): recorded as `accept`, then `forward` to that handler.
    const { handOnTo, own: given } = splitHandOn(kind, input);
    // An approval without a typed number takes the deciding agency's next from its register (#19).
    const numbered =
      kind === 'approve' && typeof given === 'object' && given !== null
        ? await approvalNumber(trx, {
            agencyId: row.competent_agency_id,
            resultDate: (given as Record<string, unknown>).resultDate,
            typed: (given as Record<string, unknown>).resultNumber,
          })
        : null;
    const own = numbered ? { ...(given as Record<string, unknown>), resultNumber: numbered.number } : given;
    const result = applyAction(
      state,
      {
        kind: kind as ActionKind,
        actor: { kind: caller.kind, id: who.id },
        input: own,
        at: now.toISOString(),
      },
      context,
    );
    if (!result.ok) throw lifecycleError(result.error);
    await assertChosenHandler(trx, { kind, input: own, state: result.state, row });
    const { procedure } = await procedureVersion(deps, row.procedure_version_id, trx);
    if (
      kind === 'return-result' &&
      procedure.cases.find((c) => c.key === row.case_key)?.requireSignedResult
    ) {
      await assertSignedResult(deps, trx, {
        agencyId: row.competent_agency_id,
        documents: state.resultDocuments,
      });
    }
    const roles = [
      ...new Set([
        ...relation.rolesAtStepAgency,
        ...relation.rolesAtReceivingAgency,
        ...relation.rolesAtResponsibleAgency,
      ]),
    ];
    const applied = {
      state: result.state,
      effects: result.effects,
      record: result.record,
      kind: kind as ActionKind,
    };
    const actor = persistedActor(caller, roles, row.step_agencies[state.step.index]?.agencyId ?? null);
    const limit = limitOf(procedure, row.channel, row.case_key);
    const written = await writeAction(trx, {
      row,
      applied,
      limit,
      workingTime,
      actor,
      now,
      note: noteOf(own),
    });
    if (kind === 'approve' && applied.state.resultRecord) {
      const signedFileIds = await recordApproval(deps, trx, {
        dossierId: row.dossier_id,
        agencyId: row.competent_agency_id,
        record: applied.state.resultRecord,
        sequence: numbered?.sequence ?? null,
        documents: applied.state.resultDocuments,
        at: now,
        userId: caller.kind === 'staff' ? caller.actor.userId : null,
      });
      await markSignedRecords(trx, {
        dossierId: row.dossier_id,
        signedFileIds,
        resultNumber: applied.state.resultRecord.number,
      });
    }
    const forwarded =
      handOnTo === null
        ? null
        : await handOn(trx, {
            row: {
              ...row,
              ...written.columns,
              due_at: dateOrNull(written.columns.due_at),
              extended_due_at: dateOrNull(written.columns.extended_due_at),
              step_due_at: dateOrNull(written.columns.step_due_at),
              state: applied.state,
              version: applied.state.version,
            },
            applied,
            to: handOnTo,
            context,
            who: { kind: caller.kind, id: who.id },
            write: { limit, workingTime, actor, now },
          });
    const view = await presentDossier(deps, trx, { code, audience: audienceOf(caller), workingTime });
    await rememberResponse(trx, idempotent, { statusCode: 200, body: view, at: now });
    await auditAction(trx, {
      applied,
      actor,
      now,
      code,
      requestId: request.requestId,
      receivingAgencyId: row.receiving_agency_id,
    });
    if (forwarded)
      await auditAction(trx, {
        applied: forwarded,
        actor,
        now,
        code,
        requestId: request.requestId,
        receivingAgencyId: row.receiving_agency_id,
      });
    return view;
  });
}

const dateOrNull = (v: string | null): Date | null => (v === null ? null : new Date(v));

/** The `accept` input's handler to hand on to, apart from what `accept` itself records. */
function splitHandOn(kind: string, input: unknown): { handOnTo: string | null; own: unknown } {
  if (kind !== 'accept' || typeof input !== 'object' || input === null || !('nextAssigneeId' in input))
    return { handOnTo: null, own: input };
  const { nextAssigneeId, ...own } = input as Record<string, unknown>;
  // Not a string: left in, so that the lifecycle names it as any invalid input.
  if (typeof nextAssigneeId !== 'string') return { handOnTo: null, own: input };
  return { handOnTo: nextAssigneeId, own };
}

/**
 * The `forward` right after an `accept` that names the next handler (actions/next-assignee.ts): the
 * handler must hold the next step's role at its agency (422 naming `body/nextAssigneeId`), then it is
 * decided and written as the action would be, with the same relation (accepting leaves the step as it was).
 */
async function handOn(
  trx: Transaction<DB>,
  h: {
    row: DossierRow;
    applied: Applied;
    to: string;
    context: LifecycleContext;
    who: { kind: Caller['kind']; id: string };
    write: Pick<ActionWrite, 'limit' | 'workingTime' | 'actor' | 'now'>;
  },
): Promise<Applied> {
  const { row, applied } = h;
  const step = handOffStep(applied.state.workflow, applied.state.step.index);
  const agencyId = step ? row.step_agencies[step.index]?.agencyId : undefined;
  const agency = agencyId ? (await agencyRows(trx, [agencyId])).get(agencyId) : undefined;
  const problem = await assigneeProblem(trx, { userId: h.to, path: 'body/nextAssigneeId', step, agency });
  if (problem) throw fail('DOSSIER_ASSIGNEE_CANNOT_TAKE_STEP', { details: [problem] });
  const result = applyAction(
    applied.state,
    { kind: 'forward', actor: h.who, input: { nextAssigneeId: h.to }, at: h.write.now.toISOString() },
    h.context,
  );
  if (!result.ok) throw lifecycleError(result.error);
  const forwarded: Applied = {
    state: result.state,
    effects: result.effects,
    record: result.record,
    kind: 'forward',
  };
  await writeAction(trx, { ...h.write, row, applied: forwarded, note: null });
  return forwarded;
}

/**
 * The handler an `assign` (`assigneeId`) or a `forward` (`nextAssigneeId`) names must be an active
 * account holding the step's role at the agency performing it, as for receiving and handing on: else
 * 422 DOSSIER_ASSIGNEE_CANNOT_TAKE_STEP naming the field, before anything is written. Checked on the
 * state the action leads to, only when it hands the step to that person (a desk step takes nobody).
 */
async function assertChosenHandler(
  trx: Transaction<DB>,
  a: { kind: string; input: unknown; state: DossierState; row: DossierRow },
): Promise<void> {
  const field = a.kind === 'assign' ? 'assigneeId' : a.kind === 'forward' ? 'nextAssigneeId' : null;
  const chosen = field ? (a.input as Record<string, unknown> | null)?.[field] : undefined;
  if (typeof chosen !== 'string' || a.state.step.assigneeId !== chosen) return;
  const index = a.state.step.index;
  const workflowStep = a.state.workflow.steps[index];
  const step = workflowStep ? { name: workflowStep.name, role: workflowStep.role } : null;
  const agencyId = a.row.step_agencies[index]?.agencyId;
  const agency = agencyId ? (await agencyRows(trx, [agencyId])).get(agencyId) : undefined;
  const problem = await assigneeProblem(trx, { userId: chosen, path: `body/${field}`, step, agency });
  if (problem) throw fail('DOSSIER_ASSIGNEE_CANNOT_TAKE_STEP', { details: [problem] });
}

/** What the action row keeps as its note: the input's note, else its reason. */
function noteOf(input: unknown): string | null {
  const { note, reason } = (input ?? {}) as { note?: unknown; reason?: unknown };
  if (typeof note === 'string') return note;
  return typeof reason === 'string' ? reason : null;
}

/**
 * Files an action attaches (supplements, result documents) must exist and have been uploaded by the
 * caller (files module, attachableFiles).
 */
async function checkAttachedFiles(db: Database, caller: Caller, input: unknown): Promise<void> {
  const refs: { path: string; fileId: string }[] = [];
  for (const field of ['components', 'resultDocuments'] as const) {
    const list = (input as Record<string, unknown> | null)?.[field];
    if (!Array.isArray(list)) continue;
    list.forEach((item: unknown, i) => {
      const fileId = (item as { fileId?: unknown } | null)?.fileId;
      if (typeof fileId === 'string') refs.push({ path: `body/${field}/${i}/fileId`, fileId });
    });
  }
  if (refs.length === 0) return;
  const valid = refs.filter((r) => /^[0-9a-f-]{36}$/.test(r.fileId)).map((r) => r.fileId);
  const usable = await usableFiles(db, valid, fileUserOf(caller));
  const bad = refs.filter((r) => !usable.has(r.fileId));
  if (bad.length > 0)
    throw fail('DOSSIER_INVALID', {
      details: bad.map((r) => ({ path: r.path, message: 'Không có tệp này.' })),
    });
}

/** `inputs` with `field` starting from `value` (a choice only among its options). */
function startingFrom(inputs: InputSchema, field: string, value: string | null): InputSchema {
  const f = inputs.properties[field];
  if (value === null || f?.type !== 'string') return inputs;
  if (f.oneOf !== undefined && !f.oneOf.some((o) => o.const === value)) return inputs;
  return { ...inputs, properties: { ...inputs.properties, [field]: { ...f, default: value } } };
}

/**
 * What an action's form starts from: the return offers first the way the applicant asked to receive
 * the result when applying (recorded at intake or submission), if they said; the approval, the leader
 * approving as the signer and today as the signing date (both may be changed).
 */
function startingValues(
  kind: ActionKind,
  inputs: InputSchema,
  known: { requestedReturn: string | null; signer: string | null; today: string },
): InputSchema {
  if (kind === 'return-result') return startingFrom(inputs, 'channel', known.requestedReturn);
  if (kind === 'approve')
    return startingFrom(startingFrom(inputs, 'signer', known.signer), 'resultDate', known.today);
  return inputs;
}

/** The actions the caller may take on the dossier now, with the inputs each asks for. */
export async function actionsFor(deps: Deps, caller: Caller, code: string) {
  const row = await getVisibleDossier(deps.db, caller, code);
  const state = row.state;
  if (isReadOnly(caller)) return { version: row.version, items: [] };
  const relation = await callerRelation(deps.db, caller, row, state);
  const deadline = await deadlineOf(
    deps.db,
    workingTimeOnce(deps, row.competent_agency_id),
    row,
    deps.clock.now(),
  );
  const items = allowedActions(
    state,
    { kind: caller.kind, id: callerKey(caller).id },
    { relation, deadline },
  );
  return {
    version: row.version,
    items: items.map((a) => ({
      kind: a.kind,
      label: a.label,
      inputs: startingValues(a.kind, a.inputs, {
        requestedReturn: row.requested_return_channel,
        signer: caller.kind === 'staff' ? caller.actor.fullName : null,
        today: vnDate(deps.clock.now()),
      }),
    })),
  };
}

/**
 * The dossier as the signatures module needs it when `actor` may approve it now (#19: only whoever may
 * approve signs its result), with the case's signing flags; null otherwise.
 */
export async function signableDossier(deps: Deps, actor: Actor, code: string) {
  const caller: Caller = { kind: 'staff', actor };
  const { items } = await actionsFor(deps, caller, code).catch(() => ({ items: [] as { kind: string }[] }));
  if (!items.some((a) => a.kind === 'approve')) return null;
  const row = (await loadRow(deps.db, code))!;
  const { procedure } = await procedureVersion(deps, row.procedure_version_id);
  const flags = procedure.cases.find((c) => c.key === row.case_key);
  const agency = (await agencyRows(deps.db, [row.competent_agency_id])).get(row.competent_agency_id)!;
  return {
    dossierId: row.dossier_id,
    code: row.code,
    competentAgency: { id: row.competent_agency_id, code: agency.code, name: agency.name },
    receivingAgencyId: row.receiving_agency_id,
    requireSignedResult: flags?.requireSignedResult === true,
    sealResult: flags?.sealResult === true,
  };
}
