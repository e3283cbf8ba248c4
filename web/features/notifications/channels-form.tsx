// The province's channels (/quan-tri/thong-bao): each channel on or off, and the SMS brandname
// (GET/PUT /notification-channels?provinceCode=). The server's messages beside their fields
// (`body/smsBrandname`, `body/channels/<i>/enabled`); the outcome announced and focused.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { detailText, errorText } from '../../app/errors.ts';
import { ApiError } from '../../app/http.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { readStatus, useInvalidate } from '../../app/query.ts';
import { ReadError } from '../../app/read-error.tsx';
import { FieldError, LabelAndHint } from '../../app/ui/field-parts.tsx';
import { FocusedNotice, type Notice } from '../../app/ui/focused-notice.tsx';
import { CHOICE_CHANNELS } from './notify-choice.ts';
import { notificationQueries, saveChannels, type ChannelSettings } from './notifications-api.ts';
import { channelText } from './notification-words.ts';
import { channelsBody, channelsFieldOf, type ChannelsDraft } from './channels-rules.ts';

const ID = { brandname: 'channels-brandname', channel: (c: string) => `channels-${c}` };

export function ChannelsForm({ provinceCode }: { provinceCode: string }) {
  const { t } = useI18n();
  const a = t.notifications.admin;
  const read = useQuery(notificationQueries.channels(provinceCode));
  const invalidate = useInvalidate();
  const [draft, setDraft] = useState<ChannelsDraft | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<Notice | null>(null);

  useEffect(() => {
    if (read.data) setDraft(draftOf(read.data));
  }, [read.data]);

  const save = useMutation({
    mutationFn: (d: ChannelsDraft) => saveChannels(provinceCode, channelsBody(d)),
    onSuccess: () => {
      setErrors({});
      setNotice({ text: a.channelsSaved, warning: false });
      return invalidate(notificationQueries.all);
    },
    onError: (error) => {
      const fields: Record<string, string> = {};
      if (error instanceof ApiError)
        for (const d of error.details) fields[channelsFieldOf(d.path) ?? 'form'] ??= detailText(t, d);
      setErrors(fields);
      setNotice({ text: fields.form ?? errorText(t, error), warning: true });
    },
  });

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (draft && !save.isPending) save.mutate(draft);
  };

  const brandError = errors.smsBrandname;
  return (
    <section className="dossier-section" aria-labelledby="channels-heading" aria-busy={read.isFetching}>
      <h2 id="channels-heading" className="section-heading">
        {a.channelsHeading}
      </h2>
      <p className="muted" role="status">
        {readStatus(read, t.loading, () => '')}
      </p>
      <ReadError read={read} />
      <FocusedNotice notice={notice} />
      {draft ? (
        <form noValidate onSubmit={onSubmit}>
          {CHOICE_CHANNELS.map((c) => (
            <div key={c} className="field">
              <div className="field-checkbox">
                <input
                  type="checkbox"
                  id={ID.channel(c)}
                  checked={draft.enabled[c]}
                  onChange={(e) =>
                    setDraft({ ...draft, enabled: { ...draft.enabled, [c]: e.target.checked } })
                  }
                  aria-describedby={errors[c] ? `${ID.channel(c)}-error` : undefined}
                />
                <label htmlFor={ID.channel(c)}>{a.channelEnabled(channelText(t, c))}</label>
              </div>
              <FieldError id={ID.channel(c)} error={errors[c]} />
            </div>
          ))}
          <div className={brandError ? 'field field-invalid' : 'field'}>
            <LabelAndHint id={ID.brandname} label={a.brandname} required={false} hint={a.brandnameHint} />
            <FieldError id={ID.brandname} error={brandError} />
            <input
              id={ID.brandname}
              type="text"
              value={draft.smsBrandname}
              maxLength={20}
              autoComplete="off"
              aria-invalid={brandError ? true : undefined}
              aria-describedby={[brandError ? `${ID.brandname}-error` : '', `${ID.brandname}-hint`]
                .filter(Boolean)
                .join(' ')}
              onChange={(e) => setDraft({ ...draft, smsBrandname: e.target.value })}
            />
          </div>
          <div className="form-actions">
            <button
              type="submit"
              className="button button-primary"
              aria-disabled={save.isPending || undefined}
            >
              {save.isPending ? a.saving : a.saveChannels}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}

function draftOf(s: ChannelSettings): ChannelsDraft {
  const on = (c: string) => s.channels.find((x) => x.channel === c)?.enabled ?? false;
  return {
    enabled: { email: on('email'), sms: on('sms'), zalo: on('zalo') },
    smsBrandname: s.smsBrandname ?? '',
  };
}
