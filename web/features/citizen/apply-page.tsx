// /cong-dich-vu-cong/nop-ho-so/<code>: applying online, in four steps on one page — where (case,
// competent agency, receiving desk), the applicant and the declaration (rendered from the procedure's
// JSON Schema and checked in the browser with the server's own rules before going on, see
// dossiers/declaration-check.ts), the attachments (each sent at once, with progress), and a review —
// then POST /portal/dossiers with one Idempotency-Key per attempt. 201 → the dossier's page, which is
// the receipt. 400 → every message beside the field it names, on the first step that has one. In
// national-portal mode the page hands over to the national portal instead. The applicant is the
// signed-in citizen: name and ID number come from the identity. Beside uploading, a component may reuse
// records of the citizen's document store (docs/domain/documents.md), listed once when the page opens:
// if they cannot be listed, the rest of the form still works.
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { CHANNELS } from '../../../common/catalog/procedure.ts';
import {
  chooseDocument,
  keepListed,
  onlineComponents,
  slotProvided,
  type ReuseChoices,
} from '../../../common/dossiers/reuse.ts';
import { detailText, errorText } from '../../app/errors.ts';
import { ApiError, isAbort, type ErrorDetail } from '../../app/http.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import type { Messages } from '../../app/i18n/vi.ts';
import { Page } from '../../app/page.tsx';
import { myDossierPath, PATHS, procedurePath } from '../../app/paths.ts';
import { Link, useRouter } from '../../app/router.tsx';
import { ErrorSummary, type Problem } from '../calendar/error-summary.tsx';
import { getProcedure, type ProcedureDetail } from '../catalog/catalog-api.ts';
import { checkDeclaration, preloadDeclarationCheck } from '../dossiers/declaration-check.ts';
import { ReuseChoice, reuseOptionId } from '../documents/reuse-choice.tsx';
import { newIdempotencyKey } from '../dossiers/dossiers-api.ts';
import {
  errorsFor,
  initialValue,
  pruneValue,
  SchemaForm,
  type FieldErrors,
  type FormSchema,
} from '../dossiers/schema-form.tsx';
import { AgencyChoice } from './agency-choice.tsx';
import { checkDeclarationOnServer, submitOnline, type OnlineSubmissionBody } from './citizen-api.ts';
import { CitizenGate } from './citizen-gate.tsx';
import { fileSizeText } from './citizen-format.ts';
import {
  loadPortalSettings,
  nationalProcedureUrl,
  type CitizenView,
  type PortalSettings,
} from './citizen-http.ts';
import { EMAIL, PHONE, presentedOnly, TAX_CODE, uploadSlots } from './apply-rules.ts';
import {
  documentFileUrl,
  listMyDocuments,
  REUSABLE_DOCUMENTS_LIMIT,
  type ApplicantDocumentList,
} from './documents-api.ts';
import { FileField, UploadAnnouncer, useUploads, type Uploads } from './file-upload.tsx';
import { FormReview } from './form-review.tsx';
import './citizen.css';

const STEPS = ['where', 'declaration', 'attachments', 'review'] as const;
type Step = (typeof STEPS)[number];

type Applicant = {
  kind: 'person' | 'organisation';
  name: string;
  taxCode: string;
  phone: string;
  email: string;
};
type ApplicantField = 'name' | 'taxCode' | 'phone' | 'email';

const FORM_PREFIX = 'apply-form';
const ID = {
  case: 'apply-case',
  agency: 'apply-agency',
  otherDesk: 'apply-other-desk',
  desk: 'apply-desk',
  kind: 'apply-kind',
  applicant: (f: ApplicantField) => `apply-applicant-${f}`,
  slot: (code: string) => `apply-file-${code}`,
  reuse: (code: string) => `apply-reuse-${code}`,
};

type StepProblem = Problem & { step: Step };
/** Field messages by key: `agency`, `desk`, `case`, `applicant/phone`, `component/TP2`, `reuse/TP3`. */
type Failure = { fields: Record<string, string>; formFields: FieldErrors; problems: StepProblem[] };
const NO_FAILURE: Failure = { fields: {}, formFields: {}, problems: [] };

