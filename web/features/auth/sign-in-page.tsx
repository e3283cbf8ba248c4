// Staff sign-in. The server validates (one schema at the edge); its field errors are shown beside
// the field they name and listed in an alert summary above the form.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { detailField, detailText, errorText } from '../../app/errors.ts';
import { ApiError } from '../../app/http.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { Page } from '../../app/page.tsx';
import { PATHS } from '../../app/paths.ts';
import { safeNextPath, useRouter, useSearchParam } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';

const FIELDS = ['username', 'password'] as const;
type Field = (typeof FIELDS)[number];

type Problems = { general: string | null; fields: Partial<Record<Field, string>> };
const NO_PROBLEMS: Problems = { general: null, fields: {} };

function isField(name: string): name is Field {
  return (FIELDS as readonly string[]).includes(name);
}

export function SignInPage() {
  const { t } = useI18n();
  const { session, signIn } = useSession();
  const { navigate } = useRouter();
  const next = safeNextPath(useSearchParam('next'), PATHS.signIn);
  const ids = { username: 'sign-in-username', password: 'sign-in-password' };
  const refs = { username: useRef<HTMLInputElement>(null), password: useRef<HTMLInputElement>(null) };
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  // The last failure; its words are derived on each render, so they follow a language switch.
  const [lastError, setLastError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submitting = useRef(false);

  // Signed in (now or already): go where the user was heading.
  useEffect(() => {
    if (session.status === 'signed-in') navigate(next, { replace: true });
  }, [session.status, next, navigate]);

  function describe(error: unknown): Problems {
    if (error instanceof ApiError && error.status === 429) {
      const seconds = error.retryAfterSeconds;
      return {
        general:
          seconds === null ? errorText(t, error) : t.signIn.lockout(Math.max(1, Math.ceil(seconds / 60))),
        fields: {},
      };
    }
    if (error instanceof ApiError && error.details.length > 0) {
      const fields: Problems['fields'] = {};
      const other: string[] = [];
      for (const d of error.details) {
        const field = detailField(d);
        if (isField(field)) fields[field] ??= detailText(t, d);
        else other.push(detailText(t, d));
      }
      return { general: other.length > 0 ? other.join(' ') : null, fields };
    }
    return { general: errorText(t, error), fields: {} };
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting.current) return;
    submitting.current = true;
    setBusy(true);
    setLastError(null);
    try {
      await signIn(username.trim(), password);
    } catch (error) {
      const found = describe(error);
      setLastError(error);
      const firstField = FIELDS.find((f) => found.fields[f]);
      if (firstField) refs[firstField].current?.focus();
      else if (error instanceof ApiError && error.code === 'INVALID_CREDENTIALS') {
        refs.password.current?.focus();
        refs.password.current?.select();
      }
    } finally {
      submitting.current = false;
      setBusy(false);
    }
  }

  const problems = lastError === null ? NO_PROBLEMS : describe(lastError);
  const labels: Record<Field, string> = { username: t.signIn.username, password: t.signIn.password };
  const fieldList = FIELDS.filter((f) => problems.fields[f]);
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
                      refs[f].current?.focus();
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
      <form className="form" method="post" noValidate onSubmit={(e) => void onSubmit(e)}>
        <div className={problems.fields.username ? 'field field-invalid' : 'field'}>
          <label htmlFor={ids.username}>{t.signIn.username}</label>
          {problems.fields.username ? (
            <p className="field-error" id={`${ids.username}-error`}>
              {problems.fields.username}
            </p>
          ) : null}
          <input
            ref={refs.username}
            id={ids.username}
            name="username"
            type="text"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            maxLength={64}
            value={username}
            onChange={(e) => setUsername(e.target.value)}
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
            ref={refs.password}
            id={ids.password}
            name="password"
            type="password"
            autoComplete="current-password"
            maxLength={256}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
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
