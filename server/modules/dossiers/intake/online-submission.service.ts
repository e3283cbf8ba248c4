// Online submission: the citizen portal, and dossiers submitted on the national portal (handed over
// by the sync module). Checked as a desk intake; the dossier waits, submitted, for a desk officer.
import type { Deps } from '../../../deps.ts';
import type { CitizenActor } from '../../../platform/actor.ts';
import { appendAudit } from '../../../platform/audit.ts';
import type { ErrorDetail } from '../../../platform/errors.ts';
import { findReplay, rememberResponse } from '../../../platform/idempotency.ts';
import { fileUserOf } from '../../files/index.ts';
import { enqueueing, message } from '../../../platform/jobs/outbox.ts';
import { PortalStatusTopic, StaffNotificationTopic } from '../../../../common/contracts/outbox-topics.ts';
import { DOSSIER_STATUSES, initialDossierState } from '../../../../common/dossiers/index.ts';
import { selectAgencyRows, unitPathNameCached, type AgencyRow } from '../dossier.repository.ts';
import { fail } from '../dossiers.errors.ts';
import { applicantView, type ApplicantDossierView } from '../views/applicant-view.ts';
import type { DossierView } from '../views/dossier-view.ts';
import { intakeView, prepareIntake, type IntakeCore, type PreparedIntake } from './intake.prepare.ts';
import { insertDossier, submittedColumns } from './intake.writer.ts';
import type { ApplicantInput } from './intake.types.ts';
import { provinceOfPath } from '../../../../common/org/paths.ts';

