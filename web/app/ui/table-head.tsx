// A table's column headers, one `<th scope="col">` each, in order. `roles`: tables the small-screen
// layout restyles as cards carry explicit roles, which some browsers would otherwise drop.
import type { ReactNode } from 'react';

export function TableHead({ columns, roles = false }: { columns: readonly ReactNode[]; roles?: boolean }) {
  return (
    <thead {...(roles ? { role: 'rowgroup' } : {})}>
      <tr {...(roles ? { role: 'row' } : {})}>
        {columns.map((label, i) => (
          <th key={i} scope="col" {...(roles ? { role: 'columnheader' } : {})}>
            {label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
