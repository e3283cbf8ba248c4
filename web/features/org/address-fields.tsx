// An applicant's address: the commune picked from the tree of units in force (province → district
// where it still exists → commune, or a search; GET /public/places, so the citizen's form can use it
// too) and the street or hamlet typed beside it. It is sent as `{ unitCode, line }`
// (common/contracts/dossiers.ts ApplicantBody.address): the code names the place, the text the house.
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { FieldError } from '../../app/ui/field-parts.tsx';
import { PlacePicker, type PickedPlace } from '../../app/ui/place-picker.tsx';
import { publicUnits } from './org-api.ts';

export function AddressFields({
  idPrefix,
  unitCode,
  line,
  onUnit,
  onLine,
  errors,
  startAt,
}: {
  /** The ids: `<prefix>-addressUnit` (the picker) and `<prefix>-addressLine`. */
  idPrefix: string;
  unitCode: string;
  line: string;
  onUnit: (code: string) => void;
  onLine: (line: string) => void;
  errors: { unit?: string | undefined; line?: string | undefined };
  /** Where the picker opens: the province of the desk, say. */
  startAt?: readonly string[] | undefined;
}) {
  const { t } = useI18n();
  const a = t.address;
  // The picker's choice with its trail, for the code the form holds (a new form clears the code).
  const [picked, setPicked] = useState<PickedPlace | null>(null);
  const value = picked && picked.code === unitCode ? picked : null;
  const lineId = `${idPrefix}-addressLine`;
  return (
    <fieldset className="address-fields">
      <legend>{a.legend}</legend>
      <PlacePicker
        id={`${idPrefix}-addressUnit`}
        label={a.unit}
        hint={a.unitHint}
        source={publicUnits}
        what="unit"
        leavesOnly
        value={value}
        onPick={(place) => {
          setPicked(place);
          onUnit(place.code);
        }}
        startAt={startAt}
        error={errors.unit}
      />
      <div className={errors.line ? 'field field-invalid' : 'field'}>
        <label htmlFor={lineId}>{a.line}</label>
        <p className="hint" id={`${lineId}-hint`}>
          {a.lineHint}
        </p>
        <FieldError id={lineId} error={errors.line} />
        <input
          id={lineId}
          type="text"
          autoComplete="address-line1"
          maxLength={300}
          value={line}
          onChange={(e) => onLine(e.target.value)}
          aria-invalid={errors.line ? true : undefined}
          aria-describedby={[errors.line ? `${lineId}-error` : '', `${lineId}-hint`]
            .filter(Boolean)
            .join(' ')}
        />
      </div>
    </fieldset>
  );
}
