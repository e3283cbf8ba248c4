// One action's inputs on a dossier's page, rendered from the action's input schema (a person chosen
// with the person picker where the input is a user id), sent with If-Match: the version read. A 409
// STALE_VERSION means someone acted first: the page says so and reads the dossier again.
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { errorText } from '../../app/errors.ts';
import { ApiError } from '../../app/http.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { SendOrCancel } from '../../app/ui/form-actions.tsx';
import { ErrorSummary, type Problem } from '../calendar/error-summary.tsx';
import { ApprovalSigning } from '../signing/signing-panel.tsx';
import { PersonPicker, pickedPerson, withoutProperty, type PersonInput } from '../staff/person-picker.tsx';
import { localiseInputs } from './action-inputs.ts';
import { performAction, type DossierViewData } from './dossiers-api.ts';
import {
  errorsFor,
  initialValue,
  pruneValue,
  SchemaForm,
  type FieldErrors,
  type FormSchema,
} from './schema-form.tsx';

export function ActionForm({
  code,
  version,
  kind,
  label,
  inputs: sent,
  person,
  onDone,
  onStale,
  onCancel,
}: {
  code: string;
  version: number;
  kind: string;
  label: string;
  inputs: FormSchema;
  /** A user-id input chosen with the person picker rather than typed. */
  person: PersonInput | null;
  onDone: (view: DossierViewData) => void;
  onStale: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [inputs] = useState(() => localiseInputs(t, kind, sent));
  const [value, setValue] = useState<unknown>(() => initialValue(inputs) ?? {});
  const [uploading, setUploading] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problems, setProblems] = useState<Problem[]>([]);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const summaryHeading = useRef<HTMLHeadingElement>(null);
  const prefix = `action-${kind}`;
  const empty = Object.keys(inputs.properties ?? {}).length === 0;
  const pick = person && inputs.properties?.[person.field] ? person : null;

  useEffect(() => headingRef.current?.focus(), []);

  const showProblems = (next: Problem[]) => {
    setProblems(next);
    window.setTimeout(() => summaryHeading.current?.focus(), 0);
  };

  const send = useMutation({
    mutationFn: (body: Record<string, unknown>) => performAction(code, kind, version, body),
    onMutate: () => {
      setErrors({});
      setProblems([]);
    },
    onSuccess: onDone,
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'STALE_VERSION') return onStale();
      if (error instanceof ApiError && error.details.length > 0) {
        const mapped = errorsFor(t, inputs, prefix, 'body/', error.details);
        setErrors(mapped.fields);
        showProblems([...mapped.problems, ...mapped.rest.map((d) => ({ message: d.message }))]);
      } else showProblems([{ message: errorText(t, error) }]);
    },
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (send.isPending) return;
    if (uploading) return showProblems([{ message: t.dossiers.page.uploadsPending }]);
    send.mutate((pruneValue(inputs, inputs, value) as Record<string, unknown> | undefined) ?? {});
  };

  return (
    <section className="panel action-form" aria-labelledby={`${prefix}-heading`}>
      <h3 id={`${prefix}-heading`} className="panel-heading" tabIndex={-1} ref={headingRef}>
        {label}
      </h3>
      <ErrorSummary title={t.dossiers.page.actionFailed} problems={problems} headingRef={summaryHeading} />
      <form noValidate onSubmit={onSubmit}>
        {empty ? <p className="muted">{t.dossiers.page.noInputs}</p> : null}
        {pick ? (
          <PersonPicker
            id={`${prefix}-${pick.field}`}
            label={inputs.properties?.[pick.field]?.title ?? pick.field}
            agency={pick.agency}
            role={pick.role}
            value={pickedPerson(value, pick.field)}
            onChange={(id) => setValue((v: unknown) => ({ ...(v as object), [pick.field]: id || undefined }))}
            error={errors[pick.field]}
            required={inputs.required?.includes(pick.field) ?? false}
            preselect={kind === 'accept'}
          />
        ) : null}
        <SchemaForm
          schema={pick ? withoutProperty(inputs, pick.field) : inputs}
          value={value}
          onChange={setValue}
          errors={errors}
          idPrefix={prefix}
          onUploadingChange={setUploading}
        />
        {/* The approval's result documents are signed here before it is sent (#19). */}
        {kind === 'approve' ? <ApprovalSigning code={code} value={value} onChange={setValue} /> : null}
        <SendOrCancel label={t.dossiers.page.confirm(label)} sending={send.isPending} onCancel={onCancel} />
      </form>
    </section>
  );
}
