// The overview's month and agency. The form follows the address (Back, an agency's link); "Xem"
// puts what was chosen in the address.
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { FieldError, LabelAndHint } from '../../app/ui/field-parts.tsx';
import { CodeOptions } from '../../app/ui/code-options.tsx';
import { MONTH } from './overview-model.ts';

export type Filters = { month: string; agency: string };

export function OverviewFilters({
  value,
  agencies,
  onShow,
}: {
  value: Filters;
  agencies: readonly { code: string; name: string }[];
  onShow: (filters: Filters) => void;
}) {
  const { t } = useI18n();
  const r = t.reports;
  const form = useForm<Filters>({ defaultValues: value });
  const monthError = form.formState.errors.month?.message;
  const { reset } = form;

  useEffect(() => reset(value), [reset, value]);

  const onSubmit = form.handleSubmit((v) => onShow({ month: v.month.trim(), agency: v.agency }));

  return (
    <form
      className="form overview-filters"
      onSubmit={(e) => void onSubmit(e)}
      aria-label={r.filters}
      noValidate
    >
      <div className={monthError ? 'field field-invalid' : 'field'}>
        <LabelAndHint id="overview-month" label={r.month} required={false} hint={r.monthHint} />
        <FieldError id="overview-month" error={monthError} />
        <input
          id="overview-month"
          type="month"
          aria-describedby={monthError ? 'overview-month-hint overview-month-error' : 'overview-month-hint'}
          aria-invalid={monthError ? true : undefined}
          {...form.register('month', { validate: (v) => MONTH.test(v.trim()) || r.monthInvalid })}
        />
      </div>
      <div className="field">
        <label htmlFor="overview-agency">{r.agency}</label>
        <select id="overview-agency" {...form.register('agency')}>
          <option value="">{r.allAgencies}</option>
          <CodeOptions items={agencies} />
        </select>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary">
          {r.show}
        </button>
      </div>
    </form>
  );
}
