// The applicant's choice of channels, on the apply page and at the desk: a fieldset of tick boxes
// (e-mail, SMS, Zalo). E-mail is disabled, with the reason, while no e-mail address is entered
// (notify-choice.ts decides what is sent).
import { useI18n } from '../../app/i18n/i18n.tsx';
import type { NotificationChannel } from '../../../common/contracts/notifications.ts';
import './notifications.css';
import { channelAvailable, CHOICE_CHANNELS, effectiveNotifyBy, toggled } from './notify-choice.ts';

export function NotifyChoice({
  idPrefix,
  chosen,
  email,
  onChange,
  error,
}: {
  idPrefix: string;
  chosen: readonly NotificationChannel[];
  /** The applicant's e-mail address as typed. */
  email: string;
  onChange: (next: NotificationChannel[]) => void;
  error?: string | undefined;
}) {
  const { t } = useI18n();
  const c = t.notifications.choice;
  const sent = effectiveNotifyBy(chosen, email);
  const hintId = `${idPrefix}-hint`;
  return (
    <fieldset
      className={error ? 'notify-choice field-invalid' : 'notify-choice'}
      id={idPrefix}
      aria-describedby={error ? `${idPrefix}-error ${hintId}` : hintId}
    >
      <legend>{c.legend}</legend>
      <p className="hint" id={hintId}>
        {c.hint}
      </p>
      {error ? (
        <p className="field-error" id={`${idPrefix}-error`}>
          {error}
        </p>
      ) : null}
      {CHOICE_CHANNELS.map((channel) => {
        const id = `${idPrefix}-${channel}`;
        const available = channelAvailable(channel, email);
        return (
          <div key={channel} className="field-checkbox">
            <input
              type="checkbox"
              id={id}
              checked={sent.includes(channel)}
              disabled={!available}
              aria-describedby={available ? undefined : `${id}-why`}
              onChange={(e) => onChange(toggled(chosen, channel, e.target.checked))}
            />
            <div>
              <label htmlFor={id}>{c[channel]}</label>
              {available ? null : (
                <p className="hint notify-choice-why" id={`${id}-why`}>
                  {c.emailNeedsAddress}
                </p>
              )}
            </div>
          </div>
        );
      })}
      {sent.length === 0 ? <p className="hint">{c.noneChosen}</p> : null}
    </fieldset>
  );
}
