// The staff list: name, username, grants, status, and what the user may do with each account
// (change grants, lock or unlock), or "read only".
import type { Messages } from '../../app/i18n/vi.ts';
import type { StaffView } from './staff-api.ts';

export function StaffTable({
  t,
  items,
  onEdit,
  onToggle,
  onReset,
  busy,
}: {
  t: Messages;
  items: StaffView[];
  onEdit: (user: StaffView) => void;
  onToggle: (user: StaffView) => void;
  /** Resetting the password (#14): offered where the account is the administrator's to lock. */
  onReset: (user: StaffView) => void;
  busy: string | null;
}) {
  const c = t.staff.columns;
  return (
    <table className="table staff-table">
      <caption className="visually-hidden">{t.staff.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{c.name}</th>
          <th scope="col">{c.username}</th>
          <th scope="col">{c.grants}</th>
          <th scope="col">{c.status}</th>
          <th scope="col">{c.actions}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((u) => (
          <tr key={u.id}>
            <th scope="row" data-label={c.name} lang="vi">
              {u.fullName}
            </th>
            <td data-label={c.username}>
              <span className="code">{u.username}</span>
            </td>
            <td data-label={c.grants}>
              <ul className="plain-list">
                {u.grants.map((g) => (
                  <li key={`${g.role}@${g.agencyCode}`}>
                    {t.roles[g.role]} · <span lang="vi">{g.agencyName}</span>
                  </li>
                ))}
              </ul>
            </td>
            <td data-label={c.status}>
              <span className={u.active ? 'tag tag-active' : 'tag tag-inactive'}>
                {u.active ? t.staff.active : t.staff.inactive}
              </span>
            </td>
            <td data-label={c.actions}>
              {u.grants.some((g) => g.editable) || u.manageable ? (
                <div className="row-actions">
                  {u.grants.some((g) => g.editable) ? (
                    <button type="button" className="button button-small" onClick={() => onEdit(u)}>
                      {t.staff.editGrants}
                      <span className="visually-hidden" lang="vi">
                        {' '}
                        – {u.fullName}
                      </span>
                    </button>
                  ) : null}
                  {u.manageable ? (
                    <button
                      type="button"
                      className="button button-small"
                      aria-disabled={busy === u.username || undefined}
                      onClick={() => onToggle(u)}
                    >
                      {u.active ? t.staff.deactivate : t.staff.activate}
                      <span className="visually-hidden" lang="vi">
                        {' '}
                        – {u.fullName}
                      </span>
                    </button>
                  ) : null}
                  {u.manageable ? (
                    <button type="button" className="button button-small" onClick={() => onReset(u)}>
                      {t.staff.resetPassword}
                      <span className="visually-hidden" lang="vi">
                        {' '}
                        – {u.fullName}
                      </span>
                    </button>
                  ) : null}
                </div>
              ) : (
                <span className="muted">{t.staff.readOnly}</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
