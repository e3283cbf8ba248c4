// The staff search: words (name or username, without diacritics), role and status.
import { ROLES } from '../../../common/auth/roles.ts';
import { SelectFilter } from '../../app/field-frame.tsx';
import { useI18n } from '../../app/i18n/i18n.tsx';
import type { StaffFilters } from './staff-query.ts';

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
      <SelectFilter
        id="staff-role"
        label={s.roleFilter}
        value={filters.role}
        options={[{ value: '', label: s.anyRole }, ...ROLES.map((r) => ({ value: r, label: t.roles[r] }))]}
        onChange={(role) => onChange({ role })}
      />
      <SelectFilter
        id="staff-status"
        label={s.statusFilter}
        value={filters.status}
        options={[
          { value: 'all', label: s.anyStatus },
          { value: 'active', label: s.active },
          { value: 'inactive', label: s.inactive },
        ]}
        onChange={(status) => onChange({ status })}
      />
    </form>
  );
}
