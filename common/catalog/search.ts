// Procedure search keys. The database stores procedureSearchText(p) in an indexed column and filters
// with the same rule as matchesQuery, which is the reference implementation (the test oracle):
//
//   every token w of searchQueryTokens(q):  (' ' || search_text) LIKE '% ' || w || '%'
//
// i.e. each query word is the start of some word of the procedure, in any order, without diacritics.
// Tokens only contain [a-z0-9.], so they need no LIKE escaping; a trigram index (pg_trgm) serves it.
import { foldedWords } from '../text/fold.ts';
import type { Procedure } from './procedure.ts';
import { SEARCH_STOP_PHRASES, SEARCH_SYNONYMS } from './search-words.ts';

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

/**
 * A people's search made ready for the catalogue: `words` must each be found (a word of the procedure
 * starts with it, or, for words of four letters or more, a word of the procedure is one letter away:
 * one letter added, left out or changed), `text` is what the ranking compares with the procedure.
 * Synonyms are rewritten first ("khaisinh" → "khai sinh"), then the words that name no procedure are
 * left out ("làm", "giấy", "cho con"), unless nothing would be left.
 */
export type SearchPlan = { words: string[]; text: string };

/** Words of four letters or more may carry one typo (shorter ones must be typed as they are). */
export const TYPO_MIN_LENGTH = 4;

function replacePhrases(words: readonly string[], phrases: readonly [string[], string[]][]): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < words.length) {
    const hit = phrases.find(([from]) => from.every((w, k) => words[i + k] === w));
    if (hit) {
      out.push(...hit[1]);
      i += hit[0].length;
    } else out.push(words[i++]!);
  }
  return out;
}

const byLength = (a: [string[], string[]], b: [string[], string[]]) => b[0].length - a[0].length;
const SYNONYMS = Object.entries(SEARCH_SYNONYMS)
  .map(([from, to]): [string[], string[]] => [from.split(' '), to.split(' ')])
  .sort(byLength);
const STOPS = SEARCH_STOP_PHRASES.map((p): [string[], string[]] => [p.split(' '), []]).sort(byLength);

export function searchPlan(query: string): SearchPlan {
  const rewritten = replacePhrases(searchQueryTokens(query), SYNONYMS);
  const kept = replacePhrases(rewritten, STOPS);
  const words = [...new Set(kept.length > 0 ? kept : rewritten)];
  return { words, text: words.join(' ') };
}

/** At most one letter added, left out or changed (the Levenshtein distance is 0 or 1). */
export function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/**
 * The database's rule for one planned word against a procedure's search text (the test oracle of
 * the SQL in server/modules/catalog/catalog.service.ts): a word of the text starts with it, or it has
 * four letters or more and a word of the text of three or more is within one edit of it. The database
 * tries the second only for a word that starts no word of any published procedure (a typo).
 */
export function wordMatches(searchText: string, word: string): 'exact' | 'typo' | null {
  const words = searchText.split(' ');
  if (words.some((w) => w.startsWith(word))) return 'exact';
  if (word.length >= TYPO_MIN_LENGTH && words.some((w) => w.length >= 3 && withinOneEdit(w, word)))
    return 'typo';
  return null;
}
