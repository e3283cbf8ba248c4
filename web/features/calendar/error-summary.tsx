// The list of what went wrong above a form (the sign-in page's pattern): always in the page as a
// role="alert" region, so that screen readers announce what is put in it; each item links to
// the field it names.
import type { Ref } from 'react';

export type Problem = { message: string; fieldId?: string | undefined; label?: string | undefined };

export function ErrorSummary({
  title,
  problems,
  headingRef,
}: {
  title: string;
  problems: Problem[];
  headingRef?: Ref<HTMLHeadingElement>;
}) {
  const has = problems.length > 0;
  return (
    <div role="alert" className={has ? 'error-summary' : 'error-summary-empty'}>
      {has ? (
        <>
          <h2 className="error-summary-title" tabIndex={-1} ref={headingRef}>
            {title}
          </h2>
          <ul className="error-summary-list">
            {problems.map((p, i) => (
              <li key={i}>
                {p.fieldId ? (
                  <a
                    href={`#${p.fieldId}`}
                    onClick={(event) => {
                      event.preventDefault();
                      document.getElementById(p.fieldId!)?.focus();
                    }}
                  >
                    {p.label ? `${p.label}: ` : ''}
                    {p.message}
                  </a>
                ) : (
                  p.message
                )}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
