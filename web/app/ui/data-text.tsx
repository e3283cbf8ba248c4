// Data inside the interface's words: names of people, agencies, units and procedures are Vietnamese
// whatever the interface's language, and say so with `lang="vi"` (screen readers pronounce them right;
// the English journey skips them, e2e/support/english-text.ts).
import type { ReactNode } from 'react';

const SLOT = '\u0000';

/** A dictionary phrase with one name in it: `phrase(name)`, the name marked as Vietnamese. */
export function withData(phrase: (name: string) => string, name: string): ReactNode {
  const [before = '', after = ''] = phrase(SLOT).split(SLOT);
  return (
    <>
      {before}
      <span lang="vi">{name}</span>
      {after}
    </>
  );
}
