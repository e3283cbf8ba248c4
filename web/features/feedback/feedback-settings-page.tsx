// /phan-anh-kien-nghi/thoi-han: a province administrator sets the time limits of feedback in their
// province, per kind (GET/PUT /feedback/settings?provinceCode=, If-Match: <version>): the answer limit
// in working days (5, 7 or 10), urgent ones in working hours, the transfer limit in working days.
// Refused fields are shown beside themselves (`body/kien-nghi/urgentHours`); 409 reloads and says so.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { detailText, errorText } from '../../app/errors.ts';
import { ApiError } from '../../app/http.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { Page } from '../../app/page.tsx';
import { useInvalidate } from '../../app/query.ts';
import { ReadError } from '../../app/read-error.tsx';
import { useSession } from '../../app/session.tsx';
import { FieldError } from '../../app/ui/field-parts.tsx';
import { feedbackQueries, saveFeedbackSettings, type FeedbackSettings } from './feedback-api.ts';
import { useFeedbackWords } from './feedback-fields.tsx';
import { FEEDBACK_KINDS } from '../../../common/feedback/vocabulary.ts';

const KINDS = FEEDBACK_KINDS;
const NUMBERS = ['urgentHours', 'transferDays'] as const;
type Limits = Pick<FeedbackSettings, (typeof KINDS)[number]>;

function SettingsForm({ settings }: { settings: FeedbackSettings }) {
  const { t } = useI18n();
  const w = useFeedbackWords();
  const c = w.staff.settings;
  const invalidate = useInvalidate();
  const [limits, setLimits] = useState<Limits>({
    'phan-anh': settings['phan-anh'],
    'kien-nghi': settings['kien-nghi'],
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<{ text: string; warning: boolean } | null>(null);
  const mutation = useMutation({
    mutationFn: () => saveFeedbackSettings(settings.provinceCode, settings.version, limits),
    onSuccess: () => {
      setErrors({});
      setNotice({ text: c.saved, warning: false });
      return invalidate(feedbackQueries.all);
    },
    onError: (error: unknown) => {
      if (error instanceof ApiError && error.status === 409) {
        setNotice({ text: w.stale, warning: true });
        return invalidate(feedbackQueries.all);
      }
      const next: Record<string, string> = {};
      for (const d of error instanceof ApiError ? error.details : [])
        next[
          `fs-${d.path
            .split('/')
            .filter((p) => p && p !== 'body')
            .join('-')}`
        ] ??= detailText(t, d);
      setErrors(next);
      setNotice({ text: errorText(t, error), warning: true });
    },
  });
  const set = (kind: (typeof KINDS)[number], field: keyof Limits['phan-anh'], value: number) =>
    setLimits((l) => ({ ...l, [kind]: { ...l[kind], [field]: value } }));
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!mutation.isPending) mutation.mutate();
      }}
    >
      <div
        role={notice?.warning ? 'alert' : 'status'}
        className={notice ? (notice.warning ? 'notice notice-warning' : 'notice notice-success') : undefined}
      >
        {notice?.text}
      </div>
      {KINDS.map((kind) => {
        const id = (f: string) => `fs-${kind}-${f}`;
        return (
          <fieldset key={kind} className="form-section">
            <legend className="subsection-heading">{w.kinds[kind]}</legend>
            <div className={errors[id('answerDays')] ? 'field field-invalid' : 'field'}>
              <label htmlFor={id('answerDays')}>{c.answerDays}</label>
              <FieldError id={id('answerDays')} error={errors[id('answerDays')]} />
              <select
                id={id('answerDays')}
                value={limits[kind].answerDays}
                onChange={(e) => set(kind, 'answerDays', Number(e.target.value))}
              >
                {[5, 7, 10].map((d) => (
                  <option key={d} value={d}>
                    {d}
                  </option>
                ))}
              </select>
            </div>
            {NUMBERS.map((f) => (
              <div key={f} className={errors[id(f)] ? 'field field-invalid' : 'field'}>
                <label htmlFor={id(f)}>{c[f]}</label>
                <FieldError id={id(f)} error={errors[id(f)]} />
                <input
                  id={id(f)}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={f === 'urgentHours' ? 80 : 5}
                  value={limits[kind][f]}
                  aria-invalid={errors[id(f)] ? true : undefined}
                  aria-describedby={errors[id(f)] ? `${id(f)}-error` : undefined}
                  onChange={(e) => set(kind, f, Number(e.target.value))}
                />
              </div>
            ))}
          </fieldset>
        );
      })}
      <button type="submit" className="button button-primary" aria-disabled={mutation.isPending || undefined}>
        {mutation.isPending ? w.staff.forms.sending : c.save}
      </button>
    </form>
  );
}

export function FeedbackSettingsPage() {
  const { t } = useI18n();
  const w = useFeedbackWords();
  const c = w.staff.settings;
  const { session } = useSession();
  const provinces = (session.status === 'signed-in' ? session.user.roles : []).filter(
    (r) => r.role === 'province-admin',
  );
  const [province, setProvince] = useState(provinces[0]?.provinceCode ?? '');
  const read = useQuery({ ...feedbackQueries.settings(province), enabled: province !== '' });
  return (
    <Page title={c.title} heading={c.title} intro={c.intro}>
      {provinces.length === 0 ? <p className="notice">{c.onlyAdmin}</p> : null}
      {provinces.length > 1 ? (
        <div className="field">
          <label htmlFor="fs-province">{c.province}</label>
          <select id="fs-province" value={province} onChange={(e) => setProvince(e.target.value)}>
            {provinces.map((p) => (
              <option key={p.provinceCode} value={p.provinceCode} lang="vi">
                {p.agencyName}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <p role="status" className="muted">
        {read.isFetching ? t.loading : ''}
      </p>
      <ReadError read={read} />
      {read.data ? (
        <SettingsForm key={`${read.data.provinceCode}-${read.data.version}`} settings={read.data} />
      ) : null}
    </Page>
  );
}
