// Staff sign-in. The server validates (one schema at the edge); its field errors are shown beside
// the field they name and listed in an alert summary above the form.
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { ApiError } from '../../app/http.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { Page } from '../../app/page.tsx';
import { PATHS } from '../../app/paths.ts';
import { safeNextPath, useRouter, useSearchParam } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import { describeSignIn, NO_PROBLEMS, SIGN_IN_FIELDS, type SignInField } from './sign-in-problems.ts';

type Values = Record<SignInField, string>;

export function SignInPage() {
  const { t } = useI18n();
  const { session, signIn } = useSession();
  const { navigate } = useRouter();
  const next = safeNextPath(useSearchParam('next'), PATHS.signIn);
  const ids = { username: 'sign-in-username', password: 'sign-in-password' };
  const { register, handleSubmit, setFocus } = useForm<Values>({
    defaultValues: { username: '', password: '' },
  });
  // The last failure; its words are derived on each render, so they follow a language switch.
  const [lastError, setLastError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submitting = useRef(false);

  // Signed in (now or already): go where the user was heading.
  useEffect(() => {
    if (session.status === 'signed-in') navigate(next, { replace: true });
  }, [session.status, next, navigate]);

  async function onSubmit({ username, password }: Values) {
    if (submitting.current) return;
    submitting.current = true;
    setBusy(true);
    setLastError(null);
    try {
      await signIn(username.trim(), password);
    } catch (error) {
      const found = describeSignIn(t, error);
      setLastError(error);
      const firstField = SIGN_IN_FIELDS.find((f) => found.fields[f]);
      if (firstField) setFocus(firstField);
      else if (error instanceof ApiError && error.code === 'INVALID_CREDENTIALS')
        setFocus('password', { shouldSelect: true });
    } finally {
      submitting.current = false;
      setBusy(false);
    }
  }

  const problems = lastError === null ? NO_PROBLEMS : describeSignIn(t, lastError);
  const labels: Record<SignInField, string> = { username: t.signIn.username, password: t.signIn.password };
  const fieldList = SIGN_IN_FIELDS.filter((f) => problems.fields[f]);
  const hasProblems = problems.general !== null || fieldList.length > 0;
  const notice =
    session.status === 'signed-out' && session.reason === 'expired'
      ? t.signIn.sessionEnded
      : session.status === 'signed-out' && session.reason === 'signed-out'
        ? t.signIn.signedOut
        : null;

  return (
    <Page title={t.signIn.title} heading={t.signIn.heading} intro={t.signIn.intro} className="page-narrow">
      {notice && !hasProblems ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      <div role="alert" className={hasProblems ? 'error-summary' : 'error-summary-empty'}>
        {hasProblems ? (
          <>
            <h2 className="error-summary-title">{t.signIn.errorSummary}</h2>
            <ul className="error-summary-list">
              {problems.general ? <li>{problems.general}</li> : null}
              {fieldList.map((f) => (
                <li key={f}>
                  <a
                    href={`#${ids[f]}`}
                    onClick={(event) => {
                      event.preventDefault();
                      setFocus(f);
                    }}
                  >
                    {labels[f]}: {problems.fields[f]}
                  </a>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
      <form className="form" method="post" noValidate onSubmit={(e) => void handleSubmit(onSubmit)(e)}>
        <div className={problems.fields.username ? 'field field-invalid' : 'field'}>
          <label htmlFor={ids.username}>{t.signIn.username}</label>
          {problems.fields.username ? (
            <p className="field-error" id={`${ids.username}-error`}>
              {problems.fields.username}
            </p>
          ) : null}
          <input
            id={ids.username}
            {...register('username')}
            type="text"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            maxLength={64}
            aria-invalid={problems.fields.username ? true : undefined}
            aria-describedby={problems.fields.username ? `${ids.username}-error` : undefined}
          />
        </div>
        <div className={problems.fields.password ? 'field field-invalid' : 'field'}>
          <label htmlFor={ids.password}>{t.signIn.password}</label>
          {problems.fields.password ? (
            <p className="field-error" id={`${ids.password}-error`}>
              {problems.fields.password}
            </p>
          ) : null}
          <input
            id={ids.password}
            {...register('password')}
            type="password"
            autoComplete="current-password"
            maxLength={256}
            aria-invalid={problems.fields.password ? true : undefined}
            aria-describedby={problems.fields.password ? `${ids.password}-error` : undefined}
          />
        </div>
        <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
          {busy ? t.signIn.submitting : t.signIn.submit}
        </button>
      </form>
    </Page>
  );
}
