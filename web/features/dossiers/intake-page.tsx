// /ho-so/tiep-nhan: receiving a dossier at the desk, built for speed and the keyboard. The procedure
// is typed and chosen with ↓ and Enter; the competent agency defaults to the desk's own when it
// offers the procedure; the applicant; the declaration rendered from the procedure's JSON Schema;
// the components, each marked as handed in (original, copy …) or missing. Saving first checks the
// declaration in the browser with the server's rules (declaration-check.ts): its errors are shown
// beside the fields without sending anything. Then it sends one Idempotency-Key per intake, so a second
// click or a retry never makes a second dossier. 201 → the dossier's page (with its receipt). 422 → the
// dossier was recorded as incomplete: the missing list and the supplement-request slip. 400 → each
// message beside the field it names. Once the applicant's number is entered, the officer may look up
// the applicant's document store (docs/domain/documents.md; each lookup is audited, so only on the
// button) and cite its records for a component marked "Khai thác dữ liệu đã có".
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { type IntakeMark, type ReuseChoices } from '../../../common/dossiers/reuse.ts';
import { errorText } from '../../app/errors.ts';
import { ApiError } from '../../app/http.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { Page } from '../../app/page.tsx';
import { dossierPath } from '../../app/paths.ts';
import { useRouter } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import { ErrorSummary } from '../calendar/error-summary.tsx';
import { reuseOptionId } from '../documents/reuse-choice.tsx';
import { checkDeclaration, preloadDeclarationCheck } from './declaration-check.ts';
import { IncompleteError, newIdempotencyKey, receiveDossier } from './dossiers-api.ts';
import { IntakeApplicant } from './intake-applicant.tsx';
import { intakeQueries } from './intake-api.ts';
import { IntakeComponents } from './intake-components.tsx';
import { IntakeHandOn } from './intake-hand-on.tsx';
import { NO_SCANS } from './intake-scans.tsx';
import { useApplicantLookup, useComponentScans } from './intake-hooks.ts';
import {
  declarationFailure,
  EMPTY_APPLICANT,
  FORM_PREFIX,
  INTAKE_ID,
  intakeBody,
  intakeDefaults,
  pickFirst,
  serverFailure,
  type Applicant,
  type Failure,
  type IntakeValues,
} from './intake-form.ts';
import { IntakeIncomplete } from './intake-incomplete.tsx';
import { IntakeProcedure, type Channel } from './intake-procedure.tsx';
import type { PickedProcedure } from './procedure-picker.tsx';
import { initialValue, SchemaForm, type FormSchema } from './schema-form.tsx';
import { FormSection } from './schema-parts.tsx';
import { DEFAULT_NOTIFY_BY } from '../notifications/notify-choice.ts';

