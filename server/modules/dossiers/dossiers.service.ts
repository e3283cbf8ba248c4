// Dossiers end to end: desk intake with gap-free codes, the lifecycle actions (common/dossiers) with
// their effects, due times in legal working time, and the reads. Every change writes, in one
// transaction: the new state, the append-only action, the audit entry and the outbox message.
import { sql, type Selectable, type Transaction } from 'kysely';
import type { Static } from 'typebox';
import type {
  ApplicantDossierView as ApplicantDossierViewSchema,
  DossierView as DossierViewSchema,
} from '../../../common/contracts/dossiers.ts';
import type { DB } from '../../db/schema.ts';
import { preparedQuery, type Database } from '../../db/client.ts';
import { coalesce } from '../../db/coalesce.ts';
import type { Deps } from '../../deps.ts';
import type { Actor, Caller, CitizenActor } from '../../platform/actor.ts';
import { isoOrNull } from '../../platform/clock.ts';
import { appendAudit, type AuditEntry } from '../../platform/audit.ts';
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
import { componentCode, requiredComponents } from '../../../common/dossiers/components.ts';
import { durationHours, type Workflow } from '../../../common/catalog/workflow.ts';
import {
  addWorkingTime,
  remainingWorkingTime,
  workingMinutesBetween,
  workingDayMinutesOf,
} from '../../../common/working-time/index.ts';
import type { Duration } from '../../../common/working-time/index.ts';
import { foldVietnamese, foldedWords } from '../../../common/text/fold.ts';
import { vnDate } from '../../../common/time/vn-time.ts';
import { findReplay, rememberResponse } from '../../platform/idempotency.ts';
import { enqueue, message, type OutboxMessageInput } from '../../platform/jobs/outbox.ts';
import { ApplicantNotificationTopic, PortalStatusTopic } from '../../../common/contracts/outbox-topics.ts';
import { grantReachesAgency, grantsForAgency } from '../org/index.ts';
import { formValidatorFor, resolveWorkflow, workflowForDossier } from '../catalog/index.ts';
import { workingTimeFor } from '../calendar/index.ts';
import { keepResultDocuments, resolveReusedDocuments } from '../documents/documents.service.ts';

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
  /** Records of the applicant's document store reused (`provided: 'reused'`); their files join fileIds. */
  documentIds?: string[] | undefined;
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

// Intake's reads, as named statements (db/client.ts): parsed and planned once per connection, as intake
// makes them for every dossier (docs/benchmarks.md, intake).
const unitQuery = preparedQuery('unit', (db: Database, code: string) =>
  db.selectFrom('units').select('code').where('code', '=', code),
);
const publishedVersionQuery = preparedQuery('published-version', (db: Database, procedureCode: string) =>
  db
    .selectFrom('procedure_versions as v')
    .innerJoin('procedures as p', 'p.procedure_id', 'v.procedure_id')
    .select(['v.procedure_version_id', 'p.procedure_id'])
    .where('p.code', '=', procedureCode)
    .where('v.status', '=', sql.lit('published')),
);
const offeringAgencyQuery = preparedQuery(
  'offering-agency',
  (db: Database, agencyCode: string, procedureId: string) =>
    db
      .selectFrom('agencies as a')
      .innerJoin('procedure_offerings as o', 'o.agency_id', 'a.agency_id')
      .innerJoin('units as u', 'u.code', 'a.unit_code')
      .select(['a.agency_id', 'a.code', 'a.name', 'a.unit_code', 'a.path', 'u.path as unit_path'])
      .where('a.code', '=', agencyCode)
      .where('o.procedure_id', '=', procedureId),
);

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
    const [unit] = await unitQuery(db, a.address.unitCode);
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

