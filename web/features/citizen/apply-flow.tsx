// The apply page's four steps as one form: where, the applicant and the declaration, the attachments,
// and a review; then POST /portal/dossiers with one Idempotency-Key per attempt. Each step is checked
// before going on (apply-steps.ts decides what is wrong and where it belongs); 201 → the dossier's
// page, which is the receipt; 400 → every message beside the field it names, on the first step that
// has one. The values beside the declaration are react-hook-form's; the declaration is the
// schema-driven form's own.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { addressedTo, prefilledDeclaration, withVouchedReadOnly } from './apply-prefill.ts';
import { useForm } from 'react-hook-form';
import { keepListed, type ReuseChoices } from '../../../common/dossiers/reuse.ts';
import { detailText, errorText } from '../../app/errors.ts';
import { ApiError } from '../../app/http.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { myDossierPath } from '../../app/paths.ts';
import { useRouter } from '../../app/router.tsx';
import { ErrorSummary } from '../calendar/error-summary.tsx';
import type { ProcedureDetail } from '../catalog/catalog-api.ts';
import { checkDeclaration, preloadDeclarationCheck } from '../dossiers/declaration-check.ts';
import { newIdempotencyKey } from '../dossiers/dossiers-api.ts';
import {
  errorsFor,
  initialValue,
  pruneValue,
  type FieldErrors,
  type FormSchema,
} from '../dossiers/schema-form.tsx';
import { AttachmentsStep } from './apply-attachments-step.tsx';
import { DeclarationStep } from './apply-declaration-step.tsx';
import { ReviewStep } from './apply-review-step.tsx';
import { uploadSlots } from './apply-rules.ts';
import {
  applicantProblems,
  attachmentProblems,
  failureOf,
  applyDefaults,
  firstFailedStep,
  FORM_PREFIX,
  NO_FAILURE,
  placeDetail,
  reusedForReview,
  STEPS,
  submissionBody,
  whereProblems,
  type ApplyValues,
  type Failure,
  type Found,
  type Step,
} from './apply-steps.ts';
import { ApplySteps } from './apply-steps-list.tsx';
import { WhereStep } from './apply-where-step.tsx';
import {
  checkDeclarationOnServer,
  citizenQueries,
  submitOnline,
  type OnlineSubmissionBody,
} from './citizen-api.ts';
import type { CitizenView } from './citizen-http.ts';
import { REUSABLE_DOCUMENTS_LIMIT } from './documents-api.ts';
import { useUploads } from './file-upload.tsx';

