// The agencies of this deployment that receive a procedure (Nơi nộp hồ sơ). A commune-level
// procedure may be offered by a thousand wards and communes, so they are looked through in the place
// picker: by province, district and commune, or by typing part of a name, a page at a time.
import { useI18n } from '../../app/i18n/i18n.tsx';
import { PlacePicker } from '../../app/ui/place-picker.tsx';
import type { OfferingAgency } from './catalog-api.ts';

export function OfferingAgencies({ agencies }: { agencies: OfferingAgency[] }) {
  const { t } = useI18n();
  if (agencies.length === 0) return <p className="note-warning">{t.procedure.where.none}</p>;
  return (
    <div className="offering">
      <h3 className="subsection-heading">{t.procedure.where.offered(agencies.length)}</h3>
      <PlacePicker
        id="offering-agencies"
        label={t.procedure.where.filterLabel}
        hint={t.procedure.where.filterHint}
        source={{ kind: 'local', options: agencies }}
        what="agency"
        value={null}
        browseOnly
      />
    </div>
  );
}
