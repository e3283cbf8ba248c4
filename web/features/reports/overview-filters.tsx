// The overview's month and agency. The form follows the address (Back, an agency's link); "Xem"
// puts what was chosen in the address.
import { useEffect, useState } from 'react';
import { useController, useForm } from 'react-hook-form';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { FieldError, LabelAndHint } from '../../app/ui/field-parts.tsx';
import { MonthInput } from '../../app/ui/month-input.tsx';
import { PlacePicker, useOwnUnits, type PickedPlace } from '../../app/ui/place-picker.tsx';
import { staffPlaces } from '../org/org-api.ts';
import { MONTH } from './overview-model.ts';

export type Filters = { month: string; agency: string };

const agencySource = staffPlaces('agency');

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
  const agency = form.watch('agency');
  const month = useController({
    name: 'month',
    control: form.control,
    rules: { validate: (v) => MONTH.test(v.trim()) || r.monthInvalid },
  });
  const [picked, setPicked] = useState<PickedPlace | null>(null);
  const named = picked?.code === agency ? picked : agencies.find((a) => a.code === agency);
  const ownUnits = useOwnUnits();

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
        <MonthInput
          id="overview-month"
          value={month.field.value}
          aria-describedby={monthError ? 'overview-month-hint overview-month-error' : 'overview-month-hint'}
          aria-invalid={monthError ? true : undefined}
          onChange={month.field.onChange}
        />
      </div>
      <PlacePicker
        id="overview-agency"
        label={r.agency}
        source={agencySource}
        what="agency"
        value={agency ? { code: agency, name: named?.name ?? agency, trail: picked?.trail ?? [] } : null}
        onPick={(place) => {
          setPicked(place);
          form.setValue('agency', place.code);
        }}
        startAt={ownUnits}
        noneText={r.allAgencies}
      />
      {agency ? (
        <p>
          <button type="button" className="button button-small" onClick={() => form.setValue('agency', '')}>
            {r.allAgencies}
          </button>
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button button-primary">
          {r.show}
        </button>
      </div>
    </form>
  );
}
