// The asterisk of a required field, with its words for a screen reader.
import { useI18n } from '../../app/i18n/i18n.tsx';

export function RequiredMark() {
  const { t } = useI18n();
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
