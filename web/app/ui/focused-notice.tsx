// The outcome of an act on a page (a record sent again, a dossier taken again): announced — a status, or
// an alert when something went wrong — and focused when it appears, so keyboard and screen-reader users
// land on it.
import { useEffect, useRef, type ReactNode } from 'react';

export type Notice = { text: string; warning: boolean };

export function FocusedNotice({ notice, children }: { notice: Notice | null; children?: ReactNode }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (notice) ref.current?.focus();
  }, [notice]);
  if (!notice) return null;
  return (
    <p
      className={notice.warning ? 'notice notice-warning' : 'notice notice-success'}
      role={notice.warning ? 'alert' : 'status'}
      tabIndex={-1}
      ref={ref}
    >
      {notice.text}
      {children}
    </p>
  );
}
