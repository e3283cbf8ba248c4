// The staff search: words (name or username, without diacritics), role, status, and an agency (with
// the agencies below it, #14).
import { ROLES } from '../../../common/auth/roles.ts';
import { SelectFilter } from '../../app/field-frame.tsx';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { PlacePicker, useOwnUnits } from '../../app/ui/place-picker.tsx';
import { staffPlaces } from '../org/org-api.ts';
import type { StaffFilters } from './staff-query.ts';

const agencySource = staffPlaces('agency');

export function StaffFiltersForm({
  filters,
  onChange,
}: {
  filters: StaffFilters;
  onChange: (change: Partial<StaffFilters>) => void;
}) {
  const { t } = useI18n();
  const startAt = useOwnUnits();
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
      <div className="staff-agency-filter">
        {/* A new key when cleared: the picker starts again from an empty box. */}
        <PlacePicker
          key={filters.agency?.code ?? 'any'}
          id="staff-agency"
          label={s.agencyFilter}
          hint={s.agencyFilterHint}
          source={agencySource}
          what="agency"
          value={filters.agency ? { ...filters.agency, trail: filters.agency.trail ?? [] } : null}
          onPick={(agency) => onChange({ agency })}
          startAt={startAt}
        />
        {filters.agency ? (
          <button type="button" className="button button-small" onClick={() => onChange({ agency: null })}>
            {s.anyAgency}
          </button>
        ) : null}
        <div className="field field-checkbox">
          <input
            id="staff-below"
            type="checkbox"
            checked={filters.below}
            onChange={(e) => onChange({ below: e.target.checked })}
          />
          <label htmlFor="staff-below">{s.belowFilter}</label>
        </div>
      </div>
    </form>
  );
}
