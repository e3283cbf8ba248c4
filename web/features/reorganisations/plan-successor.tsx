// The successor of a reorganisation: a ward or commune in force (picked, its People's Committee shown
// as found) or one formed on the effective date with its code, name, type and People's Committee.
import { FieldFrame } from '../../app/field-frame.tsx';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { withData } from '../../app/ui/data-text.tsx';
import { PlacePicker } from '../../app/ui/place-picker.tsx';
import {
  NEW_UNIT_TYPES,
  withFreshName,
  type Committees,
  type NewSuccessor,
  type NewUnitType,
  type PlanForm,
} from './plan-form.ts';
import { CommitteeLine, GroupError, TextField, unitSource, type Errors } from './plan-parts.tsx';
import { fieldId } from './plan-problems.ts';

export function Successor({
  form,
  committees,
  errors,
  startAt,
  parentName,
  onChange,
}: {
  form: PlanForm;
  committees: Committees;
  errors: Errors;
  startAt: readonly string[];
  /** The unit a new successor is formed under, when the ended units say. */
  parentName: string | null;
  onChange: (change: Partial<PlanForm>) => void;
}) {
  const { t } = useI18n();
  const s = t.reorganisations.successor;
  const id = fieldId('successor');
  const fresh = form.fresh;
  const setFresh = (change: Partial<NewSuccessor>) => onChange({ fresh: { ...fresh, ...change } });
  const typeId = fieldId('newType');
  return (
    <fieldset
      className={errors.successor ? 'reorg-group field-invalid' : 'reorg-group'}
      id={id}
      tabIndex={-1}
      aria-describedby={errors.successor ? `${id}-error` : undefined}
    >
      <legend>{s.legend}</legend>
      <GroupError id={id} error={errors.successor} />
      <div className="radio-group reorg-kind">
        {(['existing', 'new'] as const).map((kind) => (
          <div className="field-checkbox" key={kind}>
            <input
              type="radio"
              id={`${id}-${kind}`}
              name={`${id}-kind`}
              checked={form.successorKind === kind}
              onChange={() => onChange({ successorKind: kind })}
            />
            <label htmlFor={`${id}-${kind}`}>{kind === 'existing' ? s.existing : s.fresh}</label>
          </div>
        ))}
      </div>
      {form.successorKind === 'existing' ? (
        <>
          <PlacePicker
            id={fieldId('successorUnit')}
            label={s.unit}
            hint={t.reorganisations.ended.pickerHint}
            source={unitSource}
            what="unit"
            value={form.successorUnit}
            onPick={(unit) => onChange({ successorUnit: unit })}
            startAt={startAt}
            leavesOnly
            error={errors.successorUnit}
            required
          />
          {form.successorUnit ? (
            <CommitteeLine unitCode={form.successorUnit.code} committees={committees} />
          ) : null}
        </>
      ) : (
        <div className="reorg-new-unit">
          <p className="muted">{parentName ? withData(s.under, parentName) : s.underUnknown}</p>
          <div className="field-pair">
            <TextField
              field="newCode"
              label={s.code}
              hint={s.codeHint}
              value={fresh.code}
              errors={errors}
              onChange={(code) => setFresh({ code })}
            />
            <FieldFrame id={typeId} label={s.type} error={errors.newType} star>
              {(aria) => (
                <select
                  id={typeId}
                  value={fresh.type}
                  onChange={(ev) => setFresh({ type: ev.target.value as NewUnitType })}
                  {...aria}
                >
                  {NEW_UNIT_TYPES.map((type) => (
                    <option key={type} value={type}>
                      {t.unitTypes[type] ?? type}
                    </option>
                  ))}
                </select>
              )}
            </FieldFrame>
          </div>
          <TextField
            field="newName"
            label={s.name}
            hint={s.nameHint}
            value={fresh.name}
            errors={errors}
            onChange={(name) => onChange({ fresh: withFreshName(fresh, name) })}
          />
          <div className="field-pair">
            <TextField
              field="committeeCode"
              label={s.committeeCode}
              hint={s.committeeCodeHint}
              value={fresh.committeeCode}
              errors={errors}
              onChange={(committeeCode) => setFresh({ committeeCode })}
            />
            <TextField
              field="committeeName"
              label={s.committeeName}
              hint={s.committeeNameHint}
              value={fresh.committeeName}
              errors={errors}
              onChange={(committeeName) => setFresh({ committeeName })}
            />
          </div>
          <div className="field-checkbox">
            <input
              type="checkbox"
              id={`${id}-desk`}
              checked={fresh.hasDesk}
              onChange={(ev) => setFresh({ hasDesk: ev.target.checked })}
            />
            <label htmlFor={`${id}-desk`}>{s.hasDesk}</label>
          </div>
        </div>
      )}
    </fieldset>
  );
}
