// Small pure helpers of the citizen pages: the applicant's wording of a status, file sizes, the
// dossier code read from what was typed or scanned.
import { DOSSIER_STATUSES, type DossierStatus } from '../../../common/dossiers/statuses.ts';
import type { Messages } from '../../app/i18n/vi.ts';
import {
  DOSSIER_CODE as OWN_DOSSIER_CODE,
  DOSSIER_REF as DOSSIER_CODE,
} from '../../../common/org/code-patterns.ts';

/** What the applicant reads for a status (the staff label is the national one). */
export function citizenStatusLabel(t: Messages, status: string): string {
  const info = (DOSSIER_STATUSES as Partial<Record<string, (typeof DOSSIER_STATUSES)[DossierStatus]>>)[
    status
  ];
  if (!info) return status;
  return t.lang === 'vi' ? info.citizenLabel : info.englishLabel;
}

/** "1,2 MB", "350 KB". */
export function fileSizeText(t: Messages, bytes: number): string {
  const format = (n: number) =>
    n.toLocaleString(t.time.numberLocale, { maximumFractionDigits: n < 10 ? 1 : 0 });
  if (bytes >= 1024 * 1024) return `${format(bytes / (1024 * 1024))} MB`;
  return `${format(Math.max(1, Math.round(bytes / 1024)))} KB`;
}

/** A dossier code as printed on the slips (QCVN 102 agency code, day, number). */
export { DOSSIER_CODE };

/**
 * The code in what was typed or scanned: a QR scanner types the slip's whole lookup address
 * (`https://…/tra-cuu/<code>`), a person types the code, perhaps in lower case or with spaces.
 * motcua's own codes are upper case, so one typed in lower case is read in upper case; a code kept
 * from a legacy system (`HS_2025.abc123`) is compared as it is, so its letters stay as typed.
 */
export function codeFromInput(input: string): string {
  let text = input.trim();
  const at = text.lastIndexOf('/tra-cuu/');
  if (at >= 0) {
    text = text.slice(at + '/tra-cuu/'.length).split(/[?#]/)[0] ?? '';
    try {
      text = decodeURIComponent(text);
    } catch {
      // Left as typed: the lookup answers "not found".
    }
  }
  const compact = text.replace(/\s+/g, '');
  const upper = compact.toUpperCase();
  return OWN_DOSSIER_CODE.test(upper) ? upper : compact;
}