/** The citizen's document store, for reuse. */
type Store =
  { kind: 'loading' } | { kind: 'done'; list: ApplicantDocumentList } | { kind: 'error'; error: unknown };

type Load =
  | { kind: 'loading' }
  | { kind: 'done'; detail: ProcedureDetail; settings: PortalSettings | null }
  | { kind: 'error'; error: unknown };

function RequiredMark({ t }: { t: Messages }) {
  return (
    <>
      <span className="required-mark" aria-hidden="true">
        {' '}
        *
      </span>
      <span className="visually-hidden"> ({t.dossiers.form.required})</span>
    </>
  );
}

function TextField({
  id,
  label,
  value,
  onChange,
  error,
  required = false,
  type = 'text',
  hint,
  extra = {},
}: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
  required?: boolean;
  type?: string;
  hint?: string;
  extra?: Record<string, string>;
}) {
  const { t } = useI18n();
  const describedBy = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ');
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>
        {label}
        {required ? <RequiredMark t={t} /> : null}
      </label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <input
        id={id}
        type={type}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        aria-required={required || undefined}
        {...extra}
      />
    </div>
  );
}

/** Where a server message belongs: its step, its field key and the element to focus. */
function placeDetail(
  t: Messages,
  d: ErrorDetail,
  sent: OnlineSubmissionBody | null,
  slots: ReturnType<typeof uploadSlots>,
  reuseShown: boolean,
): { step: Step; key: string | null; problem: Problem } {
  const parts = d.path.split('/').slice(1);
  const message = detailText(t, d);
  const a = t.citizen.apply;
  if (parts[0] === 'agencyCode')
    return { step: 'where', key: 'agency', problem: { message, fieldId: ID.agency, label: a.agency } };
  if (parts[0] === 'receivingAgencyCode')
    return { step: 'where', key: 'desk', problem: { message, fieldId: ID.desk, label: a.desk } };
  if (parts[0] === 'caseCode')
    return { step: 'where', key: 'case', problem: { message, fieldId: ID.case, label: a.case } };
  if (parts[0] === 'applicant' && parts[1]) {
    const field: ApplicantField | null =
      parts[1] === 'fullName'
        ? 'name'
        : parts[1] === 'idNumber'
          ? 'taxCode'
          : parts[1] === 'phone' || parts[1] === 'email'
            ? parts[1]
            : null;
    if (field)
      return {
        step: 'declaration',
        key: `applicant/${field}`,
        problem: { message, fieldId: ID.applicant(field), label: a.applicant[field] },
      };
  }
  if (parts[0] === 'components' && parts[1]) {
    const code = /^TP\d+$/.test(parts[1]) ? parts[1] : sent?.components[Number(parts[1])]?.code;
    const slot = slots.find((s) => s.code === code);
    if (slot && parts[2] === 'documentIds' && reuseShown)
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

function ApplyFlow({ detail, citizen }: { detail: ProcedureDetail; citizen: CitizenView }) {
  const { t } = useI18n();
  const { navigate } = useRouter();
  const a = t.citizen.apply;
  const p = detail.procedure;
  const schema = detail.form as FormSchema;
  const slots = uploadSlots(p);
  const [step, setStep] = useState<Step>('where');
  const [caseCode, setCaseCode] = useState('');
  const [agencyCode, setAgencyCode] = useState(() =>
    detail.offeredBy.length === 1 ? detail.offeredBy[0]!.code : '',
  );
  const [otherDesk, setOtherDesk] = useState(false);
  const [deskCode, setDeskCode] = useState('');
  const [applicant, setApplicant] = useState<Applicant>(() => ({
    kind: 'person',
    name: '',
    taxCode: '',
    phone: citizen.phone ?? '',
    email: citizen.email ?? '',
  }));
  const [formData, setFormData] = useState<unknown>(() => initialValue(schema) ?? {});
  const [failure, setFailure] = useState<Failure>(NO_FAILURE);
  const [busy, setBusy] = useState(false);
  const uploads = useUploads(t);
  const [store, setStore] = useState<Store>({ kind: 'loading' });
  const [storeAttempt, setStoreAttempt] = useState(0);
  const [reused, setReused] = useState<ReuseChoices>({});
  const idempotencyKey = useRef(newIdempotencyKey());
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const summaryHeading = useRef<HTMLHeadingElement>(null);
  /** Where focus goes after the next render: a new step's heading, or the list of problems. */
  const focusNext = useRef<'step' | 'summary' | null>(null);

  const declarationForm = { code: p.code, version: detail.version, schema: detail.form };
  // The validator arrives while the applicant fills in the first step.
  useEffect(() => {
    preloadDeclarationCheck({ code: p.code, version: detail.version, schema: detail.form });
  }, [p.code, detail.version, detail.form]);

  useEffect(() => {
    const controller = new AbortController();
    setStore({ kind: 'loading' });
    listMyDocuments({ page: 1, pageSize: REUSABLE_DOCUMENTS_LIMIT }, controller.signal)
      .then((list) => {
        setStore({ kind: 'done', list });
        setReused((c) =>
          keepListed(
            c,
            list.items.map((d) => d.documentId),
          ),
        );
      })
      .catch((error: unknown) => {
        if (!isAbort(error)) setStore({ kind: 'error', error });
      });
    return () => controller.abort();
  }, [storeAttempt]);
  const documents = store.kind === 'done' ? store.list.items : [];
  /** Records are offered only for the citizen's own dossier: the server refuses them for another. */
  const reuseShown = applicant.kind === 'person' && documents.length > 0;

  // Not on the first render: the page's <h1> has focus then.
  useEffect(() => {
    const target = focusNext.current === 'summary' ? summaryHeading.current : stepHeading.current;
    if (focusNext.current === null || !target) return;
    focusNext.current = null;
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: 'start' });
  });

  const index = STEPS.indexOf(step);
  const problems = failure.problems.filter((x) => x.step === step);
  const agency = detail.offeredBy.find((x) => x.code === agencyCode) ?? null;
  const desk = otherDesk ? (detail.offeredBy.find((x) => x.code === deskCode) ?? null) : agency;

  const go = (next: Step) => {
    focusNext.current = 'step';
    setStep(next);
  };

  /** Shows `found` on their steps and goes to the first of them. */
  const fail = (
    found: { step: Step; key: string | null; problem: Problem }[],
    formFields: FieldErrors = {},
  ) => {
    const next: Failure = { fields: {}, formFields, problems: [] };
    for (const f of found) {
      if (f.key !== null && !(f.key in next.fields)) next.fields[f.key] = f.problem.message;
      next.problems.push({ ...f.problem, step: f.step });
    }
    setFailure(next);
    const first = STEPS.find((s) => next.problems.some((x) => x.step === s)) ?? step;
    setStep(first);
    focusNext.current = 'summary';
  };

  const checkWhere = (): boolean => {
    const found: Parameters<typeof fail>[0] = [];
    if (!agency)
      found.push({
        step: 'where',
        key: 'agency',
        problem: { message: a.pickAgency, fieldId: ID.agency, label: a.agency },
      });
    if (otherDesk && !desk)
      found.push({
        step: 'where',
        key: 'desk',
        problem: { message: a.pickDesk, fieldId: ID.desk, label: a.desk },
      });
    if (found.length > 0) fail(found);
    return found.length === 0;
  };

  const checkApplicant = (): Parameters<typeof fail>[0] => {
    const found: Parameters<typeof fail>[0] = [];
    const add = (field: ApplicantField, message: string) =>
      found.push({
        step: 'declaration',
        key: `applicant/${field}`,
        problem: { message, fieldId: ID.applicant(field), label: a.applicant[field] },
      });
    if (applicant.kind === 'organisation') {
      if (!applicant.name.trim()) add('name', a.problems.name);
      if (!TAX_CODE.test(applicant.taxCode.trim())) add('taxCode', a.problems.taxCode);
    }
    if (!PHONE.test(applicant.phone.replace(/[\s.]/g, ''))) add('phone', a.problems.phone);
    if (applicant.email.trim() && !EMAIL.test(applicant.email.trim())) add('email', a.problems.email);
    return found;
  };

  const sentForm = () => (pruneValue(schema, schema, formData) as Record<string, unknown> | undefined) ?? {};

  async function checkDeclarationStep(): Promise<boolean> {
    const found = checkApplicant();
    let formFields: FieldErrors = {};
    try {
      const data = sentForm();
      const result = await checkDeclaration(declarationForm, data, () =>
        checkDeclarationOnServer(p.code, data),
      );
      if (!result.ok) {
        const mapped = errorsFor(
          t,
          schema,
          FORM_PREFIX,
          'body/formData/',
          result.errors.map((e) => ({
            path: `body/formData${e.pointer}`,
            message: e.message,
            code: e.keyword,
          })),
        );
        formFields = mapped.fields;
        found.push(
          ...mapped.problems.map((problem) => ({ step: 'declaration' as const, key: null, problem })),
        );
        found.push(
          ...mapped.rest.map((d) => ({
            step: 'declaration' as const,
            key: null,
            problem: { message: detailText(t, d) },
          })),
        );
      }
    } catch (error) {
      if (isAbort(error)) return false;
      found.push({ step: 'declaration', key: null, problem: { message: errorText(t, error) } });
    }
    if (found.length > 0) fail(found, formFields);
    return found.length === 0;
  }

  const checkAttachments = (): boolean => {
    const found: Parameters<typeof fail>[0] = [];
    if (uploads.busy) found.push({ step: 'attachments', key: null, problem: { message: a.stillUploading } });
    for (const s of slots) {
      if (s.required && !slotProvided(s.code, uploads.fileIds, reused, applicant.kind))
        found.push({
          step: 'attachments',
          key: `component/${s.code}`,
          problem: { message: a.problems.attach(s.component.name), fieldId: ID.slot(s.code), label: s.code },
        });
    }
    if (found.length > 0) fail(found);
    return found.length === 0;
  };

  const body = (): OnlineSubmissionBody => {
    const email = applicant.email.trim();
    return {
      procedureCode: p.code,
      ...(caseCode ? { caseCode } : {}),
      agencyCode,
      ...(otherDesk && deskCode && deskCode !== agencyCode ? { receivingAgencyCode: deskCode } : {}),
      applicant:
        applicant.kind === 'person'
          ? { kind: 'person', phone: applicant.phone.replace(/[\s.]/g, ''), ...(email ? { email } : {}) }
          : {
              kind: 'organisation',
              fullName: applicant.name.trim(),
              idNumber: applicant.taxCode.trim(),
              phone: applicant.phone.replace(/[\s.]/g, ''),
              ...(email ? { email } : {}),
            },
      formData: sentForm(),
      components: onlineComponents(slots, uploads.fileIds, reused, applicant.kind),
    };
  };

  async function submit() {
    const sent = body();
    try {
      const view = await submitOnline(sent, idempotencyKey.current);
      navigate(`${myDossierPath(view.code)}?moi=1`, { replace: true });
    } catch (error) {
      // Nothing was recorded: the next attempt is a new submission.
      idempotencyKey.current = newIdempotencyKey();
      if (error instanceof ApiError && error.details.length > 0) {
        const mapped = errorsFor(t, schema, FORM_PREFIX, 'body/formData/', error.details);
        const found = [
          ...mapped.problems.map((problem) => ({ step: 'declaration' as const, key: null, problem })),
          ...mapped.rest.map((d) => placeDetail(t, d, sent, slots, reuseShown)),
        ];
        if (error.message && t.lang === 'vi')
          found.push({ step: 'review', key: null, problem: { message: error.message } });
        fail(found, mapped.fields);
      } else {
        fail([{ step: 'review', key: null, problem: { message: errorText(t, error) } }]);
      }
    }
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      if (step === 'where') {
        if (checkWhere()) {
          setFailure(NO_FAILURE);
          go('declaration');
        }
      } else if (step === 'declaration') {
        if (await checkDeclarationStep()) {
          setFailure((f) => ({ ...f, formFields: {}, problems: f.problems.filter((x) => x.step !== step) }));
          go('attachments');
        }
      } else if (step === 'attachments') {
        if (checkAttachments()) {
          setFailure((f) => ({ ...f, problems: f.problems.filter((x) => x.step !== step) }));
          go('review');
        }
      } else {
        await submit();
      }
    } finally {
      setBusy(false);
    }
  }

  const setField = (f: ApplicantField, v: string) => setApplicant((x) => ({ ...x, [f]: v }));
  const fields = failure.fields;
  const stepLabel = a.steps[step];
  const editLink = (target: Step) => (
    <button type="button" className="button button-small" onClick={() => go(target)}>
      {a.edit}
      <span className="visually-hidden"> {a.steps[target]}</span>
    </button>
  );

  let content: ReactNode;
  if (step === 'where') {
    content = (
      <>
        {p.cases.length > 0 ? (
          <div className={fields.case ? 'field field-invalid' : 'field'}>
            <label htmlFor={ID.case}>{a.case}</label>
            {fields.case ? (
              <p className="field-error" id={`${ID.case}-error`}>
                {fields.case}
              </p>
            ) : null}
            <select
              id={ID.case}
              value={caseCode}
              onChange={(e) => setCaseCode(e.target.value)}
              aria-describedby={fields.case ? `${ID.case}-error` : undefined}
            >
              <option value="">{a.ordinaryCase}</option>
              {p.cases.map((c) => (
                <option key={c.key} value={c.key}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {detail.offeredBy.length === 0 ? (
          <p className="note-warning">{t.procedure.where.none}</p>
        ) : (
          <AgencyChoice
            id={ID.agency}
            legend={a.agency}
            hint={a.agencyHint}
            agencies={detail.offeredBy}
            value={agencyCode}
            onChange={setAgencyCode}
            error={fields.agency}
          />
        )}
        <div className="field field-checkbox">
          <input
            id={ID.otherDesk}
            type="checkbox"
            checked={otherDesk}
            onChange={(e) => setOtherDesk(e.target.checked)}
            aria-describedby={`${ID.otherDesk}-hint`}
          />
          <label htmlFor={ID.otherDesk}>{a.otherDesk}</label>
        </div>
        <p className="hint" id={`${ID.otherDesk}-hint`}>
          {a.otherDeskHint}
        </p>
        {otherDesk ? (
          <AgencyChoice
            id={ID.desk}
            legend={a.desk}
            agencies={detail.offeredBy}
            value={deskCode}
            onChange={setDeskCode}
            error={fields.desk}
          />
        ) : null}
      </>
    );
  } else if (step === 'declaration') {
    content = (
      <>
        <section className="form-section" aria-labelledby="apply-applicant-heading">
          <h3 id="apply-applicant-heading" className="subsection-heading">
            {a.applicantHeading}
          </h3>
          <fieldset className="choice-group">
            <legend>{a.kind}</legend>
            <div className="radio-row">
              {(['person', 'organisation'] as const).map((k) => (
                <span key={k} className="radio-option">
                  <input
                    type="radio"
                    id={`${ID.kind}-${k}`}
                    name={ID.kind}
                    checked={applicant.kind === k}
                    onChange={() => setApplicant((x) => ({ ...x, kind: k }))}
                  />
                  <label htmlFor={`${ID.kind}-${k}`}>{a.kinds[k]}</label>
                </span>
              ))}
            </div>
          </fieldset>
          {applicant.kind === 'person' ? (
            <dl className="summary-list">
              <div>
                <dt>{a.applicant.fullName}</dt>
                <dd>{citizen.fullName}</dd>
              </div>
              <div>
                <dt>{a.applicant.idNumber}</dt>
                <dd className="code">{citizen.idNumberMasked}</dd>
              </div>
            </dl>
          ) : null}
          {applicant.kind === 'person' ? <p className="hint">{a.fromIdentity}</p> : null}
          {applicant.kind === 'organisation' ? (
            <div className="field-pair">
              <TextField
                id={ID.applicant('name')}
                label={a.applicant.name}
                value={applicant.name}
                onChange={(v) => setField('name', v)}
                error={fields['applicant/name']}
                required
                extra={{ autoComplete: 'organization', maxLength: '200' }}
              />
              <TextField
                id={ID.applicant('taxCode')}
                label={a.applicant.taxCode}
                value={applicant.taxCode}
                onChange={(v) => setField('taxCode', v)}
                error={fields['applicant/taxCode']}
                required
                extra={{ inputMode: 'numeric', autoComplete: 'off', maxLength: '14' }}
              />
            </div>
          ) : null}
          <div className="field-pair">
            <TextField
              id={ID.applicant('phone')}
              label={a.applicant.phone}
              type="tel"
              value={applicant.phone}
              onChange={(v) => setField('phone', v)}
              error={fields['applicant/phone']}
              required
              hint={a.phoneHint}
              extra={{ autoComplete: 'tel', maxLength: '20' }}
            />
            <TextField
              id={ID.applicant('email')}
              label={a.applicant.email}
              type="email"
              value={applicant.email}
              onChange={(v) => setField('email', v)}
              error={fields['applicant/email']}
              extra={{ autoComplete: 'email', maxLength: '200' }}
            />
          </div>
        </section>
        <section className="form-section" aria-labelledby="apply-declaration-heading">
          <h3 id="apply-declaration-heading" className="subsection-heading">
            {schema.title ?? a.declarationHeading}
          </h3>
          <p className="hint">{t.dossiers.intake.requiredNote}</p>
          {detail.genericForm ? <p className="note">{t.procedure.form.generic}</p> : null}
          <SchemaForm
            schema={schema}
            value={formData}
            onChange={setFormData}
            errors={failure.formFields}
            idPrefix={FORM_PREFIX}
          />
        </section>
      </>
    );
  } else if (step === 'attachments') {
    const shown = presentedOnly(p);
    content = (
      <>
        <p>{a.attachIntro}</p>
        <UploadAnnouncer uploads={uploads} />
        <StoreStatus
          store={store}
          organisation={applicant.kind === 'organisation'}
          onRetry={() => setStoreAttempt((n) => n + 1)}
        />
        <ol className="attach-list">
          {slots.map((s) => (
            <li key={s.code}>
              <FileField
                id={ID.slot(s.code)}
                slot={s.code}
                uploads={uploads}
                label={
                  <>
                    <span className="code">{s.code}</span> {s.component.name}
                  </>
                }
                hint={
                  s.required
                    ? s.component.form
                      ? t.dossiers.intake.condition(s.component.form)
                      : null
                    : s.component.condition
                      ? a.optionalWhen(s.component.condition)
                      : a.optional
                }
                required={s.required}
                error={fields[`component/${s.code}`]}
              />
              {reuseShown ? (
                <ReuseChoice
                  id={ID.reuse(s.code)}
                  code={s.code}
                  componentName={s.component.name}
                  documents={documents}
                  chosen={reused[s.code] ?? []}
                  onChange={(documentId, chosen) =>
                    setReused((c) => chooseDocument(c, s.code, documentId, chosen))
                  }
                  fileUrl={documentFileUrl}
                  error={fields[`reuse/${s.code}`]}
                  collapsible
                />
              ) : null}
            </li>
          ))}
        </ol>
        {shown.length > 0 ? (
          <section className="note" aria-labelledby="apply-presented-heading">
            <h3 id="apply-presented-heading" className="subsection-heading">
              {a.presentedHeading}
            </h3>
            <ul className="plain-list">
              {shown.map((c, i) => (
                <li key={i}>
                  {c.name}
                  {c.condition ? <span className="muted"> ({c.condition})</span> : null}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </>
    );
  } else {
    content = (
      <ReviewStep
        t={t}
        detail={detail}
        citizen={citizen}
        applicant={applicant}
        caseName={p.cases.find((c) => c.key === caseCode)?.name ?? null}
        agencyName={agency?.name ?? ''}
        deskName={desk?.name ?? ''}
        formData={sentForm()}
        uploads={uploads}
        slots={slots}
        reused={
          applicant.kind === 'person'
            ? slots.flatMap((s) =>
                (reused[s.code] ?? []).flatMap((id) => {
                  const d = documents.find((x) => x.documentId === id);
                  return d ? [{ code: s.code, document: d }] : [];
                }),
              )
            : []
        }
        editLink={editLink}
      />
    );
  }

  return (
    <>
      <ol className="apply-steps" aria-label={a.stepsLabel}>
        {STEPS.map((s, i) => (
          <li
            key={s}
            className={
              i < index
                ? 'apply-step apply-step-done'
                : s === step
                  ? 'apply-step apply-step-current'
                  : 'apply-step'
            }
            aria-current={s === step ? 'step' : undefined}
          >
            <span className="apply-step-number" aria-hidden="true">
              {i + 1}
            </span>
            <span className="apply-step-label">{a.steps[s]}</span>
          </li>
        ))}
      </ol>
      <form className="apply-form" noValidate onSubmit={(e) => void onSubmit(e)}>
        <h2 className="section-heading apply-step-heading" tabIndex={-1} ref={stepHeading}>
          {a.stepOf(index + 1, STEPS.length, stepLabel)}
        </h2>
        <ErrorSummary title={a.errorSummary} problems={problems} headingRef={summaryHeading} />
        {content}
        <div className="form-actions">
          <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
            {busy ? (step === 'review' ? a.submitting : a.checking) : step === 'review' ? a.submit : a.next}
          </button>
          {index > 0 ? (
            <button type="button" className="button" onClick={() => go(STEPS[index - 1]!)}>
              {a.back}
            </button>
          ) : null}
        </div>
      </form>
    </>
  );
}

function ReviewStep({
  t,
  detail,
  citizen,
  applicant,
  caseName,
  agencyName,
  deskName,
  formData,
  uploads,
  slots,
  reused,
  editLink,
}: {
  t: Messages;
  detail: ProcedureDetail;
  citizen: CitizenView;
  applicant: Applicant;
  caseName: string | null;
  agencyName: string;
  deskName: string;
  formData: unknown;
  uploads: Uploads;
  slots: ReturnType<typeof uploadSlots>;
  reused: { code: string; document: ApplicantDocumentList['items'][number] }[];
  editLink: (step: Step) => ReactNode;
}) {
  const a = t.citizen.apply;
  return (
    <>
      <p>{a.reviewIntro}</p>
      <section className="review-section" aria-labelledby="review-where-heading">
        <div className="review-heading">
          <h3 id="review-where-heading" className="subsection-heading">
            {a.steps.where}
          </h3>
          {editLink('where')}
        </div>
        <dl className="summary-list">
          <div>
            <dt>{t.procedure.title}</dt>
            <dd>
              {detail.procedure.name} <span className="code muted">{detail.procedure.code}</span>
            </dd>
          </div>
          {caseName ? (
            <div>
              <dt>{a.case}</dt>
              <dd>{caseName}</dd>
            </div>
          ) : null}
          <div>
            <dt>{a.agency}</dt>
            <dd>{agencyName}</dd>
          </div>
          <div>
            <dt>{a.desk}</dt>
            <dd>{deskName}</dd>
          </div>
        </dl>
      </section>
      <section className="review-section" aria-labelledby="review-applicant-heading">
        <div className="review-heading">
          <h3 id="review-applicant-heading" className="subsection-heading">
            {a.applicantHeading}
          </h3>
          {editLink('declaration')}
        </div>
        <dl className="summary-list">
          <div>
            <dt>{a.applicant.fullName}</dt>
            <dd>{applicant.kind === 'person' ? citizen.fullName : applicant.name}</dd>
          </div>
          <div>
            <dt>{applicant.kind === 'person' ? a.applicant.idNumber : a.applicant.taxCode}</dt>
            <dd className="code">
              {applicant.kind === 'person' ? citizen.idNumberMasked : applicant.taxCode}
            </dd>
          </div>
          <div>
            <dt>{a.applicant.phone}</dt>
            <dd>{applicant.phone}</dd>
          </div>
          {applicant.email.trim() ? (
            <div>
              <dt>{a.applicant.email}</dt>
              <dd>{applicant.email.trim()}</dd>
            </div>
          ) : null}
        </dl>
      </section>
      <section className="review-section" aria-labelledby="review-declaration-heading">
        <div className="review-heading">
          <h3 id="review-declaration-heading" className="subsection-heading">
            {(detail.form as FormSchema).title ?? a.declarationHeading}
          </h3>
          {editLink('declaration')}
        </div>
        <FormReview schema={detail.form} value={formData} />
      </section>
      <section className="review-section" aria-labelledby="review-attachments-heading">
        <div className="review-heading">
          <h3 id="review-attachments-heading" className="subsection-heading">
            {a.steps.attachments}
          </h3>
          {editLink('attachments')}
        </div>
        <ul className="plain-list review-files">
          {slots.flatMap((s) =>
            uploads
              .entries(s.code)
              .filter((e) => e.status === 'done')
              .map((e) => (
                <li key={e.key}>
                  <span className="code">{s.code}</span> {e.name}{' '}
                  <span className="muted">({fileSizeText(t, e.size)})</span>
                </li>
              )),
          )}
          {reused.map((r) => (
            <li key={`${r.code}-${r.document.documentId}`}>
              <span className="code">{r.code}</span>{' '}
              {t.reuse.reviewReused(r.document.name, r.document.dossierCode)}
            </li>
          ))}
        </ul>
      </section>
      <p className="note">{a.afterSubmit}</p>
    </>
  );
}

/** What the citizen's document store offers for reuse: loading, nothing, or why it could not be read. */
function StoreStatus({
  store,
  organisation,
  onRetry,
}: {
  store: Store;
  organisation: boolean;
  onRetry: () => void;
}) {
  const { t } = useI18n();
  const r = t.reuse;
  if (store.kind === 'loading')
    return (
      <p className="muted" role="status">
        {r.loading}
      </p>
    );
  if (store.kind === 'error')
    return (
      <div className="inline-error" role="alert">
        <p>{r.loadFailed(errorText(t, store.error))}</p>
        <button type="button" className="button" onClick={onRetry}>
          {t.errors.retry}
        </button>
      </div>
    );
  const { items, total } = store.list;
  if (items.length === 0)
    return (
      <p className="note" role="status">
        {r.none}
      </p>
    );
  return (
    <div className="note" role="status">
      <p>{organisation ? r.organisation : r.intro(total)}</p>
      {!organisation && total > items.length ? <p>{r.more(items.length, total)}</p> : null}
    </div>
  );
}

export function ApplyPage({ code }: { code: string }) {
  const { t } = useI18n();
  const a = t.citizen.apply;
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setLoad({ kind: 'loading' });
    Promise.all([getProcedure(code, controller.signal), loadPortalSettings()])
      .then(([detail, settings]) => setLoad({ kind: 'done', detail, settings }))
      .catch((error: unknown) => {
        if (!isAbort(error)) setLoad({ kind: 'error', error });
      });
    return () => controller.abort();
  }, [code, attempt]);

  const name = load.kind === 'done' ? load.detail.procedure.name : null;
  const online =
    load.kind === 'done' &&
    (load.detail.procedure.channels.length === 0 ? CHANNELS : load.detail.procedure.channels).includes(
      'online',
    );
  const national = load.kind === 'done' && load.settings?.mode === 'national' ? load.settings : null;

  return (
    <Page title={name ? a.title(name) : a.heading} heading={a.heading} className="citizen-page apply-page">
      <nav className="breadcrumb" aria-label={t.procedure.breadcrumb}>
        <ol>
          <li>
            <Link to={PATHS.portal}>{t.portal.title}</Link>
          </li>
          <li>
            <Link to={procedurePath(code)}>{code}</Link>
          </li>
          <li aria-current="page">{a.heading}</li>
        </ol>
      </nav>
      {load.kind === 'loading' ? (
        <p className="page-loading" role="status">
          {t.procedure.loading}
        </p>
      ) : load.kind === 'error' ? (
        <div className="inline-error" role="alert">
          <p>
            {load.error instanceof ApiError && load.error.status === 404
              ? t.procedure.notFound(code)
              : errorText(t, load.error)}
          </p>
          <button type="button" className="button" onClick={() => setAttempt((n) => n + 1)}>
            {t.errors.retry}
          </button>
        </div>
      ) : (
        <>
          <p className="apply-procedure">
            {load.detail.procedure.name} <span className="code muted">{load.detail.procedure.code}</span>
          </p>
          {national ? (
            <div className="notice">
              <p>{t.citizen.national.note}</p>
              <p>
                <a className="button button-primary" href={nationalProcedureUrl(national, code)}>
                  {t.citizen.national.link}
                </a>
              </p>
            </div>
          ) : !online ? (
            <p className="note-warning">{a.notOnline}</p>
          ) : (
            <CitizenGate>{(citizen) => <ApplyFlow detail={load.detail} citizen={citizen} />}</CitizenGate>
          )}
        </>
      )}
    </Page>
  );
}
