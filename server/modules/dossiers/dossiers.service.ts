// Dossiers end to end: desk intake with gap-free codes, the lifecycle actions (common/dossiers) with
// their effects, due times in legal working time, and the reads. Every change writes, in one
// transaction: the new state, the append-only action, the audit entry and the outbox message.
import { createHash } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { Static } from 'typebox';
import type { DossierView as DossierViewSchema } from '../../../common/contracts/dossiers.ts';
import type { DB } from '../../db/schema.ts';
import type { Database } from '../../db/client.ts';
import type { Deps } from '../../deps.ts';
import type { Actor, Caller, CitizenActor } from '../../platform/actor.ts';
import { isoOrNull } from '../../platform/clock.ts';
import { appendAudit } from '../../platform/audit.ts';
import { AppError, type ErrorDetail } from '../../platform/errors.ts';
import type { Role } from '../../../common/auth/roles.ts';
import {
  DOSSIER_STATUSES,
  allowedActions,
  applyAction,
  closedPauses,
  initialDossierState,
  type ActionKind,
  type ActorRelation,
  type DossierState,
  type Effect,
  type LifecycleContext,
} from '../../../common/dossiers/index.ts';
import { timeLimitFor, type Channel, type Procedure } from '../../../common/catalog/procedure.ts';
import { durationHours, type Workflow } from '../../../common/catalog/workflow.ts';
import {
  addWorkingTime,
  remainingWorkingTime,
  workingMinutesBetween,
  workingDayMinutesOf,
} from '../../../common/working-time/index.ts';
import type { Duration } from '../../../common/working-time/index.ts';
import { foldVietnamese, foldedWords } from '../../../common/text/fold.ts';
import { grantReachesAgency } from '../org/org.policy.ts';
import { formValidatorFor, resolveWorkflow, workflowForDossier } from '../catalog/catalog.service.ts';
import { getOfficeHours, loadCalendar } from '../calendar/calendar.service.ts';

const invalid = (details: ErrorDetail[], message = 'Dữ liệu gửi lên không hợp lệ.') =>
  new AppError('VALIDATION_FAILED', message, details);

export type ApplicantInput = {
  kind: 'person' | 'organisation';
  fullName: string;
  idNumber: string;
  phone: string;
  email?: string | undefined;
  address?: { unitCode: string; line: string } | undefined;
};

export type ComponentInput = {
  code: string;
  provided: 'original' | 'copy' | 'certified-copy' | 'electronic' | 'reused';
  fileIds?: string[] | undefined;
  /** Files kept where they were submitted (the national portal), by link. */
  links?: { name: string; url: string }[] | undefined;
};

export type IntakeInput = {
  missing?: { code: string; note?: string | undefined }[] | undefined;
  procedureCode: string;
  caseCode?: string | undefined;
  agencyCode: string;
  applicant: ApplicantInput;
  formData: unknown;
  components: ComponentInput[];
  channel: 'direct' | 'postal';
  deskAgencyCode?: string | undefined;
};

/** Component codes are the positions in the procedure's list, from 1 (TP1, TP2 …). */
export const componentCode = (index: number): string => `TP${index + 1}`;

const CHANNEL_WORDING: Record<string, RegExp> = {
  direct: /trực tiếp/i,
  postal: /bưu chính/i,
  online: /trực tuyến/i,
};

/**
 * Components the rules make required on a channel: those the catalogue lists without a condition, and
 * those whose condition names the channel ("nộp trực tiếp hoặc qua bưu chính"), except papers only
 * shown for checking (xuất trình). Other conditions (trẻ bị bỏ rơi, ủy quyền …) are the desk's
 * judgement: the officer lists what is missing in `missing`.
 */
export function requiredComponents(p: Procedure, channel: string): { code: string; name: string }[] {
  const wording = CHANNEL_WORDING[channel];
  return p.components.flatMap((c, i) => {
    if (c.submission === 'present') return [];
    const required = c.condition === null || (wording !== undefined && wording.test(c.condition));
    return required ? [{ code: componentCode(i), name: c.name }] : [];
  });
}

const PERSON_ID = /^\d{12}$/;
const TAX_CODE = /^\d{10}(-\d{3})?$/;
const PHONE = /^(\+84|0)\d{9,10}$/;

