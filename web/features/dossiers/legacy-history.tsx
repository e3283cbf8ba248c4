// An imported dossier's processing in the legacy system, as that system recorded it (the import keeps
// it read-only, docs/domain/dossier-import.md): who, in which department, what, and the status each
// step left; shown to staff before motcua's own history. The officers' names and words are data.
import { dossierStatusOfCode } from '../../../common/dossiers/index.ts';
import { vnDate } from '../../../common/time/vn-time.ts';
import type { Messages } from '../../app/i18n/vi.ts';
import { TableHead } from '../../app/ui/table-head.tsx';
import { formatInstant, formatShortDate } from '../calendar/vn-time.ts';
import { statusLabel } from './dossier-format.ts';
import type { DossierViewData } from './dossiers-api.ts';

export function LegacyHistory({
  t,
  legacy,
}: {
  t: Messages;
  legacy: NonNullable<DossierViewData['legacy']>;
}) {
  const p = t.dossiers.page;
  const c = p.legacyColumns;
  const status = (code: number) => {
    const s = dossierStatusOfCode(code);
    return s === null ? String(code) : statusLabel(t, s);
  };
  return (
    <>
      <p>
        {p.legacyIntro(
          p.legacySources[legacy.source] ?? legacy.source,
          formatShortDate(vnDate(new Date(legacy.importedAt))),
        )}
      </p>
      {legacy.readOnly ? <p>{p.legacyReadOnly}</p> : null}
      {legacy.history.length === 0 ? (
        <p>{p.legacyNone}</p>
      ) : (
        <table className="table history-table">
          <caption className="visually-hidden">{p.legacyHeading}</caption>
          <TableHead columns={[c.at, c.status, c.by, c.department, c.content]} />
          <tbody>
            {[...legacy.history].reverse().map((e, i) => (
              <tr key={`${e.at}-${i}`}>
                <td data-label={c.at}>{Number.isNaN(Date.parse(e.at)) ? e.at : formatInstant(t, e.at)}</td>
                <th scope="row" data-label={c.status}>
                  {status(e.statusCode)}
                </th>
                <td data-label={c.by} lang="vi">
                  {e.title === '' ? e.by : `${e.by} (${e.title})`}
                </td>
                <td data-label={c.department} lang="vi">
                  {e.department}
                </td>
                <td data-label={c.content} lang="vi">
                  {e.content}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
