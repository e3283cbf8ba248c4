// The wards and communes a reorganisation ends: each picked in the place picker (unit mode, communes
// only), its People's Committee shown as found; rows added and removed with the focus kept.
import { useI18n } from '../../app/i18n/i18n.tsx';
import { PlacePicker } from '../../app/ui/place-picker.tsx';
import { newRowId, type Committees, type EndedRow, type PlanForm } from './plan-form.ts';
import { CommitteeLine, GroupError, unitSource, useFocusAfter, type Errors } from './plan-parts.tsx';
import { fieldId } from './plan-problems.ts';

export function EndedUnits({
  form,
  committees,
  errors,
  startAt,
  onChange,
}: {
  form: PlanForm;
  committees: Committees;
  errors: Errors;
  startAt: readonly string[];
  onChange: (ended: EndedRow[]) => void;
}) {
  const e = useI18n().t.reorganisations.ended;
  const focus = useFocusAfter();
  const id = fieldId('ended');
  const rows = form.ended;
  const remove = (rowId: string) => {
    const index = rows.findIndex((r) => r.id === rowId);
    const rest = rows.filter((r) => r.id !== rowId);
    onChange(rest);
    const next = rest[index] ?? rest[index - 1];
    focus(next && rest.length > 1 ? `${id}-${next.id}-remove` : `${id}-add`);
  };
  return (
    <fieldset
      className={errors.ended ? 'reorg-group field-invalid' : 'reorg-group'}
      id={id}
      tabIndex={-1}
      aria-describedby={[errors.ended ? `${id}-error` : '', `${id}-hint`].filter(Boolean).join(' ')}
    >
      <legend>{e.legend}</legend>
      <p className="hint" id={`${id}-hint`}>
        {e.hint}
      </p>
      <GroupError id={id} error={errors.ended} />
      <ol className="editor-rows">
        {rows.map((row, i) => (
          <li key={row.id} className="editor-row reorg-row">
            <PlacePicker
              id={fieldId(`ended:${row.id}`)}
              label={e.row(i + 1)}
              hint={e.pickerHint}
              source={unitSource}
              what="unit"
              value={row.unit}
              onPick={(unit) => onChange(rows.map((r) => (r.id === row.id ? { ...r, unit } : r)))}
              startAt={startAt}
              leavesOnly
              error={errors[`ended:${row.id}`]}
              required
            />
            {row.unit ? <CommitteeLine unitCode={row.unit.code} committees={committees} /> : null}
            {rows.length > 1 ? (
              <div className="editor-row-actions">
                <button
                  type="button"
                  id={`${id}-${row.id}-remove`}
                  className="button button-small"
                  onClick={() => remove(row.id)}
                >
                  {e.remove}
                  <span className="visually-hidden"> {e.row(i + 1)}</span>
                </button>
              </div>
            ) : null}
          </li>
        ))}
      </ol>
      <button
        type="button"
        id={`${id}-add`}
        className="button button-small"
        onClick={() => {
          const row = { id: newRowId(), unit: null };
          onChange([...rows, row]);
          focus(fieldId(`ended:${row.id}`));
        }}
      >
        {e.add}
      </button>
    </fieldset>
  );
}
