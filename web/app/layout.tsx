// The frame of every page: skip link, header (product name, language, signed-in user, sign out),
// main navigation (the staff pages when signed in; portal, calendar and sign-in when not), the page,
// and a footer.
import { useState, type ReactNode } from 'react';
import type { UserView } from '../../common/contracts/auth.ts';
import { errorText } from './errors.ts';
import { isLang, useI18n } from './i18n/i18n.tsx';
import { Link, useRouter } from './router.tsx';
import { useSession } from './session.tsx';
import { useProvince } from './deployment.ts';
import { calendarPath, officeHoursPath, PATHS } from './paths.ts';
import { currentYear } from '../features/calendar/vn-time.ts';
import { OVERVIEW_ROLES } from '../../common/reports/overview.ts';

function LanguageSwitch() {
  const { t, setLang } = useI18n();
  const next = t.language.switchLang;
  return (
    <button
      type="button"
      className="button button-header"
      lang={next}
      title={t.language.switchHint}
      onClick={() => {
        if (isLang(next)) setLang(next);
      }}
    >
      {t.language.switchLabel}
    </button>
  );
}

function UserBox({ user }: { user: UserView }) {
  const { t } = useI18n();
  const { signOut } = useSession();
  const { navigate } = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const first = user.roles[0];
  const others = user.roles.length - 1;

  const onSignOut = async () => {
    setBusy(true);
    setError(null);
    try {
      await signOut();
      navigate(PATHS.signIn);
    } catch (err) {
      setError(errorText(t, err));
      setBusy(false);
    }
  };

  return (
    <div className="user-box">
      <p className="user-identity">
        <span className="visually-hidden">{t.user.label}: </span>
        <span className="user-name" lang="vi">
          {user.fullName}
        </span>
        {first ? (
          <span className="user-role">
            {t.roles[first.role]}
            <span className="user-agency">
              {' · '}
              <span lang="vi">{first.agencyName}</span>
            </span>
            {others > 0 ? <span> ({t.user.moreRoles(others)})</span> : null}
          </span>
        ) : null}
        <span className="user-links">
          <Link to={PATHS.changePassword} className="user-link">
            {t.user.changePassword}
          </Link>
          <Link to={PATHS.worklistMail} className="user-link">
            {t.user.worklistMail}
          </Link>
        </span>
      </p>
      <button type="button" className="button button-header" onClick={() => void onSignOut()} disabled={busy}>
        {busy ? t.user.signingOut : t.user.signOut}
      </button>
      {error ? (
        <p className="header-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const { session } = useSession();
  const province = useProvince();
  const user = session.status === 'signed-in' ? session.user : null;

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t.skipToContent}
      </a>
      <header className="app-header">
        <div className="header-top">
          <div className="container header-bar">
            {/* Signed out, the product's name leads to the public portal rather than to staff sign-in. */}
            <Link to={user || session.status === 'loading' ? PATHS.home : PATHS.portal} className="brand">
              {/* The province's emblem when it supplied one (PROVINCE_EMBLEM), else the product's mark. */}
              {province?.emblemUrl ? (
                <img className="brand-emblem" src={province.emblemUrl} alt="" width={40} height={40} />
              ) : (
                <svg className="brand-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
                  <rect width="32" height="32" rx="6" fill="#ffffff" fillOpacity="0.14" />
                  <path
                    d="M16 5l3.1 6.6 7.2.8-5.4 4.9 1.5 7.1L16 20.8l-6.4 3.6 1.5-7.1-5.4-4.9 7.2-.8z"
                    fill="#ffcd1f"
                  />
                </svg>
              )}
              <span className="brand-text">
                {/* Its line is there before the deployment is read, so the header does not grow then. */}
                {province === undefined || province?.name ? (
                  <span className="brand-province" lang="vi">
                    {province?.name ?? ''}
                  </span>
                ) : null}
                <span className="brand-name">{t.appName}</span>
              </span>
            </Link>
            <div className="header-tools">
              <LanguageSwitch />
              {user ? <UserBox user={user} /> : null}
            </div>
          </div>
        </div>
        {/* Always present (empty while the session loads) so that the page below never moves. */}
        <nav className="app-nav" aria-label={t.nav.label}>
          <ul className="container nav-list">
            {/* After a password reset only the change-password page is open: no navigation until then. */}
            {user?.mustChangePassword ? null : user ? (
              <>
                <li>
                  <Link to={PATHS.home}>{t.nav.home}</Link>
                </li>
                <li>
                  <Link to={PATHS.dossiers}>{t.nav.dossiers}</Link>
                </li>
                <li>
                  <Link to={PATHS.intake}>{t.nav.intake}</Link>
                </li>
                <li>
                  <Link to={PATHS.feedbackRegister}>{t.nav.feedback}</Link>
                </li>
                {user.roles.some((r) => r.role === 'desk-officer') ? (
                  <li>
                    <Link to={PATHS.trackingBook}>{t.dossiers.trackingBook.menu}</Link>
                  </li>
                ) : null}
                {user.roles.some((r) => OVERVIEW_ROLES.includes(r.role)) ? (
                  <>
                    <li>
                      <Link to={PATHS.reports}>{t.reports.nav}</Link>
                    </li>
                    <li>
                      <Link to={PATHS.reportIi06a}>{t.ii06a.nav}</Link>
                    </li>
                  </>
                ) : null}
                <li>
                  <Link to={PATHS.units}>{t.nav.units}</Link>
                </li>
                <li>
                  <Link to={calendarPath(currentYear())}>{t.nav.calendar}</Link>
                </li>
                <li>
                  <Link to={PATHS.dueTime}>{t.nav.dueTime}</Link>
                </li>
                {/* One line of navigation has no room for both: administrators find office hours under "Quản trị". */}
                {user.roles.some((r) => r.role === 'unit-admin' || r.role === 'province-admin') ? (
                  <li>
                    <Link to={PATHS.admin}>{t.adminHub.nav}</Link>
                  </li>
                ) : user.roles[0] ? (
                  <li>
                    <Link to={officeHoursPath(user.roles[0].agencyCode)}>{t.nav.officeHours}</Link>
                  </li>
                ) : null}
                <li>
                  <Link to={PATHS.portal}>{t.nav.portal}</Link>
                </li>
              </>
            ) : session.status === 'signed-out' ? (
              <>
                <li>
                  <Link to={PATHS.portal}>{t.nav.portal}</Link>
                </li>
                <li>
                  <Link to={PATHS.feedbackPublished}>{t.nav.feedback}</Link>
                </li>
                <li>
                  <Link to={calendarPath(currentYear())}>{t.nav.calendar}</Link>
                </li>
                <li>
                  <Link to={PATHS.verify}>{t.verify.nav}</Link>
                </li>
                <li>
                  <Link to={PATHS.signIn}>{t.nav.signIn}</Link>
                </li>
              </>
            ) : null}
          </ul>
        </nav>
      </header>
      <main className="app-main" id="main" tabIndex={-1}>
        <div className="container">{children}</div>
      </main>
      <footer className="app-footer">
        <div className="container">
          <p>{t.footer}</p>
          <p>
            <Link to={PATHS.verify}>{t.verify.nav}</Link>
          </p>
        </div>
      </footer>
    </div>
  );
}
