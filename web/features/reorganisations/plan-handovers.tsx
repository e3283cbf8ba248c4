// The hand-overs of a reorganisation plan: one row per agency that closes, with the agency that takes
// over its work. The rows follow from the ended units (each one's People's Committee to the
// successor's); either agency of a row may be changed in the place picker, a row removed, another added.
import { useI18n } from '../../app/i18n/i18n.tsx';
import { PlacePicker } from '../../app/ui/place-picker.tsx';
import { staffPlaces } from '../org/org-api.ts';
import type { Agency, FieldKey, HandoverRow } from './plan-form.ts';
import { fieldId } from './plan-problems.ts';
import { GroupError, useFocusAfter } from './plan-parts.tsx';

const agencySource = staffPlaces('agency');

const picked = (agency: Agency | null) => (agency ? { ...agency, trail: agency.trail ?? [] } : null);

export function Handovers({
  rows,
  errors,
  startAt,
  onEdit,
  onRemove,
  onAdd,
}: {
  rows: readonly HandoverRow[];
  errors: Partial<Record<FieldKey, string>>;
  startAt: readonly string[];
  onEdit: (key: string, side: 'from' | 'to', agency: Agency) => void;
  onRemove: (key: string) => void;
  /** Adds a row and gives its key. */
  onAdd: () => string;
}) {
  const h = useI18n().t.reorganisations.handovers;
  const focus = useFocusAfter();
  const id = fieldId('handovers');
  const remove = (key: string) => {
    const index = rows.findIndex((r) => r.key === key);
    const rest = rows.filter((r) => r.key !== key);
    onRemove(key);
    const next = rest[index] ?? rest[index - 1];
    focus(next ? `${id}-${next.key}-remove` : `${id}-add`);
  };
  return (
    <fieldset
      className={errors.handovers ? 'reorg-group field-invalid' : 'reorg-group'}
      id={id}
      tabIndex={-1}
      aria-describedby={[errors.handovers ? `${id}-error` : '', `${id}-hint`].filter(Boolean).join(' ')}
    >
      <legend>{h.legend}</legend>
      <p className="hint" id={`${id}-hint`}>
        {h.hint}
      </p>
      <GroupError id={id} error={errors.handovers} />
      {rows.length === 0 ? <p className="muted">{h.none}</p> : null}
      <ol className="editor-rows">
        {rows.map((row, i) => (
          <li key={row.key}>
            <fieldset className="editor-row reorg-handover">
              <legend>{h.row(i + 1)}</legend>
              {(['from', 'to'] as const).map((side) => {
                const key: FieldKey = `handover:${row.key}:${side}`;
                return (
                  <PlacePicker
                    key={side}
                    id={fieldId(key)}
                    label={side === 'from' ? h.from : h.to}
                    hint={h.pickerHint}
                    source={agencySource}
                    what="agency"
                    value={picked(row[side])}
                    onPick={(agency) => onEdit(row.key, side, agency)}
                    startAt={startAt}
                    error={errors[key]}
                    required
                  />
                );
              })}
              <div className="editor-row-actions">
                <button
                  type="button"
                  id={`${id}-${row.key}-remove`}
                  className="button button-small"
                  onClick={() => remove(row.key)}
                >
                  {h.remove}
                  <span className="visually-hidden"> {h.row(i + 1)}</span>
                </button>
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      <button
        type="button"
        id={`${id}-add`}
        className="button button-small"
        onClick={() => focus(fieldId(`handover:${onAdd()}:from`))}
      >
        {h.add}
      </button>
    </fieldset>
  );
}
