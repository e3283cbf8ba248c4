import { useI18n } from '../i18n/i18n.tsx';
import { Page } from '../page.tsx';
import { PATHS } from '../paths.ts';
import { Link } from '../router.tsx';
import { useSession } from '../session.tsx';
import { withData } from '../ui/data-text.tsx';

export function HomePage() {
  const { t } = useI18n();
  const { session } = useSession();
  if (session.status !== 'signed-in') return null;
  const { user } = session;

  return (
    <Page title={t.home.title} heading={withData(t.home.greeting, user.fullName)}>
      {user.roles.length === 0 ? (
        <p>{t.home.noRoles}</p>
      ) : (
        <section className="panel" aria-labelledby="home-roles">
          <h2 id="home-roles" className="panel-heading">
            {t.home.rolesIntro}
          </h2>
          <ul className="role-list">
            {user.roles.map((r) => (
              <li key={`${r.role}@${r.agencyCode}`}>
                <span className="role-name">{t.roles[r.role]}</span>{' '}
                <span className="muted">{t.home.roleAt}</span>{' '}
                <span className="role-agency" lang="vi">
                  {r.agencyName}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="home-tasks">
        <h2 id="home-tasks" className="section-heading">
          {t.home.tasksHeading}
        </h2>
        <ul className="card-list">
          <li className="card">
            <Link to={PATHS.units} className="card-link">
              {t.home.unitsLink}
            </Link>
            <p className="card-hint">{t.home.unitsLinkHint}</p>
          </li>
          {/* Auditors have no "Quản trị" in the navigation: the portal's dossiers are linked here. */}
          {user.roles.some((r) => r.role === 'auditor') ? (
            <li className="card">
              <Link to={PATHS.syncInbound} className="card-link">
                {t.adminHub.inbound}
              </Link>
              <p className="card-hint">{t.adminHub.inboundHint}</p>
            </li>
          ) : null}
        </ul>
      </section>
    </Page>
  );
}
