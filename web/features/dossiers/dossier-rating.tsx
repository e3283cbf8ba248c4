// The applicant's satisfaction rating of a dossier (GET/POST /api/v1/dossiers/<code>/rating,
// docs/domain/ratings.md). On the citizen's dossier page: once the result is received, three levels and
// an optional comment, sent once; afterwards what she gave. On the staff dossier page: what the applicant
// gave, or that she has not rated yet; a desk officer of the receiving agency records the rating she
// chooses at the counter (on this screen, turned to her, or from a paper form). Never in the way of the
// result: the section only reads and offers.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Rating, RatingState } from '../../../common/contracts/ratings.ts';
import {
  MAX_RATING_COMMENT,
  SATISFACTION_LEVELS,
  type SatisfactionLevel,
} from '../../../common/dossiers/ratings.ts';
import { errorText } from '../../app/errors.ts';
import { apiGet, apiPost, isAbort } from '../../app/http.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { formatInstant } from '../calendar/vn-time.ts';

const ratingUrl = (code: string) => `/api/v1/dossiers/${encodeURIComponent(code)}/rating`;

type Load = { kind: 'loading' } | { kind: 'done'; state: RatingState } | { kind: 'error'; error: unknown };

export function DossierRating({
  code,
  audience,
  reloadKey = 0,
}: {
  code: string;
  audience: 'applicant' | 'staff';
  reloadKey?: number;
}) {
  const { t } = useI18n();
  const r = t.dossiers.rating;
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [level, setLevel] = useState<SatisfactionLevel | null>(null);
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [thanked, setThanked] = useState(false);
  const status = useRef<HTMLParagraphElement>(null);
  const firstChoice = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const controller = new AbortController();
    apiGet<RatingState>(ratingUrl(code), undefined, controller.signal)
      .then((state) => setLoad({ kind: 'done', state }))
      .catch((error: unknown) => {
        if (!isAbort(error)) setLoad({ kind: 'error', error });
      });
    return () => controller.abort();
  }, [code, reloadKey]);

  useEffect(() => {
    if (thanked) status.current?.focus();
  }, [thanked]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (level === null) {
      setProblem(r.chooseLevel);
      firstChoice.current?.focus();
      return;
    }
    setSending(true);
    setProblem(null);
    try {
      const trimmed = comment.trim();
      const url = audience === 'staff' ? `${ratingUrl(code)}/counter` : ratingUrl(code);
      const rating = await apiPost<Rating>(url, trimmed ? { level, comment: trimmed } : { level });
      setLoad({ kind: 'done', state: { rating, canRate: false, canRecordAtCounter: false } });
      setThanked(true);
    } catch (error) {
      setProblem(r.failed(errorText(t, error)));
    } finally {
      setSending(false);
    }
  }

  const given = (rating: Rating) => {
    const text = (audience === 'applicant' ? r.mine : r.given)(
      r.levels[rating.level],
      formatInstant(t, rating.ratedAt),
    );
    return rating.channel === 'counter' ? `${text} ${r.atCounter}.` : `${text}.`;
  };

  let body;
  if (load.kind === 'loading') {
    body = (
      <p className="muted pending" role="status">
        {t.loading}
      </p>
    );
  } else if (load.kind === 'error') {
    body = <p className="inline-error">{r.loadFailed(errorText(t, load.error))}</p>;
  } else if (load.state.rating) {
    const rating = load.state.rating;
    body = (
      <>
        {thanked ? (
          <p className="notice notice-success" role="status" tabIndex={-1} ref={status}>
            {audience === 'staff' ? r.recorded : r.thanks}
          </p>
        ) : null}
        <p className="rating-given">{given(rating)}</p>
        {rating.comment ? <blockquote className="rating-comment">{rating.comment}</blockquote> : null}
      </>
    );
  } else if (load.state.canRate || load.state.canRecordAtCounter) {
    const errorId = 'rating-error';
    body = (
      <form noValidate onSubmit={(e) => void onSubmit(e)} className="rating-form">
        <fieldset
          className="radio-group"
          aria-describedby={problem ? errorId : undefined}
          aria-invalid={problem ? true : undefined}
        >
          <legend>{r.question}</legend>
          {audience === 'staff' ? <p className="hint">{r.counterHint}</p> : null}
          {problem ? (
            <p className="field-error" id={errorId} role="alert">
              {problem}
            </p>
          ) : null}
          {SATISFACTION_LEVELS.map((l, i) => (
            <div className="field-checkbox" key={l}>
              <input
                type="radio"
                id={`rating-${l}`}
                name="rating-level"
                value={l}
                checked={level === l}
                ref={i === 0 ? firstChoice : undefined}
                onChange={() => {
                  setLevel(l);
                  setProblem(null);
                }}
              />
              <label htmlFor={`rating-${l}`}>{r.levels[l]}</label>
            </div>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="rating-comment">{r.comment}</label>
          <p className="hint" id="rating-comment-hint">
            {r.commentHint}
          </p>
          <textarea
            id="rating-comment"
            rows={3}
            maxLength={MAX_RATING_COMMENT}
            aria-describedby="rating-comment-hint"
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
        </div>
        <button type="submit" className="button button-primary" disabled={sending}>
          {sending ? r.sending : r.submit}
        </button>
      </form>
    );
  } else {
    body = <p className="muted">{audience === 'applicant' ? r.notRatable : r.notYet}</p>;
  }

  return (
    <section aria-labelledby="dossier-rating-heading" className="dossier-section dossier-rating">
      <h2 id="dossier-rating-heading" className="section-heading">
        {r.heading}
      </h2>
      {body}
    </section>
  );
}
