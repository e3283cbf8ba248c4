// The province's targets on the KPI page: what they are and where they come from; its province
// administrators change them here (PUT /provinces/<code>/kpi-targets, over the version read).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { KPI_KEYS, type KpiKey } from '../../../common/reports/kpis.ts';
import { errorText } from '../../app/errors.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { kpiMessages } from './kpi-messages.ts';
import { kpiQueries, putTargets, type KpiTargetsResponse, type KpiTargetValues } from './kpis-api.ts';
import { parsePercent, percentFormat, percentText } from './kpis-model.ts';
import { OverviewSection } from './overview-table.tsx';

type Draft = { values: Record<KpiKey, string>; note: string };

const draftOf = (t: KpiTargetsResponse): Draft => ({
  values: Object.fromEntries(KPI_KEYS.map((k) => [k, percentText(t.targets[k])])) as Record<KpiKey, string>,
  note: t.note ?? '',
});

function TargetsEditor({
  targets,
  onDone,
}: {
  targets: KpiTargetsResponse;
  /** Saved, or given up. */
  onDone: (saved: boolean) => void;
}) {
  const { lang, t } = useI18n();
  const m = kpiMessages(lang);
  const client = useQueryClient();
  const [draft, setDraft] = useState(() => draftOf(targets));
  const [invalid, setInvalid] = useState<KpiKey[]>([]);
  const save = useMutation({
    mutationFn: (values: KpiTargetValues) =>
      putTargets(targets.provinceCode, {
        version: targets.version,
        targets: values,
        ...(draft.note.trim() ? { note: draft.note.trim() } : {}),
      }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['reports'] });
      onDone(true);
    },
  });
  const submit = () => {
    const parsed = KPI_KEYS.map((k) => [k, parsePercent(draft.values[k])] as const);
    const bad = parsed.filter(([, v]) => v === null).map(([k]) => k);
    setInvalid(bad);
    if (bad.length === 0) save.mutate(Object.fromEntries(parsed) as KpiTargetValues);
  };
  return (
    <form
      className="form kpi-targets-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {save.isError ? (
        <p className="inline-error" role="alert">
          {errorText(t, save.error)}
        </p>
      ) : null}
      {KPI_KEYS.map((k) => {
        const id = `kpi-target-${k}`;
        const wrong = invalid.includes(k);
        return (
          <div key={k} className={wrong ? 'field field-invalid' : 'field'}>
            <label htmlFor={id}>
              {m.kpis.labels[k]} ({m.targets.percent})
            </label>
            {wrong ? (
              <p className="field-error" id={`${id}-error`}>
                {m.targets.invalid}
              </p>
            ) : null}
            <input
              id={id}
              type="text"
              inputMode="decimal"
              value={draft.values[k]}
              aria-invalid={wrong ? true : undefined}
              aria-describedby={wrong ? `${id}-error` : undefined}
              onChange={(e) => setDraft((d) => ({ ...d, values: { ...d.values, [k]: e.target.value } }))}
            />
          </div>
        );
      })}
      <div className="field">
        <label htmlFor="kpi-target-note">{m.targets.note}</label>
        <input
          id="kpi-target-note"
          type="text"
          maxLength={1000}
          value={draft.note}
          onChange={(e) => setDraft((d) => ({ ...d, note: e.target.value }))}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {m.targets.save}
        </button>
        <button type="button" className="button" onClick={() => onDone(false)}>
          {m.targets.cancel}
        </button>
      </div>
    </form>
  );
}

export function KpiTargets({ province }: { province: string }) {
  const { lang, t } = useI18n();
  const m = kpiMessages(lang);
  const read = useQuery(kpiQueries.targets(province));
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const pct = percentFormat(t.time.numberLocale);
  const data = read.data;
  if (!data) return null;
  return (
    <OverviewSection id="kpi-targets" heading={`${m.targets.heading}: ${data.provinceName}`}>
      <p className="note">{m.kpis.targetsSource(data.source === 'province')}</p>
      {data.note ? (
        <p className="note" lang="vi">
          {data.note}
        </p>
      ) : null}
      {saved ? (
        <p className="notice notice-success" role="status">
          {m.targets.saved}
        </p>
      ) : null}
      {editing ? (
        <TargetsEditor
          targets={data}
          onDone={(done) => {
            setEditing(false);
            setSaved(done);
          }}
        />
      ) : (
        <>
          <ul className="kpi-target-list">
            {KPI_KEYS.map((k) => (
              <li key={k}>
                {m.kpis.labels[k]}: <strong>{pct(data.targets[k], '')}</strong>
              </li>
            ))}
          </ul>
          {data.canEdit ? (
            <button
              type="button"
              className="button"
              onClick={() => {
                setSaved(false);
                setEditing(true);
              }}
            >
              {m.targets.edit}
            </button>
          ) : null}
        </>
      )}
    </OverviewSection>
  );
}
