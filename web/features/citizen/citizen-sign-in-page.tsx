// /cong-dich-vu-cong/dang-nhap: the citizen's sign-in page. The server sends the browser here when a
// sign-in at the identity provider failed, or could not start because the provider is unreachable
// (`?loi=<error code>`, e.g. SERVICE_UNAVAILABLE): the page says why in plain words and offers to try
// again (and, while the provider is down, the lookup by code, which needs no sign-in). Opened
// directly (`?next=<path>`), it is simply the way to sign in.
import { useI18n } from '../../app/i18n/i18n.tsx';
import { Page } from '../../app/page.tsx';
import { PATHS } from '../../app/paths.ts';
import { Link, safeNextPath, useSearchParam } from '../../app/router.tsx';
import { SignInPrompt } from './citizen-gate.tsx';
import { useCitizenSession } from './citizen-session.tsx';
import './citizen.css';

export function CitizenSignInPage() {
  const { t } = useI18n();
  const c = t.citizen.signIn;
  const code = useSearchParam('loi');
  const asked = useSearchParam('next');
  const next = asked ? safeNextPath(asked, PATHS.citizenSignIn) : PATHS.myDossiers;
  const { session } = useCitizenSession();
  const failure = code === null ? null : (c.failures[code] ?? c.failureOther);

  return (
    <Page title={c.title} heading={failure ? c.failedHeading : c.heading} className="citizen-page">
      {failure ? (
        <div className="inline-error" role="alert">
          <p>{failure}</p>
          {code === 'SERVICE_UNAVAILABLE' ? (
            <p>
              {c.unavailableMeanwhile} <Link to={PATHS.lookup}>{t.citizen.portalLinks.lookup}</Link>
            </p>
          ) : (
            <p>{c.tryAgain}</p>
          )}
        </div>
      ) : null}
      {session.status === 'signed-in' ? (
        <section className="panel" aria-labelledby="citizen-signed-in-heading">
          <h2 id="citizen-signed-in-heading" className="panel-heading">
            {c.already(session.citizen.fullName)}
          </h2>
          <p>
            <Link to={next === '/' ? PATHS.myDossiers : next} className="button button-primary">
              {c.continue}
            </Link>
          </p>
        </section>
      ) : session.status === 'signed-out' || session.status === 'error' ? (
        <SignInPrompt next={next === '/' ? PATHS.myDossiers : next} />
      ) : (
        <p className="page-loading" role="status">
          {t.loading}
        </p>
      )}
      <p>
        <Link to={PATHS.portal}>{c.back}</Link>
      </p>
    </Page>
  );
}