export function ApplyFlow({ detail, citizen }: { detail: ProcedureDetail; citizen: CitizenView }) {
  const { t } = useI18n();
  const { navigate } = useRouter();
  const a = t.citizen.apply;
  const p = detail.procedure;
  const schema = detail.form as FormSchema;
  const slots = uploadSlots(p);
  const form = useForm<ApplyValues>({ defaultValues: applyDefaults(detail, citizen) });
  const values = form.watch();
  const [step, setStep] = useState<Step>('where');
  // The requester comes filled from the identity provider's claims (read-only), "Kính gửi" from the agency.
  const [formData, setFormData] = useState<unknown>(() =>
    prefilledDeclaration(detail.form, initialValue(schema) ?? {}, citizen),
  );
  const shownSchema = useMemo(() => withVouchedReadOnly(detail.form, citizen), [detail.form, citizen]);
  const [failure, setFailure] = useState<Failure>(NO_FAILURE);
  const [busy, setBusy] = useState(false);
  const uploads = useUploads(t);
  // The citizen's document store, for reuse: if it cannot be read, the rest of the form still works.
  const store = useQuery(citizenQueries.documents({ page: 1, pageSize: REUSABLE_DOCUMENTS_LIMIT }));
  const [chosen, setChosen] = useState<ReuseChoices>({});
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

  const documents = store.data?.items ?? [];
  // Only records still listed count (one may have been withdrawn since it was chosen).
  const reused = store.data
    ? keepListed(
        chosen,
        documents.map((d) => d.documentId),
      )
    : chosen;
  /** Records are offered only for the citizen's own dossier: the server refuses them for another. */
  const reuseShown = values.kind === 'person' && documents.length > 0;

  // Not on the first render: the page's <h1> has focus then.
  useEffect(() => {
    const target = focusNext.current === 'summary' ? summaryHeading.current : stepHeading.current;
    if (focusNext.current === null || !target) return;
    focusNext.current = null;
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: 'start' });
  });

  const index = STEPS.indexOf(step);
  const agency = detail.offeredBy.find((x) => x.code === values.agencyCode) ?? null;
  const agencyName = agency?.name ?? null;
  // "Kính gửi" follows the agency chosen on the first step.
  useEffect(() => {
    if (agencyName !== null) setFormData((d: unknown) => addressedTo(detail.form, d, agencyName));
  }, [agencyName, detail.form]);
  const desk = values.otherDesk ? (detail.offeredBy.find((x) => x.code === values.deskCode) ?? null) : agency;

  const go = (next: Step) => {
    focusNext.current = 'step';
    setStep(next);
  };

  /** Shows `found` on their steps and goes to the first of them. */
  const fail = (found: Found[], formFields: FieldErrors = {}) => {
    const next = failureOf(found, formFields);
    setFailure(next);
    setStep(firstFailedStep(next, step));
    focusNext.current = 'summary';
  };

  const sentForm = () => (pruneValue(schema, schema, formData) as Record<string, unknown> | undefined) ?? {};

  async function declarationProblems(): Promise<{ found: Found[]; formFields: FieldErrors }> {
    const found = applicantProblems(t, form.getValues());
    try {
      const data = sentForm();
      const result = await checkDeclaration(declarationForm, data, () =>
        checkDeclarationOnServer(p.code, data),
      );
      if (result.ok) return { found, formFields: {} };
      const details = result.errors.map((e) => ({
        path: `body/formData${e.pointer}`,
        message: e.message,
        code: e.keyword,
      }));
      const mapped = errorsFor(t, schema, FORM_PREFIX, 'body/formData/', details);
      found.push(...mapped.problems.map((problem) => ({ step: 'declaration' as const, key: null, problem })));
      found.push(
        ...mapped.rest.map((d) => ({
          step: 'declaration' as const,
          key: null,
          problem: { message: detailText(t, d) },
        })),
      );
      return { found, formFields: mapped.fields };
    } catch (error) {
      found.push({ step: 'declaration', key: null, problem: { message: errorText(t, error) } });
      return { found, formFields: {} };
    }
  }

  const submit = useMutation({
    mutationFn: (sent: OnlineSubmissionBody) => submitOnline(sent, idempotencyKey.current),
    onSuccess: (view) => navigate(`${myDossierPath(view.code)}?moi=1`, { replace: true }),
    onError: (error, sent) => {
      // Nothing was recorded: the next attempt is a new submission.
      idempotencyKey.current = newIdempotencyKey();
      if (error instanceof ApiError && error.details.length > 0) {
        const mapped = errorsFor(t, schema, FORM_PREFIX, 'body/formData/', error.details);
        const found: Found[] = [
          ...mapped.problems.map((problem) => ({ step: 'declaration' as const, key: null, problem })),
          ...mapped.rest.map((d) => placeDetail(t, d, { sent, slots, reuseShown })),
        ];
        if (error.message && t.lang === 'vi')
          found.push({ step: 'review', key: null, problem: { message: error.message } });
        fail(found, mapped.fields);
      } else {
        fail([{ step: 'review', key: null, problem: { message: errorText(t, error) } }]);
      }
    },
  });

  /** Checks the step; when nothing is wrong, clears its messages and goes on. */
  async function next(): Promise<void> {
    const v = form.getValues();
    if (step === 'where') {
      const found = whereProblems(t, {
        agency: agency !== null,
        otherDesk: v.otherDesk,
        desk: desk !== null,
      });
      if (found.length > 0) return fail(found);
      setFailure(NO_FAILURE);
      go('declaration');
    } else if (step === 'declaration') {
      const { found, formFields } = await declarationProblems();
      if (found.length > 0) return fail(found, formFields);
      setFailure((f) => ({ ...f, formFields: {}, problems: f.problems.filter((x) => x.step !== step) }));
      go('attachments');
    } else if (step === 'attachments') {
      const found = attachmentProblems(t, slots, uploads, { choices: reused, kind: v.kind });
      if (found.length > 0) return fail(found);
      setFailure((f) => ({ ...f, problems: f.problems.filter((x) => x.step !== step) }));
      go('review');
    } else {
      await submit
        .mutateAsync(submissionBody(p, v, { formData: sentForm(), slots, uploads, reused }))
        .catch(() => undefined);
    }
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      await next();
    } finally {
      setBusy(false);
    }
  }

  const fields = failure.fields;

  return (
    <>
      <ApplySteps step={step} />
      <form className="apply-form" noValidate onSubmit={(e) => void onSubmit(e)}>
        <h2 className="section-heading apply-step-heading" tabIndex={-1} ref={stepHeading}>
          {a.stepOf(index + 1, STEPS.length, a.steps[step])}
        </h2>
        <ErrorSummary
          title={a.errorSummary}
          problems={failure.problems.filter((x) => x.step === step)}
          headingRef={summaryHeading}
        />
        {step === 'where' ? (
          <WhereStep detail={detail} form={form} fields={fields} />
        ) : step === 'declaration' ? (
          <DeclarationStep
            detail={detail}
            citizen={citizen}
            form={form}
            fields={fields}
            shownSchema={shownSchema}
            formData={formData}
            onFormData={setFormData}
            formErrors={failure.formFields}
          />
        ) : step === 'attachments' ? (
          <AttachmentsStep
            detail={detail}
            slots={slots}
            uploads={uploads}
            store={store}
            organisation={values.kind === 'organisation'}
            reuse={reuseShown ? { documents, chosen: reused, onChange: setChosen } : null}
            fields={fields}
          />
        ) : (
          <ReviewStep
            t={t}
            detail={detail}
            citizen={citizen}
            applicant={values}
            where={{
              caseName: p.cases.find((c) => c.key === values.caseCode)?.name ?? null,
              agencyName: agency?.name ?? '',
              deskName: desk?.name ?? '',
            }}
            formData={sentForm()}
            uploads={uploads}
            slots={slots}
            reused={reusedForReview(slots, reused, documents, values.kind)}
            onEdit={go}
          />
        )}
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
