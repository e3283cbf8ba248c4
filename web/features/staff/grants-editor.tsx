// The roles of one staff member, one row per grant (a role held at an agency): role select, agency
// combobox, remove. Grants the user may not administer (outside their reach, or province-admin for a
// unit administrator) are shown as text and sent back unchanged. Errors come keyed by row id and
// field (`grantErrorKey`), so a message stays on its row while rows are added or removed.
import { useEffect, useState } from 'react';
import { ROLES, type Role } from '../../../common/auth/roles.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { PlacePicker, useOwnUnits } from '../../app/ui/place-picker.tsx';
import { staffPlaces } from '../org/org-api.ts';
import { grantErrorKey, grantFieldId, newGrantRow, type GrantErrors, type GrantRow } from './grants-rows.ts';

const agencySource = staffPlaces('agency');

export function GrantsEditor({
  idPrefix,
  legend,
  rows,
  onChange,
  errors,
  generalError,
}: {
  idPrefix: string;
  legend: string;
  rows: GrantRow[];
  onChange: (rows: GrantRow[]) => void;
  errors: GrantErrors;
  generalError?: string | undefined;
}) {
  const { t } = useI18n();
  const g = t.staff.grants;
  const startAt = useOwnUnits();
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  const addId = `${idPrefix}-add`;
  const generalId = `${idPrefix}-general`;

  useEffect(() => {
    if (focusTarget === null) return;
    document.getElementById(focusTarget)?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  const update = (id: string, change: Partial<GrantRow>) =>
    onChange(rows.map((r) => (r.id === id ? { ...r, ...change } : r)));
  const add = () => {
    const row = newGrantRow();
    onChange([...rows, row]);
    setFocusTarget(grantFieldId(idPrefix, row.id, 'role'));
  };
  const remove = (id: string) => {
    const index = rows.findIndex((r) => r.id === id);
    const rest = rows.filter((r) => r.id !== id);
    onChange(rest);
    const next = rest.slice(index).find((r) => !r.locked) ?? rest.slice(0, index).findLast((r) => !r.locked);
    setFocusTarget(next ? `${idPrefix}-${next.id}-remove` : addId);
  };

  return (
    <fieldset
      className={generalError ? 'grants-editor field-invalid' : 'grants-editor'}
      id={generalId}
      tabIndex={-1}
      aria-describedby={generalError ? `${generalId}-error` : undefined}
    >
      <legend>{legend}</legend>
      {generalError ? (
        <p className="field-error" id={`${generalId}-error`}>
          {generalError}
        </p>
      ) : null}
      {rows.length === 0 ? <p className="muted">{g.none}</p> : null}
      <ol className="editor-rows">
        {rows.map((row, i) => {
          const roleId = grantFieldId(idPrefix, row.id, 'role');
          const agencyId = grantFieldId(idPrefix, row.id, 'agency');
          const roleError = errors[grantErrorKey(row.id, 'role')];
          const agencyError = errors[grantErrorKey(row.id, 'agency')];
          if (row.locked) {
            return (
              <li key={row.id} className="grant-locked">
                <span>
                  {row.role ? t.roles[row.role] : ''} · <span lang="vi">{row.agency?.name}</span>{' '}
                  <span className="code muted">{row.agency?.code}</span>
                </span>{' '}
                <span className="tag">{g.locked}</span>
                {agencyError ? (
                  <p className="field-error" id={agencyId}>
                    {agencyError}
                  </p>
                ) : null}
              </li>
            );
          }
          return (
            <li key={row.id}>
              <fieldset className="editor-row editor-row-grant">
                <legend>{g.rowLegend(i + 1)}</legend>
                <div className={roleError ? 'field field-invalid' : 'field'}>
                  <label htmlFor={roleId}>
                    {g.role}
                    <span className="required-mark" aria-hidden="true">
                      {' '}
                      *
                    </span>
                  </label>
                  {roleError ? (
                    <p className="field-error" id={`${roleId}-error`}>
                      {roleError}
                    </p>
                  ) : null}
                  <select
                    id={roleId}
                    value={row.role}
                    required
                    aria-invalid={roleError ? true : undefined}
                    aria-describedby={roleError ? `${roleId}-error` : undefined}
                    onChange={(e) => update(row.id, { role: e.target.value as Role | '' })}
                  >
                    <option value="">{g.chooseRoleOption}</option>
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {t.roles[r]}
                      </option>
                    ))}
                  </select>
                </div>
                <PlacePicker
                  id={agencyId}
                  label={g.agency}
                  source={agencySource}
                  what="agency"
                  value={row.agency ? { ...row.agency, trail: row.agency.trail ?? [] } : null}
                  onPick={(agency) => update(row.id, { agency })}
                  startAt={startAt}
                  error={agencyError}
                  required
                />
                <div className="editor-row-actions">
                  <button
                    type="button"
                    id={`${idPrefix}-${row.id}-remove`}
                    className="button button-small"
                    onClick={() => remove(row.id)}
                  >
                    {g.remove}
                    <span className="visually-hidden"> {g.rowLegend(i + 1)}</span>
                  </button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button type="button" id={addId} className="button button-small" onClick={add}>
        {g.add}
      </button>
    </fieldset>
  );
}
