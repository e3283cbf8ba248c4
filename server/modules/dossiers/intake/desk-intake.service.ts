// Desk intake (tiếp nhận tại quầy): the officer receives the applicant's papers; the dossier is
// accepted at once, or recorded incomplete with a supplement request.
import type { Static } from 'typebox';
import type { IncompleteEnvelope } from '../../../../common/contracts/dossiers.ts';
import type { Deps } from '../../../deps.ts';
import type { Database } from '../../../db/client.ts';
import type { Actor } from '../../../platform/actor.ts';
import type { AppError, ErrorDetail } from '../../../platform/errors.ts';
import {
  findReplay,
  rememberingInsertOrFail,
  type IdempotentRequest,
} from '../../../platform/idempotency.ts';
import { enqueueing } from '../../../platform/jobs/outbox.ts';
import { applyAction, initialDossierState, type ActionKind } from '../../../../common/dossiers/index.ts';
import { unitPathNameCached, type AgencyRow } from '../dossier.repository.ts';
import { findAgencyByCode } from '../../org/index.ts';
import { deskMayReceiveFor, provinceOfPath, relationFrom } from '../dossier-access.policy.ts';
import { receivableAnywhereIn } from '../../catalog/index.ts';
import { limitOf, workingTimeOnce } from '../dossier-deadlines.ts';
import { fail } from '../dossiers.errors.ts';
import {
  actionRow,
  lifecycleError,
  outboxMessages,
  persistedActor,
  settleEffects,
  type Applied,
  type SettledColumns,
} from '../actions/action-record.ts';
import { auditAction, auditingAction } from '../actions/dossier.writer.ts';
import { assigneeProblem, handOffStep } from '../actions/next-assignee.ts';
import { viewNeedsWorkingTime, type DossierView } from '../views/dossier-view.ts';
import { intakeView, prepareIntake, type PreparedIntake } from './intake.prepare.ts';
import { NEW_DOSSIER_ID, insertDossier, submittedColumns } from './intake.writer.ts';
import type { IntakeInput } from './intake.types.ts';

/** A desk grant as the agency row intake checks with. */
function deskAgency(g: Actor['grants'][number]): AgencyRow {
  return {
    agency_id: g.agencyId,
    code: g.agencyCode,
    name: g.agencyName,
    unit_id: g.unitId,
    unit_code: g.unitCode,
    path: g.agencyPath,
    unit_path: g.unitPath,
  };
}

/**
 * The desk that receives: the one named (`deskAgencyCode`) when the officer serves several, else the
 * officer's desk at the competent agency itself, else their first desk. DOSSIER_DESK_ONLY (403) for
 * anyone else, or a desk the officer does not serve.
 */
export function receivingGrant(
  actor: Actor,
  input: Pick<IntakeInput, 'agencyCode' | 'deskAgencyCode'>,
): Actor['grants'][number] {
  const desks = actor.grants.filter((g) => g.role === 'desk-officer');
  const grant = input.deskAgencyCode
    ? desks.find((g) => g.agencyCode === input.deskAgencyCode)
    : (desks.find((g) => g.agencyCode === input.agencyCode) ?? desks[0]);
  if (grant) return grant;
  throw fail(
    'DOSSIER_DESK_ONLY',
    desks.length > 0
      ? { details: [{ path: 'body/deskAgencyCode', message: 'Bạn không làm việc tại bộ phận một cửa này.' }] }
      : {},
  );
}

/**
 * A desk receives only for the agencies it reaches (deskMayReceiveFor): its own, those under it, those
 * of the units below; a public administration centre's desk also those of its own unit (its kind is read
 * only then). Else DOSSIER_INTAKE_OUT_OF_REACH (403) naming `agencyCode`, before anything is written.
 */
