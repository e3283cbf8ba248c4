// The monitor's period (a month, a quarter, a year, or from a day to a day) and agency. The form
// follows the address (Back, a shared link); "Xem số liệu" puts what was chosen in the address.
import { Fragment, useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { DateInput } from '../../app/ui/date-input.tsx';
import { FieldError, LabelAndHint } from '../../app/ui/field-parts.tsx';
import { MonthInput } from '../../app/ui/month-input.tsx';
import { PlacePicker, useOwnUnits, type PickedPlace } from '../../app/ui/place-picker.tsx';
import { staffPlaces } from '../org/org-api.ts';
import {
  formOfPeriod,
  PERIOD_KINDS,
  periodOfForm,
  type AdoptionAddress,
  type PeriodForm,
  type PeriodProblem,
} from './adoption-model.ts';

const agencySource = staffPlaces('agency');

export function AdoptionFilters({
  value,
  agencyName,
  onShow,
}: {
  value: AdoptionAddress;
  /** The name of the agency in the address, when known. */
  agencyName: string | undefined;
  onShow: (address: AdoptionAddress) => void;
}) {
  const { t } = useI18n();
  const a = t.adoption;
  const [form, setForm] = useState<PeriodForm>(() => formOfPeriod(value.from, value.to));
  const [agency, setAgency] = useState<PickedPlace | null>(null);
  const [agencyCode, setAgencyCode] = useState(value.agencyCode ?? '');
  const [problems, setProblems] = useState<PeriodProblem[]>([]);
  const ownUnits = useOwnUnits();

  useEffect(() => {
    setForm(formOfPeriod(value.from, value.to));
    setAgencyCode(value.agencyCode ?? '');
    setProblems([]);
  }, [value.from, value.to, value.agencyCode]);

  const set = (patch: Partial<PeriodForm>) => setForm((f) => ({ ...f, ...patch }));
  const problemOf = (field: PeriodProblem['field']) => {
    const p = problems.find((x) => x.field === field);
    return p ? a.problems[p.problem] : undefined;
  };
  const described = (key: PeriodProblem['field'], hint: boolean) =>
    [problemOf(key) ? `adoption-${key}-error` : null, hint ? `adoption-${key}-hint` : null]
      .filter(Boolean)
      .join(' ') || undefined;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const period = periodOfForm(form);
    if ('problems' in period) {
      setProblems(period.problems);
      const first = period.problems[0];
      if (first) window.setTimeout(() => document.getElementById(`adoption-${first.field}`)?.focus(), 0);
      return;
    }
    setProblems([]);
    onShow({ ...period, agencyCode: agencyCode === '' ? undefined : agencyCode });
  };

  const field = (key: 'month' | 'year' | 'from' | 'to', label: string, control: ReactNode, hint?: string) => (
    <div className={problemOf(key) ? 'field field-invalid' : 'field'}>
      <LabelAndHint id={`adoption-${key}`} label={label} required={false} hint={hint} />
      <FieldError id={`adoption-${key}`} error={problemOf(key)} />
      {control}
    </div>
  );
  const invalid = (key: PeriodProblem['field']) => (problemOf(key) ? true : undefined);

  return (
    <form className="form adoption-filters" onSubmit={submit} aria-label={a.filters} noValidate>
      <div className="field">
        <label htmlFor="adoption-kind">{a.kind}</label>
        <select
          id="adoption-kind"
          value={form.kind}
          onChange={(e) => set({ kind: e.target.value as PeriodForm['kind'] })}
        >
          {PERIOD_KINDS.map((k) => (
            <option key={k} value={k}>
              {a.kinds[k]}
            </option>
          ))}
        </select>
      </div>
      {form.kind === 'month'
        ? field(
            'month',
            a.month,
            <MonthInput
              id="adoption-month"
              value={form.month}
              aria-describedby={described('month', true)}
              aria-invalid={invalid('month')}
              onChange={(month) => set({ month })}
            />,
            a.monthHint,
          )
        : null}
      {form.kind === 'quarter' ? (
        <div className="field">
          <label htmlFor="adoption-quarter">{a.quarter}</label>
          <select
            id="adoption-quarter"
            value={form.quarter}
            onChange={(e) => set({ quarter: e.target.value })}
          >
            {a.quarters.map((q, i) => (
              <option key={q} value={String(i + 1)}>
                {q}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {form.kind === 'quarter' || form.kind === 'year'
        ? field(
            'year',
            a.year,
            <input
              id="adoption-year"
              type="text"
              inputMode="numeric"
              maxLength={4}
              autoComplete="off"
              value={form.year}
              aria-describedby={described('year', false)}
              aria-invalid={invalid('year')}
              onChange={(e) => set({ year: e.target.value })}
            />,
          )
        : null}
      {form.kind === 'range' ? (
        <div className="date-pair">
          {(['from', 'to'] as const).map((key) => (
            <Fragment key={key}>
              {field(
                key,
                a[key],
                <DateInput
                  id={`adoption-${key}`}
                  value={form[key]}
                  aria-describedby={described(key, false)}
                  aria-invalid={invalid(key)}
                  onChange={(day) => set({ [key]: day })}
                />,
              )}
            </Fragment>
          ))}
        </div>
      ) : null}
      <PlacePicker
        id="adoption-agency"
        label={a.agency}
        source={agencySource}
        what="agency"
        value={
          agencyCode
            ? {
                code: agencyCode,
                name: agency?.code === agencyCode ? agency.name : (agencyName ?? agencyCode),
                trail: agency?.code === agencyCode ? agency.trail : [],
              }
            : null
        }
        onPick={(place) => {
          setAgency(place);
          setAgencyCode(place.code);
        }}
        startAt={ownUnits}
        noneText={a.allAgencies}
      />
      {agencyCode ? (
        <p>
          <button type="button" className="button button-small" onClick={() => setAgencyCode('')}>
            {a.allAgencies}
          </button>
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button button-primary">
          {a.show}
        </button>
      </div>
    </form>
  );
}
