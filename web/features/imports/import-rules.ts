// What the import screen says of a run (#17): the share done, the pace and the time left in words,
// the page's address (`?lan=<id>`), and which file formats are offered.
import type { DossierImportFormat } from '../../../common/contracts/imports.ts';
import type { Messages } from '../../app/i18n/vi.ts';
import type { ImportListItem } from './imports-api.ts';
import { formatDateTimeText } from '../../app/ui/date-text.ts';

export const FORMATS: readonly DossierImportFormat[] = ['dvcqg', 'opencps', 'xlsx'];

/** Whole percent done, never 100 before every record is processed. */
export function percentDone(run: Pick<ImportListItem, 'processed' | 'total'>): number {
  if (run.total === 0) return 0;
  const p = Math.floor((run.processed * 100) / run.total);
  return run.processed < run.total ? Math.min(p, 99) : 100;
}

/** "1 h 05 min", "4 min 10 s", "12 s": the time left as a person reads it. */
export function durationText(t: Messages, seconds: number): string {
  const u = t.imports.units;
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  if (h > 0) return `${h} ${u.h} ${String(m).padStart(2, '0')} ${u.min}`;
  if (m > 0) return `${m} ${u.min} ${String(r).padStart(2, '0')} ${u.s}`;
  return `${r} ${u.s}`;
}

/** The progress line: how many of how many, the pace and the time left when known. */
export function progressText(t: Messages, run: ImportListItem): string {
  const m = t.imports;
  const n = (x: number) => x.toLocaleString(t.lang === 'en' ? 'en-GB' : 'vi-VN');
  const parts = [m.processedOf(n(run.processed), n(run.total), percentDone(run))];
  if (run.rowsPerSecond > 0) parts.push(m.pace(n(Math.round(run.rowsPerSecond))));
  if (run.state === 'running' && run.secondsLeft !== null)
    parts.push(m.left(durationText(t, run.secondsLeft)));
  return parts.join(' · ');
}

/** The import a page address names (`?lan=123`), or null. */
export function importIdOf(search: string | null): string | null {
  return search !== null && /^[0-9]{1,18}$/.test(search) ? search : null;
}

/** An instant as Vietnam's civil date and time, "07/12/2026 15:20", whatever the browser's zone. */
export function vnDateTimeText(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  return formatDateTimeText(new Date(ms + 7 * 3_600_000).toISOString().slice(0, 16));
}
