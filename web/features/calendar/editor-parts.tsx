// What the two row editors (a calendar year, an agency's office hours) share: the field beside its
// server message, the stale-or-problems alert above the form, and focus moved to a field by id
// after a row is added or removed.
import { useCallback, useEffect, useRef, useState, type ReactNode, type Ref } from 'react';
import { FieldFrame, type FieldAria } from '../../app/field-frame.tsx';
import type { EditorFailure } from './editor-failure.ts';
import { ErrorSummary, type Problem } from './error-summary.tsx';

/**
 * Ask for a field to be focused (by id) once it is on screen: a row just added shows up in a later
 * render (the form's watched values), so the request waits until its element exists.
 */
export function useFocusTarget(): (id: string | null) => void {
  const target = useRef<string | null>(null);
  const [, rerender] = useState(0);
  useEffect(() => {
    if (target.current === null) return;
    const element = document.getElementById(target.current);
    if (!element) return;
    element.focus();
    target.current = null;
  });
  return useCallback((id: string | null) => {
    target.current = id;
    rerender((n) => n + 1);
  }, []);
}

/**
 * An editor's refusals: someone saved first (stale), or problems above the form (those of a field
 * go to the form, through `setField`). The editor's heading takes the focus when it opens, the
 * summary's after a refusal.
 */
export function useEditorTrouble() {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const summaryHeading = useRef<HTMLHeadingElement>(null);
  const [general, setGeneral] = useState<string[]>([]);
  const [stale, setStale] = useState(false);
  useEffect(() => headingRef.current?.focus(), []);
  const reset = useCallback(() => {
    setGeneral([]);
    setStale(false);
  }, []);
  const show = useCallback((failure: EditorFailure, setField: (name: string, message: string) => void) => {
    if (failure.kind === 'stale') return setStale(true);
    for (const [name, message] of Object.entries(failure.fields)) setField(name, message);
    setGeneral(failure.general);
    window.setTimeout(() => summaryHeading.current?.focus(), 0);
  }, []);
  return { headingRef, summaryHeading, general, stale, reset, show };
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
  trouble,
  texts: [staleText, reloadText, title],
  onReload,
  problems,
}: {
  trouble: { stale: boolean; summaryHeading: Ref<HTMLHeadingElement> };
  /** Stale, reload, the summary's title. */
  texts: readonly [string, string, string];
  onReload: () => void;
  problems: Problem[];
}) {
  if (!trouble.stale)
    return <ErrorSummary title={title} problems={problems} headingRef={trouble.summaryHeading} />;
  return (
    <div className="inline-error" role="alert">
      <p>{staleText}</p>
      <button type="button" className="button" onClick={onReload}>
        {reloadText}
      </button>
    </div>
  );
}
