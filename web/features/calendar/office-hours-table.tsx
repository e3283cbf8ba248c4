// An agency's working sessions, a row a weekday, and its Saturday reception.
import type { Messages } from '../../app/i18n/vi.ts';
import type { OfficeHours } from './calendar-api.ts';
import { jsDay, sessionsText, WEEKDAY_KEYS } from './office-hours-rows.ts';
import { TableHead } from '../../app/ui/table-head.tsx';

export function HoursTable({ t, hours }: { t: Messages; hours: OfficeHours }) {
  return (
    <>
      <table className="table hours-table" role="table">
        <caption className="visually-hidden">{t.officeHours.caption}</caption>
        <TableHead roles columns={[t.officeHours.weekday, t.officeHours.sessions]} />
        <tbody role="rowgroup">
          {WEEKDAY_KEYS.map((k) => {
            const sessions = hours.sessions[k];
            const weekend = k === '6' || k === '7';
            return (
              <tr role="row" key={k}>
                <th scope="row" role="rowheader" data-label={t.officeHours.weekday}>
                  {t.time.weekdays[jsDay(k)]}
                  {weekend ? <span className="muted"> ({t.officeHours.weekendMakeUp})</span> : null}
                </th>
                <td role="cell" data-label={t.officeHours.sessions}>
                  {weekend && sessions.length === 0
                    ? t.officeHours.weekendSameAsMonday
                    : sessionsText(t, sessions)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p>
        <span className="component-label">{t.officeHours.saturdayReceiving}:</span>{' '}
        {hours.saturdayReceiving && hours.saturdayReceiving.length > 0
          ? sessionsText(t, hours.saturdayReceiving)
          : t.officeHours.none}
      </p>
      <p className="hint">{t.officeHours.saturdayReceivingHint}</p>
    </>
  );
}
