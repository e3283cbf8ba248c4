// The apply page's flow without a browser: its steps, the ids of its fields, what each step checks,
// the body it sends, and where each of the server's messages belongs (its step, its field). The
// components (apply-flow.tsx and the step components) only show what this decides.
import type { Procedure } from '../../../common/catalog/procedure.ts';
import { onlineComponents, slotProvided, type ReuseChoices } from '../../../common/dossiers/reuse.ts';
import { detailText } from '../../app/errors.ts';
import type { ErrorDetail } from '../../app/http.ts';
import type { Messages } from '../../app/i18n/vi.ts';
import type { Problem } from '../calendar/error-summary.tsx';
import type { ApplicantDocumentItem } from './documents-api.ts';
import type { OnlineSubmissionBody } from './citizen-api.ts';
import { EMAIL, PHONE, TAX_CODE, type UploadSlot } from './apply-rules.ts';
import { reuseOptionId } from '../documents/reuse-ids.ts';
import type { NotificationChannel } from '../../../common/contracts/notifications.ts';
import { DEFAULT_NOTIFY_BY, effectiveNotifyBy } from '../notifications/notify-choice.ts';

export const STEPS = ['where', 'declaration', 'attachments', 'review'] as const;
export type Step = (typeof STEPS)[number];

/** What the applicant fills in beside the declaration (react-hook-form's values). */
export type ApplyValues = {
  caseCode: string;
  agencyCode: string;
  otherDesk: boolean;
  deskCode: string;
  kind: 'person' | 'organisation';
  name: string;
  taxCode: string;
  phone: string;
  email: string;
  /** The address: its commune, picked from the unit tree, and the street or house. */
  addressUnit: string;
  addressLine: string;
  /** How the applicant wants the result ('' not chosen); the desk's return starts from it. */
  returnChannel: '' | 'counter' | 'postal' | 'online';
  /** The channels the applicant is told by (e-mail counts only with an address: notify-choice.ts). */
  notifyBy: NotificationChannel[];
};
export type ApplicantField = 'name' | 'taxCode' | 'phone' | 'email' | 'addressUnit' | 'addressLine';

export const FORM_PREFIX = 'apply-form';
export const ID = {
  case: 'apply-case',
  agency: 'apply-agency',
  otherDesk: 'apply-other-desk',
  desk: 'apply-desk',
  kind: 'apply-kind',
  applicant: (f: ApplicantField) => `apply-applicant-${f}`,
  returnChannel: 'apply-return-channel',
  notifyBy: 'apply-notify-by',
  slot: (code: string) => `apply-file-${code}`,
  reuse: (code: string) => `apply-reuse-${code}`,
};

/** A message, on its step, under its field key: `agency`, `desk`, `case`, `applicant/phone`, `component/TP2`, `reuse/TP3`. */
export type Found = { step: Step; key: string | null; problem: Problem };
export type StepProblem = Problem & { step: Step };
export type Failure = {
  fields: Record<string, string>;
  formFields: Record<string, string>;
  problems: StepProblem[];
};
export const NO_FAILURE: Failure = { fields: {}, formFields: {}, problems: [] };

/** The failure to show: the first message of each field, every message in the summary of its step. */
export function failureOf(found: readonly Found[], formFields: Record<string, string> = {}): Failure {
  const next: Failure = { fields: {}, formFields, problems: [] };
  for (const f of found) {
    if (f.key !== null && !(f.key in next.fields)) next.fields[f.key] = f.problem.message;
    next.problems.push({ ...f.problem, step: f.step });
  }
  return next;
}

/** The first step with a problem (where the applicant is sent), or `fallback`. */
export function firstFailedStep(failure: Failure, fallback: Step): Step {
  return STEPS.find((s) => failure.problems.some((x) => x.step === s)) ?? fallback;
}

