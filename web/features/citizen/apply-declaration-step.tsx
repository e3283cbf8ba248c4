// The apply page's second step: the applicant (the signed-in citizen, or an organisation they apply
// for) and the declaration, rendered from the procedure's JSON Schema.
import { AddressFields } from '../org/address-fields.tsx';
import type { InputHTMLAttributes } from 'react';
import type { UseFormRegisterReturn, UseFormReturn } from 'react-hook-form';
import { useI18n } from '../../app/i18n/i18n.tsx';
import type { ProcedureDetail } from '../catalog/catalog-api.ts';
import { SchemaForm, type FieldErrors, type FormSchema } from '../dossiers/schema-form.tsx';
import { FORM_PREFIX, ID, type ApplicantField, type ApplyValues } from './apply-steps.ts';
import type { CitizenView } from './citizen-http.ts';
import { FieldError, LabelAndHint } from '../../app/ui/field-parts.tsx';
import { NotifyChoice } from '../notifications/notify-choice.tsx';

function TextField({
  id,
  label,
  field,
  error,
  required = false,
  type = 'text',
  hint,
  extra = {},
}: {
  id: string;
  label: string;
  field: UseFormRegisterReturn;
  error?: string | undefined;
  required?: boolean;
  type?: string;
  hint?: string;
  extra?: InputHTMLAttributes<HTMLInputElement>;
}) {
  const describedBy = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ');
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <LabelAndHint id={id} label={label} required={required} hint={hint} />
      <FieldError id={id} error={error} />
      <input
        id={id}
        type={type}
        {...field}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        aria-required={required || undefined}
        {...extra}
      />
    </div>
  );
}

const hasReadOnly = (s: FormSchema): boolean =>
  s.readOnly === true || Object.values(s.properties ?? {}).some(hasReadOnly);

export function DeclarationStep({
  detail,
  citizen,
  form,
  fields,
  shownSchema,
  formData,
  onFormData,
  formErrors,
}: {
  detail: ProcedureDetail;
  citizen: CitizenView;
  /** The form as rendered: the fields the identity provider vouched for are read-only. */
  shownSchema: FormSchema;
  form: UseFormReturn<ApplyValues>;
  fields: Record<string, string>;
  formData: unknown;
  onFormData: (value: unknown) => void;
  formErrors: FieldErrors;
}) {
  const { t } = useI18n();
  const a = t.citizen.apply;
  const schema = detail.form as FormSchema;
  const kind = form.watch('kind');
  const text = (
    f: ApplicantField,
    rest: Omit<Parameters<typeof TextField>[0], 'id' | 'label' | 'field' | 'error'>,
  ) => (
    <TextField
      id={ID.applicant(f)}
      label={a.applicant[f]}
      field={form.register(f)}
      error={fields[`applicant/${f}`]}
      {...rest}
    />
  );
  return (
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
                <input type="radio" id={`${ID.kind}-${k}`} value={k} {...form.register('kind')} />
                <label htmlFor={`${ID.kind}-${k}`}>{a.kinds[k]}</label>
              </span>
            ))}
          </div>
        </fieldset>
        {kind === 'person' ? (
          <>
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
            <p className="hint">{a.fromIdentity}</p>
          </>
        ) : (
          <div className="field-pair">
            {text('name', { required: true, extra: { autoComplete: 'organization', maxLength: 200 } })}
            {text('taxCode', {
              required: true,
              extra: { inputMode: 'numeric', autoComplete: 'off', maxLength: 14 },
            })}
          </div>
        )}
        <div className="field-pair">
          {text('phone', {
            type: 'tel',
            required: true,
            hint: a.phoneHint,
            extra: { autoComplete: 'tel', maxLength: 20 },
          })}
          {text('email', { type: 'email', extra: { autoComplete: 'email', maxLength: 200 } })}
        </div>
        <NotifyChoice
          idPrefix={ID.notifyBy}
          chosen={form.watch('notifyBy')}
          email={form.watch('email')}
          onChange={(next) => form.setValue('notifyBy', next)}
          error={fields['applicant/notifyBy']}
        />
        <AddressFields
          idPrefix="apply-applicant"
          unitCode={form.watch('addressUnit')}
          line={form.watch('addressLine')}
          onUnit={(code) => form.setValue('addressUnit', code)}
          onLine={(line) => form.setValue('addressLine', line)}
          errors={{ unit: fields['applicant/addressUnit'], line: fields['applicant/addressLine'] }}
        />
        <div className="field">
          <label htmlFor={ID.returnChannel}>{a.returnChannel}</label>
          <select id={ID.returnChannel} {...form.register('returnChannel')}>
            <option value="">{a.returnChannelNone}</option>
            {(['counter', 'postal', 'online'] as const).map((c) => (
              <option key={c} value={c}>
                {t.dossiers.page.returnChannels[c]}
              </option>
            ))}
          </select>
        </div>
      </section>
      <section className="form-section" aria-labelledby="apply-declaration-heading">
        <h3 id="apply-declaration-heading" className="subsection-heading">
          {schema.title ?? a.declarationHeading}
        </h3>
        <p className="hint">{t.dossiers.intake.requiredNote}</p>
        {detail.genericForm ? <p className="note">{t.procedure.form.generic}</p> : null}
        {hasReadOnly(shownSchema) ? <p className="hint">{a.prefilledNote}</p> : null}
        <SchemaForm
          schema={shownSchema}
          value={formData}
          onChange={onFormData}
          errors={formErrors}
          idPrefix={FORM_PREFIX}
        />
      </section>
    </>
  );
}