export async function validateApplicant(
  db: Database,
  a: ApplicantInput,
  base: string,
): Promise<ErrorDetail[]> {
  const out: ErrorDetail[] = [];
  if (a.kind === 'person' && !PERSON_ID.test(a.idNumber)) {
    out.push({ path: `${base}/idNumber`, message: 'Số định danh cá nhân (căn cước) gồm đúng 12 chữ số.' });
  }
  if (a.kind === 'organisation' && !TAX_CODE.test(a.idNumber)) {
    out.push({
      path: `${base}/idNumber`,
      message: 'Mã số thuế gồm 10 chữ số (hoặc 10 chữ số, gạch ngang, 3 chữ số).',
    });
  }
  if (!PHONE.test(a.phone.replace(/[\s.]/g, ''))) {
    out.push({ path: `${base}/phone`, message: 'Số điện thoại không hợp lệ (ví dụ 0912345678).' });
  }
  if (a.address) {
    const unit = await db
      .selectFrom('units')
      .select('code')
      .where('code', '=', a.address.unitCode)
      .executeTakeFirst();
    if (!unit)
      out.push({
        path: `${base}/address/unitCode`,
        message: `Không có đơn vị hành chính mã ${a.address.unitCode}.`,
      });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Time

const VN_OFFSET_MS = 7 * 3_600_000;

/** yymmdd of the civil day in Vietnam. */
export function vnDay(at: Date): { yymmdd: string; iso: string } {
  const d = new Date(at.getTime() + VN_OFFSET_MS);
  const iso = d.toISOString().slice(0, 10);
  return { yymmdd: iso.slice(2).replace(/-/g, ''), iso };
}

function engineDuration(limit: { value: number; unit: string | null } | null): Duration | null {
  if (!limit || limit.unit === null) return null;
  if (limit.unit === 'working-day' || limit.unit === 'working-hour' || limit.unit === 'calendar-day') {
    return { value: limit.value, unit: limit.unit };
  }
  // 'calendar-hour' limits are not computed by the engine yet: the desk sets the appointment.
  return null;
}

type DueFacts = { dueAt: string | null; calendarVersion: number | null };

async function computeDueAt(
  deps: Deps,
  db: Database | Transaction<DB>,
  state: DossierState,
  limit: Duration | null,
  competentAgencyId: string,
): Promise<DueFacts> {
  if (!limit || !state.clock.startedAt) return { dueAt: null, calendarVersion: null };
  const cal = await loadCalendar(deps, undefined, db);
  const { hours } = await getOfficeHours(deps, competentAgencyId, db);
  const pauses = closedPauses(state);
  const due = addWorkingTime(state.clock.startedAt, limit, cal.calendar, hours, { pauses, explain: false });
  return { dueAt: due.dueAt, calendarVersion: cal.revision };
}

// ---------------------------------------------------------------------------------------------------
// Idempotency

function requestHash(body: unknown): string {
  return createHash('sha256').update(JSON.stringify(body)).digest('hex');
}

async function replayIdempotent(db: Database, scope: string, key: string | undefined, body: unknown) {
  if (key === undefined) return null;
  const row = await db
    .selectFrom('idempotency_keys')
    .select(['request_hash', 'status_code', 'response'])
    .where('scope', '=', scope)
    .where('key', '=', key)
    .executeTakeFirst();
  if (!row) return null;
  if (row.request_hash !== requestHash(body)) {
    throw new AppError('CONFLICT', 'Khóa Idempotency-Key này đã được dùng cho một yêu cầu khác.', [
      { path: 'headers/idempotency-key', message: 'Hãy dùng một khóa mới cho mỗi yêu cầu khác nhau.' },
    ]);
  }
  return { statusCode: row.status_code, body: row.response };
}

async function rememberIdempotent(
  trx: Transaction<DB>,
  scope: string,
  key: string | undefined,
  body: unknown,
  statusCode: number,
  response: Record<string, unknown>,
  at: Date,
) {
  if (key === undefined) return;
  await trx
    .insertInto('idempotency_keys')
    .values({
      scope,
      key,
      request_hash: requestHash(body),
      status_code: statusCode,
      response: JSON.stringify(response),
      created_at: at,
    })
    .execute();
}

// ---------------------------------------------------------------------------------------------------
// Relations and effects

type AgencyRow = {
  agency_id: string;
  code: string;
  name: string;
  unit_code: string;
  path: string;
  unit_path: string;
};

async function agencyRows(db: Database | Transaction<DB>, ids: string[]): Promise<Map<string, AgencyRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('agencies as a')
    .innerJoin('units as u', 'u.code', 'a.unit_code')
    .select(['a.agency_id', 'a.code', 'a.name', 'a.unit_code', 'a.path', 'u.path as unit_path'])
    .where('a.agency_id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.agency_id, r]));
}

function rolesAt(actor: Actor, agency: AgencyRow | undefined): Role[] {
  if (!agency) return [];
  return [
    ...new Set(
      actor.grants
        .filter(
          (g) =>
            g.role !== 'auditor' &&
            grantReachesAgency(g, { agencyPath: agency.path, unitPath: agency.unit_path }),
        )
        .map((g) => g.role),
    ),
  ];
}

type DossierRow = {
  dossier_id: string;
  code: string;
  procedure_version_id: string;
  procedure_code: string;
  case_key: string | null;
  channel: string;
  receiving_agency_id: string;
  competent_agency_id: string;
  current_agency_id: string;
  step_agencies: { key: string; agencyId: string; agencyCode: string }[];
  workflow: Record<string, unknown>;
  applicant: Record<string, unknown>;
  form_data: Record<string, unknown>;
  components: unknown[];
  state: Record<string, unknown>;
  status: string;
  version: number;
  submitted_at: Date;
  received_at: Date | null;
  due_at: Date | null;
  extended_due_at: Date | null;
  calendar_version: number | null;
  result_at: Date | null;
  returned_at: Date | null;
  closed_at: Date | null;
  updated_at: Date;
  applicant_id_number: string;
  submitted_by_citizen_id: string | null;
};

async function relationOf(
  db: Database | Transaction<DB>,
  actor: Actor,
  row: DossierRow,
  state: DossierState,
): Promise<ActorRelation> {
  const stepAgencyId = row.step_agencies[state.step.index]?.agencyId ?? row.current_agency_id;
  const agencies = await agencyRows(db, [row.receiving_agency_id, row.competent_agency_id, stepAgencyId]);
  return {
    isApplicant: false,
    rolesAtReceivingAgency: rolesAt(actor, agencies.get(row.receiving_agency_id)),
    rolesAtStepAgency: rolesAt(actor, agencies.get(stepAgencyId)),
    rolesAtResponsibleAgency: rolesAt(actor, agencies.get(row.competent_agency_id)),
  };
}

const NO_ROLES: ActorRelation = {
  isApplicant: false,
  rolesAtReceivingAgency: [],
  rolesAtStepAgency: [],
  rolesAtResponsibleAgency: [],
};

async function callerRelation(
  db: Database | Transaction<DB>,
  caller: Caller,
  row: DossierRow,
  state: DossierState,
): Promise<ActorRelation> {
  if (caller.kind === 'staff') return relationOf(db, caller.actor, row, state);
  if (caller.kind === 'citizen') return { ...NO_ROLES, isApplicant: isOwnDossier(caller.citizen, row) };
  return NO_ROLES;
}

async function deadlineOf(deps: Deps, db: Database | Transaction<DB>, row: DossierRow, now: Date) {
  const due = row.extended_due_at ?? row.due_at;
  if (!due) return null;
  const cal = await loadCalendar(deps, undefined, db);
  const { hours } = await getOfficeHours(deps, row.competent_agency_id, db);
  return {
    workingMinutesUntilDue: workingMinutesBetween(now, due, cal.calendar, hours),
    workingDayMinutes: workingDayMinutesOf(cal.calendar, hours),
    dueAt: new Date(due).toISOString(),
  };
}

/** The citizen owns the dossier: it is the applicant (by ID number) or submitted it online. */
export function isOwnDossier(
  citizen: CitizenActor,
  row: { applicant_id_number: string; submitted_by_citizen_id: string | null },
): boolean {
  return row.applicant_id_number === citizen.idNumber || row.submitted_by_citizen_id === citizen.citizenId;
}

/** Whether the caller may read the dossier: staff reaching an agency it involves, its owner, the system. */
export async function callerCanSee(db: Database, caller: Caller, row: DossierRow): Promise<boolean> {
  if (caller.kind === 'system') return true;
  if (caller.kind === 'citizen') return isOwnDossier(caller.citizen, row);
  return canSeeDossier(db, caller.actor, row.dossier_id);
}

/** Whether the actor may read the dossier: staff reaching any agency it involves. */
export async function canSeeDossier(db: Database, actor: Actor, dossierId: string): Promise<boolean> {
  const rows = await db
    .selectFrom('dossier_agencies as da')
    .innerJoin('agencies as a', 'a.agency_id', 'da.agency_id')
    .innerJoin('units as u', 'u.code', 'a.unit_code')
    .select(['a.path', 'u.path as unit_path'])
    .where('da.dossier_id', '=', dossierId)
    .execute();
  return rows.some((r) =>
    actor.grants.some((g) => grantReachesAgency(g, { agencyPath: r.path, unitPath: r.unit_path })),
  );
}

async function loadProcedureVersion(db: Database | Transaction<DB>, procedureVersionId: string) {
  const row = await db
    .selectFrom('procedure_versions')
    .select(['data', 'form_schema', 'version'])
    .where('procedure_version_id', '=', procedureVersionId)
    .executeTakeFirstOrThrow();
  return { procedure: row.data as unknown as Procedure, formSchema: row.form_schema, version: row.version };
}

function limitOf(p: Procedure, channel: string, caseKey: string | null): Duration | null {
  return engineDuration(timeLimitFor(p, channel as Channel, caseKey ?? undefined));
}

/** Who an action is recorded as: the action row and the audit entry. */
type PersistedActor = {
  kind: 'staff' | 'citizen' | 'system';
  userId: string | null;
  citizenId: string | null;
  label: string;
  roles: string[];
  agencyId: string | null;
};

function persistedActor(caller: Caller, roles: string[], agencyId: string | null): PersistedActor {
  if (caller.kind === 'staff')
    return {
      kind: 'staff',
      userId: caller.actor.userId,
      citizenId: null,
      label: caller.actor.username,
      roles,
      agencyId,
    };
  if (caller.kind === 'citizen')
    return {
      kind: 'citizen',
      userId: null,
      citizenId: caller.citizen.citizenId,
      label: caller.citizen.fullName,
      roles: ['applicant'],
      agencyId: null,
    };
  return { kind: 'system', userId: null, citizenId: null, label: caller.label, roles: [], agencyId: null };
}

/** Idempotency scope and lifecycle id of a caller. */
function callerKey(caller: Caller): { scope: string; id: string } {
  if (caller.kind === 'staff') return { scope: `staff:${caller.actor.userId}`, id: caller.actor.userId };
  if (caller.kind === 'citizen')
    return { scope: `citizen:${caller.citizen.citizenId}`, id: `citizen:${caller.citizen.citizenId}` };
  return { scope: `system:${caller.label}`, id: `system:${caller.label}` };
}

type Applied = {
  state: DossierState;
  effects: Effect[];
  record: Record<string, unknown>;
  kind: ActionKind;
};

/**
 * Applies the effects the lifecycle asked for and writes state, action and outbox, then `answer` (the
 * caller's response and idempotency record), then the audit entry, last: the audit chain's lock
 * (platform/audit.ts) is held until commit and serialises every writer in the province, so nothing
 * else runs under it (docs/benchmarks.md, intake).
 */
async function persistAction<T>(
  deps: Deps,
  trx: Transaction<DB>,
  row: DossierRow,
  applied: Applied,
  actor: PersistedActor,
  now: Date,
  requestId: string | null,
  note: string | null,
  answer: () => Promise<T>,
): Promise<T> {
  const { state, effects } = applied;
  const p = await loadProcedureVersion(trx, row.procedure_version_id);
  const limit = limitOf(p.procedure, row.channel, row.case_key);
  let dueAt = row.due_at ? new Date(row.due_at).toISOString() : null;
  let calendarVersion = row.calendar_version;
  let extendedDueAt = row.extended_due_at ? new Date(row.extended_due_at).toISOString() : null;
  let currentAgencyId = row.current_agency_id;
  let receivedAt = row.received_at;
  for (const e of effects) {
    if (e.type === 'start-clock' || e.type === 'resume-clock') {
      const due = await computeDueAt(deps, trx, state, limit, row.competent_agency_id);
      dueAt = due.dueAt;
      calendarVersion = due.calendarVersion;
      if (e.type === 'start-clock') receivedAt = new Date(e.at);
    } else if (e.type === 'move-to-agency') {
      currentAgencyId = row.step_agencies[e.stepIndex]?.agencyId ?? currentAgencyId;
    } else if (e.type === 'extend-due') {
      extendedDueAt = e.newDueAt;
    } else if (e.type === 'sync-portal') {
      await trx
        .insertInto('outbox')
        .values({
          topic: 'portal.dossier-status',
          ordering_key: row.code,
          payload: JSON.stringify({
            dossierCode: row.code,
            status: e.status,
            statusCode: e.statusCode,
            version: state.version,
            at: now.toISOString(),
          }),
          available_at: now,
          created_at: now,
        })
        .execute();
    } else if (e.type === 'notify-applicant') {
      await trx
        .insertInto('outbox')
        .values({
          topic: 'applicant.notification',
          ordering_key: row.code,
          payload: JSON.stringify({ dossierCode: row.code, action: e.action, status: e.status }),
          available_at: now,
          created_at: now,
        })
        .execute();
    }
  }
  const terminal = ['refused', 'withdrawn', 'stopped', 'returned'].includes(state.status);
  await trx
    .updateTable('dossiers')
    .set({
      state: JSON.stringify(state),
      status: state.status,
      version: state.version,
      current_agency_id: currentAgencyId,
      assignee_user_id: state.step.assigneeId,
      received_at: receivedAt,
      due_at: dueAt,
      calendar_version: calendarVersion,
      extended_due_at: extendedDueAt,
      result_at: state.status === 'result-ready' ? now : row.result_at,
      returned_at: state.status === 'returned' ? now : row.returned_at,
      closed_at: terminal ? now : null,
      updated_at: now,
    })
    .where('dossier_id', '=', row.dossier_id)
    .execute();
  const rec = applied.record as {
    from: { status: string; stepIndex: number };
    to: { status: string; stepIndex: number };
  };
  await trx
    .insertInto('dossier_actions')
    .values({
      dossier_id: row.dossier_id,
      version: state.version,
      kind: applied.kind,
      actor_kind: actor.kind,
      actor_user_id: actor.userId,
      actor_citizen_id: actor.citizenId,
      actor_label: actor.label,
      actor_roles: JSON.stringify(actor.roles),
      agency_id: actor.agencyId,
      at: now,
      from_status: rec.from.status,
      to_status: rec.to.status,
      from_step: rec.from.stepIndex,
      to_step: rec.to.stepIndex,
      note,
      record: JSON.stringify(applied.record),
    })
    .execute();
  const answered = await answer();
  await appendAudit(
    trx,
    { userId: actor.userId, label: actor.label },
    {
      action: `dossier.${applied.kind}`,
      entityType: 'dossier',
      entityId: row.code,
      details: { version: state.version, from: rec.from.status, to: rec.to.status },
      requestId,
    },
    now,
  );
  return answered;
}

function lifecycleError(err: {
  code: string;
  message: string;
  details?: { path: string; message: string }[];
}): AppError {
  if (err.code === 'FORBIDDEN') return new AppError('FORBIDDEN', err.message);
  if (err.code === 'ACTION_NOT_ALLOWED') return new AppError('CONFLICT', err.message);
  return new AppError(
    'VALIDATION_FAILED',
    err.message,
    (err.details ?? []).map((d) => ({ path: `body/${d.path}`, message: d.message })),
  );
}

// ---------------------------------------------------------------------------------------------------
// Intake at a desk

export type IntakeResult =
  | { kind: 'received'; dossier: DossierView }
  | { kind: 'incomplete'; code: string; missing: { code: string; name: string }[] };

/** What desk intake and online submission share: the request, checked. */
type IntakeCore = {
  procedureCode: string;
  caseCode?: string | undefined;
  agencyCode: string;
  applicant: ApplicantInput;
  formData: unknown;
  components: ComponentInput[];
  missing?: { code: string; note?: string | undefined }[] | undefined;
  channel: 'direct' | 'postal' | 'online';
};

type PreparedIntake = {
  procedureVersionId: string;
  procedure: Procedure;
  competentAgencyId: string;
  workflow: Workflow;
  stepAgencies: { key: string; agencyId: string; agencyCode: string }[];
  /** Required components not provided, and those the officer named missing. */
  missing: { code: string; name: string }[];
  /** Lenient mode: what the desk officer must look at before accepting (form and component problems). */
  warnings: ErrorDetail[];
};

/**
 * Checks an intake or a submission and resolves its workflow: every problem found is reported at once
 * (400 naming each field), nothing is written. `fileOwner`: a citizen may attach only their own files.
 * `lenient` (dossiers handed over by the national portal, already submitted there): form and component
 * problems do not refuse the dossier; they come back as warnings for the desk officer, who accepts,
 * asks for a supplement or refuses as for any online submission.
 */
async function prepareIntake(
  deps: Deps,
  input: IntakeCore,
  receiving: { agencyId: string },
  fileOwner: { citizenId: string } | null,
  lenient = false,
  pathOf: (p: string) => string = (p) => `body/${p}`,
): Promise<PreparedIntake> {
  const problems: ErrorDetail[] = [];
  const version = await deps.db
    .selectFrom('procedure_versions as v')
    .innerJoin('procedures as p', 'p.procedure_id', 'v.procedure_id')
    .select(['v.procedure_version_id', 'v.data', 'v.form_schema', 'p.procedure_id'])
    .where('p.code', '=', input.procedureCode)
    .where('v.status', '=', 'published')
    .executeTakeFirst();
  if (!version)
    throw invalid([
      { path: pathOf('procedureCode'), message: `Không có thủ tục mã ${input.procedureCode} đang áp dụng.` },
    ]);
  const procedure = version.data as unknown as Procedure;
  if (input.caseCode !== undefined && !procedure.cases.some((c) => c.key === input.caseCode)) {
    problems.push({ path: pathOf('caseCode'), message: `Thủ tục không có trường hợp “${input.caseCode}”.` });
  }
  const competent = await deps.db
    .selectFrom('agencies as a')
    .innerJoin('procedure_offerings as o', 'o.agency_id', 'a.agency_id')
    .select(['a.agency_id', 'a.code', 'a.name', 'a.unit_code'])
    .where('a.code', '=', input.agencyCode)
    .where('o.procedure_id', '=', version.procedure_id)
    .executeTakeFirst();
  if (!competent)
    problems.push({
      path: pathOf('agencyCode'),
      message: `Cơ quan ${input.agencyCode} không giải quyết thủ tục này.`,
    });
  problems.push(...(await validateApplicant(deps.db, input.applicant, pathOf('applicant'))));

  const warnings: ErrorDetail[] = [];
  const soft = lenient ? warnings : problems;
  const form = formValidatorFor(version).validate(input.formData);
  if (!form.ok)
    soft.push(...form.errors.map((e) => ({ path: pathOf(`formData${e.pointer}`), message: e.message })));

  const known = new Set(procedure.components.map((_c, i) => componentCode(i)));
  const fileIds = input.components.flatMap((c) => c.fileIds ?? []);
  const files =
    fileIds.length > 0
      ? await deps.db
          .selectFrom('files')
          .select(['file_id', 'uploaded_by_citizen_id'])
          .where('file_id', 'in', fileIds)
          .execute()
      : [];
  const usable = new Set(
    files
      .filter((f) => fileOwner === null || f.uploaded_by_citizen_id === fileOwner.citizenId)
      .map((f) => f.file_id),
  );
  (input.missing ?? []).forEach((m, i) => {
    if (!known.has(m.code))
      problems.push({ path: pathOf(`missing/${i}/code`), message: `Thủ tục không có thành phần ${m.code}.` });
  });
  input.components.forEach((c, i) => {
    if (!known.has(c.code))
      soft.push({
        path: pathOf(`components/${i}/code`),
        message: `Thủ tục không có thành phần ${c.code}.`,
      });
    (c.fileIds ?? []).forEach((f, j) => {
      if (!usable.has(f))
        problems.push({ path: pathOf(`components/${i}/fileIds/${j}`), message: 'Không có tệp này.' });
    });
    if (c.provided === 'electronic' && (c.fileIds ?? []).length === 0 && (c.links ?? []).length === 0) {
      soft.push({ path: pathOf(`components/${i}/fileIds`), message: 'Bản điện tử cần ít nhất một tệp.' });
    }
  });
  if (problems.length > 0 || !competent) throw invalid(problems);

  const agencies = await agencyRows(deps.db, [receiving.agencyId, competent.agency_id]);
  const wf = await workflowForDossier(
    deps.db,
    version.procedure_version_id,
    competent.agency_id,
    input.channel,
  );
  if (wf.steps.length === 0) {
    throw new AppError(
      'UNPROCESSABLE',
      'Thủ tục chưa có quy trình và thời hạn dùng được; quản trị cần khai báo quy trình.',
      wf.problems,
    );
  }
  const resolved = await resolveWorkflow(
    deps.db,
    wf,
    agencies.get(receiving.agencyId)!,
    agencies.get(competent.agency_id)!,
  );
  const unresolved = resolved.findIndex((s) => s.agency === null);
  if (unresolved >= 0) {
    throw new AppError(
      'UNPROCESSABLE',
      `Bước “${resolved[unresolved]!.name}” của quy trình không xác định được cơ quan thực hiện.`,
    );
  }
  // One read for the performers' ids (steps often share one agency).
  const performerIds = new Map(
    (
      await deps.db
        .selectFrom('agencies')
        .select(['agency_id', 'code'])
        .where('code', 'in', [...new Set(resolved.map((s) => s.agency!.code))])
        .execute()
    ).map((a) => [a.code, a.agency_id]),
  );
  const stepAgencies = resolved.map((s) => {
    const agencyId = performerIds.get(s.agency!.code);
    if (agencyId === undefined) throw new Error(`agency ${s.agency!.code} vanished during intake`);
    return { key: s.key, agencyId, agencyCode: s.agency!.code };
  });

  const provided = new Set(input.components.map((c) => c.code));
  const missing = requiredComponents(procedure, input.channel).filter((c) => !provided.has(c.code));
  for (const m of input.missing ?? []) {
    const index = Number(m.code.slice(2)) - 1;
    const c = procedure.components[index];
    if (c && !missing.some((x) => x.code === m.code))
      missing.push({ code: m.code, name: m.note ? `${c.name} (${m.note})` : c.name });
  }
  return {
    procedureVersionId: version.procedure_version_id,
    procedure,
    competentAgencyId: competent.agency_id,
    workflow: wf,
    stepAgencies,
    missing,
    warnings,
  };
}

/** Takes the next gap-free code of the receiving agency for today and inserts the dossier, submitted. */
async function insertDossier(
  trx: Transaction<DB>,
  prepared: PreparedIntake,
  input: IntakeCore,
  receiving: { agencyId: string; agencyCode: string },
  now: Date,
  by: { userId: string | null; citizenId: string | null },
): Promise<{ row: DossierRow; initial: DossierState }> {
  const day = vnDay(now);
  const counter = await sql<{ last_value: number }>`
    INSERT INTO dossier_code_counters (agency_id, day, last_value) VALUES (${receiving.agencyId}, ${day.iso}, 1)
    ON CONFLICT (agency_id, day) DO UPDATE SET last_value = dossier_code_counters.last_value + 1
    RETURNING last_value`.execute(trx);
  const seq = counter.rows[0]!.last_value;
  const code = `${receiving.agencyCode}-${day.yymmdd}-${String(seq).padStart(4, '0')}`;
  const initial = initialDossierState({ steps: prepared.workflow.steps });
  const inserted = await trx
    .insertInto('dossiers')
    .values({
      code,
      procedure_version_id: prepared.procedureVersionId,
      procedure_code: input.procedureCode,
      case_key: input.caseCode ?? null,
      channel: input.channel,
      receiving_agency_id: receiving.agencyId,
      competent_agency_id: prepared.competentAgencyId,
      current_agency_id: receiving.agencyId,
      step_agencies: JSON.stringify(prepared.stepAgencies),
      workflow: JSON.stringify(prepared.workflow),
      applicant: JSON.stringify(input.applicant),
      applicant_id_number: input.applicant.idNumber,
      applicant_search: `${foldVietnamese(input.applicant.fullName)} ${input.applicant.idNumber}`,
      form_data: JSON.stringify(input.formData ?? {}),
      components: JSON.stringify(input.components),
      state: JSON.stringify(initial),
      status: initial.status,
      version: 0,
      submitted_at: now,
      created_by: by.userId,
      submitted_by_citizen_id: by.citizenId,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const involved = [
    ...new Set([
      receiving.agencyId,
      prepared.competentAgencyId,
      ...prepared.stepAgencies.map((s) => s.agencyId),
    ]),
  ];
  await trx
    .insertInto('dossier_agencies')
    .values(involved.map((agency_id) => ({ dossier_id: inserted.dossier_id, agency_id })))
    .execute();
  return { row: inserted as unknown as DossierRow, initial };
}

export async function receiveAtDesk(
  deps: Deps,
  actor: Actor,
  input: IntakeInput,
  idempotencyKey: string | undefined,
  requestId: string,
): Promise<{ statusCode: number; body: object }> {
  const scope = `staff:${actor.userId}:intake`;
  const replay = await replayIdempotent(deps.db, scope, idempotencyKey, input);
  if (replay) return replay;

  // The desk: the officer's own agency (or the one named, when they serve several).
  const desks = actor.grants.filter((g) => g.role === 'desk-officer');
  const desk = input.deskAgencyCode ? desks.find((g) => g.agencyCode === input.deskAgencyCode) : desks[0];
  if (!desk) throw new AppError('FORBIDDEN', 'Chỉ cán bộ một cửa được tiếp nhận hồ sơ tại quầy.');

  const prepared = await prepareIntake(deps, input, desk, null);
  const { missing } = prepared;
  const now = deps.clock.now();
  const staff = { kind: 'staff' as const, id: actor.userId };
  const deskActor = persistedActor({ kind: 'staff', actor }, ['desk-officer'], desk.agencyId);

  return deps.db.transaction().execute(async (trx) => {
    const { row, initial } = await insertDossier(trx, prepared, input, desk, now, {
      userId: actor.userId,
      citizenId: null,
    });
    const code = row.code;
    const relation = await relationOf(trx, actor, row, initial);
    const context: LifecycleContext = { relation };
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
      context,
    );
    if (!result.ok) throw lifecycleError(result.error);
    return persistAction(
      deps,
      trx,
      row,
      {
        state: result.state,
        effects: result.effects,
        record: result.record,
        kind,
      },
      deskActor,
      now,
      requestId,
      null,
      async () => {
        if (kind === 'request-supplement') {
          const body = {
            error: {
              code: 'DOSSIER_INCOMPLETE',
              message: 'Hồ sơ chưa đầy đủ; đã lập phiếu yêu cầu bổ sung, hoàn thiện hồ sơ.',
              details: missing.map((m) => ({ path: `components/${m.code}`, message: `Thiếu: ${m.name}` })),
              requestId,
              dossierCode: code,
              slip: `/api/v1/dossiers/${code}/slips/supplement-request`,
            },
          };
          await rememberIdempotent(trx, scope, idempotencyKey, input, 422, body, now);
          return { statusCode: 422, body };
        }
        const view = await presentDossier(deps, trx, code);
        await rememberIdempotent(trx, scope, idempotencyKey, input, 201, view, now);
        return { statusCode: 201, body: view };
      },
    );
  });
}

// ---------------------------------------------------------------------------------------------------
// Online submission (the citizen portal, and dossiers submitted on the national portal)

export type OnlineSubmissionInput = {
  procedureCode: string;
  caseCode?: string | undefined;
  /** The competent agency (cơ quan giải quyết). */
  agencyCode: string;
  /** The desk that receives it (any desk may receive for any agency, QĐ 468); default the competent agency's. */
  receivingAgencyCode?: string | undefined;
  applicant: {
    kind: 'person' | 'organisation';
    fullName?: string | undefined;
    idNumber?: string | undefined;
    phone: string;
    email?: string | undefined;
    address?: { unitCode: string; line: string } | undefined;
  };
  formData: unknown;
  components: {
    code: string;
    fileIds: string[];
    provided?: 'electronic' | 'reused' | undefined;
    links?: { name: string; url: string }[] | undefined;
  }[];
};

/** Who submits online: a signed-in citizen, or the national portal handing over a dossier. */
export type Submitter =
  { kind: 'citizen'; citizen: CitizenActor } | { kind: 'system'; label: string; applicant: ApplicantInput };

/**
 * An online submission: checked like a desk intake, with every required component attached as an
 * electronic copy; it gets its code from the receiving desk and waits, `submitted`, for a desk officer
 * to accept it (the clock starts then), ask for a supplement, or refuse it.
 */
export async function submitOnline(
  deps: Deps,
  submitter: Submitter,
  input: OnlineSubmissionInput,
  idempotencyKey: string | undefined,
  requestId: string,
): Promise<{ statusCode: number; body: object; warnings: ErrorDetail[] }> {
  const scope =
    submitter.kind === 'citizen'
      ? `citizen:${submitter.citizen.citizenId}:submit`
      : `system:${submitter.label}:submit`;
  const replay = await replayIdempotent(deps.db, scope, idempotencyKey, input);
  if (replay) return { ...replay, warnings: [] };

  const problems: ErrorDetail[] = [];
  let applicant: ApplicantInput;
  if (submitter.kind === 'system') applicant = submitter.applicant;
  else if (input.applicant.kind === 'person') {
    // The identity provider vouches for the person: the name and number are the account's.
    applicant = {
      kind: 'person',
      fullName: submitter.citizen.fullName,
      idNumber: submitter.citizen.idNumber,
      phone: input.applicant.phone,
      email: input.applicant.email,
      address: input.applicant.address,
    };
  } else {
    if (!input.applicant.fullName)
      problems.push({ path: 'body/applicant/fullName', message: 'Nhập tên tổ chức.' });
    if (!input.applicant.idNumber)
      problems.push({ path: 'body/applicant/idNumber', message: 'Nhập mã số thuế hoặc mã số doanh nghiệp.' });
    applicant = {
      kind: 'organisation',
      fullName: input.applicant.fullName ?? '',
      idNumber: input.applicant.idNumber ?? '',
      phone: input.applicant.phone,
      email: input.applicant.email,
      address: input.applicant.address,
    };
  }
  const receivingCode = input.receivingAgencyCode ?? input.agencyCode;
  const receiving = await deps.db
    .selectFrom('agencies as a')
    .innerJoin('desks as d', 'd.agency_id', 'a.agency_id')
    .select(['a.agency_id as agencyId', 'a.code as agencyCode'])
    .where('a.code', '=', receivingCode)
    .executeTakeFirst();
  if (!receiving)
    problems.push({
      path: input.receivingAgencyCode ? 'body/receivingAgencyCode' : 'body/agencyCode',
      message: `Cơ quan ${receivingCode} không có bộ phận một cửa tiếp nhận hồ sơ.`,
    });
  if (problems.length > 0 || !receiving) throw invalid(problems);

  const core: IntakeCore = {
    procedureCode: input.procedureCode,
    caseCode: input.caseCode,
    agencyCode: input.agencyCode,
    applicant,
    formData: input.formData,
    components: input.components.map((c) => ({
      code: c.code,
      provided: c.provided ?? 'electronic',
      fileIds: c.fileIds,
      ...(c.links ? { links: c.links } : {}),
    })),
    channel: 'online',
  };
  const lenient = submitter.kind === 'system';
  const prepared = await prepareIntake(
    deps,
    core,
    receiving,
    submitter.kind === 'citizen' ? { citizenId: submitter.citizen.citizenId } : null,
    lenient,
  );
  const warnings = [
    ...prepared.warnings,
    ...(lenient
      ? prepared.missing.map((m) => ({ path: `body/components/${m.code}`, message: `Thiếu: ${m.name}` }))
      : []),
  ];
  if (prepared.missing.length > 0 && !lenient)
    throw invalid(
      prepared.missing.map((m) => ({
        path: `body/components/${m.code}`,
        message: `Cần đính kèm: ${m.name}`,
      })),
      'Hồ sơ trực tuyến cần đủ các thành phần bắt buộc.',
    );
  const now = deps.clock.now();
  const label = submitter.kind === 'citizen' ? `citizen:${submitter.citizen.citizenId}` : submitter.label;
  return deps.db.transaction().execute(async (trx) => {
    const { row, initial } = await insertDossier(trx, prepared, core, receiving, now, {
      userId: null,
      citizenId: submitter.kind === 'citizen' ? submitter.citizen.citizenId : null,
    });
    await trx
      .insertInto('outbox')
      .values({
        topic: 'portal.dossier-status',
        ordering_key: row.code,
        payload: JSON.stringify({
          dossierCode: row.code,
          status: initial.status,
          statusCode: DOSSIER_STATUSES[initial.status].code,
          version: 0,
          at: now.toISOString(),
        }),
        available_at: now,
        created_at: now,
      })
      .execute();
    const view = await presentDossier(deps, trx, row.code);
    await rememberIdempotent(trx, scope, idempotencyKey, input, 201, view, now);
    await appendAudit(
      trx,
      { userId: null, label },
      {
        action: 'dossier.submit',
        entityType: 'dossier',
        entityId: row.code,
        details: { channel: 'online', receivingAgency: receiving.agencyCode, warnings: warnings.length },
        requestId,
      },
      now,
    );
    return { statusCode: 201, body: view, warnings };
  });
}

/** The citizen's own dossiers (as applicant or submitter), newest first. */
export async function listOwnDossiers(
  deps: Deps,
  citizen: CitizenActor,
  f: { status?: string | undefined; offset: number; limit: number },
) {
  let q = deps.db
    .selectFrom('dossiers as d')
    .where((eb) =>
      eb.or([
        eb('d.applicant_id_number', '=', citizen.idNumber),
        eb('d.submitted_by_citizen_id', '=', citizen.citizenId),
      ]),
    );
  if (f.status !== undefined) q = q.where('d.status', '=', f.status);
  const [total, rows] = await Promise.all([
    q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    q
      .innerJoin('procedure_versions as v', 'v.procedure_version_id', 'd.procedure_version_id')
      .innerJoin('agencies as ca', 'ca.agency_id', 'd.competent_agency_id')
      .select([
        'd.code',
        'd.status',
        'd.procedure_code',
        'v.name as procedure_name',
        'ca.name as agency_name',
        'd.submitted_at',
        'd.received_at',
        'd.due_at',
        'd.extended_due_at',
        'd.returned_at',
        'd.version',
      ])
      .orderBy('d.submitted_at', 'desc')
      .orderBy('d.dossier_id', 'desc')
      .offset(f.offset)
      .limit(f.limit)
      .execute(),
  ]);
  return {
    total: Number(total.n),
    items: rows.map((r) => ({
      code: r.code,
      status: r.status,
      statusLabel: DOSSIER_STATUSES[r.status as keyof typeof DOSSIER_STATUSES].citizenLabel,
      procedureCode: r.procedure_code,
      procedureName: r.procedure_name,
      agencyName: r.agency_name,
      submittedAt: new Date(r.submitted_at).toISOString(),
      receivedAt: isoOrNull(r.received_at),
      dueAt: isoOrNull(r.extended_due_at ?? r.due_at),
      returnedAt: isoOrNull(r.returned_at),
      version: r.version,
    })),
  };
}

// ---------------------------------------------------------------------------------------------------
// Actions

export async function loadRow(
  db: Database | Transaction<DB>,
  code: string,
  forUpdate = false,
): Promise<DossierRow | undefined> {
  let q = db.selectFrom('dossiers').selectAll().where('code', '=', code);
  if (forUpdate) q = q.forUpdate();
  return await q.executeTakeFirst();
}

export async function performAction(
  deps: Deps,
  caller: Caller,
  code: string,
  kind: string,
  input: unknown,
  ifMatch: number,
  idempotencyKey: string | undefined,
  requestId: string,
): Promise<{ statusCode: number; body: object }> {
  const who = callerKey(caller);
  const scope = `${who.scope}:action:${code}`;
  const replay = await replayIdempotent(deps.db, scope, idempotencyKey, { kind, input, ifMatch });
  if (replay) return replay;
  const visible = await loadRow(deps.db, code);
  if (!visible || !(await callerCanSee(deps.db, caller, visible)))
    throw new AppError('NOT_FOUND', `Không tìm thấy hồ sơ ${code}.`);
  if (caller.kind === 'staff' && caller.actor.grants.every((g) => g.role === 'auditor'))
    throw new AppError('FORBIDDEN', 'Tài khoản thanh tra chỉ được xem.');
  await checkAttachedFiles(deps.db, caller, input);
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const row = (await loadRow(trx, code, true))!;
    if (row.version !== ifMatch) {
      throw new AppError('STALE_VERSION', 'Hồ sơ đã thay đổi; hãy tải lại rồi thực hiện.', [
        { path: 'headers/if-match', message: `Phiên bản hiện tại là ${row.version}.` },
      ]);
    }
    const state = row.state as unknown as DossierState;
    const relation = await callerRelation(trx, caller, row, state);
    const deadline = await deadlineOf(deps, trx, row, now);
    const context: LifecycleContext = { relation, deadline };
    const result = applyAction(
      state,
      { kind: kind as ActionKind, actor: { kind: caller.kind, id: who.id }, input, at: now.toISOString() },
      context,
    );
    if (!result.ok) throw lifecycleError(result.error);
    const roles = [
      ...new Set([
        ...relation.rolesAtStepAgency,
        ...relation.rolesAtReceivingAgency,
        ...relation.rolesAtResponsibleAgency,
      ]),
    ];
    const note =
      typeof (input as { note?: unknown })?.note === 'string'
        ? (input as { note: string }).note
        : typeof (input as { reason?: unknown })?.reason === 'string'
          ? (input as { reason: string }).reason
          : null;
    return persistAction(
      deps,
      trx,
      row,
      {
        state: result.state,
        effects: result.effects,
        record: result.record,
        kind: kind as ActionKind,
      },
      persistedActor(caller, roles, row.step_agencies[state.step.index]?.agencyId ?? null),
      now,
      requestId,
      note,
      async () => {
        const view = await presentDossier(deps, trx, code);
        await rememberIdempotent(trx, scope, idempotencyKey, { kind, input, ifMatch }, 200, view, now);
        return { statusCode: 200, body: view };
      },
    );
  });
}

/**
 * Files an action attaches (supplements, result documents) must exist, and a citizen may attach only
 * files they uploaded.
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
  const rows =
    valid.length > 0
      ? await db
          .selectFrom('files')
          .select(['file_id', 'uploaded_by_citizen_id'])
          .where('file_id', 'in', valid)
          .execute()
      : [];
  const usable = new Set(
    rows
      .filter((f) => caller.kind !== 'citizen' || f.uploaded_by_citizen_id === caller.citizen.citizenId)
      .map((f) => f.file_id),
  );
  const bad = refs.filter((r) => !usable.has(r.fileId));
  if (bad.length > 0) throw invalid(bad.map((r) => ({ path: r.path, message: 'Không có tệp này.' })));
}

export async function actionsFor(deps: Deps, caller: Caller, code: string) {
  const row = await loadRow(deps.db, code);
  if (!row || !(await callerCanSee(deps.db, caller, row)))
    throw new AppError('NOT_FOUND', `Không tìm thấy hồ sơ ${code}.`);
  const state = row.state as unknown as DossierState;
  if (caller.kind === 'staff' && caller.actor.grants.every((g) => g.role === 'auditor'))
    return { version: row.version, items: [] };
  const relation = await callerRelation(deps.db, caller, row, state);
  const deadline = await deadlineOf(deps, deps.db, row, deps.clock.now());
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
      inputs: a.inputs,
    })),
  };
}

// ---------------------------------------------------------------------------------------------------
// Reads

export type DossierView = Static<typeof DossierViewSchema>;

export async function presentDossier(
  deps: Deps,
  db: Database | Transaction<DB>,
  code: string,
): Promise<DossierView> {
  const row = (await loadRow(db, code))!;
  const state = row.state as unknown as DossierState;
  const agencies = await agencyRows(db, [
    ...new Set([
      row.receiving_agency_id,
      row.competent_agency_id,
      row.current_agency_id,
      ...row.step_agencies.map((s) => s.agencyId),
    ]),
  ]);
  const brief = (id: string) => {
    const a = agencies.get(id)!;
    return { code: a.code, name: a.name };
  };
  const { procedure, version } = await loadProcedureVersion(db, row.procedure_version_id);
  const info = DOSSIER_STATUSES[state.status];
  const history = await db
    .selectFrom('dossier_actions')
    .select([
      'version',
      'kind',
      'actor_label',
      'actor_roles',
      'at',
      'from_status',
      'to_status',
      'from_step',
      'to_step',
      'note',
    ])
    .where('dossier_id', '=', row.dossier_id)
    .orderBy('version')
    .execute();
  const workflow = row.workflow as unknown as Workflow;
  let remaining: { overdue: boolean; workingMinutes: number; label: string } | null = null;
  let stepDue: (string | null)[] = workflow.steps.map(() => null);
  const due = row.extended_due_at ?? row.due_at;
  if (due && state.clock.startedAt) {
    const cal = await loadCalendar(deps, undefined, db);
    const { hours } = await getOfficeHours(deps, row.competent_agency_id, db);
    const r = remainingWorkingTime(
      state.closedAt ?? deps.clock.now().toISOString(),
      due,
      cal.calendar,
      hours,
    );
    remaining = { overdue: r.overdue, workingMinutes: r.workingMinutes, label: r.label };
    // Each step's due time: the cumulative shares counted from the start of the clock.
    let cumulative = 0;
    const pauses = closedPauses(state);
    // Shares in calendar time have no working-time due of their own.
    stepDue = workflow.steps.map((s) => {
      if (s.share.unit === 'calendar-day' || s.share.unit === 'calendar-hour') return null;
      cumulative += durationHours(s.share);
      if (cumulative === 0) return null;
      return addWorkingTime(
        state.clock.startedAt!,
        { value: cumulative, unit: 'working-hour' },
        cal.calendar,
        hours,
        { pauses, explain: false },
      ).dueAt;
    });
  }
  return {
    code: row.code,
    version: row.version,
    status: state.status,
    statusCode: info.code,
    statusLabel: info.label,
    procedure: { code: procedure.code, name: procedure.name, version },
    caseCode: row.case_key,
    channel: row.channel,
    receivingAgency: brief(row.receiving_agency_id),
    competentAgency: brief(row.competent_agency_id),
    currentAgency: brief(row.current_agency_id),
    applicant: row.applicant,
    formData: row.form_data,
    components: row.components as Record<string, unknown>[],
    submittedAt: new Date(row.submitted_at).toISOString(),
    receivedAt: isoOrNull(row.received_at),
    dueAt: isoOrNull(row.due_at),
    extendedDueAt: isoOrNull(row.extended_due_at),
    calendarVersion: row.calendar_version,
    resultAt: isoOrNull(row.result_at),
    returnedAt: isoOrNull(row.returned_at),
    remaining,
    currentStep: { index: state.step.index, key: state.step.key, assigneeId: state.step.assigneeId },
    steps: workflow.steps.map((s, i) => ({
      key: s.key,
      name: s.name,
      role: s.role,
      agency: brief(row.step_agencies[i]!.agencyId),
      dueAt: stepDue[i] ?? null,
      current: i === state.step.index,
    })),
    outcome: state.outcome,
    resultDocuments: state.resultDocuments as unknown as Record<string, unknown>[],
    history: history.map((h) => ({
      version: h.version,
      action: h.kind,
      by: h.actor_label,
      roles: h.actor_roles,
      at: new Date(h.at).toISOString(),
      from: h.from_status,
      to: h.to_status,
      fromStep: h.from_step,
      toStep: h.to_step,
      note: h.note,
    })),
  };
}

export async function getDossier(deps: Deps, caller: Caller, code: string) {
  const row = await loadRow(deps.db, code);
  if (!row || !(await callerCanSee(deps.db, caller, row)))
    throw new AppError('NOT_FOUND', `Không tìm thấy hồ sơ ${code}.`);
  return presentDossier(deps, deps.db, code);
}

export const WORKLISTS = [
  'to-receive',
  'mine',
  'agency',
  'due-soon',
  'overdue',
  'awaiting-supplement',
  'result-ready',
] as const;
export type Worklist = (typeof WORKLISTS)[number];

export type ListFilter = {
  list?: Worklist | undefined;
  status?: string | undefined;
  procedureCode?: string | undefined;
  agencyCode?: string | undefined;
  q?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  offset: number;
  limit: number;
};

/** Dossiers the actor may see, narrowed to one worklist. */
function worklistQuery(deps: Deps, actor: Actor, list: Worklist | undefined) {
  const now = deps.clock.now();
  const reach = actor.grants.map(
    (g) =>
      sql`(a.path LIKE ${g.agencyPath + '%'} OR (u.path LIKE ${g.unitPath + '%'} AND u.path <> ${g.unitPath}))`,
  );
  let q = deps.db.selectFrom('dossiers as d').where(
    reach.length === 0
      ? sql<boolean>`false`
      : sql<boolean>`EXISTS (SELECT 1 FROM dossier_agencies da JOIN agencies a ON a.agency_id = da.agency_id JOIN units u ON u.code = a.unit_code
        WHERE da.dossier_id = d.dossier_id AND (${sql.join(reach, sql` OR `)}))`,
  );
  const myAgencies = actor.grants.length > 0 ? actor.grants.map((g) => g.agencyId) : ['0'];
  switch (list) {
    case 'to-receive':
      q = q.where('d.status', '=', 'submitted').where('d.receiving_agency_id', 'in', myAgencies);
      break;
    case 'mine':
      q = q.where('d.assignee_user_id', '=', actor.userId).where('d.closed_at', 'is', null);
      break;
    case 'agency':
      q = q.where('d.current_agency_id', 'in', myAgencies).where('d.closed_at', 'is', null);
      break;
    case 'due-soon':
      q = q
        .where('d.status', 'in', ['received', 'processing'])
        .where('d.due_at', '>=', now)
        .where('d.due_at', '<=', new Date(now.getTime() + 3 * 86_400_000));
      break;
    case 'overdue':
      q = q
        .where('d.status', 'in', ['received', 'processing', 'awaiting-supplement', 'awaiting-payment'])
        .where('d.due_at', '<', now);
      break;
    case 'awaiting-supplement':
      q = q.where('d.status', '=', 'awaiting-supplement');
      break;
    case 'result-ready':
      q = q.where('d.status', '=', 'result-ready');
      break;
    default:
      break;
  }
  return q;
}

/** How many dossiers each worklist holds for the actor (the counters beside the lists). */
export async function countWorklists(deps: Deps, actor: Actor) {
  const counts: Record<string, number> = {};
  for (const list of WORKLISTS) {
    const r = await worklistQuery(deps, actor, list)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    counts[list] = Number(r.n);
  }
  return counts as Record<Worklist, number>;
}

export async function listDossiers(deps: Deps, actor: Actor, f: ListFilter) {
  let q = worklistQuery(deps, actor, f.list);
  if (f.status !== undefined) q = q.where('d.status', '=', f.status);
  if (f.procedureCode !== undefined) q = q.where('d.procedure_code', '=', f.procedureCode);
  if (f.agencyCode !== undefined) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('agencies as fa')
          .select('fa.agency_id')
          .where('fa.code', '=', f.agencyCode!)
          .where((e2) =>
            e2.or([
              e2('fa.agency_id', '=', e2.ref('d.current_agency_id')),
              e2('fa.agency_id', '=', e2.ref('d.receiving_agency_id')),
              e2('fa.agency_id', '=', e2.ref('d.competent_agency_id')),
            ]),
          ),
      ),
    );
  }
  if (f.q !== undefined) {
    for (const w of foldedWords(f.q))
      q = q.where(
        sql<boolean>`(d.applicant_search LIKE ${'%' + w + '%'} OR lower(d.code) LIKE ${'%' + w + '%'})`,
      );
  }
  if (f.from !== undefined) q = q.where('d.submitted_at', '>=', new Date(f.from));
  if (f.to !== undefined) q = q.where('d.submitted_at', '<', new Date(new Date(f.to).getTime() + 86_400_000));
  const [rows, count] = await Promise.all([
    q
      .innerJoin('agencies as ca', 'ca.agency_id', 'd.current_agency_id')
      .select([
        'd.code',
        'd.status',
        'd.procedure_code',
        'd.applicant',
        'd.submitted_at',
        'd.received_at',
        'd.due_at',
        'd.extended_due_at',
        'd.version',
        'ca.code as agency_code',
        'ca.name as agency_name',
      ])
      .orderBy('d.due_at', (ob) => ob.asc().nullsLast())
      .orderBy('d.dossier_id', 'desc')
      .offset(f.offset)
      .limit(f.limit)
      .execute(),
    q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      code: r.code,
      status: r.status,
      statusLabel: DOSSIER_STATUSES[r.status as DossierState['status']].label,
      procedureCode: r.procedure_code,
      applicantName: applicantName(r.applicant),
      submittedAt: isoOrNull(r.submitted_at)!,
      receivedAt: isoOrNull(r.received_at),
      dueAt: isoOrNull(r.due_at),
      extendedDueAt: isoOrNull(r.extended_due_at),
      currentAgency: { code: r.agency_code, name: r.agency_name },
      version: r.version,
    })),
    total: Number(count.n),
  };
}