export function whereProblems(
  t: Messages,
  chosen: { agency: boolean; otherDesk: boolean; desk: boolean },
): Found[] {
  const a = t.citizen.apply;
  const found: Found[] = [];
  if (!chosen.agency)
    found.push({
      step: 'where',
      key: 'agency',
      problem: { message: a.pickAgency, fieldId: ID.agency, label: a.agency },
    });
  if (chosen.otherDesk && !chosen.desk)
    found.push({
      step: 'where',
      key: 'desk',
      problem: { message: a.pickDesk, fieldId: ID.desk, label: a.desk },
    });
  return found;
}

const applicantProblem = (t: Messages, field: ApplicantField, message: string): Found => ({
  step: 'declaration',
  key: `applicant/${field}`,
  problem: { message, fieldId: ID.applicant(field), label: t.citizen.apply.applicant[field] },
});

const bare = (phone: string): string => phone.replace(/[\s.]/g, '');

/** The server's checks of the applicant, made before leaving the declaration step. */
export function applicantProblems(t: Messages, v: ApplyValues): Found[] {
  const p = t.citizen.apply.problems;
  const found: Found[] = [];
  if (v.kind === 'organisation') {
    if (!v.name.trim()) found.push(applicantProblem(t, 'name', p.name));
    if (!TAX_CODE.test(v.taxCode.trim())) found.push(applicantProblem(t, 'taxCode', p.taxCode));
  }
  if (!PHONE.test(bare(v.phone))) found.push(applicantProblem(t, 'phone', p.phone));
  if (v.email.trim() && !EMAIL.test(v.email.trim())) found.push(applicantProblem(t, 'email', p.email));
  // An address is both halves or neither.
  if (!v.addressUnit && v.addressLine.trim()) found.push(applicantProblem(t, 'addressUnit', p.addressUnit));
  if (v.addressUnit && !v.addressLine.trim()) found.push(applicantProblem(t, 'addressLine', p.addressLine));
  return found;
}

type Attached = { busy: boolean; fileIds: (code: string) => readonly string[] };

/** Uploads still running, or a required component with neither a file nor a reused record. */
export function attachmentProblems(
  t: Messages,
  slots: readonly UploadSlot[],
  uploads: Attached,
  reuse: { choices: ReuseChoices; kind: ApplyValues['kind'] },
): Found[] {
  const a = t.citizen.apply;
  const found: Found[] = [];
  if (uploads.busy) found.push({ step: 'attachments', key: null, problem: { message: a.stillUploading } });
  for (const s of slots) {
    if (s.required && !slotProvided(s.code, uploads.fileIds, reuse.choices, reuse.kind))
      found.push({
        step: 'attachments',
        key: `component/${s.code}`,
        problem: { message: a.problems.attach(s.component.name), fieldId: ID.slot(s.code), label: s.code },
      });
  }
  return found;
}

export function submissionBody(
  p: Procedure,
  v: ApplyValues,
  sent: {
    formData: Record<string, unknown>;
    slots: readonly UploadSlot[];
    uploads: Attached;
    reused: ReuseChoices;
  },
): OnlineSubmissionBody {
  const email = v.email.trim();
  const notifyBy = effectiveNotifyBy(v.notifyBy, email);
  const address =
    v.addressUnit && v.addressLine.trim()
      ? { address: { unitCode: v.addressUnit, line: v.addressLine.trim() } }
      : {};
  return {
    procedureCode: p.code,
    ...(v.caseCode ? { caseCode: v.caseCode } : {}),
    agencyCode: v.agencyCode,
    ...(v.otherDesk && v.deskCode && v.deskCode !== v.agencyCode ? { receivingAgencyCode: v.deskCode } : {}),
    applicant:
      v.kind === 'person'
        ? { kind: 'person', phone: bare(v.phone), ...(email ? { email } : {}), ...address, notifyBy }
        : {
            kind: 'organisation',
            fullName: v.name.trim(),
            idNumber: v.taxCode.trim(),
            phone: bare(v.phone),
            ...(email ? { email } : {}),
            ...address,
            notifyBy,
          },
    formData: sent.formData,
    ...(v.returnChannel ? { returnChannel: v.returnChannel } : {}),
    components: onlineComponents(sent.slots, sent.uploads.fileIds, sent.reused, v.kind),
  };
}

