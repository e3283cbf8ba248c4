// The agencies of the selected unit.
import { useQuery } from '@tanstack/react-query';
import { errorText } from '../../app/errors.ts';
import { ApiError } from '../../app/http.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { orgQueries, type UnitView } from './org-api.ts';
import { agencyKindLabel } from './unit-kinds.ts';
import { TableHead } from '../../app/ui/table-head.tsx';
import { withData } from '../../app/ui/data-text.tsx';

export function AgencyTable({ unit }: { unit: UnitView | null }) {
  const { t } = useI18n();
  const code = unit?.code ?? null;
  const read = useQuery({ ...orgQueries.agencies(code ?? ''), enabled: code !== null });
  const load = read.data;

  const names = new Map(load ? load.items.map((a) => [a.code, a.name]) : []);

  // Explicit roles: the small-screen layout restyles the table as cards, which would otherwise
  // drop its table semantics in some browsers.
  return (
    <section
      className="panel agencies-panel"
      aria-labelledby="agencies-heading"
      aria-busy={read.isFetching && unit !== null}
    >
      <h2 id="agencies-heading" className="panel-heading">
        {unit ? withData(t.agencies.headingFor, unit.name) : t.agencies.heading}
      </h2>
      {unit === null ? (
        <p className="muted">{t.agencies.choose}</p>
      ) : read.isError ? (
        <div className="inline-error" role="alert">
          <p>
            {read.error instanceof ApiError && read.error.status === 403
              ? t.errors.outOfReach
              : errorText(t, read.error)}
          </p>
          <button type="button" className="button" onClick={() => void read.refetch()}>
            {t.errors.retry}
          </button>
        </div>
      ) : !load || read.isFetching ? (
        <p className="muted" role="status">
          {t.loading}
        </p>
      ) : load.items.length === 0 ? (
        <p className="muted" role="status">
          {t.agencies.none}
        </p>
      ) : (
        <>
          <table className="table" role="table">
            <caption className="visually-hidden">{t.agencies.caption(unit.name)}</caption>
            <TableHead
              roles
              columns={[t.agencies.name, t.agencies.kind, t.agencies.code, t.agencies.parent]}
            />
            <tbody role="rowgroup">
              {load.items.map((a) => (
                <tr key={a.code} role="row">
                  <th scope="row" role="rowheader" data-label={t.agencies.name} lang="vi">
                    {a.name}
                  </th>
                  <td role="cell" data-label={t.agencies.kind}>
                    {agencyKindLabel(t, a.kind)}
                  </td>
                  <td role="cell" data-label={t.agencies.code}>
                    <code>{a.code}</code>
                  </td>
                  <td role="cell" data-label={t.agencies.parent}>
                    {a.parentCode === null ? '—' : (names.get(a.parentCode) ?? <code>{a.parentCode}</code>)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted table-count" role="status">
            {t.agencies.count(load.items.length, load.total)}
          </p>
        </>
      )}
    </section>
  );
}
