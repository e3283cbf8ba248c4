// Pieces of the reorganisation form: focus after a change, a group's own problem, the People's
// Committee found for a picked unit, a text field of the new successor, and the unit picker's source.
import { useEffect, useState } from 'react';
import { FieldFrame } from '../../app/field-frame.tsx';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { staffPlaces } from '../org/org-api.ts';
import type { Committees, FieldKey } from './plan-form.ts';
import { fieldId } from './plan-problems.ts';

export const unitSource = staffPlaces('unit');
export type Errors = Partial<Record<FieldKey, string>>;

/** Focus moved to an element that a change is about to render (an added row, the next remove button). */
export function useFocusAfter(): (id: string) => void {
  const [target, setTarget] = useState<string | null>(null);
  useEffect(() => {
    if (target === null) return;
    document.getElementById(target)?.focus();
    setTarget(null);
  }, [target]);
  return setTarget;
}

/** A group's own problem (the list as a whole), read with its legend. */
export function GroupError({ id, error }: { id: string; error: string | undefined }) {
  return error ? (
    <p className="field-error" id={`${id}-error`}>
      {error}
    </p>
  ) : null;
}

export function CommitteeLine({ unitCode, committees }: { unitCode: string; committees: Committees }) {
  const e = useI18n().t.reorganisations.ended;
  const found = committees[unitCode];
  return (
    <p className="reorg-committee" aria-live="polite">
      {found === undefined ? (
        <span className="muted">{e.lookingUp}</span>
      ) : found === null ? (
        <span className="muted">{e.noCommittee}</span>
      ) : (
        <>
          {e.committee} <span lang="vi">{found.name}</span> <span className="code">({found.code})</span>
        </>
      )}
    </p>
  );
}

export function TextField({
  field,
  label,
  hint,
  value,
  errors,
  onChange,
}: {
  field: FieldKey;
  label: string;
  hint?: string;
  value: string;
  errors: Errors;
  onChange: (value: string) => void;
}) {
  const id = fieldId(field);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={errors[field]} star>
      {(aria) => (
        <input
          id={id}
          type="text"
          required
          autoComplete="off"
          spellCheck={false}
          value={value}
          onChange={(ev) => onChange(ev.target.value)}
          {...aria}
        />
      )}
    </FieldFrame>
  );
}