/** yymmdd of the civil day in Vietnam. */
export function vnDay(at: Date): { yymmdd: string; iso: string } {
  const iso = vnDate(at);
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

type Executor = Database | Transaction<DB>;

type WorkingTime = Awaited<ReturnType<typeof workingTimeFor>>;

/**
 * The calendar and the competent agency's office hours, read once per request however many due times
 * the request computes (the due time, the steps' due times, the time remaining). The first call says
 * which executor reads: inside a transaction, its own (PGlite has one session).
 */
function workingTimeOnce(deps: Deps, competentAgencyId: string): (db: Executor) => Promise<WorkingTime> {
  let read: Promise<WorkingTime> | null = null;
  return (db) => (read ??= workingTimeFor(deps, competentAgencyId, db));
}

type DueFacts = { dueAt: string | null; calendarVersion: number | null };

async function computeDueAt(
  db: Executor,
  workingTime: (db: Executor) => Promise<WorkingTime>,
  state: DossierState,
  limit: Duration | null,
): Promise<DueFacts> {
  if (!limit || !state.clock.startedAt) return { dueAt: null, calendarVersion: null };
  const { calendar: cal, hours } = await workingTime(db);
  const pauses = closedPauses(state);
  const due = addWorkingTime(state.clock.startedAt, limit, cal.calendar, { hours, pauses, explain: false });
  return { dueAt: due.dueAt, calendarVersion: cal.revision };
}

// ---------------------------------------------------------------------------------------------------
// Idempotency

// ---------------------------------------------------------------------------------------------------
// Relations and effects

type AgencyRow = Pick<Selectable<DB['agencies']>, 'agency_id' | 'code' | 'name' | 'unit_code' | 'path'> & {
  unit_path: string;
};

function selectAgencyRows(db: Executor) {
  return db
    .selectFrom('agencies as a')
    .innerJoin('units as u', 'u.code', 'a.unit_code')
    .select(['a.agency_id', 'a.code', 'a.name', 'a.unit_code', 'a.path', 'u.path as unit_path']);
}

async function agencyRows(db: Executor, ids: string[]): Promise<Map<string, AgencyRow>> {
  if (ids.length === 0) return new Map();
  const rows = await selectAgencyRows(db).where('a.agency_id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.agency_id, r]));
}

async function agencyRowsByCode(db: Executor, codes: string[]): Promise<Map<string, AgencyRow>> {
  if (codes.length === 0) return new Map();
  const rows = await selectAgencyRows(db).where('a.code', 'in', codes).execute();
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

type DossierRow = Omit<Selectable<DB['dossiers']>, 'applicant_search' | 'assignee_user_id' | 'created_by'>;

type RelationRow = Pick<
  DossierRow,
  'receiving_agency_id' | 'competent_agency_id' | 'current_agency_id' | 'step_agencies'
>;

function stepAgencyOf(row: RelationRow, state: DossierState): string {
  return row.step_agencies[state.step.index]?.agencyId ?? row.current_agency_id;
}

/** The actor's roles at the agencies the dossier involves, from their rows (`agencies` holds them). */
function relationFrom(
  actor: Actor,
  agencies: Map<string, AgencyRow>,
  row: RelationRow,
  state: DossierState,
): ActorRelation {
  return {
    isApplicant: false,
    rolesAtReceivingAgency: rolesAt(actor, agencies.get(row.receiving_agency_id)),
    rolesAtStepAgency: rolesAt(actor, agencies.get(stepAgencyOf(row, state))),
    rolesAtResponsibleAgency: rolesAt(actor, agencies.get(row.competent_agency_id)),
  };
}

async function relationOf(
  db: Executor,
  actor: Actor,
  row: RelationRow,
  state: DossierState,
): Promise<ActorRelation> {
  const ids = [row.receiving_agency_id, row.competent_agency_id, stepAgencyOf(row, state)];
  return relationFrom(actor, await agencyRows(db, ids), row, state);
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

async function deadlineOf(
  db: Executor,
  workingTime: (db: Executor) => Promise<WorkingTime>,
  row: DossierRow,
  now: Date,
) {
  const due = row.extended_due_at ?? row.due_at;
  if (!due) return null;
  const { calendar: cal, hours } = await workingTime(db);
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

/**
 * Whether the actor is a desk officer reaching the receiving agency of a dossier: who takes its fees at
 * the desk and records the applicant's rating at the counter.
 */
export async function isReceivingDeskOfficer(
  db: Database,
  actor: Actor,
  receivingAgencyId: string,
): Promise<boolean> {
  const receiving = await db
    .selectFrom('agencies as a')
    .innerJoin('units as u', 'u.code', 'a.unit_code')
    .select(['a.path', 'u.path as unit_path'])
    .where('a.agency_id', '=', receivingAgencyId)
    .executeTakeFirstOrThrow();
  return (
    grantsForAgency(actor, { agencyPath: receiving.path, unitPath: receiving.unit_path }, 'write', [
      'desk-officer',
    ]).length > 0
  );
}

type VersionData = Pick<
  Selectable<DB['procedure_versions']>,
  'procedure_version_id' | 'version' | 'data' | 'form_schema'
> & { procedure: Procedure };

const versions = new WeakMap<object, Map<string, VersionData>>();
const VERSION_CACHE_LIMIT = 500;

/**
 * A procedure version's documents (≈16 KB of JSON), by id. Only drafts change (catalog.service), and
 * a dossier is only ever received under a published version, so a published or retired version is
 * read once per process and database, as the form validators are compiled once (formValidatorFor).
 */
export async function procedureVersion(deps: Deps, id: string, db: Executor = deps.db): Promise<VersionData> {
  let perDb = versions.get(deps.db);
  if (!perDb) {
    perDb = new Map<string, VersionData>();
    versions.set(deps.db, perDb);
  }
  const hit = perDb.get(id);
  if (hit) return hit;
  const row = await db
    .selectFrom('procedure_versions')
    .select(['procedure_version_id', 'version', 'status', 'data', 'form_schema'])
    .where('procedure_version_id', '=', id)
    .executeTakeFirstOrThrow();
  const loaded = { ...row, procedure: row.data };
  if (row.status !== 'draft') {
    if (perDb.size >= VERSION_CACHE_LIMIT) perDb.clear();
    perDb.set(id, loaded);
  }
  return loaded;
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

/** The columns of a dossier's row an action sets beside its state. */
type SettledColumns = {
  current_agency_id: string;
  received_at: Date | null;
  due_at: string | null;
  calendar_version: number | null;
  extended_due_at: string | null;
  result_at: Date | null;
  returned_at: Date | null;
  closed_at: Date | null;
};

type PriorColumns = Pick<
  DossierRow,
  'current_agency_id' | 'received_at' | 'calendar_version' | 'result_at' | 'returned_at' | 'step_agencies'
> & { due_at: Date | string | null; extended_due_at: Date | string | null };

/**
 * The row's columns after the effects the lifecycle asked for: the due time recomputed in working time
 * when the clock starts or resumes, the current agency when the dossier moves, the new appointment.
 */
async function settleEffects(
  db: Executor,
  workingTime: (db: Executor) => Promise<WorkingTime>,
  row: PriorColumns,
  applied: Applied,
  limit: Duration | null,
  now: Date,
): Promise<SettledColumns> {
  const { state, effects } = applied;
  let dueAt = isoOrNull(row.due_at);
  let calendarVersion = row.calendar_version;
  let extendedDueAt = isoOrNull(row.extended_due_at);
  let currentAgencyId = row.current_agency_id;
  let receivedAt = row.received_at;
  for (const e of effects) {
    if (e.type === 'start-clock' || e.type === 'resume-clock') {
      const due = await computeDueAt(db, workingTime, state, limit);
      dueAt = due.dueAt;
      calendarVersion = due.calendarVersion;
      if (e.type === 'start-clock') receivedAt = new Date(e.at);
    } else if (e.type === 'move-to-agency') {
      currentAgencyId = row.step_agencies[e.stepIndex]?.agencyId ?? currentAgencyId;
    } else if (e.type === 'extend-due') {
      extendedDueAt = e.newDueAt;
    }
  }
  const terminal = ['refused', 'withdrawn', 'stopped', 'returned'].includes(state.status);
  return {
    current_agency_id: currentAgencyId,
    received_at: receivedAt,
    due_at: dueAt,
    calendar_version: calendarVersion,
    extended_due_at: extendedDueAt,
    result_at: state.status === 'result-ready' ? now : row.result_at,
    returned_at: state.status === 'returned' ? now : row.returned_at,
    closed_at: terminal ? now : null,
  };
}

/** The outbox messages the effects ask for (national-portal status, the applicant's notice). */
function outboxMessages(code: string, applied: Applied, now: Date): OutboxMessageInput[] {
  return applied.effects.flatMap((e) => {
    if (e.type === 'sync-portal')
      return [
        message(PortalStatusTopic, code, {
          dossierCode: code,
          status: e.status,
          statusCode: e.statusCode,
          version: applied.state.version,
          at: now.toISOString(),
        }),
      ];
    if (e.type === 'notify-applicant')
      return [
        message(ApplicantNotificationTopic, code, { dossierCode: code, action: e.action, status: e.status }),
      ];
    return [];
  });
}

type ActionRecord = {
  from: { status: string; stepIndex: number };
  to: { status: string; stepIndex: number };
};

/** The append-only action row, and the same as the dossier's history shows it. */
function actionRow(
  dossierId: string,
  applied: Applied,
  actor: PersistedActor,
  now: Date,
  note: string | null,
) {
  const rec = applied.record as ActionRecord;
  return {
    values: {
      dossier_id: dossierId,
      version: applied.state.version,
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
    },
    history: {
      version: applied.state.version,
      action: applied.kind,
      by: actor.label,
      roles: actor.roles,
      at: now.toISOString(),
      from: rec.from.status,
      to: rec.to.status,
      fromStep: rec.from.stepIndex,
      toStep: rec.to.stepIndex,
      note,
    },
  };
}

function auditOfAction(applied: Applied, code: string, requestId: string | null): AuditEntry {
  const rec = applied.record as ActionRecord;
  return {
    action: `dossier.${applied.kind}`,
    entityType: 'dossier',
    entityId: code,
    details: { version: applied.state.version, from: rec.from.status, to: rec.to.status },
    requestId,
  };
}

/**
 * Applies the effects the lifecycle asked for and writes state, action and outbox, then `answer` (the
 * caller's response and idempotency record), then the audit entry, last: the audit chain's lock
 * (platform/audit.ts) is held until commit and serialises every writer in the province, so nothing
 * else runs under it (docs/benchmarks.md, intake).
 */
async function persistAction<T>(
  trx: Transaction<DB>,
  row: DossierRow,
  applied: Applied,
  limit: Duration | null,
  workingTime: (db: Executor) => Promise<WorkingTime>,
  actor: PersistedActor,
  now: Date,
  requestId: string | null,
  note: string | null,
  answer: () => Promise<T>,
): Promise<T> {
  const { state } = applied;
  const settled = await settleEffects(trx, workingTime, row, applied, limit, now);
  await enqueue(trx, outboxMessages(row.code, applied, now), now);
  await trx
    .updateTable('dossiers')
    .set({
      state: JSON.stringify(state),
      status: state.status,
      version: state.version,
      assignee_user_id: state.step.assigneeId,
      ...settled,
      updated_at: now,
    })
    .where('dossier_id', '=', row.dossier_id)
    .execute();
  await trx
    .insertInto('dossier_actions')
    .values(actionRow(row.dossier_id, applied, actor, now, note).values)
    .execute();
  // The signed result becomes a record of the applicant's document store (docs/domain/documents.md).
  if (applied.kind === 'approve') await keepResultDocuments(trx, row, state.resultDocuments, now);
  const answered = await answer();
  await appendAudit(
    trx,
    { userId: actor.userId, label: actor.label },
    auditOfAction(applied, row.code, requestId),
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
  /** The published version's number, shown with the dossier. */
  procedureVersion: number;
  competentAgencyId: string;
  workflow: Workflow;
  stepAgencies: { key: string; agencyId: string; agencyCode: string }[];
  /** The receiving, competent and performing agencies by id, as read for the checks. */
  agencies: Map<string, AgencyRow>;
  /** Required components not provided, and those the officer named missing. */
  missing: { code: string; name: string }[];
  /** Lenient mode: what the desk officer must look at before accepting (form and component problems). */
  warnings: ErrorDetail[];
  /** The components as stored: a reused one also carries its records' files. */
  components: ComponentInput[];
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
  receiving: AgencyRow,
  fileOwner: { citizenId: string } | null,
  lenient = false,
  pathOf: (p: string) => string = (p) => `body/${p}`,
): Promise<PreparedIntake> {
  const problems: ErrorDetail[] = [];
  // Which version is published now; its documents come from the cache (procedureVersion).
  const [published] = await publishedVersionQuery(deps.db, input.procedureCode);
  if (!published)
    throw invalid([
      { path: pathOf('procedureCode'), message: `Không có thủ tục mã ${input.procedureCode} đang áp dụng.` },
    ]);
  const version = await procedureVersion(deps, published.procedure_version_id);
  const { procedure } = version;
  if (input.caseCode !== undefined && !procedure.cases.some((c) => c.key === input.caseCode)) {
    problems.push({ path: pathOf('caseCode'), message: `Thủ tục không có trường hợp “${input.caseCode}”.` });
  }
  const [competent] = await offeringAgencyQuery(deps.db, input.agencyCode, published.procedure_id);
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
  const reused = await resolveReusedDocuments(
    deps.db,
    input.applicant,
    input.components,
    receiving.unit_path,
    fileOwner !== null,
    pathOf,
  );
  problems.push(...reused.problems);
  if (problems.length > 0 || !competent) throw invalid(problems);

  const wf = await workflowForDossier(deps.db, version, competent.agency_id, input.channel);
  if (wf.steps.length === 0) {
    throw new AppError(
      'UNPROCESSABLE',
      'Thủ tục chưa có quy trình và thời hạn dùng được; quản trị cần khai báo quy trình.',
      wf.problems,
    );
  }
  const resolved = await resolveWorkflow(deps.db, wf, receiving, competent);
  const unresolved = resolved.findIndex((s) => s.agency === null);
  if (unresolved >= 0) {
    throw new AppError(
      'UNPROCESSABLE',
      `Bước “${resolved[unresolved]!.name}” của quy trình không xác định được cơ quan thực hiện.`,
    );
  }
  // The performers: mostly the receiving or the competent agency, whose rows are here; one read for
  // the others (a named agency, the one above).
  const agencies = new Map([
    [receiving.agency_id, receiving],
    [competent.agency_id, competent],
  ]);
  const byCode = new Map([...agencies.values()].map((a) => [a.code, a]));
  const others = [...new Set(resolved.map((s) => s.agency!.code))].filter((c) => !byCode.has(c));
  if (others.length > 0) {
    for (const a of (await agencyRowsByCode(deps.db, others)).values()) {
      agencies.set(a.agency_id, a);
      byCode.set(a.code, a);
    }
  }
  const stepAgencies = resolved.map((s) => {
    const agency = byCode.get(s.agency!.code);
    if (agency === undefined) throw new Error(`agency ${s.agency!.code} vanished during intake`);
    return { key: s.key, agencyId: agency.agency_id, agencyCode: agency.code };
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
    procedureVersion: version.version,
    competentAgencyId: competent.agency_id,
    workflow: wf,
    stepAgencies,
    agencies,
    missing,
    warnings,
    components: reused.components,
  };
}

/** The columns of a dossier nobody has acted on yet: submitted, at its receiving agency, no clock. */
function submittedColumns(receivingAgencyId: string): SettledColumns {
  return {
    current_agency_id: receivingAgencyId,
    received_at: null,
    due_at: null,
    calendar_version: null,
    extended_due_at: null,
    result_at: null,
    returned_at: null,
    closed_at: null,
  };
}

/**
 * Takes the next gap-free code of the receiving agency for today and inserts the dossier in its state
 * (submitted, or already acted on at the desk: one insert, not an insert and an update). Returns the
 * row as the view needs it, from what was written.
 */
async function insertDossier(
  trx: Transaction<DB>,
  prepared: PreparedIntake,
  input: IntakeCore,
  receiving: { agency_id: string; code: string },
  now: Date,
  by: { userId: string | null; citizenId: string | null },
  state: DossierState,
  columns: SettledColumns,
): Promise<{ dossierId: string; row: ViewRow }> {
  const day = vnDay(now);
  const counter = await sql<{ last_value: number }>`
    INSERT INTO dossier_code_counters (agency_id, day, last_value) VALUES (${receiving.agency_id}, ${day.iso}, 1)
    ON CONFLICT (agency_id, day) DO UPDATE SET last_value = dossier_code_counters.last_value + 1
    RETURNING last_value`.execute(trx);
  const seq = counter.rows[0]!.last_value;
  const code = `${receiving.code}-${day.yymmdd}-${String(seq).padStart(4, '0')}`;
  const formData = (input.formData ?? {}) as Record<string, unknown>;
  const inserted = await trx
    .insertInto('dossiers')
    .values({
      code,
      procedure_version_id: prepared.procedureVersionId,
      procedure_code: input.procedureCode,
      case_key: input.caseCode ?? null,
      channel: input.channel,
      receiving_agency_id: receiving.agency_id,
      competent_agency_id: prepared.competentAgencyId,
      step_agencies: JSON.stringify(prepared.stepAgencies),
      workflow: JSON.stringify(prepared.workflow),
      applicant: JSON.stringify(input.applicant),
      applicant_id_number: input.applicant.idNumber,
      applicant_search: `${foldVietnamese(input.applicant.fullName)} ${input.applicant.idNumber}`,
      form_data: JSON.stringify(formData),
      components: JSON.stringify(prepared.components),
      state: JSON.stringify(state),
      status: state.status,
      version: state.version,
      assignee_user_id: state.step.assigneeId,
      ...columns,
      submitted_at: now,
      created_by: by.userId,
      submitted_by_citizen_id: by.citizenId,
      updated_at: now,
    })
    .returning('dossier_id')
    .executeTakeFirstOrThrow();
  const involved = [
    ...new Set([
      receiving.agency_id,
      prepared.competentAgencyId,
      ...prepared.stepAgencies.map((s) => s.agencyId),
    ]),
  ];
  await trx
    .insertInto('dossier_agencies')
    .values(involved.map((agency_id) => ({ dossier_id: inserted.dossier_id, agency_id })))
    .execute();
  return {
    dossierId: inserted.dossier_id,
    row: {
      code,
      version: state.version,
      case_key: input.caseCode ?? null,
      channel: input.channel,
      receiving_agency_id: receiving.agency_id,
      competent_agency_id: prepared.competentAgencyId,
      step_agencies: prepared.stepAgencies,
      workflow: prepared.workflow,
      applicant: input.applicant,
      form_data: formData,
      components: prepared.components,
      submitted_at: now,
      ...columns,
    },
  };
}

/** The view of a dossier intake has just written, with the one action it recorded (if any). */
function intakeView(
  prepared: PreparedIntake,
  row: ViewRow,
  state: DossierState,
  history: DossierView['history'],
  workingTime: WorkingTime | null,
  now: Date,
): DossierView {
  return dossierView({
    row,
    state,
    agencies: prepared.agencies,
    procedure: {
      code: prepared.procedure.code,
      name: prepared.procedure.name,
      version: prepared.procedureVersion,
    },
    history,
    workingTime,
    now,
  });
}

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
 * A dossier received at the desk: checked, then accepted (the clock starts) or, when papers are
 * missing, held with a supplement request (422). The action is decided before the transaction, and the
 * dossier inserted in its resulting state; the transaction only writes (counter, dossier, its agencies,
 * outbox, action, idempotency record, audit entry), so the day's code counter stays locked the least.
 */
export async function receiveAtDesk(
  deps: Deps,
  actor: Actor,
  input: IntakeInput,
  idempotencyKey: string | undefined,
  requestId: string,
): Promise<{ statusCode: number; body: object }> {
  const scope = `staff:${actor.userId}:intake`;
  const replay = await findReplay<object>(deps.db, { scope, key: idempotencyKey, body: input });
  if (replay) return replay;

  // The desk: the officer's own agency (or the one named, when they serve several).
  const desks = actor.grants.filter((g) => g.role === 'desk-officer');
  const grant = input.deskAgencyCode ? desks.find((g) => g.agencyCode === input.deskAgencyCode) : desks[0];
  if (!grant) throw new AppError('FORBIDDEN', 'Chỉ cán bộ một cửa được tiếp nhận hồ sơ tại quầy.');
  const desk = deskAgency(grant);

  const prepared = await prepareIntake(deps, input, desk, null);
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
  const workingTime = workingTimeOnce(deps, prepared.competentAgencyId);
  const columns = await settleEffects(
    deps.db,
    workingTime,
    { ...submitted, step_agencies: prepared.stepAgencies },
    applied,
    limitOf(prepared.procedure, input.channel, input.caseCode ?? null),
    now,
  );
  const viewTime =
    kind === 'accept' && viewNeedsWorkingTime(columns, applied.state) ? await workingTime(deps.db) : null;

  return deps.db.transaction().execute(async (trx) => {
    const { dossierId, row } = await insertDossier(
      trx,
      prepared,
      input,
      desk,
      now,
      { userId: actor.userId, citizenId: null },
      applied.state,
      columns,
    );
    const { code } = row;
    await enqueue(trx, outboxMessages(code, applied, now), now);
    const action = actionRow(dossierId, applied, deskActor, now, null);
    await trx.insertInto('dossier_actions').values(action.values).execute();
    let answer: { statusCode: number; body: Record<string, unknown> };
    if (kind === 'request-supplement') {
      answer = {
        statusCode: 422,
        body: {
          error: {
            code: 'DOSSIER_INCOMPLETE',
            message: 'Hồ sơ chưa đầy đủ; đã lập phiếu yêu cầu bổ sung, hoàn thiện hồ sơ.',
            details: missing.map((m) => ({ path: `components/${m.code}`, message: `Thiếu: ${m.name}` })),
            requestId,
            dossierCode: code,
            slip: `/api/v1/dossiers/${code}/slips/supplement-request`,
          },
        },
      };
    } else {
      const view = intakeView(prepared, row, applied.state, [action.history], viewTime, deps.clock.now());
      answer = { statusCode: 201, body: view };
    }
    await rememberResponse(trx, { scope, key: idempotencyKey, body: input }, { ...answer, at: now });
    await appendAudit(
      trx,
      { userId: deskActor.userId, label: deskActor.label },
      auditOfAction(applied, code, requestId),
      now,
    );
    return answer;
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
    fileIds?: string[] | undefined;
    documentIds?: string[] | undefined;
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
  const replay = await findReplay<object>(deps.db, { scope, key: idempotencyKey, body: input });
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
  const receiving = await selectAgencyRows(deps.db)
    .innerJoin('desks as d', 'd.agency_id', 'a.agency_id')
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
      ...(c.documentIds ? { documentIds: c.documentIds } : {}),
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
  const initial = initialDossierState({ steps: prepared.workflow.steps });
  const label = submitter.kind === 'citizen' ? `citizen:${submitter.citizen.citizenId}` : submitter.label;
  return deps.db.transaction().execute(async (trx) => {
    const { row } = await insertDossier(
      trx,
      prepared,
      core,
      receiving,
      now,
      { userId: null, citizenId: submitter.kind === 'citizen' ? submitter.citizen.citizenId : null },
      initial,
      submittedColumns(receiving.agency_id),
    );
    await enqueue(
      trx,
      [
        message(PortalStatusTopic, row.code, {
          dossierCode: row.code,
          status: initial.status,
          statusCode: DOSSIER_STATUSES[initial.status].code,
          version: 0,
          at: now.toISOString(),
        }),
      ],
      now,
    );
    // Nothing acted on yet: no history, no clock. The citizen gets the applicant's view.
    const staffView = intakeView(prepared, row, initial, [], null, deps.clock.now());
    const view = submitter.kind === 'citizen' ? applicantView(staffView, []) : staffView;
    await rememberResponse(
      trx,
      { scope, key: idempotencyKey, body: input },
      { statusCode: 201, body: view, at: now },
    );
    await appendAudit(
      trx,
      { userId: null, label },
      {
        action: 'dossier.submit',
        entityType: 'dossier',
        entityId: row.code,
        details: { channel: 'online', receivingAgency: receiving.code, warnings: warnings.length },
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
  const replay = await findReplay<object>(deps.db, {
    scope,
    key: idempotencyKey,
    body: { kind, input, ifMatch },
  });
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
    const state = row.state;
    const workingTime = workingTimeOnce(deps, row.competent_agency_id);
    const relation = await callerRelation(trx, caller, row, state);
    const deadline = await deadlineOf(trx, workingTime, row, now);
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
    const { procedure } = await procedureVersion(deps, row.procedure_version_id, trx);
    return persistAction(
      trx,
      row,
      {
        state: result.state,
        effects: result.effects,
        record: result.record,
        kind: kind as ActionKind,
      },
      limitOf(procedure, row.channel, row.case_key),
      workingTime,
      persistedActor(caller, roles, row.step_agencies[state.step.index]?.agencyId ?? null),
      now,
      requestId,
      note,
      async () => {
        const view = await presentDossier(deps, trx, code, audienceOf(caller), workingTime);
        await rememberResponse(
          trx,
          { scope, key: idempotencyKey, body: { kind, input, ifMatch } },
          { statusCode: 200, body: view, at: now },
        );
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
  const state = row.state;
  if (caller.kind === 'staff' && caller.actor.grants.every((g) => g.role === 'auditor'))
    return { version: row.version, items: [] };
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
      inputs: a.inputs,
    })),
  };
}

// ---------------------------------------------------------------------------------------------------
// Reads

export type DossierView = Static<typeof DossierViewSchema>;

type ViewRow = Pick<
  DossierRow,
  | 'code'
  | 'version'
  | 'case_key'
  | 'channel'
  | 'receiving_agency_id'
  | 'competent_agency_id'
  | 'current_agency_id'
  | 'step_agencies'
  | 'workflow'
  | 'applicant'
  | 'form_data'
  | 'components'
  | 'received_at'
  | 'calendar_version'
  | 'result_at'
  | 'returned_at'
> & {
  submitted_at: Date | string;
  due_at: Date | string | null;
  extended_due_at: Date | string | null;
};

/** The view shows the time remaining and the steps' due times once the clock has started. */
function viewNeedsWorkingTime(
  row: Pick<ViewRow, 'due_at' | 'extended_due_at'>,
  state: DossierState,
): boolean {
  return (row.extended_due_at ?? row.due_at) !== null && state.clock.startedAt !== null;
}

/**
 * The dossier as the API shows it, from its row and what goes with it; no read here, so intake builds
 * it from what it has just written and the reads build it from what they read.
 */
function dossierView(parts: {
  row: ViewRow;
  state: DossierState;
  /** Every agency the row names, by id. */
  agencies: Map<string, { code: string; name: string }>;
  procedure: { code: string; name: string; version: number };
  history: DossierView['history'];
  /** Needed when viewNeedsWorkingTime. */
  workingTime: WorkingTime | null;
  now: Date;
}): DossierView {
  const { row, state } = parts;
  const brief = (id: string) => {
    const a = parts.agencies.get(id)!;
    return { code: a.code, name: a.name };
  };
  const info = DOSSIER_STATUSES[state.status];
  const workflow = row.workflow;
  let remaining: { overdue: boolean; workingMinutes: number; label: string } | null = null;
  let stepDue: (string | null)[] = workflow.steps.map(() => null);
  const due = row.extended_due_at ?? row.due_at;
  if (due && state.clock.startedAt && parts.workingTime) {
    const { calendar: cal, hours } = parts.workingTime;
    const r = remainingWorkingTime(state.closedAt ?? parts.now.toISOString(), due, cal.calendar, hours);
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
        { hours, pauses, explain: false },
      ).dueAt;
    });
  }
  return {
    code: row.code,
    version: row.version,
    status: state.status,
    statusCode: info.code,
    statusLabel: info.label,
    procedure: parts.procedure,
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
    history: parts.history,
  };
}

/** Who reads a dossier: staff (and the system) see the officers; the applicant does not. */
export type Audience = 'staff' | 'applicant';
export const audienceOf = (caller: Caller): Audience => (caller.kind === 'citizen' ? 'applicant' : 'staff');

export type ApplicantDossierView = Static<typeof ApplicantDossierViewSchema>;

/** An action of the history with what the applicant's view says about it instead of its officer. */
type ActionFacts = {
  entry: DossierView['history'][number];
  actorKind: string;
  agency: { code: string; name: string } | null;
  /** The reason the action's input gave, when it gave one. */
  reason: string | null;
};

/**
 * Actions whose reason is addressed to the applicant: it is printed on the slip they receive (refusal,
 * supplement request, stop notice, apology) or is their own (withdrawal).
 */
const REASON_FOR_APPLICANT: ReadonlySet<string> = new Set<ActionKind>([
  'request-supplement',
  'refuse',
  'deny',
  'stop',
  'apologize',
  'withdraw',
]);

/**
 * The dossier as its applicant may see it — the one place where officers are taken out (STYLE.md: the
 * response schema strips what it does not list; this builds only what ApplicantDossierView lists). No
 * assignee; history entries keep the action, the roles, the step's agency and the times, say only
 * whether staff, the applicant or the system acted, and carry the reason given to the applicant or the
 * applicant's own note, never an officer's name, username, id or internal note.
 */
function applicantView(view: DossierView, actions: ActionFacts[]): ApplicantDossierView {
  return {
    audience: 'applicant',
    code: view.code,
    version: view.version,
    status: view.status,
    statusCode: view.statusCode,
    statusLabel: view.statusLabel,
    procedure: view.procedure,
    caseCode: view.caseCode,
    channel: view.channel,
    receivingAgency: view.receivingAgency,
    competentAgency: view.competentAgency,
    currentAgency: view.currentAgency,
    applicant: view.applicant,
    formData: view.formData,
    components: view.components,
    submittedAt: view.submittedAt,
    receivedAt: view.receivedAt,
    dueAt: view.dueAt,
    extendedDueAt: view.extendedDueAt,
    calendarVersion: view.calendarVersion,
    resultAt: view.resultAt,
    returnedAt: view.returnedAt,
    remaining: view.remaining,
    currentStep: { index: view.currentStep.index, key: view.currentStep.key },
    steps: view.steps.map((s) => ({
      key: s.key,
      name: s.name,
      role: s.role,
      agency: s.agency,
      dueAt: s.dueAt,
      current: s.current,
    })),
    outcome: view.outcome,
    resultDocuments: view.resultDocuments,
    history: actions.map(({ entry, actorKind, agency, reason }) => {
      const actor = actorKind === 'citizen' ? 'applicant' : actorKind === 'staff' ? 'staff' : 'system';
      return {
        version: entry.version,
        action: entry.action,
        actor,
        roles: entry.roles,
        agency,
        at: entry.at,
        from: entry.from,
        to: entry.to,
        fromStep: entry.fromStep,
        toStep: entry.toStep,
        note:
          REASON_FOR_APPLICANT.has(entry.action) && reason !== null
            ? reason
            : actor === 'applicant'
              ? entry.note
              : null,
      };
    }),
  };
}

/** Reads a dossier and what its view shows (agencies, procedure, history, working time) for `audience`. */
export async function presentDossier(
  deps: Deps,
  db: Executor,
  code: string,
  audience: 'staff',
  workingTime?: (db: Executor) => Promise<WorkingTime>,
): Promise<DossierView>;
export async function presentDossier(
  deps: Deps,
  db: Executor,
  code: string,
  audience: Audience,
  workingTime?: (db: Executor) => Promise<WorkingTime>,
): Promise<DossierView | ApplicantDossierView>;
export async function presentDossier(
  deps: Deps,
  db: Executor,
  code: string,
  audience: Audience,
  workingTime?: (db: Executor) => Promise<WorkingTime>,
): Promise<DossierView | ApplicantDossierView> {
  const row = (await loadRow(db, code))!;
  const state = row.state;
  const history = await db
    .selectFrom('dossier_actions')
    .select([
      'version',
      'kind',
      'actor_kind',
      'actor_label',
      'actor_roles',
      'agency_id',
      'at',
      'from_status',
      'to_status',
      'from_step',
      'to_step',
      'note',
      sql<string | null>`record -> 'input' ->> 'reason'`.as('reason'),
    ])
    .where('dossier_id', '=', row.dossier_id)
    .orderBy('version')
    .execute();
  const agencies = await agencyRows(db, [
    ...new Set([
      row.receiving_agency_id,
      row.competent_agency_id,
      row.current_agency_id,
      ...row.step_agencies.map((s) => s.agencyId),
      ...history.flatMap((h) => (h.agency_id === null ? [] : [h.agency_id])),
    ]),
  ]);
  const { procedure, version } = await procedureVersion(deps, row.procedure_version_id, db);
  const actions: ActionFacts[] = history.map((h) => {
    const agency = h.agency_id === null ? undefined : agencies.get(h.agency_id);
    return {
      entry: {
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
      },
      actorKind: h.actor_kind,
      agency: agency ? { code: agency.code, name: agency.name } : null,
      reason: h.reason,
    };
  });
  const view = dossierView({
    row,
    state,
    agencies,
    procedure: { code: procedure.code, name: procedure.name, version },
    history: actions.map((a) => a.entry),
    workingTime: viewNeedsWorkingTime(row, state)
      ? await (workingTime ?? workingTimeOnce(deps, row.competent_agency_id))(db)
      : null,
    now: deps.clock.now(),
  });
  return audience === 'applicant' ? applicantView(view, actions) : view;
}

export async function getDossier(deps: Deps, caller: Caller, code: string) {
  const row = await loadRow(deps.db, code);
  if (!row || !(await callerCanSee(deps.db, caller, row)))
    throw new AppError('NOT_FOUND', `Không tìm thấy hồ sơ ${code}.`);
  return presentDossier(deps, deps.db, code, audienceOf(caller));
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
 * Compiled once, and a named statement on PostgreSQL (db/client.ts): planning the joins was most of
 * its cost there. The lookups of one event-loop turn share it (db/coalesce.ts): `codes` holds each
 * code asked in that turn once.
 */
const publicLookupQuery = preparedQuery('public-lookup', (db: Database, codes: string[]) =>
  db
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
    .where(sql<boolean>`d.code = any(${codes}::text[])`),
);

type PublicLookupRow = Awaited<ReturnType<typeof publicLookupQuery>>[number];

/** One coalescing reader per database handle (the tests open several in one process). */
const publicLookupReaders = new WeakMap<Database, (code: string) => Promise<PublicLookupRow | undefined>>();

function publicLookupReader(db: Database) {
  let read = publicLookupReaders.get(db);
  if (!read) {
    read = coalesce(async (codes: string[]) => {
      const rows = await publicLookupQuery(db, codes);
      return new Map(rows.map((r) => [r.code, r]));
    });
    publicLookupReaders.set(db, read);
  }
  return read;
}

export async function publicLookup(deps: Deps, code: string) {
  const row = await publicLookupReader(deps.db)(code);
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
