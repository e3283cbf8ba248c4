// Biểu II.06a's table in the form's layout: two levels of headings (received, resolved, in progress,
// each with its parts), the row of column numbers (1)…(13), a row per agency, unit, field, procedure or
// level, and the total in bold. Every figure but 0 links to the dossiers it counts (ii06a-drill-page).
// On a phone each row becomes a card whose figures carry their heading and column number.
import { II06A_CELLS, cellValue, type Ii06aCell } from '../../../common/reports/ii06a.ts';
import type { Messages } from '../../app/i18n/vi.ts';
import { Link } from '../../app/router.tsx';
import { withData } from '../../app/ui/data-text.tsx';
import { formatNumber } from '../calendar/vn-time.ts';
import { drillHref } from './ii06a-model.ts';
import type { Ii06aResponse, Ii06aRow } from './reports-api.ts';

type Group = 'received' | 'resolved' | 'inProgress';
const GROUPS: readonly { group: Group; span: number }[] = [
  { group: 'received', span: 4 },
  { group: 'resolved', span: 4 },
  { group: 'inProgress', span: 3 },
];

/** The short heading of a cell under its group ("Quá hạn" under "Số hồ sơ đã giải quyết"). */
export function cellHeading(t: Messages, cell: Ii06aCell): string {
  const key = cell.split('.')[1] as keyof Messages['ii06a']['headings'];
  return t.ii06a.headings[key];
}

const groupOf = (cell: Ii06aCell): Group => cell.split('.')[0] as Group;

type Figures = Pick<Ii06aRow, 'received' | 'resolved' | 'inProgress' | 'drill'>;

/** `row` names the figure's row in its link: a row's name is data (Vietnamese), the total's is not. */
type RowName = { name: string; data: boolean };

function Figure({ t, figures, cell, row }: { t: Messages; figures: Figures; cell: Ii06aCell; row: RowName }) {
  const n = cellValue(figures, cell);
  const column = II06A_CELLS.find((c) => c.cell === cell)!.column;
  const label = `${t.ii06a.headings[groupOf(cell)]} — ${cellHeading(t, cell)} (${column})`;
  return (
    <td className="num" data-label={label}>
      {n === 0 ? (
        formatNumber(t, 0)
      ) : (
        <Link to={drillHref(figures.drill, cell)} className="ii06a-figure">
          {formatNumber(t, n)}
          <span className="visually-hidden">
            {row.data
              ? withData((name) => t.ii06a.figureLink(column, cellHeading(t, cell), name), row.name)
              : t.ii06a.figureLink(column, cellHeading(t, cell), row.name)}
          </span>
        </Link>
      )}
    </td>
  );
}

export function Ii06aTable({ t, data }: { t: Messages; data: Ii06aResponse }) {
  const r = t.ii06a;
  const caption = r.caption(r.periodLabel(data.from, data.to));
  return (
    <div className="table-scroll ii06a-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="table ii06a-table">
        <caption className="visually-hidden">{caption}</caption>
        <colgroup span={2} />
        {GROUPS.map(({ group, span }) => (
          <colgroup key={group} span={span} />
        ))}
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>
              {r.headings.number}
            </th>
            <th scope="col" rowSpan={2}>
              {r.rowHeading[data.groupBy]}
            </th>
            {GROUPS.map(({ group, span }) => (
              <th key={group} scope="colgroup" colSpan={span} className="ii06a-group">
                {r.headings[group]}
              </th>
            ))}
          </tr>
          <tr>
            {II06A_CELLS.map(({ cell }) => (
              <th key={cell} scope="col" className="num">
                {cellHeading(t, cell)}
              </th>
            ))}
          </tr>
          <tr className="ii06a-numbers">
            {Array.from({ length: 13 }, (_, i) => (
              <th key={i} scope="col" className={i < 2 ? undefined : 'num'}>
                ({i + 1})
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.rows.map((row, i) => (
            <tr key={row.key}>
              <td data-label={r.headings.number}>{formatNumber(t, i + 1)}</td>
              <th scope="row" lang="vi">
                {row.name}
              </th>
              {II06A_CELLS.map(({ cell }) => (
                <Figure key={cell} t={t} figures={row} cell={cell} row={{ name: row.name, data: true }} />
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="ii06a-total">
            <td aria-hidden="true" />
            <th scope="row">{r.totalRow}</th>
            {II06A_CELLS.map(({ cell }) => (
              <Figure
                key={cell}
                t={t}
                figures={data.total}
                cell={cell}
                row={{ name: r.totalRow, data: false }}
              />
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
