// A part of a page named by its heading (aria-labelledby the heading's id).
import type { ReactNode } from 'react';

export type SectionProps = { id: string; heading: string; children: ReactNode };

export function TitledSection({
  id,
  heading,
  className,
  headingClassName,
  children,
}: SectionProps & { className: string; headingClassName: string }) {
  return (
    <section className={className} aria-labelledby={id}>
      <h2 id={id} className={headingClassName}>
        {heading}
      </h2>
      {children}
    </section>
  );
}
