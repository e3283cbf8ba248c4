// /cong-dich-vu-cong/tra-cuu-phan-anh-kien-nghi[/<code>]: anyone follows feedback by its code (GET
// /public/feedback/<code>): status, agency, due time and, once published, the content and the answer —
// never the sender's phone, e-mail or address, their name only when they agreed. The sender rates the
// answer there (feedback-rating-form.tsx). The code lives in the address, so the page can be shared.
import { useQuery } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { errorText } from '../../app/errors.ts';
import { ApiError } from '../../app/http.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { Page } from '../../app/page.tsx';
import { feedbackLookupPath, PATHS } from '../../app/paths.ts';
import { Link, useRouter } from '../../app/router.tsx';
import { FieldError, LabelAndHint } from '../../app/ui/field-parts.tsx';
import { feedbackQueries } from './feedback-api.ts';
import { describedBy, useFeedbackWords } from './feedback-fields.tsx';
import { PublicFeedbackView } from './feedback-public-view.tsx';
import { FEEDBACK_CODE, feedbackCodeFromInput } from './feedback-rules.ts';
import '../citizen/citizen.css';

function LookupForm({ code }: { code: string | null }) {
  const w = useFeedbackWords();
  const l = w.lookup;
  const { navigate } = useRouter();
  const { register, handleSubmit, setValue, formState } = useForm<{ code: string }>({
    defaultValues: { code: code ?? '' },
    reValidateMode: 'onSubmit',
  });
  const problem = formState.errors.code?.message;
  const onSubmit = handleSubmit(({ code: text }) => {
    const next = feedbackCodeFromInput(text);
    setValue('code', next);
    if (next !== code) navigate(feedbackLookupPath(next), { replace: code !== null });
  });
  const id = 'feedback-lookup-code';
  return (
    <form
      role="search"
      aria-label={l.formLabel}
      className="lookup-form"
      noValidate
      onSubmit={(e) => void onSubmit(e)}
    >
      <div className={problem ? 'field field-invalid' : 'field'}>
        <LabelAndHint id={id} label={l.code} required={false} hint={l.codeHint} />
        <FieldError id={id} error={problem} />
        <input
          id={id}
          type="text"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={300}
          aria-invalid={problem ? true : undefined}
          aria-describedby={describedBy(id, problem, l.codeHint)}
          {...register('code', {
            validate: (text) => {
              const c = feedbackCodeFromInput(text);
              if (c === '') return l.empty;
              return FEEDBACK_CODE.test(c) || l.badCode;
            },
          })}
        />
      </div>
      <button type="submit" className="button button-primary">
        {l.submit}
      </button>
    </form>
  );
}

function LookupResult({ code }: { code: string }) {
  const { t } = useI18n();
  const w = useFeedbackWords();
  const read = useQuery({ ...feedbackQueries.lookup(code), retry: false });
  return (
    <section aria-busy={read.isFetching} aria-labelledby="feedback-result-heading" className="lookup-answer">
      <h2 id="feedback-result-heading" className="section-heading">
        <span className="code">{code}</span>
      </h2>
      <p role="status" className="muted">
        {read.isFetching ? t.loading : ''}
      </p>
      {read.isError ? (
        <div className="inline-error" role="alert">
          <p>
            {read.error instanceof ApiError && read.error.status === 404
              ? w.lookup.notFound
              : errorText(t, read.error)}
          </p>
          <button type="button" className="button" onClick={() => void read.refetch()}>
            {t.errors.retry}
          </button>
        </div>
      ) : null}
      {read.data ? <PublicFeedbackView view={read.data} /> : null}
    </section>
  );
}

export function FeedbackLookupPage({ code }: { code: string | null }) {
  const { t } = useI18n();
  const w = useFeedbackWords();
  const valid = code !== null && FEEDBACK_CODE.test(code);
  return (
    <Page
      title={code ? `${w.lookup.title} ${code}` : w.lookup.title}
      heading={w.lookup.title}
      intro={w.lookup.intro}
      className="citizen-page"
    >
      <LookupForm key={code ?? ''} code={code} />
      {code !== null && !valid ? (
        <p className="inline-error" role="alert">
          {w.lookup.badCode}
        </p>
      ) : null}
      {valid ? <LookupResult code={code} /> : null}
      <ul className="page-links">
        <li>
          <Link to={PATHS.feedbackSend}>{t.citizen.portalLinks.feedback}</Link>
        </li>
        <li>
          <Link to={PATHS.portal}>{t.portal.title}</Link>
        </li>
      </ul>
    </Page>
  );
}
