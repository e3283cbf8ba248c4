// What the two row editors (a calendar year, an agency's office hours) share: the field beside its
// server message, the stale-or-problems alert above the form, and focus moved to a field by id
// after a row is added or removed.
import { useEffect, useState, type ReactNode, type Ref } from 'react';
import { FieldFrame, type FieldAria } from '../../app/field-frame.tsx';
import { ErrorSummary, type Problem } from './error-summary.tsx';

/** Ask for a field to be focused (by id) once the rows it belongs to are on screen. */
export function useFocusTarget(): (id: string | null) => void {
  const [target, setTarget] = useState<string | null>(null);
  useEffect(() => {
    if (target === null) return;
    document.getElementById(target)?.focus();
    setTarget(null);
  }, [target]);
  return setTarget;
}

export type FieldProps = FieldAria & { id: string };

/** A labelled field of a row, its error (if any) between the label and the control. */
export function RowField({
  id,
  label,
  error,
  className,
  children,
}: {
  id: string;
  label: string;
  error: string | undefined;
  className?: string;
  children: (props: FieldProps) => ReactNode;
}) {
  return (
    <FieldFrame id={id} label={label} error={error} className={className}>
      {(aria) => children({ id, ...aria })}
    </FieldFrame>
  );
}

/** Above an editor: "someone saved first" with a reload button, or the list of problems. */
export function EditorAlert({
  stale,
  staleText,
  reloadText,
  onReload,
  title,
  problems,
  headingRef,
}: {
  stale: boolean;
  staleText: string;
  reloadText: string;
  onReload: () => void;
  title: string;
  problems: Problem[];
  headingRef: Ref<HTMLHeadingElement>;
}) {
  if (!stale) return <ErrorSummary title={title} problems={problems} headingRef={headingRef} />;
  return (
    <div className="inline-error" role="alert">
      <p>{staleText}</p>
      <button type="button" className="button" onClick={onReload}>
        {reloadText}
      </button>
    </div>
  );
}
