// The application: providers, the route table and the sign-in guard.
import { QueryClientProvider } from '@tanstack/react-query';
import { Component, Suspense, useEffect, useState, type ReactNode } from 'react';
import { PortalHomePage } from '../features/catalog/portal-home-page.tsx';
import { CitizenSessionProvider } from '../features/citizen/citizen-session.tsx';
import { ProcedurePage } from '../features/catalog/procedure-page.tsx';
import { I18nProvider, useI18n, type Lang } from './i18n/i18n.tsx';
import type { Messages } from './i18n/vi.ts';
import { Layout } from './layout.tsx';
import { lazyPage } from './lazy-page.ts';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { PATHS } from './paths.ts';
import { createQueryClient } from './query.ts';
import { RouterProvider, useRouter } from './router.tsx';
import { defineRoute, type Route, type RouteParams } from './routes.ts';
import { SessionProvider, useSession } from './session.tsx';

// A new page: const XPage = lazyPage(() => import('../features/x/x-page.tsx'), 'XPage');
const HomePage = lazyPage(() => import('./pages/home-page.tsx'), 'HomePage');
const SignInPage = lazyPage(() => import('../features/auth/sign-in-page.tsx'), 'SignInPage');
const ChangePasswordPage = lazyPage(
  () => import('../features/auth/change-password-page.tsx'),
  'ChangePasswordPage',
);
const WorklistMailPage = lazyPage(
  () => import('../features/notifications/worklist-mail-page.tsx'),
  'WorklistMailPage',
);
const UnitTreePage = lazyPage(() => import('../features/org/unit-tree-page.tsx'), 'UnitTreePage');
const CalendarPage = lazyPage(() => import('../features/calendar/calendar-page.tsx'), 'CalendarPage');
const DueTimePage = lazyPage(() => import('../features/calendar/due-time-page.tsx'), 'DueTimePage');
const OfficeHoursPage = lazyPage(
  () => import('../features/calendar/office-hours-page.tsx'),
  'OfficeHoursPage',
);
const DossierPage = lazyPage(() => import('../features/dossiers/dossier-page.tsx'), 'DossierPage');
const IntakePage = lazyPage(() => import('../features/dossiers/intake-page.tsx'), 'IntakePage');
const TrackingBookPage = lazyPage(
  () => import('../features/dossiers/tracking-book-page.tsx'),
  'TrackingBookPage',
);
const WorklistPage = lazyPage(() => import('../features/dossiers/worklist-page.tsx'), 'WorklistPage');
const OverviewPage = lazyPage(() => import('../features/reports/overview-page.tsx'), 'OverviewPage');
const Ii06aPage = lazyPage(() => import('../features/reports/ii06a-page.tsx'), 'Ii06aPage');
const Ii06aDrillPage = lazyPage(() => import('../features/reports/ii06a-drill-page.tsx'), 'Ii06aDrillPage');
const AdoptionPage = lazyPage(() => import('../features/reports/adoption-page.tsx'), 'AdoptionPage');
const KpisPage = lazyPage(() => import('../features/reports/kpis-page.tsx'), 'KpisPage');
const Index766Page = lazyPage(() => import('../features/reports/index-766-page.tsx'), 'Index766Page');
const DrillPage = lazyPage(() => import('../features/reports/drill-page.tsx'), 'DrillPage');
const PublicDashboardPage = lazyPage(
  () => import('../features/citizen/public-dashboard-page.tsx'),
  'PublicDashboardPage',
);
const AdminPage = lazyPage(() => import('./pages/admin-page.tsx'), 'AdminPage');
const StaffPage = lazyPage(() => import('../features/staff/staff-page.tsx'), 'StaffPage');
const InboundPage = lazyPage(() => import('../features/sync/inbound-page.tsx'), 'InboundPage');
const SyncStatusPage = lazyPage(() => import('../features/sync/sync-status-page.tsx'), 'SyncStatusPage');
const NotificationAdminPage = lazyPage(
  () => import('../features/notifications/notification-admin-page.tsx'),
  'NotificationAdminPage',
);
const ReorganisationsPage = lazyPage(
  () => import('../features/reorganisations/reorganisations-page.tsx'),
  'ReorganisationsPage',
);
const AgencyRegistryPage = lazyPage(
  () => import('../features/org-admin/agency-registry-page.tsx'),
  'AgencyRegistryPage',
);
const ImportsPage = lazyPage(() => import('../features/imports/imports-page.tsx'), 'ImportsPage');
const CatalogAdminPage = lazyPage(
  () => import('../features/catalog-admin/catalog-admin-page.tsx'),
  'CatalogAdminPage',
);
const ProcedureVersionsPage = lazyPage(
  () => import('../features/catalog-admin/procedure-versions-page.tsx'),
  'ProcedureVersionsPage',
);
const DraftEditorPage = lazyPage(
  () => import('../features/catalog-admin/draft-editor-page.tsx'),
  'DraftEditorPage',
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
// Phản ánh, kiến nghị (#18, web/features/feedback): the portal's three pages in one chunk, the staff's in another.
const feedbackPortal = () => import('../features/feedback/feedback-portal-pages.ts');
const feedbackStaff = () => import('../features/feedback/feedback-staff-pages.ts');
const FeedbackSendPage = lazyPage<object, 'FeedbackSendPage'>(feedbackPortal, 'FeedbackSendPage');
const FeedbackLookupPage = lazyPage<{ code: string | null }, 'FeedbackLookupPage'>(
  feedbackPortal,
  'FeedbackLookupPage',
);
const FeedbackPublishedPage = lazyPage<object, 'FeedbackPublishedPage'>(
  feedbackPortal,
  'FeedbackPublishedPage',
);
const FeedbackRegisterPage = lazyPage<object, 'FeedbackRegisterPage'>(feedbackStaff, 'FeedbackRegisterPage');
const FeedbackRecordPage = lazyPage<object, 'FeedbackRecordPage'>(feedbackStaff, 'FeedbackRecordPage');
const FeedbackSettingsPage = lazyPage<object, 'FeedbackSettingsPage'>(feedbackStaff, 'FeedbackSettingsPage');
const FeedbackItemPage = lazyPage<{ code: string }, 'FeedbackItemPage'>(feedbackStaff, 'FeedbackItemPage');
const FeedbackReportPage = lazyPage<object, 'FeedbackReportPage'>(feedbackStaff, 'FeedbackReportPage');
const VerifyPage = lazyPage(() => import('../features/signing/verify-page.tsx'), 'VerifyPage');

type AppRoute = Route<ReactNode> & { signedIn: boolean };

/** A page at `path`; `render` receives the pattern's parameters, typed (`p.code` on '/ho-so/:code'). */
function page<const P extends string>(
  path: P,
  signedIn: boolean,
  render: (params: RouteParams<P>) => ReactNode,
): AppRoute {
  return { ...defineRoute(path, render), signedIn };
}

const ROUTES: readonly AppRoute[] = [
  page(PATHS.home, true, () => <HomePage />),
  page(PATHS.signIn, false, () => <SignInPage />),
  page(PATHS.changePassword, true, () => <ChangePasswordPage />),
  page(PATHS.worklistMail, true, () => <WorklistMailPage />),
  page(PATHS.units, true, () => <UnitTreePage />),
  page(PATHS.portal, false, () => <PortalHomePage />),
  page(PATHS.procedure, false, (p) => <ProcedurePage key={p.code} code={p.code} />),
  page(PATHS.calendarCurrent, false, () => <CalendarPage yearText={null} />),
  page(PATHS.calendar, false, (p) => <CalendarPage key={p.year} yearText={p.year} />),
  page(PATHS.dueTime, false, () => <DueTimePage />),
  page(PATHS.officeHours, true, (p) => <OfficeHoursPage key={p.agencyCode} agencyCode={p.agencyCode} />),
  page(PATHS.dossiers, true, () => <WorklistPage />),
  page(PATHS.intake, true, () => <IntakePage />),
  page(PATHS.trackingBook, true, () => <TrackingBookPage />),
  page(PATHS.dossier, true, (p) => <DossierPage key={p.code} code={p.code} />),
  page(PATHS.reports, true, () => <OverviewPage />),
  page(PATHS.reportIi06a, true, () => <Ii06aPage />),
  page(PATHS.reportIi06aDossiers, true, () => <Ii06aDrillPage />),
  page(PATHS.adoption, true, () => <AdoptionPage />),
  page(PATHS.reportKpis, true, () => <KpisPage />),
  page(PATHS.report766, true, () => <Index766Page />),
  page(PATHS.reportDrill, true, () => <DrillPage />),
  page(PATHS.admin, true, () => <AdminPage />),
  page(PATHS.staff, true, () => <StaffPage />),
  page(PATHS.syncInbound, true, () => <InboundPage />),
  page(PATHS.syncStatus, true, () => <SyncStatusPage />),
  page(PATHS.notificationAdmin, true, () => <NotificationAdminPage />),
  page(PATHS.reorganisations, true, () => <ReorganisationsPage />),
  page(PATHS.agencyRegistry, true, () => <AgencyRegistryPage />),
  page(PATHS.dossierImports, true, () => <ImportsPage />),
  page(PATHS.catalogAdmin, true, () => <CatalogAdminPage />),
  page(PATHS.procedureAdmin, true, (p) => <ProcedureVersionsPage key={p.code} code={p.code} />),
  page(PATHS.draftEditor, true, (p) => (
    <DraftEditorPage key={`${p.code}-${p.version}`} code={p.code} versionText={p.version} />
  )),
  page(PATHS.workflowEditor, true, (p) => (
    <WorkflowPage key={`${p.code}-${p.version}`} code={p.code} versionText={p.version} />
  )),
  page(PATHS.citizenSignIn, false, () => <CitizenSignInPage />),
  page(PATHS.apply, false, (p) => <ApplyPage key={p.code} code={p.code} />),
  page(PATHS.myDossiers, false, () => <MyDossiersPage />),
  page(PATHS.myDossier, false, (p) => <MyDossierPage key={p.code} code={p.code} />),
  page(PATHS.myDocuments, false, () => <MyDocumentsPage />),
  page(PATHS.lookup, false, () => <LookupPage code={null} />),
  page(PATHS.lookupCode, false, (p) => <LookupPage key={p.code} code={p.code} />),
  page(PATHS.kiosk, false, () => <KioskPage />),
  page(PATHS.verify, false, () => <VerifyPage />),
  page(PATHS.publicDashboard, false, () => <PublicDashboardPage />),
  page(PATHS.feedbackSend, false, () => <FeedbackSendPage />),
  page(PATHS.feedbackPublished, false, () => <FeedbackPublishedPage />),
  page(PATHS.feedbackLookup, false, () => <FeedbackLookupPage code={null} />),
  page(PATHS.feedbackLookupCode, false, (p) => <FeedbackLookupPage key={p.code} code={p.code} />),
  page(PATHS.feedbackRegister, true, () => <FeedbackRegisterPage />),
  page(PATHS.feedbackRecord, true, () => <FeedbackRecordPage />),
  page(PATHS.feedbackSettings, true, () => <FeedbackSettingsPage />),
  page(PATHS.feedbackItem, true, (p) => <FeedbackItemPage key={p.code} code={p.code} />),
  page(PATHS.reportFeedback, true, () => <FeedbackReportPage />),
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

/**
 * Pages for staff only: until the session is known, wait; when signed out, go to sign-in and come
 * back. After an administrator reset the password, every page but the change-password page sends
 * there first (the server refuses the rest until then, #14).
 */
function RequireSignIn({ children }: { children: ReactNode }) {
  const { session } = useSession();
  const { location, navigate } = useRouter();
  const signedOut = session.status === 'signed-out';
  const mustChange =
    session.status === 'signed-in' &&
    session.user.mustChangePassword &&
    location.pathname !== PATHS.changePassword;

  useEffect(() => {
    if (!signedOut && !mustChange) return;
    const here = location.pathname + location.search;
    const next = here === PATHS.home ? '' : `?next=${encodeURIComponent(here)}`;
    navigate(`${signedOut ? PATHS.signIn : PATHS.changePassword}${next}`, { replace: true });
  }, [signedOut, mustChange, location, navigate]);

  if (session.status !== 'signed-in' || mustChange) return <Loading />;
  return children;
}

function Routes() {
  const { t } = useI18n();
  const { location } = useRouter();
  const { session } = useSession();
  let content: ReactNode = session.status === 'loading' ? <Loading /> : <NotFoundPage />;
  for (const route of ROUTES) {
    const show = route.match(location.pathname);
    if (!show) continue;
    content = route.signedIn ? <RequireSignIn>{show()}</RequireSignIn> : show();
    break;
  }
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
