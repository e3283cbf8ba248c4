// The period (from, to) and the agency of the KPI and 766 pages.
// The form follows the address; "Xem" puts what was chosen in it, so a view can be shared.
import { useEffect, useState } from 'react';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { DateInput } from '../../app/ui/date-input.tsx';
import { PlacePicker, useOwnUnits, type PickedPlace } from '../../app/ui/place-picker.tsx';
import { staffPlaces } from '../org/org-api.ts';
import { kpiMessages } from './kpi-messages.ts';
import type { ReportAddress } from './kpis-model.ts';
import './kpis.css';

const agencySource = staffPlaces('agency');

export function ReportFilters({
  value,
  onShow,
}: {
  value: ReportAddress;
  onShow: (address: ReportAddress) => void;
}) {
  const { lang } = useI18n();
  const m = kpiMessages(lang).filters;
  const [draft, setDraft] = useState(value);
  const [picked, setPicked] = useState<PickedPlace | null>(null);
  const ownUnits = useOwnUnits();
  useEffect(() => setDraft(value), [value]);
  const dateField = (key: 'from' | 'to', label: string) => (
    <div className="field">
      <label htmlFor={`report-${key}`}>{label}</label>
      <DateInput
        id={`report-${key}`}
        value={draft[key]}
        onChange={(v) => setDraft((d) => ({ ...d, [key]: v }))}
      />
    </div>
  );
  return (
    <form
      className="form report-filters"
      aria-label={m.label}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onShow(draft);
      }}
    >
      {dateField('from', m.from)}
      {dateField('to', m.to)}
      <PlacePicker
        id="report-agency"
        label={m.agency}
        source={agencySource}
        what="agency"
        value={
          draft.agencyCode
            ? {
                code: draft.agencyCode,
                name: picked?.code === draft.agencyCode ? picked.name : draft.agencyCode,
                trail: picked?.trail ?? [],
              }
            : null
        }
        onPick={(place) => {
          setPicked(place);
          setDraft((d) => ({ ...d, agencyCode: place.code }));
        }}
        startAt={ownUnits}
        noneText={m.all}
      />
      {draft.agencyCode ? (
        <p>
          <button
            type="button"
            className="button button-small"
            onClick={() => setDraft((d) => ({ ...d, agencyCode: undefined }))}
          >
            {m.all}
          </button>
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button button-primary">
          {m.show}
        </button>
      </div>
    </form>
  );
}
