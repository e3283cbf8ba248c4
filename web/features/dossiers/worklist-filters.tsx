// The worklist's filters and order: field (lĩnh vực), procedure (of the chosen field), channel, status,
// the agency handling it (those within the officer's reach, indented by level), the days submitted
// (typed day/month/year whatever the browser's language), the sort key and its direction. A change
// applies at once, except the days: they apply when valid (Enter or leaving the field).
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { DOSSIER_STATUS_VALUES } from '../../../common/contracts/dossiers.ts';
import {
  defaultSort,
  DOSSIER_CHANNELS,
  SORT_DIRECTIONS,
  WORKLIST_SORTS,
} from '../../../common/dossiers/worklists.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { worklistQueries } from './worklist-api.ts';
import { DateInput } from '../../app/ui/date-input.tsx';
import type { WorklistState } from './worklist-state.ts';

type Change = (patch: Partial<WorklistState>) => void;

function Select({
  id,
  label,
  value,
  onChange,
  options,
  any,
  data = false,
}: {
  id: string;
  label: string;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  options: readonly { value: string; label: string }[];
  /** The "all" option's text; without it a value is always chosen. */
  any?: string;
  /** The options are data (names of fields, procedures, agencies): Vietnamese, marked `lang="vi"`. */
  data?: boolean;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)}>
        {any !== undefined ? <option value="">{any}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value} lang={data ? 'vi' : undefined}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A day the list starts or ends at: applied when it is a real date and the field is left (or Enter). */
function DayField({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: string | undefined;
  onChange: (iso: string | undefined) => void;
}) {
  // What the date input hands on: ISO for a real date, '' for none, the text as typed otherwise.
  const [typed, setTyped] = useState(value ?? '');
  useEffect(() => setTyped(value ?? ''), [value]);
  const commit = () => {
    if (typed === '') {
      if (value !== undefined) onChange(undefined);
    } else if (ISO_DAY.test(typed) && typed !== value) onChange(typed);
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <DateInput
        id={id}
        value={typed}
        onChange={setTyped}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit();
          }
        }}
      />
    </div>
  );
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export function WorklistFilters({ state, onChange }: { state: WorklistState; onChange: Change }) {
  const { t } = useI18n();
  const w = t.worklist;
  const options = useQuery(worklistQueries.options()).data;
  const procedures = (options?.procedures ?? []).filter((p) => !state.field || p.field === state.field);
  // A saved procedure or agency not offered (any more) stays choosable, so the select shows what applies.
  const procedureOptions = procedures.map((p) => ({ value: p.code, label: `${p.name} (${p.code})` }));
  if (state.procedureCode && !procedureOptions.some((o) => o.value === state.procedureCode))
    procedureOptions.unshift({ value: state.procedureCode, label: state.procedureCode });
  const agencyOptions = (options?.agencies ?? []).map((a) => ({
    value: a.code,
    label: `${'\u00a0\u00a0'.repeat(a.depth)}${a.name}`,
  }));
  if (state.underAgency && !agencyOptions.some((o) => o.value === state.underAgency))
    agencyOptions.unshift({ value: state.underAgency, label: state.underAgency });
  const fieldOptions = (options?.fields ?? []).map((f) => ({ value: f, label: f }));
  if (state.field && !fieldOptions.some((o) => o.value === state.field))
    fieldOptions.unshift({ value: state.field, label: state.field });

  return (
    <details className="worklist-filters" open>
      <summary>{w.filters}</summary>
      <div className="worklist-filter-grid">
        <Select
          id="wl-field"
          label={w.field}
          value={state.field}
          any={w.any}
          options={fieldOptions}
          data
          onChange={(field) => onChange({ field, procedureCode: undefined })}
        />
        <Select
          id="wl-procedure"
          label={w.procedure}
          value={state.procedureCode}
          any={w.any}
          options={procedureOptions}
          data
          onChange={(procedureCode) => onChange({ procedureCode })}
        />
        <Select
          id="wl-channel"
          label={w.channel}
          value={state.channel}
          any={w.any}
          options={DOSSIER_CHANNELS.map((c) => ({ value: c, label: w.channels[c] ?? c }))}
          onChange={(channel) => onChange({ channel })}
        />
        <Select
          id="wl-status"
          label={w.status}
          value={state.status}
          any={w.any}
          options={DOSSIER_STATUS_VALUES.map((s) => ({ value: s, label: w.statuses[s] ?? s }))}
          onChange={(status) => onChange({ status })}
        />
        {agencyOptions.length > 1 || state.underAgency ? (
          <Select
            id="wl-agency"
            label={w.agency}
            value={state.underAgency}
            any={w.any}
            options={agencyOptions}
            data
            onChange={(underAgency) => onChange({ underAgency })}
          />
        ) : null}
        <DayField id="wl-from" label={w.from} value={state.from} onChange={(from) => onChange({ from })} />
        <DayField id="wl-to" label={w.to} value={state.to} onChange={(to) => onChange({ to })} />
        <Select
          id="wl-sort"
          label={w.sort}
          value={state.sort ?? defaultSort(state.list)}
          options={WORKLIST_SORTS.map((s) => ({ value: s, label: w.sorts[s] }))}
          onChange={(sort) => onChange({ sort: sort as WorklistState['sort'] })}
        />
        <Select
          id="wl-dir"
          label={w.dir}
          value={state.dir ?? 'asc'}
          options={SORT_DIRECTIONS.map((d) => ({ value: d, label: w.dirs[d] }))}
          onChange={(dir) => onChange({ dir: dir as WorklistState['dir'] })}
        />
      </div>
      <p className="worklist-filter-actions">
        <button
          type="button"
          className="button"
          onClick={() =>
            onChange({
              status: undefined,
              procedureCode: undefined,
              field: undefined,
              channel: undefined,
              underAgency: undefined,
              from: undefined,
              to: undefined,
              sort: undefined,
              dir: undefined,
            })
          }
        >
          {w.reset}
        </button>
      </p>
      <p className="hint">{w.savedNote}</p>
    </details>
  );
}
