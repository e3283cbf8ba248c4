// One line of a description list (<dl>): what it is, and its value. The citizen pages describe
// dossiers and records in these lines everywhere.
import type { ReactNode } from 'react';

export function Fact({
  label,
  children,
  className,
}: {
  label: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div>
      <dt>{label}</dt>
      <dd className={className}>{children}</dd>
    </div>
  );
}
