// The application: providers, the route table and the sign-in guard.
import { QueryClientProvider } from '@tanstack/react-query';
import {
  Component,
  lazy,
  Suspense,
  useEffect,
  useState,
  type LazyExoticComponent,
  type ReactNode,
} from 'react';
import { PortalHomePage } from '../features/catalog/portal-home-page.tsx';
import { CitizenSessionProvider } from '../features/citizen/citizen-session.tsx';
import { ProcedurePage } from '../features/catalog/procedure-page.tsx';
import { I18nProvider, useI18n, type Lang } from './i18n/i18n.tsx';
import type { Messages } from './i18n/vi.ts';
import { Layout } from './layout.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { PATHS } from './paths.ts';
import { createQueryClient } from './query.ts';
import { matchPath, RouterProvider, useRouter } from './router.tsx';
import { SessionProvider, useSession } from './session.tsx';

/**
 * A page in its own chunk, fetched the first time it is shown. The citizen portal's landing pages
 * (portal home, procedure) are imported above and load with the app; every other page is lazy, so
 * a citizen's first load carries none of the staff work (docs/web.md, "Code splitting, compression
 * and caching").
 */
function lazyPage<Props extends object, Name extends string>(
  load: () => Promise<{ [K in Name]: (props: Props) => ReactNode }>,
  name: Name,
): LazyExoticComponent<(props: Props) => ReactNode> {
  return lazy(async () => ({ default: (await load())[name] }));
}

// A new page: const XPage = lazyPage(() => import('../features/x/x-page.tsx'), 'XPage');
const HomePage = lazyPage(() => import('./pages/home-page.tsx'), 'HomePage');
const SignInPage = lazyPage(() => import('../features/auth/sign-in-page.tsx'), 'SignInPage');
const UnitTreePage = lazyPage(() => import('../features/org/unit-tree-page.tsx'), 'UnitTreePage');
const CalendarPage = lazyPage(() => import('../features/calendar/calendar-page.tsx'), 'CalendarPage');
const DueTimePage = lazyPage(() => import('../features/calendar/due-time-page.tsx'), 'DueTimePage');
const OfficeHoursPage = lazyPage(
  () => import('../features/calendar/office-hours-page.tsx'),
  'OfficeHoursPage',
);
const DossierPage = lazyPage(() => import('../features/dossiers/dossier-page.tsx'), 'DossierPage');
const IntakePage = lazyPage(() => import('../features/dossiers/intake-page.tsx'), 'IntakePage');
const WorklistPage = lazyPage(() => import('../features/dossiers/worklist-page.tsx'), 'WorklistPage');
const OverviewPage = lazyPage(() => import('../features/reports/overview-page.tsx'), 'OverviewPage');
const AdminPage = lazyPage(() => import('./pages/admin-page.tsx'), 'AdminPage');
const StaffPage = lazyPage(() => import('../features/staff/staff-page.tsx'), 'StaffPage');
const InboundPage = lazyPage(() => import('../features/sync/inbound-page.tsx'), 'InboundPage');
const CatalogAdminPage = lazyPage(
  () => import('../features/catalog-admin/catalog-admin-page.tsx'),
  'CatalogAdminPage',
);
const ProcedureVersionsPage = lazyPage(
  () => import('../features/catalog-admin/procedure-versions-page.tsx'),
  'ProcedureVersionsPage',
);
const WorkflowPage = lazyPage(() => import('../features/catalog-admin/workflow-page.tsx'), 'WorkflowPage');
// The citizen side of the portal (web/features/citizen).
const CitizenSignInPage = lazyPage(
  () => import('../features/citizen/citizen-sign-in-page.tsx'),
  'CitizenSignInPage',
);
const ApplyPage = lazyPage(() => import('../features/citizen/apply-page.tsx'), 'ApplyPage');
const MyDossiersPage = lazyPage(() => import('../features/citizen/my-dossiers-page.tsx'), 'MyDossiersPage');
const MyDossierPage = lazyPage(() => import('../features/citizen/my-dossier-page.tsx'), 'MyDossierPage');
const MyDocumentsPage = lazyPage(
  () => import('../features/citizen/my-documents-page.tsx'),
  'MyDocumentsPage',
);
const LookupPage = lazyPage(() => import('../features/citizen/lookup-page.tsx'), 'LookupPage');
const KioskPage = lazyPage(() => import('../features/citizen/kiosk-page.tsx'), 'KioskPage');

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
  { path: PATHS.reports, signedIn: true, render: () => <OverviewPage /> },
  { path: PATHS.admin, signedIn: true, render: () => <AdminPage /> },
  { path: PATHS.staff, signedIn: true, render: () => <StaffPage /> },
  { path: PATHS.syncInbound, signedIn: true, render: () => <InboundPage /> },
  { path: PATHS.catalogAdmin, signedIn: true, render: () => <CatalogAdminPage /> },
  {
    path: PATHS.procedureAdmin,
    signedIn: true,
    render: (p) => <ProcedureVersionsPage key={p.code} code={p.code ?? ''} />,
  },
  {
    path: PATHS.workflowEditor,
    signedIn: true,
    render: (p) => (
      <WorkflowPage key={`${p.code}-${p.version}`} code={p.code ?? ''} versionText={p.version ?? ''} />
    ),
  },
  { path: PATHS.citizenSignIn, signedIn: false, render: () => <CitizenSignInPage /> },
  { path: PATHS.apply, signedIn: false, render: (p) => <ApplyPage key={p.code} code={p.code ?? ''} /> },
  { path: PATHS.myDossiers, signedIn: false, render: () => <MyDossiersPage /> },
  {
    path: PATHS.myDossier,
    signedIn: false,
    render: (p) => <MyDossierPage key={p.code} code={p.code ?? ''} />,
  },
  { path: PATHS.myDocuments, signedIn: false, render: () => <MyDocumentsPage /> },
  { path: PATHS.lookup, signedIn: false, render: () => <LookupPage code={null} /> },
  {
    path: PATHS.lookupCode,
    signedIn: false,
    render: (p) => <LookupPage key={p.code} code={p.code ?? ''} />,
  },
  { path: PATHS.kiosk, signedIn: false, render: () => <KioskPage /> },
];

