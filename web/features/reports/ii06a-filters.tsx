// Biểu II.06a's choices: the period (a month, quarter, half year or year with its year, or any days),
// the agency within reach, the grouping, the map, and under "Cách tính" the two counting rules with
// what each means. The form follows the address (Back, a shared link); "Xem báo cáo" puts what was
// chosen in the address.
import { useEffect, useState, type FormEvent } from 'react';
import { II06A_GROUPS } from '../../../common/reports/ii06a.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import type { Messages } from '../../app/i18n/vi.ts';
import { DateInput } from '../../app/ui/date-input.tsx';
import { FieldError } from '../../app/ui/field-parts.tsx';
import { PlacePicker, useOwnUnits, type PickedPlace } from '../../app/ui/place-picker.tsx';
import { staffPlaces } from '../org/org-api.ts';
import {
  checkRange,
  indexCount,
  periodDays,
  periodPick,
  pickerYears,
  type Ii06aChoices,
  type PeriodKind,
  type PeriodPick,
  type RangeProblem,
} from './ii06a-model.ts';

const agencySource = staffPlaces('agency');
const KINDS: readonly PeriodKind[] = ['month', 'quarter', 'half', 'year', 'range'];

type Draft = Omit<Ii06aChoices, 'from' | 'to'> & { period: PeriodPick };
const draftOf = (c: Ii06aChoices): Draft => ({ ...c, period: periodPick(c.from, c.to) });

function indexName(t: Messages, kind: PeriodKind, n: number): string {
  const r = t.ii06a;
  return kind === 'month' ? r.monthName(n) : kind === 'quarter' ? r.quarterName(n) : r.halfName(n);
}

function Radios<V extends string>({
  name,
  legend,
  options,
  value,
  onChange,
}: {
  name: string;
  legend: string;
  options: readonly (readonly [V, string])[];
  value: V;
  onChange: (v: V) => void;
}) {
  return (
    <fieldset className="radio-group">
      <legend>{legend}</legend>
      {options.map(([v, label]) => (
        <div className="field-checkbox" key={v}>
          <input
            type="radio"
            id={`${name}-${v}`}
            name={name}
            checked={value === v}
            onChange={() => onChange(v)}
          />
          <label htmlFor={`${name}-${v}`}>{label}</label>
        </div>
      ))}
    </fieldset>
  );
}

