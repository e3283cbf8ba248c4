// The catalogue editor's fields: each is named by its content path (its id from it, draft-editor-state
// fieldId) and shows the live problem at that path beside it, an error as an error, a warning as a
// hint worth completing. The problems and whether the version can be edited come from the page.
import { createContext, useContext, type ReactNode } from 'react';
import { detailText } from '../../app/errors.ts';
import { FieldFrame } from '../../app/field-frame.tsx';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { fieldId, indexProblems, numberFrom, numberText, type ProblemIndex } from './draft-editor-state.ts';

export type DraftEditing = { problems: ProblemIndex; readOnly: boolean };
export const DraftEditingContext = createContext<DraftEditing>({
  problems: indexProblems([]),
  readOnly: true,
});
export const useDraftEditing = (): DraftEditing => useContext(DraftEditingContext);

/** The words shown beside the field at `path`, if a problem is there, and whether it is an error. */
export function useProblem(path: string): { text: string; error: boolean } | undefined {
  const { t } = useI18n();
  const problem = useDraftEditing().problems.at(path);
  if (!problem) return undefined;
  const text = detailText(t, problem);
  return problem.severity === 'warning'
    ? { text: t.catalogAdmin.draft.warning(text), error: false }
    : { text, error: true };
}

/** An error goes in the field's error (the control is invalid); a warning joins its hint. */
function useFrame(
  path: string,
  hint: string | undefined,
): { error: string | undefined; hint: string | undefined } {
  const problem = useProblem(path);
  if (!problem) return { error: undefined, hint };
  if (problem.error) return { error: problem.text, hint };
  return { error: undefined, hint: hint ? `${hint} ${problem.text}` : problem.text };
}

type Base = { path: string; label: string; hint?: string | undefined; className?: string };

export function TextField({
  path,
  label,
  hint,
  className,
  value,
  onChange,
}: Base & {
  value: string;
  onChange: (value: string) => void;
}) {
  const { readOnly } = useDraftEditing();
  const id = fieldId(path);
  return (
    <FieldFrame id={id} label={label} {...useFrame(path, hint)} className={className}>
      {(aria) => (
        <input
          id={id}
          type="text"
          value={value}
          readOnly={readOnly}
          onChange={(e) => onChange(e.target.value)}
          {...aria}
        />
      )}
    </FieldFrame>
  );
}

export function NumberField({
  path,
  label,
  hint,
  className,
  value,
  onChange,
}: Base & {
  value: number | null;
  onChange: (value: number | null) => void;
}) {
  const { readOnly } = useDraftEditing();
  const id = fieldId(path);
  return (
    <FieldFrame id={id} label={label} {...useFrame(path, hint)} className={className ?? 'field field-narrow'}>
      {(aria) => (
        <input
          id={id}
          type="text"
          inputMode="decimal"
          value={numberText(value)}
          readOnly={readOnly}
          onChange={(e) => onChange(numberFrom(e.target.value))}
          {...aria}
        />
      )}
    </FieldFrame>
  );
}

export function SelectField<V extends string>({
  path,
  label,
  hint,
  className,
  value,
  options,
  onChange,
}: Base & {
  value: V | '';
  /** `lang: 'vi'` marks an option whose label is the catalogue's own words (a form's title). */
  options: readonly { value: V | ''; label: string; lang?: 'vi' }[];
  onChange: (value: V | '') => void;
}) {
  const { readOnly } = useDraftEditing();
  const id = fieldId(path);
  return (
    <FieldFrame id={id} label={label} {...useFrame(path, hint)} className={className}>
      {(aria) => (
        <select
          id={id}
          value={value}
          disabled={readOnly}
          onChange={(e) => onChange(e.target.value as V | '')}
          {...aria}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value} lang={o.lang}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

export function CheckField({
  id,
  label,
  checked,
  onChange,
}: {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const { readOnly } = useDraftEditing();
  return (
    <div className="field field-checkbox">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={readOnly}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

/** A section of the editor (its id for the summary's links); a list's section shows the problem about the list itself. */
export function DraftSection({
  section,
  heading,
  list = false,
  children,
}: {
  section: string;
  heading: string;
  list?: boolean;
  children: ReactNode;
}) {
  const problem = useProblem(list ? section : '');
  return (
    <section
      className="draft-section"
      id={`ed-sec-${section}`}
      aria-labelledby={`ed-sec-${section}-h`}
      tabIndex={-1}
    >
      <h2 id={`ed-sec-${section}-h`}>{heading}</h2>
      {problem ? (
        <p className={problem.error ? 'field-error' : 'hint draft-warning'}>{problem.text}</p>
      ) : null}
      {children}
    </section>
  );
}

/** The button that removes one row, named with the row's legend for a screen reader. */
export function RemoveButton({ label, what, onClick }: { label: string; what: string; onClick: () => void }) {
  const { readOnly } = useDraftEditing();
  if (readOnly) return null;
  return (
    <button type="button" className="button button-small" onClick={onClick}>
      {label}
      <span className="visually-hidden"> – {what}</span>
    </button>
  );
}

export function AddButton({ label, onClick }: { label: string; onClick: () => void }) {
  const { readOnly } = useDraftEditing();
  if (readOnly) return null;
  return (
    <p>
      <button type="button" className="button button-small" onClick={onClick}>
        {label}
      </button>
    </p>
  );
}

/**
 * A row's legend: its label in the interface's language, then the catalogue's own (Vietnamese) name
 * of the row, marked as Vietnamese data.
 */
export function DataLegend({ label, name }: { label: string; name: string }) {
  const text = name.trim();
  return (
    <legend>
      {label}
      {text ? (
        <>
          : <span lang="vi">{text}</span>
        </>
      ) : null}
    </legend>
  );
}