export function IntakePage() {
  const { t } = useI18n();
  const { session } = useSession();
  const { navigate } = useRouter();
  const own = session.status === 'signed-in' ? session.user.roles.map((r) => r.agencyCode) : [];
  const ownKey = own.join(',');
  const [picked, setPicked] = useState<PickedProcedure | null>(null);
  // The desk's own fields (receiving agency, channel, the applicant) are held by react-hook-form, as
  // the apply page's are; the declaration beside them is the schema-driven form.
  const intakeForm = useForm<IntakeValues>({
    defaultValues: intakeDefaults(),
  });
  const [agencyCode, channel, returnChannel, watchedApplicant, notifyBy] = useWatch({
    control: intakeForm.control,
    name: ['agencyCode', 'channel', 'returnChannel', 'applicant', 'notifyBy'],
  });
  const applicant = watchedApplicant;
  const setAgencyCode = (code: string) => intakeForm.setValue('agencyCode', code);
  const setChannel = (next: Channel) => intakeForm.setValue('channel', next);
  const [formData, setFormData] = useState<unknown>(undefined);
  const [marks, setMarks] = useState<IntakeMark[]>([]);
  const [assignee, setAssignee] = useState('');
  const [reused, setReused] = useState<ReuseChoices>({});
  const { scans, setScans, uploading, onScans, onUploading } = useComponentScans(setMarks);
  const { lookup, forgetLookup, lookUp: lookUpNumber } = useApplicantLookup(() => setReused({}));
  const lookUp = () => lookUpNumber(applicant.idNumber);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [incomplete, setIncomplete] = useState<IncompleteError | null>(null);
  const idempotencyKey = useRef(newIdempotencyKey());
  const summaryHeading = useRef<HTMLHeadingElement>(null);

  const procedure = useQuery({ ...intakeQueries.procedure(picked?.code ?? ''), enabled: picked !== null });
  const receivable = useQuery({ ...intakeQueries.receivable(picked?.code ?? ''), enabled: picked !== null });
  const detail = picked ? procedure.data : undefined;
  const agencies = picked ? receivable.data?.items : undefined;
  const schema = detail ? (detail.form as FormSchema) : null;
  const components = detail?.procedure.components ?? [];

  // A procedure read: the form starts from its defaults.
  useEffect(() => {
    if (!detail) return;
    preloadDeclarationCheck({ code: detail.procedure.code, version: detail.version, schema: detail.form });
    setFormData(initialValue(detail.form) ?? {});
    setMarks(detail.procedure.components.map(() => ''));
    setScans(detail.procedure.components.map(() => NO_SCANS));
    setReused({});
  }, [detail]);
  // The agencies read: the desk's own agency is chosen when it may receive for it.
  useEffect(() => {
    const mine = agencies?.find((a) => ownKey.split(',').includes(a.code));
    setAgencyCode(mine?.code ?? '');
  }, [agencies, ownKey]);

  const setApplicantField = (f: keyof Applicant, v: string) => {
    if ((f === 'idNumber' || f === 'kind') && v !== applicant[f] && lookup.kind !== 'none') forgetLookup();
    intakeForm.setValue(`applicant.${f}`, v);
  };

  const showFailure = (next: Failure) => {
    setFailure(next);
    window.setTimeout(() => summaryHeading.current?.focus(), 0);
  };

  const deskAgencyCode =
    own.length > 1 ? (agencies?.find((a) => a.code === agencyCode)?.deskAgencyCode ?? null) : null;

  const save = useMutation({
    mutationFn: async () => {
      if (!picked || !detail || !schema) return { kind: 'pick-first' as const };
      if (uploading.size > 0)
        return {
          kind: 'invalid' as const,
          failure: { fields: {}, formFields: {}, problems: [{ message: t.dossiers.scans.pending }] },
        };
      const body = intakeBody({
        procedureCode: picked.code,
        agencyCode,
        deskAgencyCode,
        channel,
        returnChannel,
        applicant,
        schema,
        formData,
        marks,
        reused: lookup.kind === 'done' ? reused : {},
        scans,
        nextAssigneeId: assignee,
        notifyBy,
      });
      const sent = {
        schema,
        body,
        components,
        reuseFieldId:
          lookup.kind === 'done' && lookup.list.items.length > 0
            ? (i: number) => reuseOptionId(INTAKE_ID.reuse(i), 0)
            : null,
      };
      // Without the validator (it did not load), the intake's own answer names the declaration's errors.
      const form = { code: detail.procedure.code, version: detail.version, schema: detail.form };
      const declaration = await checkDeclaration(form, body.formData, async () => null);
      if (declaration !== null && !declaration.ok)
        return { kind: 'declaration' as const, failure: declarationFailure(t, schema, declaration.errors) };
      try {
        return { kind: 'received' as const, code: (await receiveDossier(body, idempotencyKey.current)).code };
      } catch (error) {
        if (error instanceof IncompleteError) throw error;
        // Nothing was recorded: the next attempt is a new intake.
        idempotencyKey.current = newIdempotencyKey();
        if (error instanceof ApiError && error.details.length > 0)
          return { kind: 'invalid' as const, failure: serverFailure(t, error.details, sent) };
        throw error;
      }
    },
    onMutate: () => setFailure(null),
    onSuccess: (outcome) => {
      if (outcome.kind === 'received') navigate(`${dossierPath(outcome.code)}?moi=1`);
      else showFailure(outcome.kind === 'pick-first' ? pickFirst(t) : outcome.failure);
    },
    onError: (error) => {
      if (error instanceof IncompleteError) setIncomplete(error);
      else showFailure({ fields: {}, formFields: {}, problems: [{ message: errorText(t, error) }] });
    },
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!save.isPending) save.mutate();
  };

  const startOver = () => {
    setIncomplete(null);
    setPicked(null);
    intakeForm.setValue('applicant', EMPTY_APPLICANT);
    intakeForm.setValue('notifyBy', [...DEFAULT_NOTIFY_BY]);
    setFormData(undefined);
    setMarks([]);
    setScans([]);
    setAssignee('');
    forgetLookup();
    idempotencyKey.current = newIdempotencyKey();
    window.setTimeout(() => document.getElementById(INTAKE_ID.procedure)?.focus(), 0);
  };

  const fields = failure?.fields ?? {};
  const title = t.dossiers.intake.title;
  if (incomplete)
    return (
      <Page title={title} heading={title} className="intake-page">
        <IntakeIncomplete incomplete={incomplete} onStartOver={startOver} />
      </Page>
    );

  return (
    <Page title={title} heading={title} intro={t.dossiers.intake.intro} className="intake-page">
      <ErrorSummary
        title={t.dossiers.intake.errorSummary}
        problems={failure?.problems ?? []}
        headingRef={summaryHeading}
      />
      <form className="intake-form" noValidate onSubmit={onSubmit}>
        <IntakeProcedure
          picked={picked}
          onPick={(p) => {
            setPicked(p);
            setFailure(null);
          }}
          read={procedure}
          agencies={{ read: receivable, items: agencies }}
          own={own}
          fields={fields}
          agencyCode={agencyCode}
          onAgency={setAgencyCode}
          channel={channel}
          onChannel={setChannel}
          returnChannel={returnChannel}
          onReturnChannel={(next) => intakeForm.setValue('returnChannel', next)}
        />
        {detail && schema ? (
          <>
            <IntakeApplicant
              applicant={applicant}
              onField={setApplicantField}
              fields={fields}
              lookup={lookup}
              onLookUp={lookUp}
              notifyBy={notifyBy}
              onNotifyBy={(next) => intakeForm.setValue('notifyBy', next)}
            />
            <FormSection
              id="intake-declaration-heading"
              heading={schema.title ?? t.dossiers.intake.declarationHeading}
            >
              {detail.genericForm ? <p className="note">{t.procedure.form.generic}</p> : null}
              <SchemaForm
                schema={schema}
                value={formData}
                onChange={setFormData}
                errors={failure?.formFields ?? {}}
                idPrefix={FORM_PREFIX}
              />
            </FormSection>
            <IntakeComponents
              components={components}
              marks={marks}
              onMark={(i, mark) => setMarks((all) => all.map((m, j) => (j === i ? mark : m)))}
              fields={fields}
              lookup={lookup}
              reused={reused}
              onReused={setReused}
              scans={scans}
              onScans={onScans}
              onUploading={onUploading}
            />
            <IntakeHandOn
              where={agencyCode ? { procedure: picked!.code, agencyCode, channel, deskAgencyCode } : null}
              value={assignee}
              onChange={setAssignee}
              incomplete={marks.includes('missing')}
              error={fields.handOn}
            />
            <div className="form-actions">
              <button
                type="submit"
                className="button button-primary"
                aria-disabled={save.isPending || undefined}
              >
                {save.isPending ? t.dossiers.intake.saving : t.dossiers.intake.save}
              </button>
            </div>
          </>
        ) : null}
      </form>
    </Page>
  );
}
