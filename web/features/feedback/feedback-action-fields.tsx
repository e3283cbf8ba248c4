// The fields of the staff's action forms (feedback-action-form.tsx): the classification (NĐ 20 Điều 9
// khoản 2), the competent agency (the place picker over the agencies in reach, or a code typed), the
// specialist (those of the feedback's agency, by name; a username typed when the list cannot be read),
// a text, and the choice not to publish the sender's name.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { PlacePicker, useOwnUnits, type PickedPlace } from '../../app/ui/place-picker.tsx';
import { FieldError, LabelAndHint } from '../../app/ui/field-parts.tsx';
import { staffPlaces } from '../org/org-api.ts';
import { staffQueries } from '../staff/staff-api.ts';
import { describedBy, useFeedbackWords } from './feedback-fields.tsx';

const CATEGORIES = ['not-accepted', 'official-conduct', 'own-competence', 'outside-competence'] as const;
const agencies = staffPlaces('agency');

type Change = (value: string) => void;

export function CategoryField({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: Change;
  error?: string | undefined;
}) {
  const w = useFeedbackWords();
  return (
    <fieldset
      className={error ? 'radio-group field-invalid' : 'radio-group'}
      aria-describedby={error ? 'fa-category-error' : undefined}
    >
      <legend>{w.staff.forms.category}</legend>
      <FieldError id="fa-category" error={error} />
      {CATEGORIES.map((c, i) => (
        <div key={c} className="field-checkbox">
          <input
            type="radio"
            id={i === 0 ? 'fa-category' : `fa-category-${c}`}
            name="fa-category"
            value={c}
            checked={value === c}
            onChange={() => onChange(c)}
          />
          <label htmlFor={i === 0 ? 'fa-category' : `fa-category-${c}`}>{w.categories[c]}</label>
        </div>
      ))}
    </fieldset>
  );
}

export function TextArea({
  id,
  label,
  hint,
  value,
  onChange,
  error,
  required,
  rows = 4,
}: {
  id: string;
  label: string;
  hint?: string | undefined;
  value: string;
  onChange: Change;
  error?: string | undefined;
  required: boolean;
  rows?: number;
}) {
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <LabelAndHint id={id} label={label} required={required} hint={hint} />
      <FieldError id={id} error={error} />
      <textarea
        id={id}
        rows={rows}
        maxLength={20000}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}

export function AgencyField({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: Change;
  error?: string | undefined;
}) {
  const w = useFeedbackWords();
  const f = w.staff.forms;
  const startAt = useOwnUnits();
  const [picked, setPicked] = useState<PickedPlace | null>(null);
  const codeId = 'fa-toAgencyCode-typed';
  return (
    <>
      <PlacePicker
        id="fa-toAgencyCode"
        label={f.toAgency}
        hint={f.toAgencyHint}
        source={agencies}
        what="agency"
        required
        startAt={startAt}
        value={picked && picked.code === value ? picked : null}
        onPick={(place) => {
          setPicked(place);
          onChange(place.code);
        }}
        error={error}
      />
      <div className="field">
        <label htmlFor={codeId}>{f.toAgencyCode}</label>
        <input
          id={codeId}
          type="text"
          spellCheck={false}
          maxLength={40}
          value={picked && picked.code === value ? '' : value}
          onChange={(e) => onChange(e.target.value)}
        />
      </div>
    </>
  );
}

export function AssigneeField({
  agency,
  value,
  onChange,
  error,
}: {
  agency: { code: string; name: string };
  value: string;
  onChange: Change;
  error?: string | undefined;
}) {
  const w = useFeedbackWords();
  const f = w.staff.forms;
  const read = useQuery({
    ...staffQueries.list({ agencyCode: agency.code, role: 'specialist', active: true, pageSize: 100 }),
    select: (res) => [...res.items].sort((a, b) => a.fullName.localeCompare(b.fullName, 'vi')),
  });
  const people = read.data ?? [];
  const id = 'fa-username';
  const hint =
    read.isError || (read.isSuccess && people.length === 0) ? f.nobody : f.assigneeHint(agency.name);
  const control = {
    id,
    value,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(id, error, hint),
  };
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <LabelAndHint id={id} label={people.length > 0 ? f.assignee : f.username} required hint={hint} />
      <FieldError id={id} error={error} />
      {people.length > 0 ? (
        <select {...control} onChange={(e) => onChange(e.target.value)}>
          <option value="">{w.none}</option>
          {people.map((p) => (
            <option key={p.username} value={p.username} lang="vi">
              {`${p.fullName} (${p.username})`}
            </option>
          ))}
        </select>
      ) : (
        <input
          type="text"
          spellCheck={false}
          maxLength={100}
          {...control}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </div>
  );
}
