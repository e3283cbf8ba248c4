// The buttons under a form that sends something: the submit button (its text while sending) and the
// cancel button beside it.
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

export function SendOrCancel({
  label,
  sending,
  onCancel,
  cancelLabel,
  className = 'button button-primary',
}: {
  label: ReactNode;
  /** Undefined for a submit that does not send yet (a first step before a confirmation). */
  sending?: boolean | undefined;
  onCancel: () => void;
  cancelLabel?: ReactNode;
  className?: string;
}) {
  const { t } = useI18n();
  return (
    <div className="form-actions">
      <button type="submit" className={className} aria-disabled={sending || undefined}>
        {sending ? t.dossiers.page.sending : label}
      </button>
      <button type="button" className="button" onClick={onCancel}>
        {cancelLabel ?? t.dossiers.page.cancel}
      </button>
    </div>
  );
}