export type OnlineSubmissionInput = {
  procedureCode: string;
  caseCode?: string | undefined;
  /** The competent agency (cơ quan giải quyết). */
  agencyCode: string;
  /** The desk that receives it (any desk of the competent agency's province, QĐ 468); default the competent agency's. */
  receivingAgencyCode?: string | undefined;
  applicant: {
    kind: 'person' | 'organisation';
    fullName?: string | undefined;
    idNumber?: string | undefined;
    phone: string;
    email?: string | undefined;
    address?: { unitCode: string; line: string } | undefined;
    notifyBy?: ('email' | 'sms' | 'zalo')[] | undefined;
  };
  formData: unknown;
  /** How the applicant asks to receive the result. */
  returnChannel?: 'counter' | 'postal' | 'online' | undefined;
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
 * The applicant as the dossier records it: the portal's, or the signed-in person's identity (the
 * identity provider vouches for the name and number), or the organisation the citizen names.
 */
function applicantOf(
  submitter: Submitter,
  given: OnlineSubmissionInput['applicant'],
  problems: ErrorDetail[],
): ApplicantInput {
  if (submitter.kind === 'system') return submitter.applicant;
  const contact = {
    phone: given.phone,
    email: given.email,
    address: given.address,
    ...(given.notifyBy ? { notifyBy: given.notifyBy } : {}),
  };
  if (given.kind === 'person')
    return {
      kind: 'person',
      fullName: submitter.citizen.fullName,
      idNumber: submitter.citizen.idNumber,
      ...contact,
    };
  if (!given.fullName) problems.push({ path: 'body/applicant/fullName', message: 'Nhập tên tổ chức.' });
  if (!given.idNumber)
    problems.push({ path: 'body/applicant/idNumber', message: 'Nhập mã số thuế hoặc mã số doanh nghiệp.' });
  return { kind: 'organisation', fullName: given.fullName ?? '', idNumber: given.idNumber ?? '', ...contact };
}

export type OnlineSubmissionRequest = {
  submission: OnlineSubmissionInput;
  idempotencyKey: string | undefined;
  requestId: string;
};

/** The dossier as its submitter reads it, and what the desk officer must look at (lenient intake). */
export type Submitted<V> = { dossier: V; warnings: ErrorDetail[] };

/** `/01/002/00070/` → `01`: the province of a unit path. */
const provinceOf = provinceOfPath;

/**
 * The desk chosen to receive (receivingAgencyCode) is in the competent agency's province: receiving
 * beyond the province is refused (docs/domain/intake.md), a 400 naming the field, nothing written.
 */
function assertSameProvince(receiving: AgencyRow, prepared: PreparedIntake): void {
  const competent = prepared.agencies.get(prepared.competentAgencyId);
  if (!competent || provinceOf(competent.unit_path) === provinceOf(receiving.unit_path)) return;
  throw fail('DOSSIER_INVALID', {
    details: [
      {
        path: 'body/receivingAgencyCode',
        message: `${receiving.name} không tiếp nhận hồ sơ của ${competent.name}: khác tỉnh, thành phố.`,
      },
    ],
  });
}

export async function submitOnline(
  deps: Deps,
  submitter: Extract<Submitter, { kind: 'citizen' }>,
  request: OnlineSubmissionRequest,
): Promise<Submitted<ApplicantDossierView>>;
export async function submitOnline(
  deps: Deps,
  submitter: Extract<Submitter, { kind: 'system' }>,
  request: OnlineSubmissionRequest,
): Promise<Submitted<DossierView>>;
/**
 * An online submission: checked like a desk intake, with every required component attached as an
 * electronic copy; it gets its code from the receiving desk and waits, `submitted`, for a desk officer
 * to accept it (the clock starts then), ask for a supplement, or refuse it.
 */
export async function submitOnline(
  deps: Deps,
  submitter: Submitter,
  request: OnlineSubmissionRequest,
): Promise<Submitted<DossierView | ApplicantDossierView>> {
  const { submission: input, requestId } = request;
  const idempotent = {
    scope:
      submitter.kind === 'citizen'
        ? `citizen:${submitter.citizen.citizenId}:submit`
        : `system:${submitter.label}:submit`,
    key: request.idempotencyKey,
    body: input,
  };
  const replay = await findReplay<DossierView | ApplicantDossierView>(deps.db, idempotent);
  if (replay) return { dossier: replay.body, warnings: [] };

  const problems: ErrorDetail[] = [];
  const applicant = applicantOf(submitter, input.applicant, problems);
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
  if (problems.length > 0 || !receiving) throw fail('DOSSIER_INVALID', { details: problems });

  const core: IntakeCore = {
    procedureCode: input.procedureCode,
    caseCode: input.caseCode,
    agencyCode: input.agencyCode,
    applicant,
    formData: input.formData,
    returnChannel: input.returnChannel,
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
  const prepared = await prepareIntake(deps, core, {
    receiving,
    fileOwner: fileUserOf(submitter),
    lenient,
    // The declaration's requester and "Kính gửi" are filled from what is known: a citizen's identity
    // as the identity provider vouched for it (a different value is refused), the competent agency.
    prefill:
      submitter.kind === 'citizen'
        ? {
            facts: {
              fullName: submitter.citizen.fullName,
              idNumber: submitter.citizen.idNumber,
              birthDate: submitter.citizen.birthDate ?? null,
            },
            vouched: true,
          }
        : { facts: {}, vouched: false },
  });
  core.formData = prepared.formData;
  assertSameProvince(receiving, prepared);
  const warnings = [
    ...prepared.warnings,
    ...(lenient
      ? prepared.missing.map((m) => ({ path: `body/components/${m.code}`, message: `Thiếu: ${m.name}` }))
      : []),
  ];
  if (prepared.missing.length > 0 && !lenient)
    throw fail('DOSSIER_ONLINE_COMPONENTS_MISSING', {
      details: prepared.missing.map((m) => ({
        path: `body/components/${m.code}`,
        message: `Cần đính kèm: ${m.name}`,
      })),
    });
  const now = deps.clock.now();
  const initial = initialDossierState({ steps: prepared.workflow.steps });
  const label = submitter.kind === 'citizen' ? `citizen:${submitter.citizen.citizenId}` : submitter.label;
  return deps.db.transaction().execute(async (trx) => {
    const { row } = await insertDossier(trx, {
      prepared,
      input: core,
      receiving,
      now,
      by: { userId: null, citizenId: submitter.kind === 'citizen' ? submitter.citizen.citizenId : null },
      state: initial,
      columns: submittedColumns(receiving.agency_id),
      // Its outbox message in the same statement.
      also: (code) => [
        enqueueing(
          trx,
          [
            message(PortalStatusTopic, code.placeholder, {
              dossierCode: code.placeholder,
              status: initial.status,
              statusCode: DOSSIER_STATUSES[initial.status].code,
              version: 0,
              at: now.toISOString(),
            }),
            // Waiting at the receiving agency's desk: its desk officers are told (notifications, #18).
            message(StaffNotificationTopic, code.placeholder, {
              subject: 'dossier',
              code: code.placeholder,
              arrival: 'submitted',
              assigneeId: null,
              agencyId: receiving.agency_id,
              role: 'desk-officer',
              byUserId: null,
              at: now.toISOString(),
            }),
          ],
          now,
          code,
        )!,
      ],
    });
    // Nothing acted on yet: no history, no clock. The citizen gets the applicant's view.
    const staffView = intakeView(prepared, {
      row,
      state: initial,
      history: [],
      workingTime: null,
      now: deps.clock.now(),
      addressUnitPath:
        submitter.kind === 'citizen'
          ? null
          : await unitPathNameCached(trx, deps.writes, core.applicant.address?.unitCode),
    });
    const view = submitter.kind === 'citizen' ? applicantView(staffView, [], new Map()) : staffView;
    await rememberResponse(trx, idempotent, { statusCode: 201, body: view, at: now });
    await appendAudit(
      trx,
      { userId: null, label },
      {
        action: 'dossier.submit',
        entityType: 'dossier',
        entityId: row.code,
        details: { channel: 'online', receivingAgency: receiving.code, warnings: warnings.length },
        requestId,
        chain: receiving.agency_id,
      },
      now,
    );
    return { dossier: view, warnings };
  });
}
