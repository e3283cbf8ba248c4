// The procedure's limits (channel → limit, with notes) and fees (channels → amount, note) tables.
import type { Channel, Procedure, ProcedureCase } from '../../../common/catalog/procedure.ts';
import type { Messages } from '../../app/i18n/vi.ts';
import { channelsText, feeRows, timeLimitText } from './catalog-format.ts';
import { limitNotes } from './procedure-view.ts';
import { TableHead } from '../../app/ui/table-head.tsx';

/**
 * Channel → limit, two columns. Notes go below the table, each once, naming its channels unless it
 * holds for all of them; a limit published without its unit gets a visible warning.
 */
export function LimitsTable({
  t,
  owner,
  channels,
  caption,
}: {
  t: Messages;
  owner: Procedure | ProcedureCase;
  channels: readonly Channel[];
  caption: string;
}) {
  const { notes, noUnit } = limitNotes(owner, channels);
  return (
    <>
      <table className="table limits-table" role="table">
        <caption className="visually-hidden">{caption}</caption>
        <TableHead roles columns={[t.procedure.limits.channel, t.procedure.limits.limit]} />
        <tbody role="rowgroup">
          {channels.map((c) => {
            const limit = owner.timeLimits[c];
            const gap = owner.timeLimitGaps.find((g) => g.channel === c);
            return (
              <tr role="row" key={c}>
                <th scope="row" role="rowheader" data-label={t.procedure.limits.channel}>
                  {t.catalog.channels[c]}
                </th>
                <td role="cell" data-label={t.procedure.limits.limit}>
                  {limit ? (
                    <span className={limit.unit === null ? 'limit-no-unit' : 'limit-value'}>
                      {timeLimitText(t, limit)}
                    </span>
                  ) : (
                    (gap?.text ?? t.procedure.limits.notPublished)
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {noUnit ? <p className="note-warning">{t.catalog.noUnitNote}</p> : null}
      {notes.map(([note, on]) => (
        <p key={note} className="note">
          {t.procedure.limits.note}
          {on.length < channels.length ? ` (${channelsText(t, on)})` : ''}: {note}
        </p>
      ))}
    </>
  );
}

export function FeesTable({ t, fees, caption }: { t: Messages; fees: Procedure['fees']; caption: string }) {
  const rows = feeRows(t, fees);
  if (rows.length === 0) return <p className="muted">{t.procedure.fees.none}</p>;
  return (
    <table className="table" role="table">
      <caption className="visually-hidden">{caption}</caption>
      <TableHead roles columns={[t.procedure.fees.channel, t.procedure.fees.amount, t.procedure.fees.note]} />
      <tbody role="rowgroup">
        {rows.map((r, i) => (
          <tr role="row" key={i}>
            <th scope="row" role="rowheader" data-label={t.procedure.fees.channel}>
              {channelsText(t, r.channels)}
            </th>
            <td role="cell" data-label={t.procedure.fees.amount} className="fee-amount">
              {r.text}
            </td>
            <td role="cell" data-label={t.procedure.fees.note}>
              {r.note ?? <span aria-hidden="true">—</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
