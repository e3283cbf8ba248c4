// The intake form's data apart from React (intake-page.tsx): its field ids, the body it sends, and a
// failed answer's `details[]` put beside the fields they name, in the order of the page.
import type { DossierComponent } from '../../../common/catalog/procedure.ts';
import { intakeComponents, type IntakeMark, type ReuseChoices } from '../../../common/dossiers/reuse.ts';
import { detailText } from '../../app/errors.ts';
import type { ErrorDetail } from '../../app/http.ts';
import type { Messages } from '../../app/i18n/vi.ts';
import type { Problem } from '../calendar/error-summary.tsx';
import type { IntakeBody } from './dossiers-api.ts';
import { errorsFor, pruneValue, type FormSchema } from './schema-values.ts';
import type { ComponentScans } from './intake-scans.tsx';
import type { NotificationChannel } from '../../../common/contracts/notifications.ts';
import { DEFAULT_NOTIFY_BY, effectiveNotifyBy } from '../notifications/notify-choice.ts';

export type Applicant = {
  kind: 'person' | 'organisation';
  fullName: string;
  idNumber: string;
  phone: string;
  email: string;
  /** The commune of the address (picked from the unit tree), and the street or house beside it. */
  addressUnit: string;
  addressLine: string;
};

export const EMPTY_APPLICANT: Applicant = {
  kind: 'person',
  fullName: '',
  idNumber: '',
  phone: '',
  email: '',
  addressUnit: '',
  addressLine: '',
};

export const INTAKE_ID = {
  procedure: 'intake-procedure',
  agency: 'intake-agency',
  channel: 'intake-channel',
  returnChannel: 'intake-return-channel',
  applicant: (f: string) => `intake-applicant-${f}`,
  component: (i: number) => `intake-component-${i}`,
  lookup: 'intake-lookup',
  notifyBy: 'intake-notify-by',
  reuse: (i: number) => `intake-reuse-${i}`,
  handOn: 'intake-hand-on',
};

/** The declaration's fields have ids under this prefix (`intake-form-nguoiYeuCau-hoTen`). */
export const FORM_PREFIX = 'intake-form';
const FORM_PATH = 'body/formData/';

/** What went wrong: beside each field (by key), beside each declaration field, and in the summary. */
export type Failure = {
  fields: Record<string, string>;
  formFields: Record<string, string>;
  problems: Problem[];
};

export type IntakeDraft = {
  procedureCode: string;
  agencyCode: string;
  /** The officer's desk that receives for the agency (GET /dossiers/intake-agencies). */
  deskAgencyCode: string | null;
  channel: 'direct' | 'postal';
  /** How the applicant wants the result ('' when they did not say); the return action starts from it. */
  returnChannel: '' | 'counter' | 'postal' | 'online';
  applicant: Applicant;
  schema: FormSchema;
  formData: unknown;
  marks: readonly IntakeMark[];
  /** The records chosen for reused components, when the applicant's store was looked up. */
  reused: ReuseChoices;
  /** Each component's scans taken at the counter, by the component's index. */
  scans?: readonly ComponentScans[];
  /** The next step's handler to hand the dossier on to, or '' to keep it at the desk. */
  nextAssigneeId?: string;
  /** The channels the applicant chose to be told by (e-mail only with an address). */
  notifyBy?: readonly NotificationChannel[];
};

/** The desk's own fields, held by react-hook-form on the intake page (the declaration is apart). */
export type IntakeValues = Pick<IntakeDraft, 'agencyCode' | 'channel' | 'returnChannel' | 'applicant'> & {
  notifyBy: NotificationChannel[];
};

export const intakeDefaults = (): IntakeValues => ({
  agencyCode: '',
  channel: 'direct',
  returnChannel: '',
  applicant: EMPTY_APPLICANT,
  notifyBy: [...DEFAULT_NOTIFY_BY],
});

/** A component as sent, with its scans, page count and digitised mark when the desk gave them. */
function withScans(
  components: IntakeBody['components'],
  scans: readonly ComponentScans[] = [],
): IntakeBody['components'] {
  return components.map((c) => {
    const s = scans[Number(c.code.slice(2)) - 1];
    if (!s) return c;
    const pages = Number(s.pageCount);
    return {
      ...c,
      ...(s.files.length > 0 ? { fileIds: s.files.map((f) => f.fileId) } : {}),
      ...(s.pageCount !== '' && Number.isInteger(pages) ? { pageCount: pages } : {}),
      ...(s.digitised ? { digitised: true } : {}),
    };
  });
}

export function intakeBody(d: IntakeDraft): IntakeBody {
  const { applicant, marks } = d;
  return {
    procedureCode: d.procedureCode,
    agencyCode: d.agencyCode,
    ...(d.deskAgencyCode ? { deskAgencyCode: d.deskAgencyCode } : {}),
    applicant: {
      kind: applicant.kind,
      fullName: applicant.fullName.trim(),
      idNumber: applicant.idNumber.replace(/\s/g, ''),
      phone: applicant.phone.replace(/\s/g, ''),
      ...(applicant.email.trim() ? { email: applicant.email.trim() } : {}),
      // Half an address is sent as it is, for the server to name the missing half.
      ...(applicant.addressUnit || applicant.addressLine.trim()
        ? { address: { unitCode: applicant.addressUnit, line: applicant.addressLine.trim() } }
        : {}),
      ...(d.notifyBy ? { notifyBy: effectiveNotifyBy(d.notifyBy, applicant.email) } : {}),
    },
    formData: (pruneValue(d.schema, d.schema, d.formData) as Record<string, unknown> | undefined) ?? {},
    components: withScans(intakeComponents(marks, d.reused), d.scans),
    channel: d.channel,
    ...(d.nextAssigneeId ? { nextAssigneeId: d.nextAssigneeId } : {}),
    ...(d.returnChannel === '' ? {} : { returnChannel: d.returnChannel }),
    ...(marks.includes('missing')
      ? { missing: marks.flatMap((m, i) => (m === 'missing' ? [{ code: `TP${i + 1}` }] : [])) }
      : {}),
  };
}

