// The intake's applicant: kind, name, ID number, phone, email; and the lookup of the applicant's
// document store (docs/domain/documents.md), only on the button, since every lookup is audited.
import { errorText } from '../../app/errors.ts';
import { ApiError } from '../../app/http.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import type { Messages } from '../../app/i18n/vi.ts';
import type { ApplicantDocumentList } from '../documents/applicant-documents-api.ts';
import { INTAKE_ID, type Applicant } from './intake-form.ts';
import { FieldError, RequiredMark } from '../../app/ui/field-parts.tsx';
import { FormSection } from './schema-parts.tsx';
import { AddressFields } from '../org/address-fields.tsx';
import { useOwnUnits } from '../../app/ui/place-picker.tsx';
import type { NotificationChannel } from '../../../common/contracts/notifications.ts';
import { NotifyChoice } from '../notifications/notify-choice.tsx';

/** The lookup of the applicant's store, for the number it was made with. */
export type Lookup =
  | { kind: 'none' }
  | { kind: 'bad-number' }
  | { kind: 'loading' }
  | { kind: 'done'; idNumber: string; list: ApplicantDocumentList }
  | { kind: 'error'; error: unknown };

function lookupStatus(t: Messages, lookup: Lookup): string {
  if (lookup.kind === 'loading') return t.reuse.desk.looking;
  if (lookup.kind !== 'done') return '';
  const { total, items } = lookup.list;
  if (total === 0) return t.reuse.desk.none(lookup.idNumber);
  const found = t.reuse.desk.found(total, lookup.idNumber);
  return total > items.length ? `${found} ${t.reuse.desk.newest(items.length)}` : found;
}

function lookupError(t: Messages, lookup: Lookup): string | null {
  if (lookup.kind === 'bad-number') return t.reuse.desk.badNumber;
  if (lookup.kind !== 'error') return null;
  if (lookup.error instanceof ApiError && lookup.error.status === 403) return t.reuse.desk.forbidden;
  return t.reuse.desk.failed(errorText(t, lookup.error));
}

type TextField = Exclude<keyof Applicant, 'kind' | 'addressUnit' | 'addressLine'>;

const TEXT_FIELDS: readonly { f: TextField; type: string; required: boolean; numeric?: true }[] = [
  { f: 'fullName', type: 'text', required: true },
  { f: 'idNumber', type: 'text', required: true, numeric: true },
  { f: 'phone', type: 'tel', required: true },
  { f: 'email', type: 'email', required: false },
];

export function IntakeApplicant({
  applicant,
  onField,
  fields,
  lookup,
  onLookUp,
  notifyBy,
  onNotifyBy,
}: {
  applicant: Applicant;
  onField: (f: keyof Applicant, v: string) => void;
  fields: Record<string, string>;
  lookup: Lookup;
  onLookUp: () => void;
  notifyBy: readonly NotificationChannel[];
  onNotifyBy: (next: NotificationChannel[]) => void;
}) {
  const { t } = useI18n();
  const problem = lookupError(t, lookup);
  const ownUnits = useOwnUnits();
  return (
    <FormSection id="intake-applicant-heading" heading={t.dossiers.intake.applicantHeading}>
      <p className="hint">{t.dossiers.intake.requiredNote}</p>
      <div className="field-pair">
        <div className="field">
          <label htmlFor={INTAKE_ID.applicant('kind')}>{t.dossiers.applicant.kind}</label>
          <select
            id={INTAKE_ID.applicant('kind')}
            value={applicant.kind}
            onChange={(e) => onField('kind', e.target.value === 'organisation' ? 'organisation' : 'person')}
          >
            <option value="person">{t.dossiers.applicant.person}</option>
            <option value="organisation">{t.dossiers.applicant.organisation}</option>
          </select>
        </div>
        {TEXT_FIELDS.map(({ f, type, required, numeric }) => {
          const id = INTAKE_ID.applicant(f);
          const error = fields[`applicant/${f}`];
          return (
            <div key={f} className={error ? 'field field-invalid' : 'field'}>
              <label htmlFor={id}>
                {t.dossiers.applicant[f]}
                {required ? <RequiredMark /> : null}
              </label>
              <FieldError id={id} error={error} />
              <input
                id={id}
                type={type}
                value={applicant[f]}
                onChange={(e) => onField(f, e.target.value)}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-error` : undefined}
                aria-required={required || undefined}
                inputMode={numeric ? 'numeric' : undefined}
                autoComplete="off"
              />
            </div>
          );
        })}
      </div>
      <AddressFields
        idPrefix="intake-applicant"
        unitCode={applicant.addressUnit}
        line={applicant.addressLine}
        onUnit={(code) => onField('addressUnit', code)}
        onLine={(line) => onField('addressLine', line)}
        errors={{ unit: fields['applicant/addressUnit'], line: fields['applicant/addressLine'] }}
        startAt={ownUnits}
      />
      <NotifyChoice
        idPrefix={INTAKE_ID.notifyBy}
        chosen={notifyBy}
        email={applicant.email}
        onChange={onNotifyBy}
        error={fields['applicant/notifyBy']}
      />
      <div className="field reuse-lookup">
        <p className="hint" id={`${INTAKE_ID.lookup}-hint`}>
          {t.reuse.desk.lookupHint}
        </p>
        <button
          type="button"
          id={INTAKE_ID.lookup}
          className="button"
          onClick={onLookUp}
          aria-describedby={[`${INTAKE_ID.lookup}-hint`, problem ? `${INTAKE_ID.lookup}-error` : '']
            .filter(Boolean)
            .join(' ')}
          aria-disabled={lookup.kind === 'loading' || undefined}
        >
          {t.reuse.desk.lookup}
        </button>
        <p className="reuse-lookup-status" role="status">
          {lookupStatus(t, lookup)}
        </p>
        {problem ? (
          <p className="inline-error" role="alert" id={`${INTAKE_ID.lookup}-error`}>
            {problem}
          </p>
        ) : null}
      </div>
    </FormSection>
  );
}
