// One template's editor (/quan-tri/thong-bao): the placeholders it may use, its fields by channel —
// e-mail subject, text and HTML; SMS text with its counter and the diacritics warning; the ZNS template
// id and parameters — "Xem trước" (POST …/preview with the draft: the server renders it with sample
// data), "Lưu mẫu" (PUT) with the server's messages beside their fields, and "Dùng lại mẫu mặc định"
// (DELETE) for a province's own template. The outcome is announced and focused.
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { detailText, errorText } from '../../app/errors.ts';
import { ApiError } from '../../app/http.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { useInvalidate } from '../../app/query.ts';
import { FocusedNotice, type Notice } from '../../app/ui/focused-notice.tsx';
import { ErrorSummary, type Problem } from '../calendar/error-summary.tsx';
import {
  notificationQueries,
  previewTemplate,
  resetTemplate,
  saveTemplate,
  type RenderedMessage,
  type TemplateView,
} from './notifications-api.ts';
import { channelText, eventText } from './notification-words.ts';
import { TextField, ZaloParams } from './template-fields.tsx';
import {
  bodyOf,
  draftOf,
  fieldOf,
  SMS_MAX,
  smsMeasure,
  templateFieldId,
  type Placeholder,
  type TemplateDraft,
} from './template-form.ts';
import { TemplatePreview } from './template-preview.tsx';

type Failure = { fields: Record<string, string>; problems: Problem[] };
const NO_FAILURE: Failure = { fields: {}, problems: [] };

export function TemplateEditor({
  provinceCode,
  view,
  placeholders,
  onClose,
}: {
  provinceCode: string;
  view: TemplateView;
  placeholders: readonly Placeholder[];
  onClose: () => void;
}) {
  const { t } = useI18n();
  const a = t.notifications.admin;
  const { event, channel } = view;
  const [draft, setDraft] = useState<TemplateDraft>(() => draftOf(view.template));
  const [failure, setFailure] = useState<Failure>(NO_FAILURE);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [preview, setPreview] = useState<RenderedMessage | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const summary = useRef<HTMLHeadingElement>(null);
  const invalidate = useInvalidate();
  const set = (patch: Partial<TemplateDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const title = a.editorHeading(eventText(t, event), channelText(t, channel));

  useEffect(() => heading.current?.focus(), []);

  /** The server's refusal beside its fields and in the summary, focused; anything else as a notice. */
  const fail = (error: unknown) => {
    if (!(error instanceof ApiError) || error.details.length === 0) {
      setFailure(NO_FAILURE);
      setNotice({ text: errorText(t, error), warning: true });
      return;
    }
    const fields: Record<string, string> = {};
    const problems: Problem[] = error.details.map((d) => {
      const message = detailText(t, d);
      const field = fieldOf(d.path);
      if (field === null) return { message };
      fields[field] ??= message;
      return { message, fieldId: templateFieldId(field) };
    });
    setNotice(null);
    setFailure({ fields, problems });
    window.setTimeout(() => summary.current?.focus(), 0);
  };
  const succeed = (text: string) => {
    setFailure(NO_FAILURE);
    setNotice({ text, warning: false });
    return invalidate(notificationQueries.all);
  };

  const save = useMutation({
    mutationFn: () => saveTemplate(provinceCode, event, channel, bodyOf(channel, draft)),
    onSuccess: () => succeed(a.saved),
    onError: fail,
  });
  const reset = useMutation({
    mutationFn: () => resetTemplate(provinceCode, event, channel),
    onSuccess: (next) => {
      setDraft(draftOf(next.template));
      setPreview(null);
      return succeed(a.resetDone);
    },
    onError: fail,
  });
  const show = useMutation({
    mutationFn: () => previewTemplate({ provinceCode, event, channel, template: bodyOf(channel, draft) }),
    onSuccess: (r) => {
      setFailure(NO_FAILURE);
      setNotice(null);
      setPreview(r.rendered);
    },
    onError: (error) => {
      setPreview(null);
      fail(error);
    },
  });
  const busy = save.isPending || reset.isPending || show.isPending;

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!busy) save.mutate();
  };

  const sms = channel === 'sms' ? smsMeasure(draft.text) : null;
  const errors = failure.fields;
  return (
    <section className="dossier-section template-editor" aria-labelledby="template-editor-heading">
      <h2 id="template-editor-heading" className="section-heading" tabIndex={-1} ref={heading}>
        {title}
      </h2>
      <FocusedNotice notice={notice} />
      <ErrorSummary title={a.errorSummary} problems={failure.problems} headingRef={summary} />
      <p className="hint">{a.placeholders}</p>
      <ul className="placeholder-list">
        {placeholders.map((p) => (
          <li key={p.name}>
            <code>{`{${p.name}}`}</code> <span lang="vi">{p.label}</span>
          </li>
        ))}
      </ul>
      <form noValidate onSubmit={onSubmit}>
        {channel === 'email' ? (
          <>
            <TextField
              field="subject"
              label={a.subject}
              value={draft.subject}
              onChange={(subject) => set({ subject })}
              errors={errors}
              lang="vi"
            />
            <TextField
              field="text"
              label={a.emailText}
              value={draft.text}
              onChange={(text) => set({ text })}
              errors={errors}
              rows={8}
              lang="vi"
            />
            <TextField
              field="html"
              label={a.html}
              value={draft.html}
              onChange={(html) => set({ html })}
              errors={errors}
              rows={8}
              lang="vi"
            />
          </>
        ) : sms ? (
          <TextField
            field="text"
            label={a.text}
            value={draft.text}
            onChange={(text) => set({ text })}
            errors={errors}
            hint={a.smsHint}
            rows={4}
            lang="vi"
            after={
              <>
                <p className={sms.tooLong ? 'sms-counter-over' : 'hint'} aria-live="polite">
                  {a.smsLength(sms.length, SMS_MAX, sms.parts)}
                  {sms.tooLong ? ` ${a.smsTooLong(SMS_MAX)}` : ''}
                </p>
                {sms.accented ? <p className="sms-counter-over">{a.smsAccents}</p> : null}
              </>
            }
          />
        ) : (
          <>
            <TextField
              field="templateId"
              label={a.zaloTemplateId}
              value={draft.templateId}
              onChange={(templateId) => set({ templateId })}
              errors={errors}
            />
            <ZaloParams params={draft.params} onChange={(params) => set({ params })} errors={errors} />
          </>
        )}
        <div className="form-actions">
          <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
            {save.isPending ? a.saving : a.save}
          </button>
          <button
            type="button"
            className="button"
            aria-disabled={busy || undefined}
            onClick={() => {
              if (!busy) show.mutate();
            }}
          >
            {a.preview}
          </button>
          {view.source === 'override' ? (
            <button
              type="button"
              className="button"
              aria-disabled={busy || undefined}
              onClick={() => {
                if (!busy) reset.mutate();
              }}
            >
              {a.reset}
            </button>
          ) : null}
          <button type="button" className="button" onClick={onClose}>
            {a.close}
          </button>
        </div>
      </form>
      {preview ? <TemplatePreview rendered={preview} /> : null}
    </section>
  );
}
