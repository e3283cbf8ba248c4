// Words of report-words.ts on the page: the server's Vietnamese marked `lang="vi"` where the page is in
// English (assistive technology reads it in Vietnamese, and it counts as data, not interface).
import type { Words } from './report-words.ts';

export function Said({ words }: { words: Words | null }) {
  if (words === null) return null;
  return words.vi ? <span lang="vi">{words.text}</span> : <>{words.text}</>;
}
