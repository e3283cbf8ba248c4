// One action's form on a feedback record: its fields (feedback-action-rules.ts ACTION_FIELDS), the
// checks before sending, then POST /feedback/<code>/actions/<action> with If-Match: <version>. The
// server's refusal names each field by its path, shown beside it; 409 (someone acted first) reloads
// the record and says so (action-panel.tsx's notice).
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { detailText, errorText } from '../../app/errors.ts';
import { ApiError } from '../../app/http.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { SendOrCancel } from '../../app/ui/form-actions.tsx';
import { actOnFeedback, type FeedbackAction, type FeedbackDetail } from './feedback-api.ts';
import { AgencyField, AssigneeField, CategoryField, TextArea } from './feedback-action-fields.tsx';
import {
  ACTION_FIELDS,
  actionBody,
  actionFieldOf,
  actionProblems,
  EMPTY_ACTION,
  reasonRequired,
  type ActionField,
  type ActionValues,
} from './feedback-action-rules.ts';
import { useFeedbackWords } from './feedback-fields.tsx';

export function FeedbackActionForm({
  view,
  action,
  onDone,
  onStale,
  onCancel,
}: {
  view: FeedbackDetail;
  action: FeedbackAction;
  onDone: (text: string) => void;
  onStale: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const w = useFeedbackWords();
  const f = w.staff.forms;
  const label = w.actions[action];
  const [values, setValues] = useState<ActionValues>(() => ({
    ...EMPTY_ACTION,
    text: action === 'draft-answer' ? (view.draft?.text ?? '') : '',
  }));
  const [errors, setErrors] = useState<Partial<Record<ActionField, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const set = (field: ActionField) => (value: string) => setValues((v) => ({ ...v, [field]: value }));
  const mutation = useMutation({
    mutationFn: () => actOnFeedback(view.code, action, view.version, actionBody(action, values)),
    onSuccess: () => onDone(f.done(label)),
    onError: (error: unknown) => {
      if (error instanceof ApiError && error.status === 409) return onStale();
      const next: Partial<Record<ActionField, string>> = {};
      const other: string[] = [];
      for (const d of error instanceof ApiError ? error.details : []) {
        const field = actionFieldOf(d.path);
        if (field && ACTION_FIELDS[action].includes(field)) next[field] ??= detailText(t, d);
        else other.push(detailText(t, d));
      }
      setErrors(next);
      setFailure(
        other.length > 0 || Object.keys(next).length === 0 ? [errorText(t, error), ...other].join(' ') : null,
      );
    },
  });

  const WORDS = { required: w.required, reasonNeeded: f.reasonNeeded, agencyNeeded: f.agencyNeeded };
  const submit = () => {
    if (mutation.isPending) return;
    const local = actionProblems(action, values);
    const found: Partial<Record<ActionField, string>> = {};
    for (const [k, v] of Object.entries(local)) found[k as ActionField] = WORDS[v];
    setErrors(found);
    setFailure(null);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(`fa-${first}`)?.focus();
      return;
    }
    mutation.mutate();
  };

  const fields = ACTION_FIELDS[action];
  const headingId = `fa-${action}-heading`;
  return (
    <form
      className="action-form"
      aria-labelledby={headingId}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <h3 id={headingId} className="subsection-heading" tabIndex={-1} ref={heading}>
        {fields.length === 0 ? f.confirm(label, view.code) : label}
      </h3>
      {fields.includes('category') ? (
        <CategoryField value={values.category} onChange={set('category')} error={errors.category} />
      ) : null}
      {fields.includes('toAgencyCode') ? (
        <AgencyField value={values.toAgencyCode} onChange={set('toAgencyCode')} error={errors.toAgencyCode} />
      ) : null}
      {fields.includes('note') ? (
        <TextArea
          id="fa-note"
          label={f.note}
          value={values.note}
          onChange={set('note')}
          error={errors.note}
          required
        />
      ) : null}
      {fields.includes('username') ? (
        <AssigneeField
          agency={view.agency}
          value={values.username}
          onChange={set('username')}
          error={errors.username}
        />
      ) : null}
      {fields.includes('text') ? (
        <TextArea
          id="fa-text"
          label={f.text}
          rows={10}
          value={values.text}
          onChange={set('text')}
          error={errors.text}
          required
        />
      ) : null}
      {fields.includes('reason') ? (
        <TextArea
          id="fa-reason"
          label={f.reason}
          hint={action === 'classify' ? f.reasonHint : undefined}
          value={values.reason}
          onChange={set('reason')}
          error={errors.reason}
          required={reasonRequired(action, values)}
        />
      ) : null}
      {fields.includes('urgent') ? (
        <div className="field-checkbox">
          <input
            type="checkbox"
            id="fa-urgent"
            checked={values.urgent}
            onChange={(e) => setValues((v) => ({ ...v, urgent: e.target.checked }))}
          />
          <label htmlFor="fa-urgent">{f.urgent}</label>
        </div>
      ) : null}
      {fields.includes('withholdName') && view.sender.publishConsent ? (
        <div className="field-checkbox">
          <input
            type="checkbox"
            id="fa-withholdName"
            checked={values.withholdName}
            onChange={(e) => setValues((v) => ({ ...v, withholdName: e.target.checked }))}
          />
          <label htmlFor="fa-withholdName">{f.withholdName}</label>
        </div>
      ) : null}
      <div role="alert" className={failure ? 'inline-error' : undefined}>
        {failure}
      </div>
      <SendOrCancel
        label={fields.length === 0 ? f.send : label}
        sending={mutation.isPending}
        onCancel={onCancel}
      />
    </form>
  );
}
