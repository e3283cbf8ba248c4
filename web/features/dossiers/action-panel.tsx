// What the staff's and the citizen's dossier pages share around the actions on a dossier: which
// action's form is open, the notice after one (done, or stale: someone acted first) that takes the
// focus, the row of action buttons the focus returns to on cancel, and the failed read with a retry.
import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { errorText } from '../../app/errors.ts';
import { ApiError } from '../../app/http.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';

export type Notice = { kind: 'done'; text: string } | { kind: 'stale' } | null;

export function useActionPanel<K extends string>(reload: () => void) {
  const [open, setOpen] = useState<K | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const buttonsRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  return {
    open,
    notice,
    noticeRef,
    buttonsRef,
    toggle: (kind: K) => {
      setNotice(null);
      setOpen(kind === open ? null : kind);
    },
    /** An action's form's outcomes: done (with the notice's text), stale, or cancelled. */
    onDone: (text: string) => {
      setOpen(null);
      setNotice({ kind: 'done', text });
      reload();
    },
    onStale: () => {
      setOpen(null);
      setNotice({ kind: 'stale' });
      reload();
    },
    onCancel: () => {
      setOpen(null);
      window.setTimeout(() => buttonsRef.current?.querySelector('button')?.focus(), 0);
    },
  };
}

/** The notice after an action, else what the page shows in its place (`otherwise`). */
export function ActionNotice({
  notice,
  noticeRef,
  staleText,
  otherwise,
}: {
  notice: Notice;
  noticeRef: RefObject<HTMLDivElement | null>;
  staleText: string;
  otherwise: ReactNode;
}) {
  if (notice?.kind === 'stale')
    return (
      <div className="notice notice-warning" role="alert" tabIndex={-1} ref={noticeRef}>
        {staleText}
      </div>
    );
  if (notice?.kind === 'done')
    return (
      <div className="notice notice-success" role="status" tabIndex={-1} ref={noticeRef}>
        {notice.text}
      </div>
    );
  return otherwise;
}

/** The actions one may take now, each a button opening its form (pressed while open). */
export function ActionButtons<K extends string>({
  actions,
  open,
  onToggle,
  buttonsRef,
  controls,
}: {
  actions: readonly { kind: K; label: string }[];
  open: K | null;
  onToggle: (kind: K) => void;
  buttonsRef: RefObject<HTMLDivElement | null>;
  /** The id of the open form's heading, for aria-controls. */
  controls?: (kind: K) => string;
}) {
  return (
    <div className="action-buttons" ref={buttonsRef}>
      {actions.map(({ kind, label }) => (
        <button
          key={kind}
          type="button"
          className={kind === open ? 'button button-primary' : 'button'}
          aria-expanded={kind === open}
          aria-controls={kind === open && controls ? controls(kind) : undefined}
          onClick={() => onToggle(kind)}
        >
          {label}
        </button>
      ))}
    </div>
  );
}

/** A read that failed: not found in the page's words, else the error's text; and a retry. */
export function ReadFailed({
  error,
  notFound,
  onRetry,
}: {
  error: Error;
  notFound: string;
  onRetry: () => void;
}) {
  const { t } = useI18n();
  return (
    <div className="inline-error" role="alert">
      <p>{error instanceof ApiError && error.status === 404 ? notFound : errorText(t, error)}</p>
      <button type="button" className="button" onClick={onRetry}>
        {t.errors.retry}
      </button>
    </div>
  );
}
