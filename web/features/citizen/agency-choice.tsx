// Choosing one agency among those offering a procedure — a ward procedure is offered by a thousand
// wards and communes — in the place picker: by province, district and commune, or by typing part of
// a name (diacritics-insensitive); each agency is shown with the units above it.
import { PlacePicker } from '../../app/ui/place-picker.tsx';
import type { OfferingAgency } from '../catalog/catalog-api.ts';

export function AgencyChoice({
  id,
  legend,
  hint,
  agencies,
  value,
  onChange,
  error,
}: {
  id: string;
  legend: string;
  hint?: string;
  agencies: readonly OfferingAgency[];
  value: string;
  onChange: (code: string) => void;
  error?: string | undefined;
}) {
  const chosen = agencies.find((a) => a.code === value) ?? null;
  return (
    <PlacePicker
      id={id}
      label={legend}
      hint={hint}
      source={{ kind: 'local', options: agencies }}
      what="agency"
      value={chosen}
      onPick={(a) => onChange(a.code)}
      error={error}
      required
    />
  );
}
