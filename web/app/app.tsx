// The application: providers, the route table and the sign-in guard.
import { useEffect, type ReactNode } from 'react';
import { SignInPage } from '../features/auth/sign-in-page.tsx';
import { UnitTreePage } from '../features/org/unit-tree-page.tsx';
import { CalendarPage } from '../features/calendar/calendar-page.tsx';
import { DueTimePage } from '../features/calendar/due-time-page.tsx';
import { OfficeHoursPage } from '../features/calendar/office-hours-page.tsx';
import { PortalHomePage } from '../features/catalog/portal-home-page.tsx';
import { ProcedurePage } from '../features/catalog/procedure-page.tsx';
import { DossierPage } from '../features/dossiers/dossier-page.tsx';
import { IntakePage } from '../features/dossiers/intake-page.tsx';
import { WorklistPage } from '../features/dossiers/worklist-page.tsx';
import { I18nProvider, useI18n, type Lang } from './i18n/i18n.tsx';
import { Layout } from './layout.tsx';
import { HomePage } from './pages/home-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { PATHS } from './paths.ts';
import { matchPath, RouterProvider, useRouter } from './router.tsx';
import { SessionProvider, useSession } from './session.tsx';

type Route = { path: string; signedIn: boolean; render: (params: Record<string, string>) => ReactNode };

const ROUTES: readonly Route[] = [
  { path: PATHS.home, signedIn: true, render: () => <HomePage /> },
  { path: PATHS.signIn, signedIn: false, render: () => <SignInPage /> },
  { path: PATHS.units, signedIn: true, render: () => <UnitTreePage /> },
  { path: PATHS.portal, signedIn: false, render: () => <PortalHomePage /> },
  {
    path: PATHS.procedure,
    signedIn: false,
    render: (p) => <ProcedurePage key={p.code} code={p.code ?? ''} />,
  },
  { path: PATHS.calendarCurrent, signedIn: false, render: () => <CalendarPage yearText={null} /> },
  {
    path: PATHS.calendar,
    signedIn: false,
    render: (p) => <CalendarPage key={p.year} yearText={p.year ?? ''} />,
  },
  { path: PATHS.dueTime, signedIn: false, render: () => <DueTimePage /> },
  {
    path: PATHS.officeHours,
    signedIn: true,
    render: (p) => <OfficeHoursPage key={p.agencyCode} agencyCode={p.agencyCode ?? ''} />,
  },
  { path: PATHS.dossiers, signedIn: true, render: () => <WorklistPage /> },
  { path: PATHS.intake, signedIn: true, render: () => <IntakePage /> },
  {
    path: PATHS.dossier,
    signedIn: true,
    render: (p) => <DossierPage key={p.code} code={p.code ?? ''} />,
  },
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
  let route: Route | undefined;
  let params: Record<string, string> = {};
  for (const r of ROUTES) {
    const found = matchPath(r.path, location.pathname);
    if (found) {
      route = r;
      params = found;
      break;
    }
  }
  let content: ReactNode;
  if (!route) content = session.status === 'loading' ? <Loading /> : <NotFoundPage />;
  else if (route.signedIn) content = <RequireSignIn>{route.render(params)}</RequireSignIn>;
  else content = route.render(params);
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
