// Choosing who takes a dossier step (the `assign` and `forward` actions' user-id inputs): a select of
// the active holders of the step's role at the step's agency (GET /staff?agencyCode=&role=&active=true),
// by name. When the list cannot be read (an agency outside the user's reach, as on an inter-agency
// step) or holds nobody, a text field for the user's id remains, as before.
import { withData } from '../../app/ui/data-text.tsx';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { ROLES, type Role } from '../../../common/auth/roles.ts';
import { errorText } from '../../app/errors.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { RequiredMark } from '../../app/ui/field-parts.tsx';
import { staffQueries } from './staff-api.ts';

/** Which input of an action names a person, and among whom to choose: the step it hands the dossier to. */
export type PersonInput = { field: string; agency: { code: string; name: string }; role: Role };

/**
 * `assign` names the current step's assignee, `forward` the next step's (when that step is not the
 * desk's, the action's input schema carries `nextAssigneeId`).
 */
export function personInputFor(
  kind: string,
  view: {
    currentStep: { index: number };
    steps: readonly { role: string; agency: { code: string; name: string } }[];
  },
): PersonInput | null {
  // `accept` may hand the dossier on at once (#14): its `nextAssigneeId` is the next step's, as forward's.
  const handsOn = kind === 'forward' || kind === 'accept';
  const field = kind === 'assign' ? 'assigneeId' : handsOn ? 'nextAssigneeId' : null;
  if (field === null) return null;
  const step = view.steps[view.currentStep.index + (handsOn ? 1 : 0)];
  if (!step || !(ROLES as readonly string[]).includes(step.role)) return null;
  return { field, agency: step.agency, role: step.role as Role };
}

/** The user id chosen so far in an action's input value. */
export function pickedPerson(value: unknown, field: string): string {
  const v =
    typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[field] : undefined;
  return typeof v === 'string' ? v : '';
}

/** The schema without one property, for the fields rendered around the picker. */
export function withoutProperty<
  S extends { properties?: Record<string, unknown>; required?: readonly string[] },
>(schema: S, field: string): S {
  const properties = { ...schema.properties };
  delete properties[field];
  return { ...schema, properties, required: schema.required?.filter((r) => r !== field) };
}

export function PersonPicker({
  id,
  label,
  agency,
  role,
  value,
  onChange,
  error,
  required = false,
  preselect = false,
}: {
  id: string;
  label: string;
  agency: { code: string; name: string };
  role: Role;
  value: string;
  onChange: (userId: string) => void;
  error?: string | undefined;
  required?: boolean;
  /** Choose the first person of the list once it is read (the workflow's next performer, #14). */
  preselect?: boolean;
}) {
  const { t } = useI18n();
  const p = t.personPicker;
  const read = useQuery({
    ...staffQueries.list({ agencyCode: agency.code, role, active: true, pageSize: 100 }),
    select: (res) => [...res.items].sort((a, b) => a.fullName.localeCompare(b.fullName, 'vi')),
  });
  const people = read.data;
  const preselected = useRef(false);
  useEffect(() => {
    if (!preselect || preselected.current || people === undefined) return;
    preselected.current = true;
    if (value === '' && people[0]) onChange(people[0].id);
  }, [preselect, people, value, onChange]);

  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [error ? errorId : '', hintId].filter(Boolean).join(' ');
  const useList = people !== undefined && people.length > 0;
  const hint = read.isError
    ? p.unavailable(errorText(t, read.error))
    : people === undefined
      ? t.loading
      : people.length === 0
        ? withData((name) => p.nobody(t.roles[role], name), agency.name)
        : withData((name) => p.hint(t.roles[role], name), agency.name);

  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>
        {label}
        {required ? <RequiredMark /> : null}
      </label>
      <p className="hint" id={hintId} aria-live="polite">
        {hint}
      </p>
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
      {useList ? (
        <select
          id={id}
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          aria-required={required || undefined}
          onChange={(e) => onChange(e.target.value)}
        >
          <option value="">{p.choose}</option>
          {people?.map((person) => (
            <option key={person.id} value={person.id}>
              <span lang="vi">{person.fullName}</span> ({person.username})
            </option>
          ))}
        </select>
      ) : (
        <input
          id={id}
          type="text"
          value={value}
          disabled={people === undefined && !read.isError}
          inputMode="numeric"
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          aria-required={required || undefined}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </div>
  );
}