/** No procedure chosen yet: nothing else can be filled in. */
export function pickFirst(t: Messages): Failure {
  const message = t.dossiers.intake.pickFirst;
  return {
    fields: { procedure: message },
    formFields: {},
    problems: [{ message, fieldId: INTAKE_ID.procedure, label: t.dossiers.intake.procedure }],
  };
}

/** The declaration's errors found in the browser, as the server would have named them. */
export function declarationFailure(
  t: Messages,
  schema: FormSchema,
  errors: readonly { pointer: string; message: string; keyword: string }[],
): Failure {
  const details = errors.map((e) => ({
    path: `body/formData${e.pointer}`,
    message: e.message,
    code: e.keyword,
  }));
  const mapped = errorsFor(t, schema, FORM_PREFIX, FORM_PATH, details);
  return {
    fields: {},
    formFields: mapped.fields,
    problems: [...mapped.problems, ...mapped.rest.map((d) => ({ message: detailText(t, d) }))],
  };
}

type Place = { key: string; id: string; label: string };

/** What was sent, to name the fields of a failed answer. */
export type Sent = {
  schema: FormSchema;
  body: IntakeBody;
  components: readonly DossierComponent[];
  /** Records were looked up, so a reused component's choice is a field (its first checkbox's id). */
  reuseFieldId: ((index: number) => string) | null;
};

/** The field of the page a detail outside the declaration names, or null. */
function placeOf(t: Messages, parts: string[], sent: Sent): Place | null {
  const [head, second, third] = parts;
  if (head === 'applicant' && second === 'address') {
    const f = third === 'line' ? 'addressLine' : 'addressUnit';
    return { key: `applicant/${f}`, id: INTAKE_ID.applicant(f), label: t.dossiers.applicant[f] };
  }
  if (head === 'applicant' && second === 'notifyBy')
    return {
      key: 'applicant/notifyBy',
      id: `${INTAKE_ID.notifyBy}-sms`,
      label: t.notifications.choice.legend,
    };
  if (head === 'applicant' && second && second in EMPTY_APPLICANT)
    return {
      key: `applicant/${second}`,
      id: INTAKE_ID.applicant(second),
      label: t.dossiers.applicant[second as keyof Applicant],
    };
  if (head === 'procedureCode')
    return { key: 'procedure', id: INTAKE_ID.procedure, label: t.dossiers.intake.procedure };
  if (head === 'agencyCode') return { key: 'agency', id: INTAKE_ID.agency, label: t.dossiers.intake.agency };
  if (head === 'channel') return { key: 'channel', id: INTAKE_ID.channel, label: t.dossiers.intake.channel };
  if (head === 'nextAssigneeId')
    return { key: 'handOn', id: INTAKE_ID.handOn, label: t.dossiers.handOn.label };
  if ((head !== 'components' && head !== 'missing') || !second) return null;
  const list = head === 'components' ? sent.body.components : (sent.body.missing ?? []);
  const code = /^TP\d+$/.test(second) ? second : list[Number(second)]?.code;
  const index = code ? Number(code.slice(2)) - 1 : -1;
  const component = sent.components[index];
  if (!component) return null;
  if (head === 'components' && third === 'documentIds' && sent.reuseFieldId)
    return {
      key: `reuse/${index}`,
      id: sent.reuseFieldId(index),
      label: `${t.reuse.legend} (${code})`,
    };
  return { key: `component/${index}`, id: INTAKE_ID.component(index), label: component.name };
}

/**
 * The server's `details[]` beside the fields they name; the summary in the order of the page:
 * procedure and applicant, the declaration, the components, the rest.
 */
export function serverFailure(t: Messages, details: readonly ErrorDetail[], sent: Sent): Failure {
  const mapped = errorsFor(t, sent.schema, FORM_PREFIX, FORM_PATH, details);
  const fields: Record<string, string> = {};
  const rest: Problem[] = [];
  for (const d of mapped.rest) {
    const message = detailText(t, d);
    const place = placeOf(t, d.path.split('/').slice(1), sent);
    if (place && !(place.key in fields)) fields[place.key] = message;
    rest.push(place ? { message, fieldId: place.id, label: place.label } : { message });
  }
  const isComponent = (p: Problem) => p.fieldId?.startsWith('intake-component-') ?? false;
  return {
    fields,
    formFields: mapped.fields,
    problems: [
      ...rest.filter((p) => p.fieldId && !isComponent(p)),
      ...mapped.problems,
      ...rest.filter(isComponent),
      ...rest.filter((p) => !p.fieldId),
    ],
  };
}
