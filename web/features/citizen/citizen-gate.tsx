// The citizen pages that need a signed-in citizen: while the session is asked, a loading line; signed
// out, an explanation and the way to sign in with the electronic identity (the browser leaves for the
// identity provider and comes back to this very page); signed in, the page, under a bar naming the
// citizen with "my dossiers", "my documents" and sign out.
import { useState, type ReactNode } from 'react';
import { errorText } from '../../app/errors.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { PATHS } from '../../app/paths.ts';
import { Link, useRouter } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import { citizenSignInUrl, type CitizenView } from './citizen-http.ts';
import { useCitizenSession } from './citizen-session.tsx';

/** The way in: a link (a real navigation, to the server and on to the identity provider). */
export function SignInButton({ next }: { next: string }) {
  const { t } = useI18n();
  return (
    <a className="button button-primary" href={citizenSignInUrl(next)}>
      {t.citizen.signIn.button}
    </a>
  );
}

export function SignInPrompt({ next, reason }: { next: string; reason?: 'signed-out' | 'expired' | null }) {
  const { t } = useI18n();
  const { session: staff } = useSession();
  const c = t.citizen.signIn;
  return (
    <section className="panel citizen-sign-in" aria-labelledby="citizen-sign-in-heading">
      <h2 id="citizen-sign-in-heading" className="panel-heading">
        {c.promptHeading}
      </h2>
      {reason === 'signed-out' ? (
        <p className="notice" role="status">
          {c.signedOut}
        </p>
      ) : reason === 'expired' ? (
        <p className="notice notice-warning" role="alert">
          {c.expired}
        </p>
      ) : null}
      <p>{c.prompt}</p>
      {staff.status === 'signed-in' ? (
        <p className="note-warning">{c.staffSignedIn}</p>
      ) : (
        <p>
          <SignInButton next={next} />
        </p>
      )}
      <p className="hint">{c.privacy}</p>
    </section>
  );
}

function CitizenBar({ citizen }: { citizen: CitizenView }) {
  const { t } = useI18n();
  const { signOut } = useCitizenSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const c = t.citizen.bar;
  return (
    <div className="citizen-bar">
      <p className="citizen-bar-who">
        <span className="visually-hidden">{c.signedInAs} </span>
        <span className="citizen-bar-name">{citizen.fullName}</span>{' '}
        <span className="muted code">{citizen.idNumberMasked}</span>
      </p>
      <div className="citizen-bar-actions">
        <Link to={PATHS.myDossiers}>{t.citizen.myDossiers.nav}</Link>
        <Link to={PATHS.myDocuments}>{t.citizen.myDocuments.nav}</Link>
        <button
          type="button"
          className="button button-small"
          aria-disabled={busy || undefined}
          onClick={() => {
            if (busy) return;
            setBusy(true);
            setError(null);
            signOut()
              .catch((e: unknown) => setError(e))
              .finally(() => setBusy(false));
          }}
        >
          {busy ? t.user.signingOut : t.user.signOut}
        </button>
      </div>
      {error ? (
        <p className="field-error" role="alert">
          {errorText(t, error)}
        </p>
      ) : null}
    </div>
  );
}

/** Renders `children(citizen)` once a citizen is signed in; else the sign-in prompt. */
export function CitizenGate({ children }: { children: (citizen: CitizenView) => ReactNode }) {
  const { t } = useI18n();
  const { session, load } = useCitizenSession();
  const { location } = useRouter();
  if (session.status === 'unknown' || session.status === 'loading') {
    return (
      <p className="page-loading" role="status">
        {t.loading}
      </p>
    );
  }
  if (session.status === 'error') {
    return (
      <div className="inline-error" role="alert">
        <p>{errorText(t, session.error)}</p>
        <button type="button" className="button" onClick={load}>
          {t.errors.retry}
        </button>
      </div>
    );
  }
  if (session.status === 'signed-out') {
    return (
      <SignInPrompt
        next={location.pathname + location.search}
        reason={session.reason === 'initial' ? null : session.reason}
      />
    );
  }
  return (
    <>
      <CitizenBar citizen={session.citizen} />
      {children(session.citizen)}
    </>
  );
}
