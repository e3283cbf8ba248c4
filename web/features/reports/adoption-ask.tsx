// A province administrator asks an agency to explain why it did not use the system in the period
// shown (POST /reports/adoption/explanations): the agency (picked, or from its row), the due day and
// the message. Problems are listed above the form and beside each field; the request carries an
// Idempotency-Key, so a double click or a retry sends it once.
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { vnDate } from '../../../common/time/vn-time.ts';
import { detailField, detailText, errorText } from '../../app/errors.ts';
import { ApiError } from '../../app/http.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { useInvalidate } from '../../app/query.ts';
import { withData } from '../../app/ui/data-text.tsx';
import { DateInput } from '../../app/ui/date-input.tsx';
import { FieldError, LabelAndHint } from '../../app/ui/field-parts.tsx';
import { FocusedNotice, type Notice } from '../../app/ui/focused-notice.tsx';
import { PlacePicker, useOwnUnits, type PickedPlace } from '../../app/ui/place-picker.tsx';
import { ErrorSummary, type Problem } from '../calendar/error-summary.tsx';
import { newIdempotencyKey } from '../dossiers/dossiers-api.ts';
import { staffPlaces } from '../org/org-api.ts';
import { adoptionQueries, askExplanation } from './adoption-api.ts';
import type { AskFor } from './adoption-groups.tsx';
import { OverviewSection } from './overview-table.tsx';

const agencySource = staffPlaces('agency');
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
type Field = 'agency' | 'dueOn' | 'message';
const FIELD_OF: Record<string, Field> = { agencyCode: 'agency', dueOn: 'dueOn', message: 'message' };

/** A week from today in Vietnam: the default due day. */
const inAWeek = () => vnDate(Date.now() + 7 * 86_400_000);

export function AdoptionAsk({
  period,
  preset,
}: {
  period: { from: string; to: string };
  /** The agency a row asked for (a new object each time a row's button is pressed). */
  preset: AskFor | null;
}) {
  const { t } = useI18n();
  const a = t.adoption.ask;
  const words = t.adoption.period(period.from, period.to);
  const [agency, setAgency] = useState<PickedPlace | null>(null);
  const [dueOn, setDueOn] = useState(inAWeek);
  const [message, setMessage] = useState(() => a.defaultMessage(words));
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [problems, setProblems] = useState<Problem[]>([]);
  const [notice, setNotice] = useState<Notice | null>(null);
  /** The agency last asked: named in the notice, as data. */
  const [sentTo, setSentTo] = useState('');
  const key = useRef(newIdempotencyKey());
  const summary = useRef<HTMLHeadingElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const invalidate = useInvalidate();
  const ownUnits = useOwnUnits();

  useEffect(() => setMessage(a.defaultMessage(words)), [words]);
  useEffect(() => {
    if (!preset) return;
    setAgency({ code: preset.code, name: preset.name, trail: [] });
    setNotice(null);
    box.current?.scrollIntoView({ block: 'start' });
    document.getElementById('adoption-ask-dueOn')?.focus();
  }, [preset]);

  const show = (next: Partial<Record<Field, string>>, list: Problem[]) => {
    setErrors(next);
    setProblems(list);
    if (list.length > 0) window.setTimeout(() => summary.current?.focus(), 0);
  };
  const labels: Record<Field, string> = { agency: a.agency, dueOn: a.dueOn, message: a.message };
  const problemList = (next: Partial<Record<Field, string>>): Problem[] =>
    (Object.keys(next) as Field[]).map((f) => ({
      message: next[f]!,
      fieldId: `adoption-ask-${f}`,
      label: labels[f],
    }));

  const send = useMutation({
    mutationFn: () =>
      askExplanation({ agencyCode: agency!.code, ...period, dueOn, message: message.trim() }, key.current),
    onSuccess: async (view) => {
      key.current = newIdempotencyKey();
      show({}, []);
      setSentTo(view.agency.name);
      setNotice({ text: '', warning: false });
      setAgency(null);
      await invalidate(adoptionQueries.all);
    },
    onError: (error) => {
      const next: Partial<Record<Field, string>> = {};
      const rest: Problem[] = [];
      for (const d of error instanceof ApiError ? (error.details ?? []) : []) {
        const field = FIELD_OF[detailField(d)];
        if (field) next[field] = detailText(t, d);
        else rest.push({ message: detailText(t, d) });
      }
      const list = [...problemList(next), ...rest];
      show(next, list.length > 0 ? list : [{ message: errorText(t, error) }]);
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (send.isPending) return;
    const next: Partial<Record<Field, string>> = {};
    if (!agency) next.agency = a.agencyMissing;
    if (!ISO_DAY.test(dueOn)) next.dueOn = a.dueMissing;
    if (message.trim() === '') next.message = a.messageMissing;
    if (Object.keys(next).length > 0) return show(next, problemList(next));
    setNotice(null);
    send.mutate();
  };
  const describedBy = (f: Field, hint = false) =>
    [errors[f] ? `adoption-ask-${f}-error` : null, hint ? `adoption-ask-${f}-hint` : null]
      .filter(Boolean)
      .join(' ') || undefined;

  return (
    <div ref={box}>
      <OverviewSection id="adoption-ask" heading={a.heading}>
        <p>{a.intro}</p>
        <FocusedNotice notice={notice}>{withData(a.sent, sentTo)}</FocusedNotice>
        <ErrorSummary title={a.errors} problems={problems} headingRef={summary} />
        <form className="form adoption-ask" onSubmit={submit} noValidate>
          <PlacePicker
            id="adoption-ask-agency"
            label={a.agency}
            source={agencySource}
            what="agency"
            value={agency}
            onPick={setAgency}
            startAt={ownUnits}
            error={errors.agency}
            required
          />
          <p>
            {a.period}: <strong>{words}</strong>
          </p>
          <div className={errors.dueOn ? 'field field-invalid' : 'field'}>
            <LabelAndHint id="adoption-ask-dueOn" label={a.dueOn} required hint={a.dueHint} />
            <FieldError id="adoption-ask-dueOn" error={errors.dueOn} />
            <DateInput
              id="adoption-ask-dueOn"
              value={dueOn}
              min={vnDate(Date.now())}
              required
              aria-invalid={errors.dueOn ? true : undefined}
              aria-describedby={describedBy('dueOn', true)}
              onChange={setDueOn}
            />
          </div>
          <div className={errors.message ? 'field field-invalid' : 'field'}>
            <LabelAndHint id="adoption-ask-message" label={a.message} required />
            <FieldError id="adoption-ask-message" error={errors.message} />
            <textarea
              id="adoption-ask-message"
              rows={3}
              maxLength={2000}
              value={message}
              aria-required
              aria-invalid={errors.message ? true : undefined}
              aria-describedby={describedBy('message')}
              onChange={(e) => setMessage(e.target.value)}
            />
          </div>
          <div className="form-actions">
            <button
              type="submit"
              className="button button-primary"
              aria-disabled={send.isPending || undefined}
            >
              {send.isPending ? t.dossiers.page.sending : a.send}
            </button>
          </div>
        </form>
      </OverviewSection>
    </div>
  );
}
