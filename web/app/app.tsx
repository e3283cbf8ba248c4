// The application: providers, the route table and the sign-in guard.
import { useEffect, type ReactNode } from 'react';
import { SignInPage } from '../features/auth/sign-in-page.tsx';
import { UnitTreePage } from '../features/org/unit-tree-page.tsx';
import { I18nProvider, useI18n, type Lang } from './i18n/i18n.tsx';
import { Layout } from './layout.tsx';
import { HomePage } from './pages/home-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { PATHS } from './paths.ts';
import { RouterProvider, useRouter } from './router.tsx';
import { SessionProvider, useSession } from './session.tsx';

type Route = { path: string; signedIn: boolean; render: () => ReactNode };

const ROUTES: readonly Route[] = [
  { path: PATHS.home, signedIn: true, render: () => <HomePage /> },
  { path: PATHS.signIn, signedIn: false, render: () => <SignInPage /> },
  { path: PATHS.units, signedIn: true, render: () => <UnitTreePage /> },
];

function Loading() {
  const { t } = useI18n();
  return (
    <p className="page-loading" role="status">
      {t.loading}
    </p>
  );
}

/** Pages for staff only: until the session is known, wait; when signed out, go to sign-in and come back. */
function RequireSignIn({ children }: { children: ReactNode }) {
  const { session } = useSession();
  const { location, navigate } = useRouter();
  const signedOut = session.status === 'signed-out';

  useEffect(() => {
    if (!signedOut) return;
    const here = location.pathname + location.search;
    const next = here === PATHS.home ? '' : `?next=${encodeURIComponent(here)}`;
    navigate(`${PATHS.signIn}${next}`, { replace: true });
  }, [signedOut, location, navigate]);

  if (session.status !== 'signed-in') return <Loading />;
  return children;
}

function Routes() {
  const { location } = useRouter();
  const { session } = useSession();
  const route = ROUTES.find((r) => r.path === location.pathname);
  let content: ReactNode;
  if (!route) content = session.status === 'loading' ? <Loading /> : <NotFoundPage />;
  else if (route.signedIn) content = <RequireSignIn>{route.render()}</RequireSignIn>;
  else content = route.render();
  return <Layout>{content}</Layout>;
}

export function App({ lang }: { lang: Lang }) {
  return (
    <I18nProvider initial={lang}>
      <RouterProvider>
        <SessionProvider>
          <Routes />
        </SessionProvider>
      </RouterProvider>
    </I18nProvider>
  );
}
