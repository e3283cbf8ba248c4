// The intake's first section: the procedure (procedure-picker.tsx), then the competent agency — of those
// offering it, the ones the officer's desks may receive for (GET /dossiers/intake-agencies), the desk's
// own agencies first — and the channel.
import { errorText } from '../../app/errors.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import type { ProcedureDetail } from '../catalog/catalog-api.ts';
import { INTAKE_ID } from './intake-form.ts';
import type { ReceivableAgency } from './intake-api.ts';
import { ProcedurePicker, type PickedProcedure } from './procedure-picker.tsx';
import { PlacePicker, useOwnUnits } from '../../app/ui/place-picker.tsx';
import { FormSection } from './schema-parts.tsx';

export type Channel = 'direct' | 'postal';
export type ReturnChoice = '' | 'counter' | 'postal' | 'online';
const RETURN_CHOICES: readonly ReturnChoice[] = ['counter', 'postal', 'online'];

export function IntakeProcedure({
  picked,
  onPick,
  read,
  agencies,
  own,
  fields,
  agencyCode,
  onAgency,
  channel,
  onChannel,
  returnChannel,
  onReturnChannel,
}: {
  picked: PickedProcedure | null;
  onPick: (p: PickedProcedure) => void;
  /** The chosen procedure's read. */
  read: { isFetching: boolean; isError: boolean; error: unknown; data: ProcedureDetail | undefined };
  /** The agencies the officer may receive it for, and their read. */
  agencies: {
    read: { isFetching: boolean; isError: boolean; error: unknown };
    items: readonly ReceivableAgency[] | undefined;
  };
  /** The desk's own agency codes. */
  own: readonly string[];
  fields: Record<string, string>;
  agencyCode: string;
  onAgency: (code: string) => void;
  channel: Channel;
  onChannel: (channel: Channel) => void;
  /** How the applicant wants the result ('' when they do not say). */
  returnChannel: ReturnChoice;
  onReturnChannel: (choice: ReturnChoice) => void;
}) {
  const { t } = useI18n();
  const detail = read.data;
  const agencyError = fields.agency;
  const listed = agencies.items ?? [];
  const ownOffering = listed.filter((a) => own.includes(a.code));
  const chosen = listed.find((a) => a.code === agencyCode);
  const ownUnits = useOwnUnits();
  const agenciesError = agencies.read.isError ? errorText(t, agencies.read.error) : undefined;
  return (
    <FormSection id="intake-procedure-heading" heading={t.dossiers.intake.procedureHeading}>
      <ProcedurePicker id={INTAKE_ID.procedure} picked={picked} error={fields.procedure} onPick={onPick} />
      {read.isFetching && !detail ? (
        <p className="muted" role="status">
          {t.loading}
        </p>
      ) : read.isError ? (
        <p className="inline-error" role="alert">
          {errorText(t, read.error)}
        </p>
      ) : null}
      {detail ? (
        <>
          <PlacePicker
            id={INTAKE_ID.agency}
            label={t.dossiers.intake.agency}
            source={{ kind: 'local', options: listed }}
            what="agency"
            value={chosen ?? null}
            onPick={(a) => onAgency(a.code)}
            startAt={[...ownOffering.map((a) => a.unitCode), ...ownUnits]}
            error={
              agencyError ??
              agenciesError ??
              (agencies.items?.length === 0 ? t.dossiers.intake.noReceivable : undefined)
            }
            required
          />
          <div className="field">
            <label htmlFor={INTAKE_ID.channel}>{t.dossiers.intake.channel}</label>
            <select
              id={INTAKE_ID.channel}
              value={channel}
              onChange={(e) => onChannel(e.target.value === 'postal' ? 'postal' : 'direct')}
            >
              <option value="direct">{t.dossiers.channels.direct}</option>
              <option value="postal">{t.dossiers.channels.postal}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor={INTAKE_ID.returnChannel}>{t.dossiers.page.requestedReturn}</label>
            <select
              id={INTAKE_ID.returnChannel}
              value={returnChannel}
              onChange={(e) => onReturnChannel(RETURN_CHOICES.find((c) => c === e.target.value) ?? '')}
            >
              <option value="">{t.dossiers.page.notGiven}</option>
              {RETURN_CHOICES.map((c) => (
                <option key={c} value={c}>
                  {t.dossiers.page.returnChannels[c]}
                </option>
              ))}
            </select>
          </div>
        </>
      ) : null}
    </FormSection>
  );
}
