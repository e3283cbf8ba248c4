// The Decision 766 page's parts: the local score beside the official one, each group with its
// indicators (rate, points, figures, the dossiers behind them or why there are none), the groups of
// each agency, and the form a province administrator records the official score with. Group and
// indicator names and the reasons come from the server in Vietnamese; report-words.ts words them in
// English.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorText } from '../../app/errors.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { Link, useRouter } from '../../app/router.tsx';
import { kpiMessages } from './kpi-messages.ts';
import { putOfficial, type Index766Response, type Official766 } from './kpis-api.ts';
import { drillHref, percentFormat, pointsFormat } from './kpis-model.ts';
import { OverviewSection, OverviewTable } from './overview-table.tsx';
import { groupName, indicatorName, indicatorReason } from './report-words.ts';
import { Said } from './said.tsx';

type Score = Index766Response['total']['score'];

function useFormats() {
  const { lang, t } = useI18n();
  const pct = percentFormat(t.time.numberLocale);
  return {
    lang,
    m: kpiMessages(lang),
    pts: pointsFormat(t.time.numberLocale),
    pct: (v: number | null) => pct(v, '–'),
  };
}

export function ScoreSummary({
  score,
  official,
  period,
}: {
  score: Score;
  official: Official766 | null;
  period: string | null;
}) {
  const { m, pts } = useFormats();
  return (
    <dl className="index-total">
      <div>
        <dt>{m.index.local}</dt>
        <dd>
          {pts(score.points)}/{pts(score.max)}
        </dd>
        {score.notComputable > 0 ? (
          <dd className="index-note">{m.index.notComputable(pts(score.notComputable))}</dd>
        ) : null}
      </div>
      <div>
        <dt>{m.index.official}</dt>
        <dd>{official ? `${pts(official.score)}/100` : m.index.noOfficial}</dd>
        {official ? (
          <dd className="index-note" lang="vi">
            {official.sourceNote} · {official.recordedBy}
          </dd>
        ) : period === null ? (
          <dd className="index-note">{m.index.officialNeedsPeriod}</dd>
        ) : null}
      </div>
    </dl>
  );
}

export function Groups({ score }: { score: Score }) {
  const { lang, m, pts, pct } = useFormats();
  const { location } = useRouter();
  const back = location.pathname + location.search;
  return (
    <>
      {score.groups.map((g) => (
        <OverviewSection
          key={g.key}
          id={`group-${g.key}`}
          heading={`${groupName(lang, g)}: ${pts(g.points)}/${pts(g.max)}`}
        >
          {g.notComputable > 0 ? <p className="note">{m.index.notComputable(pts(g.notComputable))}</p> : null}
          <OverviewTable
            caption={groupName(lang, g)}
            columns={[
              { label: m.index.indicator },
              { label: m.index.rate, num: true },
              { label: m.index.points, num: true },
              { label: m.index.max, num: true },
              { label: m.index.figures, num: true },
              { label: m.index.why },
            ]}
            rows={g.indicators.map((i) => ({
              key: i.key,
              header: <Said words={indicatorName(lang, i)} />,
              cells: [
                { label: m.index.rate, value: pct(i.rate), num: true },
                { label: m.index.points, value: i.points === null ? '–' : pts(i.points), num: true },
                { label: m.index.max, value: pts(i.max), num: true },
                {
                  label: m.index.figures,
                  value:
                    i.numerator === null ? (
                      '–'
                    ) : i.drill && i.numerator > 0 ? (
                      <Link to={drillHref(i.drill, back)}>{`${i.numerator}/${i.denominator}`}</Link>
                    ) : (
                      `${i.numerator}/${i.denominator}`
                    ),
                  num: true,
                },
                { label: m.index.why, value: <Said words={indicatorReason(lang, i)} /> },
              ],
            }))}
          />
        </OverviewSection>
      ))}
    </>
  );
}

export function ByAgency({ data }: { data: Index766Response }) {
  const { lang, m, pts } = useFormats();
  const groups = data.total.score.groups;
  const points = (s: Score) => [
    ...s.groups.map((g) => ({ label: groupName(lang, g), value: pts(g.points), num: true })),
    { label: m.index.local, value: pts(s.points), num: true },
  ];
  return (
    <OverviewSection id="index-by-agency" heading={m.index.byAgency}>
      <div className="table-scroll">
        <OverviewTable
          caption={m.index.byAgency}
          columns={[
            { label: m.kpis.agency },
            ...groups.map((g) => ({ label: `${groupName(lang, g)} (${pts(g.max)})`, num: true })),
            { label: m.index.local, num: true },
            { label: m.index.official, num: true },
          ]}
          rows={data.rows.map((r) => ({
            key: r.agency.code,
            header: (
              <span lang="vi">
                {r.agency.name} <span className="muted">({r.agency.code})</span>
              </span>
            ),
            cells: [
              ...points(r.score),
              { label: m.index.official, value: r.official ? pts(r.official.score) : '–', num: true },
            ],
          }))}
        />
      </div>
    </OverviewSection>
  );
}

export function OfficialForm({
  agencies,
  period,
}: {
  agencies: { code: string; name: string }[];
  period: string | null;
}) {
  const { lang, t } = useI18n();
  const m = kpiMessages(lang).index;
  const client = useQueryClient();
  const [form, setForm] = useState({
    agencyCode: agencies[0]?.code ?? '',
    period: period ?? '',
    score: '',
    sourceNote: '',
  });
  const [done, setDone] = useState(false);
  const send = useMutation({
    mutationFn: () =>
      putOfficial({
        agencyCode: form.agencyCode.trim(),
        period: form.period.trim(),
        score: Number(form.score.replace(',', '.')),
        sourceNote: form.sourceNote.trim(),
      }),
    onSuccess: async () => {
      setDone(true);
      await client.invalidateQueries({ queryKey: ['reports'] });
    },
    onError: () => setDone(false),
  });
  const field = (key: keyof typeof form, label: string, list?: string) => (
    <div className="field">
      <label htmlFor={`official-${key}`}>{label}</label>
      <input
        id={`official-${key}`}
        type="text"
        list={list}
        value={form[key]}
        onChange={(e) => setForm((f) => ({ ...f, [key]: e.target.value }))}
      />
    </div>
  );
  return (
    <OverviewSection id="index-official" heading={m.record}>
      <form
        className="form official-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          send.mutate();
        }}
      >
        {send.isError ? (
          <p className="inline-error" role="alert">
            {errorText(t, send.error)}
          </p>
        ) : null}
        {done ? (
          <p className="notice notice-success" role="status">
            {m.recorded}
          </p>
        ) : null}
        {field('agencyCode', m.recordAgency, 'official-agencies')}
        <datalist id="official-agencies">
          {agencies.map((a) => (
            <option key={a.code} value={a.code} lang="vi">
              {a.name}
            </option>
          ))}
        </datalist>
        {field('period', m.recordPeriod)}
        {field('score', m.recordScore)}
        {field('sourceNote', m.recordSource)}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={send.isPending}>
            {m.record}
          </button>
        </div>
      </form>
    </OverviewSection>
  );
}