/** While the session or a page's code loads; the same line for both, so nothing moves between them. */
function Loading() {
  const { t } = useI18n();
  return (
    <p className="page-loading" role="status">
      {t.loading}
    </p>
  );
}

/**
 * A page that fails: its code could not be fetched (offline, or a new version deployed since this
 * tab opened, whose chunks have other names) or it threw while rendering. Say so and offer a reload
 * rather than leave a blank page.
 */
type Failure = 'fetch' | 'render' | null;
class PageBoundary extends Component<
  { t: Messages; page: string; children: ReactNode },
  { failure: Failure; page: string }
> {
  override state: { failure: Failure; page: string } = { failure: null, page: this.props.page };

  static getDerivedStateFromError(error: unknown): { failure: Failure } {
    // Chromium, Firefox and Safari all name a failed dynamic import a TypeError about a "module".
    const fetchFailed = error instanceof TypeError && /module/i.test(error.message);
    return { failure: fetchFailed ? 'fetch' : 'render' };
  }

  /** Another page: try again (its code may be fine). */
  static getDerivedStateFromProps(props: { page: string }, state: { page: string }) {
    return props.page === state.page ? null : { failure: null, page: props.page };
  }

  override render() {
    const { t, children } = this.props;
    if (this.state.failure === null) return children;
    return (
      <div className="inline-error" role="alert">
        <p>{this.state.failure === 'fetch' ? t.errors.network : t.errors.generic}</p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          {t.errors.retry}
        </button>
      </div>
    );
  }
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
  const { t } = useI18n();
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
  return (
    <Layout>
      <PageBoundary page={location.pathname} t={t}>
        <Suspense fallback={<Loading />}>{content}</Suspense>
      </PageBoundary>
    </Layout>
  );
}

export function App({ lang, messages }: { lang: Lang; messages: Messages }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider initial={lang} messages={messages}>
        <RouterProvider>
          <SessionProvider>
            <CitizenSessionProvider>
              <Routes />
            </CitizenSessionProvider>
          </SessionProvider>
        </RouterProvider>
      </I18nProvider>
    </QueryClientProvider>
  );
}
