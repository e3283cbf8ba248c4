// The applicant's satisfaction rating of a dossier (GET/POST /api/v1/dossiers/<code>/rating,
// docs/domain/ratings.md). On the citizen's dossier page: once the result is received, three levels and
// an optional comment, sent once; afterwards what she gave. On the staff dossier page: what the applicant
// gave, or that she has not rated yet; a desk officer of the receiving agency records the rating she
// chooses at the counter (on this screen, turned to her, or from a paper form). Never in the way of the
// result: the section only reads and offers.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { Rating } from '../../../common/contracts/ratings.ts';
import {
  MAX_RATING_COMMENT,
  SATISFACTION_LEVELS,
  type SatisfactionLevel,
} from '../../../common/dossiers/ratings.ts';
import { errorText } from '../../app/errors.ts';
import { apiPost } from '../../app/http.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { formatInstant } from '../calendar/vn-time.ts';
import { dossierQueries, ratingUrl } from './dossiers-api.ts';
import { useRefetchOn } from './use-refetch-on.ts';

type Choice = { level: SatisfactionLevel | ''; comment: string };

export function DossierRating({
  code,
  audience,
  reloadKey = 0,
}: {
  code: string;
  audience: 'applicant' | 'staff';
  /** The citizen's page counts its reloads; staff pages invalidate `dossierQueries.all`. */
  reloadKey?: number;
}) {
  const { t } = useI18n();
  const r = t.dossiers.rating;
  const client = useQueryClient();
  const query = dossierQueries.rating(code);
  const read = useQuery(query);
  useRefetchOn(reloadKey, read.refetch);
  const [thanked, setThanked] = useState(false);
  const status = useRef<HTMLParagraphElement>(null);
  const form = useForm<Choice>({ defaultValues: { level: '', comment: '' } });
  const { errors } = form.formState;

  useEffect(() => {
    if (thanked) status.current?.focus();
  }, [thanked]);

  const send = useMutation({
    mutationFn: ({ level, comment }: { level: SatisfactionLevel; comment: string }) => {
      const url = audience === 'staff' ? `${ratingUrl(code)}/counter` : ratingUrl(code);
      return apiPost<Rating>(url, comment ? { level, comment } : { level });
    },
    onSuccess: (rating) => {
      client.setQueryData(query.queryKey, { rating, canRate: false, canRecordAtCounter: false });
      setThanked(true);
    },
    onError: (error) => form.setError('root', { message: r.failed(errorText(t, error)) }),
  });

  const onSubmit = form.handleSubmit(
    ({ level, comment }) => {
      if (level !== '') send.mutate({ level, comment: comment.trim() });
    },
    () => form.setFocus('level'),
  );
  const problem = errors.level?.message ?? errors.root?.message ?? null;

  const given = (rating: Rating) => {
    const text = (audience === 'applicant' ? r.mine : r.given)(
      r.levels[rating.level],
      formatInstant(t, rating.ratedAt),
    );
    return rating.channel === 'counter' ? `${text} ${r.atCounter}.` : `${text}.`;
  };

  const state = read.data;
  let body;
  if (read.isError && !state) {
    body = <p className="inline-error">{r.loadFailed(errorText(t, read.error))}</p>;
  } else if (!state) {
    body = (
      <p className="muted pending" role="status">
        {t.loading}
      </p>
    );
  } else if (state.rating) {
    const rating = state.rating;
    body = (
      <>
        {thanked ? (
          <p className="notice notice-success" role="status" tabIndex={-1} ref={status}>
            {audience === 'staff' ? r.recorded : r.thanks}
          </p>
        ) : null}
        <p className="rating-given">{given(rating)}</p>
        {rating.comment ? (
          // The applicant's own words: data, in the language she wrote them.
          <blockquote className="rating-comment" lang="vi">
            {rating.comment}
          </blockquote>
        ) : null}
      </>
    );
  } else if (state.canRate || state.canRecordAtCounter) {
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
          {SATISFACTION_LEVELS.map((l) => (
            <div className="field-checkbox" key={l}>
              <input
                type="radio"
                id={`rating-${l}`}
                value={l}
                {...form.register('level', {
                  required: r.chooseLevel,
                  onChange: () => form.clearErrors(),
                })}
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
            {...form.register('comment')}
          />
        </div>
        <button type="submit" className="button button-primary" disabled={send.isPending}>
          {send.isPending ? r.sending : r.submit}
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