/** The body's applicant fields, by the field of the form that holds them. */
const APPLICANT_FIELDS = new Map<string, ApplicantField>([
  ['fullName', 'name'],
  ['idNumber', 'taxCode'],
  ['phone', 'phone'],
  ['email', 'email'],
  ['address/unitCode', 'addressUnit'],
  ['address/line', 'addressLine'],
]);

/** Where a server message belongs: its step, its field key and the element to focus. */
export function placeDetail(
  t: Messages,
  d: ErrorDetail,
  context: { sent: OnlineSubmissionBody | null; slots: readonly UploadSlot[]; reuseShown: boolean },
): Found {
  const parts = d.path.split('/').slice(1);
  const message = detailText(t, d);
  const a = t.citizen.apply;
  if (parts[0] === 'agencyCode')
    return { step: 'where', key: 'agency', problem: { message, fieldId: ID.agency, label: a.agency } };
  if (parts[0] === 'receivingAgencyCode')
    return { step: 'where', key: 'desk', problem: { message, fieldId: ID.desk, label: a.desk } };
  if (parts[0] === 'caseCode')
    return { step: 'where', key: 'case', problem: { message, fieldId: ID.case, label: a.case } };
  const field =
    parts[0] === 'applicant' && parts[1]
      ? APPLICANT_FIELDS.get(parts[1] === 'address' ? `address/${parts[2] ?? 'unitCode'}` : parts[1])
      : undefined;
  if (field) return applicantProblem(t, field, message);
  if (parts[0] === 'applicant' && parts[1] === 'notifyBy')
    return {
      step: 'declaration',
      key: 'applicant/notifyBy',
      problem: { message, fieldId: `${ID.notifyBy}-sms`, label: t.notifications.choice.legend },
    };
  if (parts[0] === 'components' && parts[1]) {
    const code = /^TP\d+$/.test(parts[1]) ? parts[1] : context.sent?.components[Number(parts[1])]?.code;
    const slot = context.slots.find((s) => s.code === code);
    if (slot && parts[2] === 'documentIds' && context.reuseShown)
      return {
        step: 'attachments',
        key: `reuse/${slot.code}`,
        problem: {
          message,
          fieldId: reuseOptionId(ID.reuse(slot.code), 0),
          label: `${t.reuse.legend} (${slot.code})`,
        },
      };
    if (slot)
      return {
        step: 'attachments',
        key: `component/${slot.code}`,
        problem: { message, fieldId: ID.slot(slot.code), label: slot.component.name },
      };
  }
  return { step: 'review', key: null, problem: { message } };
}

/** The records chosen for each component, as the review lists them (none for an organisation). */
export function reusedForReview(
  slots: readonly UploadSlot[],
  reused: ReuseChoices,
  documents: readonly ApplicantDocumentItem[],
  kind: ApplyValues['kind'],
): { code: string; document: ApplicantDocumentItem }[] {
  if (kind !== 'person') return [];
  return slots.flatMap((s) =>
    (reused[s.code] ?? []).flatMap((id) => {
      const d = documents.find((x) => x.documentId === id);
      return d ? [{ code: s.code, document: d }] : [];
    }),
  );
}

/** The form's values before the citizen types: the only agency when one offers it, their contacts. */
export function applyDefaults(
  detail: { offeredBy: readonly { code: string }[] },
  citizen: { phone?: string | null; email?: string | null },
): ApplyValues {
  return {
    caseCode: '',
    agencyCode: detail.offeredBy.length === 1 ? detail.offeredBy[0]!.code : '',
    otherDesk: false,
    deskCode: '',
    kind: 'person',
    name: '',
    taxCode: '',
    phone: citizen.phone ?? '',
    email: citizen.email ?? '',
    addressUnit: '',
    addressLine: '',
    returnChannel: '',
    notifyBy: [...DEFAULT_NOTIFY_BY],
  };
}
