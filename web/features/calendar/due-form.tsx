// The due-time explainer's form: start, time limit and unit, and whose office hours count (one of
// the user's agencies, the default, or another agency by its code).
import type { FormEvent } from 'react';
import { Controller, type Control, type UseFormRegister } from 'react-hook-form';
import { DateInput } from '../../app/ui/date-input.tsx';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { DURATION_UNITS } from './calendar-api.ts';
import type { DueField, DueInputs } from './due-inputs.ts';

export const OTHER = '__other__';
export const DUE_IDS: Record<DueField, string> = {
  start: 'due-start',
  value: 'due-value',
  unit: 'due-unit',
  agencyCode: 'due-agency',
};

export function DueForm({
  register,
  control,
  sameDay,
  choice,
  onChoice,
  agencies,
  errors,
  busy,
  onSubmit,
}: {
  register: UseFormRegister<DueInputs>;
  control: Control<DueInputs>;
  /** "Trong ngày" has no amount: the amount field is disabled and sent as nothing. */
  sameDay: boolean;
  choice: string;
  onChoice: (choice: string) => void;
  agencies: { code: string; name: string }[];
  errors: Partial<Record<DueField, string>>;
  busy: boolean;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
}) {
  const { t } = useI18n();
  const other = choice === OTHER;
  const described = (f: DueField, hint?: string) =>
    [hint, errors[f] ? `${DUE_IDS[f]}-error` : undefined].filter(Boolean).join(' ') || undefined;
  const errorLine = (f: DueField) =>
    errors[f] ? (
      <p className="field-error" id={`${DUE_IDS[f]}-error`}>
        {errors[f]}
      </p>
    ) : null;
  const fieldClass = (f: DueField) => (errors[f] ? 'field field-invalid' : 'field');
  const invalid = (f: DueField) => (errors[f] ? true : undefined);

  return (
    <form className="form due-form" noValidate onSubmit={onSubmit}>
      <div className={fieldClass('start')}>
        <label htmlFor={DUE_IDS.start}>{t.due.start}</label>
        <p className="hint" id="due-start-hint">
          {t.due.startHint}
        </p>
        {errorLine('start')}
        <Controller
          control={control}
          name="start"
          render={({ field }) => (
            <DateInput
              id={DUE_IDS.start}
              withTime
              ref={field.ref}
              name={field.name}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              aria-invalid={invalid('start')}
              aria-describedby={described('start', 'due-start-hint')}
            />
          )}
        />
      </div>
      <div className="field-pair">
        <div className={fieldClass('value')}>
          <label htmlFor={DUE_IDS.value}>{t.due.value}</label>
          <p className="hint" id="due-value-hint">
            {t.due.valueHint}
          </p>
          {errorLine('value')}
          <input
            id={DUE_IDS.value}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            maxLength={10}
            {...(sameDay ? { value: '', disabled: true, readOnly: true } : register('value'))}
            aria-invalid={invalid('value')}
            aria-describedby={described('value', 'due-value-hint')}
          />
        </div>
        <div className={fieldClass('unit')}>
          <label htmlFor={DUE_IDS.unit}>{t.due.unit}</label>
          {errorLine('unit')}
          <select
            id={DUE_IDS.unit}
            {...register('unit')}
            aria-invalid={invalid('unit')}
            aria-describedby={described('unit')}
          >
            {DURATION_UNITS.map((u) => (
              <option key={u} value={u}>
                {t.due.units[u]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className={fieldClass('agencyCode')}>
        <label htmlFor={DUE_IDS.agencyCode}>{t.due.agency}</label>
        <p className="hint" id="due-agency-hint">
          {t.due.agencyHint}
        </p>
        {!other ? errorLine('agencyCode') : null}
        <select
          id={DUE_IDS.agencyCode}
          value={choice}
          onChange={(e) => onChoice(e.target.value)}
          aria-invalid={!other ? invalid('agencyCode') : undefined}
          aria-describedby={!other ? described('agencyCode', 'due-agency-hint') : 'due-agency-hint'}
        >
          <option value="">{t.due.defaultAgency}</option>
          {agencies.map((a) => (
            <option key={a.code} value={a.code} lang="vi">
              {a.name} ({a.code})
            </option>
          ))}
          <option value={OTHER}>{t.due.otherAgency}</option>
        </select>
        {other ? (
          <div className="field-nested">
            <label htmlFor="due-agency-code">{t.due.agencyCode}</label>
            <p className="hint" id="due-agency-code-hint">
              {t.due.agencyCodeHint}
            </p>
            {errorLine('agencyCode')}
            <input
              id="due-agency-code"
              type="text"
              autoComplete="off"
              spellCheck={false}
              maxLength={13}
              {...register('agency')}
              aria-invalid={invalid('agencyCode')}
              aria-describedby={described('agencyCode', 'due-agency-code-hint')}
            />
          </div>
        ) : null}
      </div>
      <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
        {busy ? t.due.computing : t.due.submit}
      </button>
    </form>
  );
}