async function assertDeskReaches(
  deps: Deps,
  grant: Actor['grants'][number],
  intake: { prepared: PreparedIntake; procedureCode: string },
): Promise<void> {
  const { prepared } = intake;
  const competent = prepared.agencies.get(prepared.competentAgencyId);
  if (competent) {
    if (deskMayReceiveFor(grant, competent, null)) return;
    const sameUnit = competent.unit_path === grant.unitPath;
    const kind = sameUnit ? ((await findAgencyByCode(deps.db, grant.agencyCode))?.kind ?? null) : null;
    if (kind !== null && deskMayReceiveFor(grant, competent, kind)) return;
    // Receiving regardless of borders, within the province: only for the procedures it publishes so.
    const province = provinceOfPath(competent.unit_path);
    if (
      province === provinceOfPath(grant.unitPath) &&
      (await receivableAnywhereIn(deps.db, intake.procedureCode, province))
    )
      return;
  }
  const agency = competent?.name ?? prepared.competentAgencyId;
  throw fail('DOSSIER_INTAKE_OUT_OF_REACH', {
    params: { desk: grant.agencyName, agency },
    details: [
      {
        path: 'body/agencyCode',
        message: `${agency} ngoài phạm vi tiếp nhận của bộ phận một cửa ${grant.agencyName}.`,
      },
    ],
  });
}

/**
 * A dossier received at the desk: checked, then accepted (the clock starts) or, when papers are
 * missing, held with a supplement request (422). The action is decided before the transaction, and the
 * dossier inserted in its resulting state; the transaction only writes (counter, dossier, its agencies,
 * outbox, action, idempotency record, audit entry), so the day's code counter stays locked the least.
 */
export type DeskIntakeRequest = {
  intake: IntakeInput;
  idempotencyKey: string | undefined;
  requestId: string;
};

/**
 * The `forward` that hands a dossier just accepted at the counter to the next step's handler, decided
 * as the action would be (the same relation: accepting leaves the dossier at the desk's step), and its
 * columns settled after the acceptance's. A handler who cannot take the step is refused (422 naming
 * `body/nextAssigneeId`) before anything is written. Only read when the officer names someone.
 */
async function handOn(
  deps: Deps,
  h: {
    prepared: PreparedIntake;
    applied: Applied;
    columns: SettledColumns;
    relation: ReturnType<typeof relationFrom>;
    staff: { kind: 'staff'; id: string };
    now: Date;
    workingTime: ReturnType<typeof workingTimeOnce>;
    input: IntakeInput;
  },
): Promise<{ applied: Applied; columns: SettledColumns }> {
  const { prepared, applied, now } = h;
  const step = handOffStep(applied.state.workflow, applied.state.step.index);
  const stepAgency = step ? prepared.stepAgencies[step.index] : undefined;
  const problem = await assigneeProblem(deps.db, {
    userId: h.input.nextAssigneeId!,
    path: 'body/nextAssigneeId',
    step,
    agency: stepAgency ? prepared.agencies.get(stepAgency.agencyId) : undefined,
  });
  if (problem) throw fail('DOSSIER_ASSIGNEE_CANNOT_TAKE_STEP', { details: [problem] });
  const result = applyAction(
    applied.state,
    {
      kind: 'forward',
      actor: h.staff,
      input: { nextAssigneeId: h.input.nextAssigneeId! },
      at: now.toISOString(),
    },
    { relation: h.relation },
  );
  if (!result.ok) throw lifecycleError(result.error);
  const forwarded: Applied = {
    state: result.state,
    effects: result.effects,
    record: result.record,
    kind: 'forward',
  };
  const columns = await settleEffects(deps.db, {
    workingTime: h.workingTime,
    row: { ...h.columns, step_agencies: prepared.stepAgencies, workflow: prepared.workflow },
    applied: forwarded,
    limit: limitOf(prepared.procedure, h.input.channel, h.input.caseCode ?? null),
    now,
  });
  return { applied: forwarded, columns };
}

/** The 422 answer to an intake recorded incomplete, as kept for a retry under the same key. */
type IncompleteBody = Static<typeof IncompleteEnvelope>;

/** The dossier was recorded incomplete (422): the envelope names it and its supplement-request slip. */
function incompleteError(dossierCode: string, details: ErrorDetail[]): AppError {
  return fail('DOSSIER_INCOMPLETE', {
    details,
    extra: { dossierCode, slip: `/api/v1/dossiers/${dossierCode}/slips/supplement-request` },
  });
}

/** The missing papers, as the 422 names them. */
function missingDetails(missing: readonly { code: string; name: string }[]): ErrorDetail[] {
  return missing.map((m) => ({ path: `components/${m.code}`, message: `Thiếu: ${m.name}` }));
}

