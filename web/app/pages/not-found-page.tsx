import { useI18n } from '../i18n/i18n.tsx';
import { Page } from '../page.tsx';
import { PATHS } from '../paths.ts';
import { Link } from '../router.tsx';
import { useSession } from '../session.tsx';

export function NotFoundPage() {
  const { t } = useI18n();
  const { session } = useSession();
  const signedIn = session.status === 'signed-in';
  return (
    <Page title={t.notFound.title} heading={t.notFound.heading} className="page-narrow">
      <p className="error-code" aria-hidden="true">
        404
      </p>
      <p>{t.notFound.body}</p>
      <p>
        {signedIn ? (
          <Link to={PATHS.home}>{t.notFound.home}</Link>
        ) : (
          <Link to={PATHS.signIn}>{t.notFound.signIn}</Link>
        )}
      </p>
    </Page>
  );
}
