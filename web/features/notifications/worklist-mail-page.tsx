// /tai-khoan/thong-bao-cong-viec: the signed-in officer chooses how they are told of what lands in their
// worklist (GET/PUT /api/v1/me/notification-preferences, #18): not at all, an e-mail per arrival, or a
// daily summary at a time of their choosing. The server's messages beside their fields; the outcome
// announced and focused.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import {
  DEFAULT_DAILY_AT,
  WORKLIST_EMAIL_CHOICES,
  type NotificationPreferences,
  type WorklistEmailChoice,
} from '../../../common/contracts/staff-notifications.ts';
import { detailField, detailText, errorText } from '../../app/errors.ts';
import { FieldFrame } from '../../app/field-frame.tsx';
import { ApiError } from '../../app/http.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { Page } from '../../app/page.tsx';
import { readStatus, useInvalidate } from '../../app/query.ts';
import { ReadError } from '../../app/read-error.tsx';
import { FocusedNotice, type Notice } from '../../app/ui/focused-notice.tsx';
import { preferenceQueries, savePreferences } from './notifications-api.ts';

type Draft = { worklistEmail: WorklistEmailChoice; dailyAt: string; email: string };

const ID = {
  choice: 'worklist-mail-choice',
  dailyAt: 'worklist-mail-daily-at',
  email: 'worklist-mail-email',
};

const draftOf = (p: NotificationPreferences): Draft => ({
  worklistEmail: p.worklistEmail,
  dailyAt: p.dailyAt || DEFAULT_DAILY_AT,
  email: p.email ?? '',
});

export function WorklistMailPage() {
  const { t } = useI18n();
  const w = t.worklistMail;
  const read = useQuery(preferenceQueries.mine());
  const invalidate = useInvalidate();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<Notice | null>(null);

  useEffect(() => {
    if (read.data) setDraft(draftOf(read.data));
  }, [read.data]);

  const save = useMutation({
    mutationFn: (d: Draft) =>
      savePreferences({
        worklistEmail: d.worklistEmail,
        dailyAt: d.dailyAt,
        email: d.email.trim() === '' ? null : d.email.trim(),
      }),
    onSuccess: () => {
      setErrors({});
      setNotice({ text: w.saved, warning: false });
      return invalidate(preferenceQueries.all);
    },
    onError: (error) => {
      const fields: Record<string, string> = {};
      if (error instanceof ApiError)
        for (const d of error.details) fields[detailField(d)] ??= detailText(t, d);
      setErrors(fields);
      setNotice({ text: errorText(t, error), warning: true });
    },
  });

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!draft || save.isPending) return;
    if (draft.worklistEmail !== 'off' && draft.email.trim() === '') {
      setErrors({ email: w.emailMissing });
      setNotice({ text: w.emailMissing, warning: true });
      return;
    }
    save.mutate(draft);
  };

  const label: Record<WorklistEmailChoice, string> = { off: w.off, immediate: w.immediate, daily: w.daily };
  return (
    <Page title={w.title} heading={w.title} className="page-narrow">
      <p className="page-intro">{w.intro}</p>
      <p className="muted" role="status">
        {readStatus(read, t.loading, () => '')}
      </p>
      <ReadError read={read} />
      <FocusedNotice notice={notice} />
      {draft ? (
        <form className="form" noValidate onSubmit={onSubmit}>
          <fieldset
            className={errors.worklistEmail ? 'radio-group field-invalid' : 'radio-group'}
            aria-describedby={errors.worklistEmail ? `${ID.choice}-error` : undefined}
          >
            <legend>{w.choice}</legend>
            {errors.worklistEmail ? (
              <p className="field-error" id={`${ID.choice}-error`}>
                {errors.worklistEmail}
              </p>
            ) : null}
            {WORKLIST_EMAIL_CHOICES.map((c) => (
              <div key={c} className="field-checkbox">
                <input
                  type="radio"
                  id={`${ID.choice}-${c}`}
                  name="worklistEmail"
                  value={c}
                  checked={draft.worklistEmail === c}
                  onChange={() => setDraft({ ...draft, worklistEmail: c })}
                />
                <label htmlFor={`${ID.choice}-${c}`}>{label[c]}</label>
              </div>
            ))}
          </fieldset>
          {draft.worklistEmail === 'daily' ? (
            <FieldFrame id={ID.dailyAt} label={w.dailyAt} hint={w.dailyAtHint} error={errors.dailyAt}>
              {(aria) => (
                <input
                  id={ID.dailyAt}
                  type="time"
                  step={60}
                  required
                  value={draft.dailyAt}
                  onChange={(e) => setDraft({ ...draft, dailyAt: e.target.value })}
                  {...aria}
                />
              )}
            </FieldFrame>
          ) : null}
          <FieldFrame
            id={ID.email}
            label={w.email}
            hint={w.emailHint}
            error={errors.email}
            star={draft.worklistEmail !== 'off'}
          >
            {(aria) => (
              <input
                id={ID.email}
                type="email"
                autoComplete="email"
                maxLength={200}
                value={draft.email}
                onChange={(e) => setDraft({ ...draft, email: e.target.value })}
                {...aria}
              />
            )}
          </FieldFrame>
          <button type="submit" className="button button-primary" aria-disabled={save.isPending || undefined}>
            {save.isPending ? w.saving : w.save}
          </button>
        </form>
      ) : null}
    </Page>
  );
}