/** The 422 answer kept for a retry of an intake recorded incomplete. */
function incompleteBody(dossierCode: string, details: ErrorDetail[], requestId: string): IncompleteBody {
  const incomplete = incompleteError(dossierCode, details);
  return {
    error: {
      code: 'DOSSIER_INCOMPLETE',
      message: incomplete.message,
      details: incomplete.details ?? [],
      requestId,
      dossierCode,
      slip: incomplete.extra!.slip!,
    },
  };
}

/**
 * A dossier received at the desk: checked, then accepted (the clock starts) or, when papers are
 * missing, held with a supplement request: then, once committed, DOSSIER_INCOMPLETE (422) is thrown.
 * The action is decided before anything is written, and the dossier inserted in its resulting state by
 * one statement (counter, dossier, its agencies, outbox, action, idempotency record, audit entry), so
 * the day's code counter stays locked the least.
 */
export async function receiveAtDesk(
  deps: Deps,
  actor: Actor,
  request: DeskIntakeRequest,
): Promise<DossierView> {
  const { intake: input } = request;
  const idempotent = { scope: `staff:${actor.userId}:intake`, key: request.idempotencyKey, body: input };
  let answer: DossierView | { incomplete: AppError };
  try {
    answer = await receive(deps, actor, request, idempotent);
  } catch (err) {
    // A retry under its Idempotency-Key gets the answer kept for the first, whatever this attempt met:
    // the key already taken (the write fails as a whole), or a check that no longer passes. The kept
    // answer is read only then, not before every intake; another body under the key is 409.
    const replay = await findReplay<DossierView | IncompleteBody>(deps.db, idempotent);
    if (!replay) throw err;
    if (replay.statusCode !== 422) return replay.body as DossierView;
    const { dossierCode, details } = (replay.body as IncompleteBody).error;
    throw incompleteError(dossierCode, details);
  }
  if ('incomplete' in answer) throw answer.incomplete;
  return answer;
}