export function Ii06aFilters({
  value,
  agencies,
  onShow,
}: {
  value: Ii06aChoices;
  agencies: readonly { code: string; name: string }[];
  onShow: (choices: Ii06aChoices) => void;
}) {
  const { t } = useI18n();
  const r = t.ii06a;
  const [draft, setDraft] = useState<Draft>(() => draftOf(value));
  const [problems, setProblems] = useState<RangeProblem[]>([]);
  const [picked, setPicked] = useState<PickedPlace | null>(null);
  const ownUnits = useOwnUnits();
  useEffect(() => {
    setDraft(draftOf(value));
    setProblems([]);
  }, [value]);

  const p = draft.period;
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const setPeriod = (patch: Partial<PeriodPick>) => set({ period: { ...p, ...patch } });
  const years = pickerYears();
  if (!years.includes(p.year)) years.push(p.year);
  const agency = draft.agencyCode ?? '';
  const named = picked?.code === agency ? picked : agencies.find((a) => a.code === agency);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = p.kind === 'range' ? checkRange(p.from, p.to) : [];
    setProblems(found);
    if (found.length > 0) {
      document.getElementById(found.includes('from') ? 'ii06a-from' : 'ii06a-to')?.focus();
      return;
    }
    const { period: _period, ...rest } = draft;
    onShow({ ...rest, ...periodDays(p) });
  };

  const dateField = (key: 'from' | 'to') => {
    const id = `ii06a-${key}`;
    const problem = problems.find((x) => x === key || (key === 'to' && (x === 'order' || x === 'length')));
    const error = problem ? r.rangeProblems[problem] : undefined;
    return (
      <div className={error ? 'field field-invalid' : 'field'}>
        <label htmlFor={id}>{r[key]}</label>
        <FieldError id={id} error={error} />
        <DateInput
          id={id}
          value={p[key]}
          onChange={(v) => setPeriod({ [key]: v })}
          aria-describedby={error ? `${id}-error` : undefined}
          aria-invalid={error ? true : undefined}
        />
      </div>
    );
  };

  return (
    <form className="form ii06a-filters" onSubmit={onSubmit} aria-label={r.filters} noValidate>
      <div className="ii06a-when">
        <fieldset className="ii06a-period">
          <legend>{r.period}</legend>
          <div className="field">
            <label htmlFor="ii06a-kind">{r.kind}</label>
            <select
              id="ii06a-kind"
              value={p.kind}
              onChange={(e) => {
                const kind = e.target.value as PeriodKind;
                const days = kind === 'range' ? periodDays(p) : {};
                setPeriod({ kind, index: Math.min(p.index, indexCount(kind)), ...days });
              }}
            >
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {r.kinds[k]}
                </option>
              ))}
            </select>
          </div>
          {p.kind === 'month' || p.kind === 'quarter' || p.kind === 'half' ? (
            <div className="field">
              <label htmlFor="ii06a-index">{r.index[p.kind]}</label>
              <select
                id="ii06a-index"
                value={p.index}
                onChange={(e) => setPeriod({ index: Number(e.target.value) })}
              >
                {Array.from({ length: indexCount(p.kind) }, (_, i) => i + 1).map((n) => (
                  <option key={n} value={n}>
                    {indexName(t, p.kind, n)}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          {p.kind === 'range' ? (
            <>
              {dateField('from')}
              {dateField('to')}
            </>
          ) : (
            <div className="field">
              <label htmlFor="ii06a-year">{r.year}</label>
              <select
                id="ii06a-year"
                value={p.year}
                onChange={(e) => setPeriod({ year: Number(e.target.value) })}
              >
                {years.map((y) => (
                  <option key={y} value={y}>
                    {y}
                  </option>
                ))}
              </select>
            </div>
          )}
        </fieldset>
        <div className="field">
          <label htmlFor="ii06a-group">{r.groupBy}</label>
          <select
            id="ii06a-group"
            value={draft.groupBy}
            onChange={(e) => set({ groupBy: e.target.value as Draft['groupBy'] })}
          >
            {II06A_GROUPS.map((g) => (
              <option key={g} value={g}>
                {r.groups[g]}
              </option>
            ))}
          </select>
        </div>
      </div>

      <div className="ii06a-scope">
        <PlacePicker
          id="ii06a-agency"
          label={r.agency}
          source={agencySource}
          what="agency"
          value={agency ? { code: agency, name: named?.name ?? agency, trail: picked?.trail ?? [] } : null}
          onPick={(place) => {
            setPicked(place);
            set({ agencyCode: place.code });
          }}
          startAt={ownUnits}
          noneText={r.allAgencies}
        />
        {agency ? (
          <p>
            <button
              type="button"
              className="button button-small"
              onClick={() => set({ agencyCode: undefined })}
            >
              {r.allAgencies}
            </button>
          </p>
        ) : null}
        <Radios
          name="ii06a-map"
          legend={r.map}
          options={[
            ['today', r.maps.today],
            ['then', r.maps.then],
          ]}
          value={draft.map}
          onChange={(map) => set({ map })}
        />
      </div>

      <details className="ii06a-rules">
        <summary>
          {r.rules}
          <span className="ii06a-rules-now">
            {r.rulesSummary(r.lateShort[draft.late], r.withdrawnShort[draft.withdrawn])}
          </span>
        </summary>
        <Radios
          name="ii06a-late"
          legend={r.late}
          options={[
            ['time', r.lates.time],
            ['day', r.lates.day],
          ]}
          value={draft.late}
          onChange={(late) => set({ late })}
        />
        <Radios
          name="ii06a-withdrawn"
          legend={r.withdrawn}
          options={[
            ['on-time', r.withdrawns['on-time']],
            ['excluded', r.withdrawns.excluded],
          ]}
          value={draft.withdrawn}
          onChange={(withdrawn) => set({ withdrawn })}
        />
      </details>

      <div className="form-actions">
        <button type="submit" className="button button-primary">
          {r.show}
        </button>
      </div>
    </form>
  );
}
