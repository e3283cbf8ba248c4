// /quan-tri: where an administrator's work starts. The main navigation has room for one entry more
// on a 72 rem line (a second line would move the page when the signed-in navigation appears), so
// unit and province administrators get "Quản trị" there, in place of "Giờ làm việc", and the
// administration pages are listed here (auditors, who have no "Quản trị", reach the national-portal
// page from the home page).
import { useI18n } from '../i18n/i18n.tsx';
import { Page } from '../page.tsx';
import { calendarPath, officeHoursPath, PATHS } from '../paths.ts';
import { Link } from '../router.tsx';
import { useSession } from '../session.tsx';
import { currentYear } from '../../features/calendar/vn-time.ts';

export const ADMIN_ROLES = ['unit-admin', 'province-admin'] as const;
/** Who reads the sync with the national portal (as GET /sync/status): province administrators, auditors. */
const SYNC_VIEWERS = ['province-admin', 'auditor'];

export function AdminPage() {
  const { t } = useI18n();
  const a = t.adminHub;
  const { session } = useSession();
  if (session.status !== 'signed-in') return null;
  const { user } = session;
  const own = user.roles.find((r) => (ADMIN_ROLES as readonly string[]).includes(r.role)) ?? user.roles[0];
  const links = [
    { to: PATHS.staff, label: a.staff, hint: a.staffHint },
    { to: PATHS.catalogAdmin, label: a.catalog, hint: a.catalogHint },
    ...(own ? [{ to: officeHoursPath(own.agencyCode), label: a.officeHours, hint: a.officeHoursHint }] : []),
    { to: calendarPath(currentYear()), label: a.calendar, hint: a.calendarHint },
    { to: PATHS.units, label: a.units, hint: a.unitsHint },
    { to: PATHS.reorganisations, label: a.reorganisations, hint: a.reorganisationsHint },
    { to: PATHS.agencyRegistry, label: a.agencies, hint: a.agenciesHint },
    { to: PATHS.dossierImports, label: t.imports.title, hint: a.importsHint },
    { to: PATHS.adoption, label: t.adoption.nav, hint: t.adoption.linkHint },
    ...(user.roles.some((r) => SYNC_VIEWERS.includes(r.role))
      ? [
          { to: PATHS.syncStatus, label: a.syncStatus, hint: a.syncStatusHint },
          { to: PATHS.syncInbound, label: a.inbound, hint: a.inboundHint },
        ]
      : []),
    ...(user.roles.some((r) => r.role === 'province-admin')
      ? [
          {
            to: PATHS.notificationAdmin,
            label: t.notifications.admin.link,
            hint: t.notifications.admin.linkHint,
          },
        ]
      : []),
  ];
  return (
    <Page title={a.title} heading={a.title} intro={a.intro}>
      <ul className="card-list">
        {links.map((l) => (
          <li className="card" key={l.to}>
            <Link to={l.to} className="card-link">
              {l.label}
            </Link>
            <p className="card-hint">{l.hint}</p>
          </li>
        ))}
      </ul>
    </Page>
  );
}