/** receiveAtDesk's work: the dossier's view, or the 422 to answer once it is recorded incomplete. */
async function receive(
  deps: Deps,
  actor: Actor,
  request: DeskIntakeRequest,
  idempotent: IdempotentRequest,
): Promise<DossierView | { incomplete: AppError }> {
  const { intake: input, requestId } = request;
  const grant = receivingGrant(actor, input);
  const desk = deskAgency(grant);

  const prepared = await prepareIntake(deps, input, {
    receiving: desk,
    fileOwner: { kind: 'staff', userId: actor.userId },
  });
  await assertDeskReaches(deps, grant, { prepared, procedureCode: input.procedureCode });
  const { missing } = prepared;
  const now = deps.clock.now();
  const staff = { kind: 'staff' as const, id: actor.userId };
  const deskActor = persistedActor({ kind: 'staff', actor }, ['desk-officer'], desk.agency_id);

  const initial = initialDossierState({ steps: prepared.workflow.steps });
  const submitted = submittedColumns(desk.agency_id);
  const relationRow = {
    receiving_agency_id: desk.agency_id,
    competent_agency_id: prepared.competentAgencyId,
    current_agency_id: submitted.current_agency_id,
    step_agencies: prepared.stepAgencies,
  };
  const relation = relationFrom(actor, prepared.agencies, relationRow, initial);
  const kind: ActionKind = missing.length > 0 ? 'request-supplement' : 'accept';
  const actionInput =
    kind === 'accept'
      ? {}
      : {
          missingComponents: missing.map((m) => ({ name: m.name })),
          reason: 'Hồ sơ chưa đầy đủ thành phần theo quy định khi tiếp nhận tại quầy.',
        };
  const result = applyAction(
    initial,
    { kind, actor: staff, input: actionInput, at: now.toISOString() },
    { relation },
  );
  if (!result.ok) throw lifecycleError(result.error);
  const applied: Applied = { state: result.state, effects: result.effects, record: result.record, kind };
  // The due time and the view's working time are read here, before the transaction.
  const workingTime = workingTimeOnce(deps, prepared.competentAgencyId, prepared.workingTime);
  const columns = await settleEffects(deps.db, {
    workingTime,
    row: { ...submitted, step_agencies: prepared.stepAgencies, workflow: prepared.workflow },
    applied,
    limit: limitOf(prepared.procedure, input.channel, input.caseCode ?? null),
    now,
  });
  // Received and handed on in one act: `forward` to the handler named, right after `accept`.
  const handedOn =
    kind === 'accept' && input.nextAssigneeId !== undefined
      ? await handOn(deps, { prepared, applied, columns, relation, staff, now, workingTime, input })
      : null;
  const last = handedOn ?? { applied, columns };
  const viewTime =
    kind === 'accept' && viewNeedsWorkingTime(last.columns, last.applied.state)
      ? await workingTime(deps.db)
      : null;
  // The person it is handed on to is named in the answer as a read would name them.
  const handler = handedOn
    ? await deps.db
        .selectFrom('users')
        .select(['user_id', 'full_name'])
        .where('user_id', '=', input.nextAssigneeId!)
        .executeTakeFirst()
    : undefined;
  const addressUnitPath =
    kind === 'accept'
      ? await unitPathNameCached(deps.db, deps.writes, input.applicant.address?.unitCode)
      : null;

  // The code, the dossier, its agencies, action, outbox messages, the idempotency record and the audit
  // entry in one statement, its own transaction. The answer is built before it, naming the code by
  // the placeholder the statement replaces; the caller gets it with the code the statement took. When
  // the dossier is also handed on, the hand-on's audit entry follows in the same transaction.
  const action = actionRow({ dossierId: NEW_DOSSIER_ID, applied, actor: deskActor, now, note: null });
  const forward = handedOn
    ? actionRow({ dossierId: NEW_DOSSIER_ID, applied: handedOn.applied, actor: deskActor, now, note: null })
    : null;
  let stored: { statusCode: number; body: unknown; placeholder: string } | null = null;
  const write = (db: Database) =>
    insertDossier(db, {
      prepared,
      input,
      receiving: desk,
      now,
      by: { userId: actor.userId, citizenId: null },
      state: last.applied.state,
      columns: last.columns,
      chain: desk.agency_id,
      also: (code) => {
        const messages = outboxMessages(code.placeholder, applied, now);
        if (handedOn) messages.push(...outboxMessages(code.placeholder, handedOn.applied, now));
        const outbox = enqueueing(db, messages, now, code);
        return [
          db.insertInto('dossier_actions').values(forward ? [action.values, forward.values] : action.values),
          ...(outbox ? [outbox] : []),
        ];
      },
      counted: (row, head, pending) => {
        stored = {
          placeholder: pending.placeholder,
          ...(kind === 'request-supplement'
            ? { statusCode: 422, body: incompleteBody(row.code, missingDetails(missing), requestId) }
            : {
                statusCode: 201,
                body: intakeView(prepared, {
                  row,
                  state: last.applied.state,
                  history: forward ? [action.history, forward.history] : [action.history],
                  workingTime: viewTime,
                  now: deps.clock.now(),
                  addressUnitPath,
                  // The one person the new dossier names: the officer who received it, at the desk's step.
                  people: {
                    names: new Map([
                      [actor.userId, actor.fullName],
                      ...(handler ? [[handler.user_id, handler.full_name] as const] : []),
                    ]),
                    actedAt: new Map([[action.history.fromStep, actor.userId]]),
                  },
                }),
              }),
        };
        const remembered = rememberingInsertOrFail(db, idempotent, { ...stored, at: now }, pending);
        const audited = auditingAction(
          { applied, actor: deskActor, now, code: row.code, requestId, receivingAgencyId: desk.agency_id },
          head!,
          pending,
        );
        return { audited, ...(remembered ? { remembered } : {}) };
      },
    });
  const written = handedOn
    ? await deps.db.transaction().execute(async (trx) => {
        const w = await write(trx);
        // The hand-on's audit entry after the receipt's, on the chain the statement appended to.
        await auditAction(trx, {
          applied: handedOn.applied,
          actor: deskActor,
          now,
          code: w.code,
          requestId,
          receivingAgencyId: desk.agency_id,
        });
        return w;
      })
    : await write(deps.db);
  const { statusCode, body, placeholder } = stored!;
  if (statusCode === 422) return { incomplete: incompleteError(written.code, missingDetails(missing)) };
  // The answer as kept: the code in the placeholder's place.
  return JSON.parse(JSON.stringify(body).replaceAll(placeholder, written.code)) as DossierView;
}
