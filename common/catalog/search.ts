// Procedure search keys. The database stores procedureSearchText(p) in an indexed column and filters
// with the same rule as matchesQuery, which is the reference implementation (the test oracle):
//
//   every token w of searchQueryTokens(q):  (' ' || search_text) LIKE '% ' || w || '%'
//
// i.e. each query word is the start of some word of the procedure, in any order, without diacritics.
// Tokens only contain [a-z0-9.], so they need no LIKE escaping; a trigram index (pg_trgm) serves it.
import { foldedWords } from '../text/fold.ts';
import type { Procedure } from './procedure.ts';

/** Folded words with dots kept only inside them (codes like 1.001193), not at either end. */
export function searchQueryTokens(text: string): string[] {
  return foldedWords(text)
    .map((w) => w.replace(/^\.+|\.+$/g, ''))
    .filter((w) => w.length > 0);
}

/**
 * The folded text the database indexes: code, the code's number without its leading group
 * ("001193", so a partial code is found too), name, field name and field code; each word once.
 */
export function procedureSearchText(p: Procedure): string {
  const codeTail = p.code.includes('.') ? p.code.slice(p.code.indexOf('.') + 1) : '';
  const parts = [p.code, codeTail, p.name, p.field?.name ?? '', p.field?.code ?? ''];
  return [...new Set(searchQueryTokens(parts.join(' ')))].join(' ');
}

/** True when every word of `query` starts a word of the procedure's search text. An empty query matches. */
export function matchesQuery(p: Procedure, query: string): boolean {
  const haystack = ` ${procedureSearchText(p)}`;
  return searchQueryTokens(query).every((w) => haystack.includes(` ${w}`));
}
