// The overview's tables ("Bảng số liệu" under each chart, the agencies without dossiers) and the
// panel each section sits in. Explicit table roles: a table keeps them when CSS lays it out as cards.
import type { ReactNode } from 'react';
import { TitledSection, type SectionProps } from '../../app/ui/titled-section.tsx';

export type Cell = { label: string; value: ReactNode; num?: boolean };
export type Row = { key: string; header: ReactNode; span?: number; cells: Cell[] };

function TableRow({ row }: { row: Row }) {
  return (
    <tr role="row">
      <th scope="row" role="rowheader" colSpan={row.span}>
        {row.header}
      </th>
      {row.cells.map((c) => (
        <td key={c.label} role="cell" data-label={c.label} className={c.num ? 'num' : undefined}>
          {c.value}
        </td>
      ))}
    </tr>
  );
}

export function OverviewTable({
  caption,
  columns,
  rows,
  foot = [],
}: {
  caption: string;
  columns: { label: string; num?: boolean }[];
  rows: Row[];
  foot?: Row[];
}) {
  return (
    <table className="table overview-table" role="table">
      <caption className="visually-hidden">{caption}</caption>
      <thead role="rowgroup">
        <tr role="row">
          {columns.map((c) => (
            <th key={c.label} scope="col" role="columnheader" className={c.num ? 'num' : undefined}>
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody role="rowgroup">
        {rows.map((row) => (
          <TableRow key={row.key} row={row} />
        ))}
      </tbody>
      {foot.length > 0 ? (
        <tfoot role="rowgroup">
          {foot.map((row) => (
            <TableRow key={row.key} row={row} />
          ))}
        </tfoot>
      ) : null}
    </table>
  );
}

export function OverviewSection(props: SectionProps) {
  return <TitledSection className="panel overview-section" headingClassName="panel-heading" {...props} />;
}
