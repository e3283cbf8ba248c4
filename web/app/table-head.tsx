// The head row of a table with explicit roles: the small-screen layout restyles tables as cards,
// which would otherwise drop their table semantics in some browsers.
export function TableHead({ labels }: { labels: readonly string[] }) {
  return (
    <thead role="rowgroup">
      <tr role="row">
        {labels.map((label) => (
          <th key={label} scope="col" role="columnheader">
            {label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
