// Which workflow the page shows: the channel, and province-wide or one agency (picked by name).
// The channel and agency carry the problems the editor found with them.
import { CHANNELS, type Channel } from '../../../common/catalog/procedure.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { PlacePicker, useOwnUnits } from '../../app/ui/place-picker.tsx';
import { staffPlaces } from '../org/org-api.ts';
import { AGENCY_ID, CHANNEL_ID } from './workflow-editor.tsx';

export type ScopeErrors = { channel: string | null; agency: string | null };

const agencySource = staffPlaces('agency');

export function WorkflowScopePanel({
  channel,
  agencyCode,
  agencyName,
  errors,
  onChannel,
  onProvinceWide,
  onOwnAgency,
  onAgency,
}: {
  channel: Channel;
  agencyCode: string | null;
  agencyName: string | null;
  errors: ScopeErrors;
  onChannel: (channel: Channel) => void;
  onProvinceWide: () => void;
  onOwnAgency: () => void;
  onAgency: (agency: { code: string; name: string }) => void;
}) {
  const { t } = useI18n();
  const w = t.catalogAdmin.workflow;
  const startAt = useOwnUnits();
  const channelError = errors.channel;
  return (
    <section aria-labelledby="wf-scope-heading" className="panel workflow-scope">
      <h2 id="wf-scope-heading" className="panel-heading">
        {w.scopeHeading}
      </h2>
      <div className={channelError ? 'field field-invalid' : 'field'}>
        <label htmlFor={CHANNEL_ID}>{w.channel}</label>
        {channelError ? (
          <p className="field-error" id={`${CHANNEL_ID}-error`}>
            {channelError}
          </p>
        ) : null}
        <select
          id={CHANNEL_ID}
          value={channel}
          aria-invalid={channelError ? true : undefined}
          aria-describedby={channelError ? `${CHANNEL_ID}-error` : undefined}
          onChange={(e) => onChannel(e.target.value as Channel)}
        >
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {t.catalog.channels[c]}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="field radio-group">
        <legend>{w.appliesTo}</legend>
        <div className="field-checkbox">
          <input
            type="radio"
            id="wf-scope-province"
            name="wf-scope"
            checked={agencyCode === null}
            onChange={onProvinceWide}
          />
          <label htmlFor="wf-scope-province">{w.provinceWide}</label>
        </div>
        <div className="field-checkbox">
          <input
            type="radio"
            id="wf-scope-agency"
            name="wf-scope"
            checked={agencyCode !== null}
            onChange={onOwnAgency}
          />
          <label htmlFor="wf-scope-agency">{w.oneAgency}</label>
        </div>
      </fieldset>
      {agencyCode !== null ? (
        <PlacePicker
          id={AGENCY_ID}
          label={w.agency}
          hint={w.agencyHint}
          source={agencySource}
          what="agency"
          value={{ code: agencyCode, name: agencyName ?? agencyCode, trail: [] }}
          onPick={onAgency}
          startAt={startAt}
          error={errors.agency ?? undefined}
        />
      ) : null}
    </section>
  );
}
