// Time limits per channel (the procedure's own, or a case's): the number and its unit, with the
// source's wording beside it, for each channel the procedure takes dossiers on.
import { TIME_UNITS, type Channel, type TimeUnit } from '../../../common/catalog/procedure.ts';
import type { DraftLimits } from '../../../common/catalog/draft-content.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { changeLimit } from './draft-editor-state.ts';
import { NumberField, SelectField } from './draft-fields.tsx';

export function LimitsFields({
  prefix,
  channels,
  limits,
  onChange,
}: {
  /** `` for the procedure's own limits, `cases/<i>/` for a case's. */
  prefix: string;
  channels: readonly Channel[];
  limits: DraftLimits;
  onChange: (limits: DraftLimits) => void;
}) {
  const { t } = useI18n();
  const d = t.catalogAdmin.draft;
  if (channels.length === 0) return <p className="muted">{d.noChannels}</p>;
  const units = [
    { value: '' as const, label: d.chooseUnit },
    ...TIME_UNITS.map((u) => ({ value: u, label: d.units[u] })),
  ];
  return (
    <div className="draft-limits">
      {channels.map((channel) => {
        const limit = limits[channel];
        const path = `${prefix}timeLimits/${channel}`;
        return (
          <fieldset key={channel} className="draft-row draft-inline">
            <legend>{d.limitLegend(t.catalog.channels[channel])}</legend>
            <NumberField
              path={`${path}/value`}
              label={d.value}
              value={limit?.value ?? null}
              onChange={(value) => onChange(changeLimit(limits, channel, { value }))}
            />
            <SelectField<TimeUnit>
              path={`${path}/unit`}
              label={d.unit}
              value={limit?.unit ?? ''}
              options={units}
              onChange={(unit) => onChange(changeLimit(limits, channel, { unit: unit === '' ? null : unit }))}
            />
            {limit?.text ? (
              <p className="hint draft-source" lang="vi">
                {d.published(limit.text)}
              </p>
            ) : null}
          </fieldset>
        );
      })}
    </div>
  );
}
