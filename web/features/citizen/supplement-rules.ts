// What the supplement form checks before sending, what it sends, and where the server's messages go:
// rows of a paper's name and at most one file each, plus a note. Kept out of the form so that the
// rules can be tested without a browser.
import { detailText } from '../../app/errors.ts';
import type { ErrorDetail } from '../../app/http.ts';
import type { Messages } from '../../app/i18n/vi.ts';
import type { Problem } from '../calendar/error-summary.tsx';

export type SupplementRow = { key: string; name: string };
/** A message, under the field key it belongs to (`<row key>/name`, `<row key>/fileId`) if any. */
export type Placed = { key: string | null; problem: Problem };

export type SupplementBody = {
  components: ({ name: string; fileId: string } | { name: string })[];
  note?: string;
};

/** The rows worth sending: a name typed, or a file attached. */
export function rowsToSend(
  rows: readonly SupplementRow[],
  fileIdsOf: (key: string) => readonly string[],
): SupplementRow[] {
  return rows.filter((r) => r.name.trim() !== '' || fileIdsOf(r.key).length > 0);
}

/** What stops the form from being sent: uploads still running, nothing to send, a file without a name. */
export function supplementProblems(
  t: Messages,
  rows: readonly SupplementRow[],
  uploads: { busy: boolean; fileIds: (key: string) => readonly string[] },
): Placed[] {
  const c = t.citizen.supplement;
  const found: Placed[] = [];
  if (uploads.busy) found.push({ key: null, problem: { message: t.citizen.apply.stillUploading } });
  const first = rows[0];
  if (rowsToSend(rows, uploads.fileIds).length === 0 && first)
    found.push({
      key: `${first.key}/name`,
      problem: { message: c.nothing, fieldId: `${first.key}-name`, label: c.name(1) },
    });
  rows.forEach((r, i) => {
    if (r.name.trim() === '' && uploads.fileIds(r.key).length > 0)
      found.push({
        key: `${r.key}/name`,
        problem: { message: c.nameMissing, fieldId: `${r.key}-name`, label: c.name(i + 1) },
      });
  });
  return found;
}

export function supplementBody(
  sent: readonly SupplementRow[],
  fileIdsOf: (key: string) => readonly string[],
  note: string,
): SupplementBody {
  return {
    components: sent.map((r) => {
      const fileId = fileIdsOf(r.key)[0];
      return fileId ? { name: r.name.trim(), fileId } : { name: r.name.trim() };
    }),
    ...(note.trim() ? { note: note.trim() } : {}),
  };
}

/** The server's messages beside the row they name (`body/components/<n>/name|fileId`, n among `sent`). */
export function placeSupplementDetails(
  t: Messages,
  details: readonly ErrorDetail[],
  rows: readonly SupplementRow[],
  sent: readonly SupplementRow[],
): Placed[] {
  return details.map((d) => {
    const m = /^body\/components\/(\d+)\/(name|fileId)$/.exec(d.path);
    const row = m ? sent[Number(m[1])] : undefined;
    if (row && m) {
      const field = m[2] === 'name' ? `${row.key}-name` : `${row.key}-file`;
      return {
        key: `${row.key}/${m[2]}`,
        problem: {
          message: detailText(t, d),
          fieldId: field,
          label: t.citizen.supplement.name(rows.indexOf(row) + 1),
        },
      };
    }
    return { key: null, problem: { message: detailText(t, d) } };
  });
}

/** The first message of each field key, for the message beside the field. */
export function fieldMessages(found: readonly Placed[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of found) if (f.key !== null && !(f.key in out)) out[f.key] = f.problem.message;
  return out;
}
