// The pure half of the staff forms: a grant row as the form holds it, the grants as the API takes
// them, and a refusal's details sorted to the account fields, the grant rows (by row id, so a message
// stays on its row while rows are added or removed) and the rest.
import type { Role } from '../../../common/auth/roles.ts';
import { detailField, detailText, errorText } from '../../app/errors.ts';
import { ApiError, type ErrorDetail } from '../../app/http.ts';
import type { Messages } from '../../app/i18n/vi.ts';
import type { PlaceStep } from '../../../common/contracts/org.ts';

/** An agency as a grant row holds it; the trail once it was picked in the place picker. */
export type PickedAgency = { code: string; name: string; trail?: readonly PlaceStep[] };

export type GrantRow = { id: string; role: Role | ''; agency: PickedAgency | null; locked: boolean };
export type GrantField = 'role' | 'agency';
export type GrantErrors = Record<string, string>;

let lastId = 0;
export const newGrantRow = (init: Partial<Omit<GrantRow, 'id'>> = {}): GrantRow => ({
  id: `g${++lastId}`,
  role: '',
  agency: null,
  locked: false,
  ...init,
});

export const grantErrorKey = (rowId: string, field: GrantField): string => `${rowId}-${field}`;
export const grantFieldId = (prefix: string, rowId: string, field: GrantField): string =>
  `${prefix}-${rowId}-${field}`;

/** The grants as the API takes them (blank choices sent as blanks, for the server to name). */
export function grantsBody(rows: readonly GrantRow[]): { role: Role; agencyCode: string }[] {
  return rows.map((r) => ({ role: r.role as Role, agencyCode: r.agency?.code ?? '' }));
}

export type MappedGrantErrors = { fields: GrantErrors; general: string[] };

/**
 * `body/grants/2/agencyCode`, `body/grants/2/role`, `body/grants/2` (a repeated grant) → the row sent
 * at that index; `body/grants` → general. A blank choice reads "choose …" rather than the server's
 * generic format message.
 */
export function mapGrantErrors(
  t: Messages,
  sent: readonly GrantRow[],
  details: readonly ErrorDetail[],
): MappedGrantErrors & { rest: ErrorDetail[] } {
  const fields: GrantErrors = {};
  const general: string[] = [];
  const rest: ErrorDetail[] = [];
  for (const d of details) {
    const m = /^body\/grants(?:\/(\d+)(?:\/(role|agencyCode))?)?$/.exec(d.path);
    if (!m) {
      rest.push(d);
      continue;
    }
    const row = m[1] === undefined ? undefined : sent[Number(m[1])];
    if (!row) {
      general.push(detailText(t, d));
      continue;
    }
    const field: GrantField = m[2] === 'role' ? 'role' : 'agency';
    let message = detailText(t, d);
    if (field === 'role' && row.role === '') message = t.staff.grants.chooseRole;
    if (field === 'agency' && row.agency === null) message = t.staff.grants.chooseAgency;
    fields[grantErrorKey(row.id, field)] ??= message;
  }
  return { fields, general, rest };
}

export const ACCOUNT_FIELDS = ['username', 'fullName', 'password'] as const;
export type AccountField = (typeof ACCOUNT_FIELDS)[number];
export type StaffFailure = {
  fields: Partial<Record<AccountField, string>>;
  grants: GrantErrors;
  general: string[];
};

/** A refused new account: account fields, grant rows, the rest in general. */
export function createFailure(t: Messages, error: unknown, sent: readonly GrantRow[]): StaffFailure {
  if (!(error instanceof ApiError) || error.details.length === 0)
    return { fields: {}, grants: {}, general: [errorText(t, error)] };
  const mapped = mapGrantErrors(t, sent, error.details);
  const fields: StaffFailure['fields'] = {};
  for (const d of mapped.rest) {
    const field = detailField(d);
    if ((ACCOUNT_FIELDS as readonly string[]).includes(field))
      fields[field as AccountField] ??= detailText(t, d);
    else mapped.general.push(detailText(t, d));
  }
  return { fields, grants: mapped.fields, general: mapped.general };
}

/** Refused grants: grant rows, and in general the rest (the error itself when nothing else is named). */
export function grantsFailure(t: Messages, error: unknown, sent: readonly GrantRow[]): StaffFailure {
  if (!(error instanceof ApiError) || error.details.length === 0)
    return { fields: {}, grants: {}, general: [errorText(t, error)] };
  const mapped = mapGrantErrors(t, sent, error.details);
  const named = mapped.general.length > 0 || Object.keys(mapped.fields).length > 0;
  return {
    fields: {},
    grants: mapped.fields,
    general: [
      ...(named ? [] : [errorText(t, error)]),
      ...mapped.general,
      ...mapped.rest.map((d) => detailText(t, d)),
    ],
  };
}