// ---------------------------------------------------------------------------------------------------
// Public lookup

function applicantName(applicant: Record<string, unknown>): string {
  return typeof applicant.fullName === 'string' ? applicant.fullName : '';
}

/** "Nguyễn Thị Hường" → "Nguyễn T*** H***": the family name, then initials. */
export function maskName(fullName: string): string {
  const parts = fullName.trim().split(/\s+/);
  if (parts.length === 0 || parts[0] === '') return '***';
  return [parts[0], ...parts.slice(1).map((p) => `${[...p][0] ?? ''}***`)].join(' ');
}

/**
 * One SELECT of what the public sees (the page anyone can open by code, so the hot read): the fields
 * themselves, not the whole dossier row and the procedure version's documents (≈16 KB of JSON to read
 * and parse for a few names; docs/benchmarks.md, lookup). The version's name column is written with
 * its data (catalog versionColumns); procedure_code is the dossier's copy of the code it was received under.
 */
export async function publicLookup(deps: Deps, code: string) {
  const row = await deps.db
    .selectFrom('dossiers as d')
    .innerJoin('procedure_versions as v', 'v.procedure_version_id', 'd.procedure_version_id')
    .innerJoin('agencies as ra', 'ra.agency_id', 'd.receiving_agency_id')
    .innerJoin('agencies as ca', 'ca.agency_id', 'd.competent_agency_id')
    .select([
      'd.code',
      'd.procedure_code',
      'v.name as procedure_name',
      'ra.name as receiving_name',
      'ca.name as competent_name',
      sql<DossierState['status']>`d.state->>'status'`.as('status'),
      sql<string | null>`d.applicant->>'fullName'`.as('applicant_name'),
      'd.received_at',
      'd.due_at',
      'd.extended_due_at',
      'd.returned_at',
    ])
    .where('d.code', '=', code)
    .executeTakeFirst();
  if (!row) return null;
  return {
    code: row.code,
    procedure: { code: row.procedure_code, name: row.procedure_name },
    receivingAgency: row.receiving_name,
    competentAgency: row.competent_name,
    status: row.status,
    statusLabel: DOSSIER_STATUSES[row.status].citizenLabel,
    applicantName: maskName(row.applicant_name ?? ''),
    receivedAt: isoOrNull(row.received_at),
    dueAt: isoOrNull(row.extended_due_at ?? row.due_at),
    returnedAt: isoOrNull(row.returned_at),
  };
}
