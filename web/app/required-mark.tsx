// The mark after a required field's label: a visible star, and the word for screen readers.
import { useI18n } from './i18n/i18n.tsx';

export function RequiredMark({ required }: { required: boolean }) {
  const { t } = useI18n();
  if (!required) return null;
  return (
    <>
      <span className="required-mark" aria-hidden="true">
        {' '}
        *
      </span>
      <span className="visually-hidden"> ({t.dossiers.form.required})</span>
    </>
  );
}
