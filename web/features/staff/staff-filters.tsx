// The staff search: words (name or username, without diacritics), role and status.
import { ROLES, type Role } from '../../../common/auth/roles.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import type { StaffFilters, StaffStatus } from './staff-query.ts';

export function StaffFiltersForm({
  filters,
  onChange,
}: {
  filters: StaffFilters;
  onChange: (change: Partial<StaffFilters>) => void;
}) {
  const { t } = useI18n();
  const s = t.staff;
  return (
    <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
      <div className="field">
        <label htmlFor="staff-q">{s.searchLabel}</label>
        <p className="hint" id="staff-q-hint">
          {s.searchHint}
        </p>
        <input
          id="staff-q"
          type="search"
          value={filters.q}
          aria-describedby="staff-q-hint"
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => onChange({ q: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor="staff-role">{s.roleFilter}</label>
        <select
          id="staff-role"
          value={filters.role}
          onChange={(e) => onChange({ role: e.target.value as Role | '' })}
        >
          <option value="">{s.anyRole}</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t.roles[r]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="staff-status">{s.statusFilter}</label>
        <select
          id="staff-status"
          value={filters.status}
          onChange={(e) => onChange({ status: e.target.value as StaffStatus })}
        >
          <option value="all">{s.anyStatus}</option>
          <option value="active">{s.active}</option>
          <option value="inactive">{s.inactive}</option>
        </select>
      </div>
    </form>
  );
}
