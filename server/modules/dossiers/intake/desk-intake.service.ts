// Desk intake (tiếp nhận tại quầy): the officer receives the applicant's papers; the dossier is
// accepted at once, or recorded incomplete with a supplement request.
import type { Static } from 'typebox';
import type { IncompleteEnvelope } from '../../../../common/contracts/dossiers.ts';
import type { Deps } from '../../../deps.ts';
import type { Actor } from '../../../platform/actor.ts';
import type { AppError, ErrorDetail } from '../../../platform/errors.ts';
import { refuseTakenKey, rememberingInsert } from '../../../platform/idempotency.ts';
import { enqueueing } from '../../../platform/jobs/outbox.ts';
import { applyAction, initialDossierState, type ActionKind } from '../../../../common/dossiers/index.ts';
import { unitPathName, type AgencyRow } from '../dossier.repository.ts';
import { findAgencyByCode } from '../../org/index.ts';
import { deskMayReceiveFor, relationFrom } from '../dossier-access.policy.ts';
import { limitOf, workingTimeOnce } from '../dossier-deadlines.ts';
import { fail } from '../dossiers.errors.ts';
import {
  actionRow,
  lifecycleError,
  outboxMessages,
  persistedActor,
  settleEffects,
  type Applied,
} from '../actions/action-record.ts';
import { auditingAction } from '../actions/dossier.writer.ts';
import { viewNeedsWorkingTime, type DossierView } from '../views/dossier-view.ts';
import { intakeView, prepareIntake, readPublished, type PreparedIntake } from './intake.prepare.ts';
import { NEW_DOSSIER_ID, insertDossier, submittedColumns } from './intake.writer.ts';
import type { IntakeInput } from './intake.types.ts';

/** A desk grant as the agency row intake checks with. */
function deskAgency(g: Actor['grants'][number]): AgencyRow {
  return {
    agency_id: g.agencyId,
    code: g.agencyCode,
    name: g.agencyName,
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
function receivingGrant(actor: Actor, input: IntakeInput): Actor['grants'][number] {
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
  prepared: PreparedIntake,
): Promise<void> {
  const competent = prepared.agencies.get(prepared.competentAgencyId);
  if (competent) {
    if (deskMayReceiveFor(grant, competent, null)) return;
    const sameUnit = competent.unit_path === grant.unitPath;
    const kind = sameUnit ? ((await findAgencyByCode(deps.db, grant.agencyCode))?.kind ?? null) : null;
    if (kind !== null && deskMayReceiveFor(grant, competent, kind)) return;
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

/** The 422 answer to an intake recorded incomplete, as kept for a retry under the same key. */
type IncompleteBody = Static<typeof IncompleteEnvelope>;

/** The dossier was recorded incomplete (422): the envelope names it and its supplement-request slip. */
function incompleteError(dossierCode: string, details: ErrorDetail[]): AppError {
  return fail('DOSSIER_INCOMPLETE', {
    details,
    extra: { dossierCode, slip: `/api/v1/dossiers/${dossierCode}/slips/supplement-request` },
  });
}

/**
 * A dossier received at the desk: checked, then accepted (the clock starts) or, when papers are
 * missing, held with a supplement request: then, once committed, DOSSIER_INCOMPLETE (422) is thrown.
 * The action is decided before the transaction, and the dossier inserted in its resulting state; the
 * transaction only writes (counter, dossier, its agencies, outbox, action, idempotency record, audit
 * entry), so the day's code counter stays locked the least.
 */
export async function receiveAtDesk(
  deps: Deps,
  actor: Actor,
  request: DeskIntakeRequest,
): Promise<DossierView> {
  const { intake: input, requestId } = request;
  const idempotent = { scope: `staff:${actor.userId}:intake`, key: request.idempotencyKey, body: input };
  // The stored answer to a retry is read with the catalogue, and answered before anything is checked.
  const { published, replay } = await readPublished<DossierView | IncompleteBody>(deps, input, idempotent);
  if (replay) {
    if (replay.statusCode !== 422) return replay.body as DossierView;
    const { dossierCode, details } = (replay.body as IncompleteBody).error;
    throw incompleteError(dossierCode, details);
  }

  const grant = receivingGrant(actor, input);
  const desk = deskAgency(grant);

  const prepared = await prepareIntake(deps, input, {
    receiving: desk,
    fileOwner: { kind: 'staff', userId: actor.userId },
    read: { published },
  });
  await assertDeskReaches(deps, grant, prepared);
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
    row: { ...submitted, step_agencies: prepared.stepAgencies },
    applied,
    limit: limitOf(prepared.procedure, input.channel, input.caseCode ?? null),
    now,
  });
  const viewTime =
    kind === 'accept' && viewNeedsWorkingTime(columns, applied.state) ? await workingTime(deps.db) : null;
  const addressUnitPath =
    kind === 'accept' ? await unitPathName(deps.db, input.applicant.address?.unitCode) : null;

  // The code, the dossier, its agencies, action, outbox messages, the idempotency record and the audit
  // entry in two statements: the code counter with the audit chain's head, then everything else.
  const written = await deps.db.transaction().execute(async (trx) => {
    const action = actionRow({ dossierId: NEW_DOSSIER_ID, applied, actor: deskActor, now, note: null });
    let answer: { view: DossierView } | { incomplete: AppError } | null = null;
    const { counts } = await insertDossier(trx, {
      prepared,
      input,
      receiving: desk,
      now,
      by: { userId: actor.userId, citizenId: null },
      state: applied.state,
      columns,
      chain: desk.agency_id,
      also: (code) => {
        const outbox = enqueueing(trx, outboxMessages(code, applied, now), now);
        return [trx.insertInto('dossier_actions').values(action.values), ...(outbox ? [outbox] : [])];
      },
      counted: (row, head) => {
        const { code } = row;
        let stored: { statusCode: number; body: unknown };
        if (kind === 'request-supplement') {
          const incomplete = incompleteError(
            code,
            missing.map((m) => ({ path: `components/${m.code}`, message: `Thiếu: ${m.name}` })),
          );
          const body: IncompleteBody = {
            error: {
              code: 'DOSSIER_INCOMPLETE',
              message: incomplete.message,
              details: incomplete.details ?? [],
              requestId,
              dossierCode: code,
              slip: incomplete.extra!.slip!,
            },
          };
          stored = { statusCode: 422, body };
          answer = { incomplete };
        } else {
          const view = intakeView(prepared, {
            row,
            state: applied.state,
            history: [action.history],
            workingTime: viewTime,
            now: deps.clock.now(),
            addressUnitPath,
            // The one person the new dossier names: the officer who received it, at the desk's step.
            people: {
              names: new Map([[actor.userId, actor.fullName]]),
              actedAt: new Map([[action.history.fromStep, actor.userId]]),
            },
          });
          stored = { statusCode: 201, body: view };
          answer = { view };
        }
        const remembered = rememberingInsert(trx, idempotent, { ...stored, at: now });
        const audited = auditingAction(
          { applied, actor: deskActor, now, code, requestId, receivingAgencyId: desk.agency_id },
          head!,
        );
        return { audited, ...(remembered ? { remembered } : {}) };
      },
    });
    // Another request under this key committed first: this one is rolled back (409).
    if (counts.remembered === 0) await refuseTakenKey(trx, idempotent);
    return answer!;
  });
  if ('incomplete' in written) throw written.incomplete;
  return written.view;
}
