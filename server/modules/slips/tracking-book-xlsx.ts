// The tracking book (2018 Mẫu 06 / 2025 Mẫu 07, Sổ theo dõi hồ sơ) as a spreadsheet: one header row
// and one row per dossier, in the columns of the printed register (server/platform/xlsx.ts writes it):
// times as spreadsheet serials in Vietnamese civil time with a date format, so they sort and filter
// as dates.
import type { TrackingBookData, TrackingBookEntry } from './slip-data.ts';
import { formSetFor, slipForm, TRACKING_BOOK_COLUMNS, type FormSetId } from './slip-forms.ts';
import { civilShortDate, parseInstant, vnParts } from './vn-format.ts';
import { VN_OFFSET_MINUTES } from '../../../common/working-time/civil-date.ts';
import { buildXlsx, type XlsxCell } from '../../platform/xlsx.ts';

export const SHEET_NAME = 'Sổ theo dõi hồ sơ';

/** Column widths in characters, matching TRACKING_BOOK_COLUMNS. */
const COLUMN_CHARS = [6, 28, 34, 24, 34, 26, 17, 17, 17, 18, 18, 20] as const;
const TIME_COLUMNS = new Set([6, 7, 8]);
const TIME_FORMAT = 'hh:mm dd/mm/yyyy';

/** An instant as the Date whose UTC parts are its Vietnamese civil time (a serial counts UTC days). */
function vnWallClock(iso: string): Date {
  return new Date(parseInstant(iso) + VN_OFFSET_MINUTES * 60_000);
}

/** Spreadsheet serial (days since 1899-12-30) of an instant, read in Vietnamese civil time. */
export function spreadsheetSerial(iso: string): number {
  return vnWallClock(iso).getTime() / 86_400_000 + 25569;
}

const time = (iso: string | undefined): XlsxCell => (iso ? vnWallClock(iso) : undefined);

function rowCells(e: TrackingBookEntry, index: number): XlsxCell[] {
  return [
    e.entry ?? index + 1,
    e.dossierCode,
    e.procedureName,
    e.applicantName,
    [e.address, e.phone].filter(Boolean).join('; '),
    e.resolvingAgency,
    time(e.receivedAt),
    time(e.dueAt),
    time(e.returnedAt),
    e.deliveryMethod,
    e.signedBy,
    e.note,
  ];
}

/**
 * The tracking book as an .xlsx file. The form set (for the document subject only) follows the same
 * rule as the PDF: the start of the period, unless a set is given.
 */
export async function renderTrackingBookXlsx(
  data: TrackingBookData,
  options: { formSet?: FormSetId } = {},
): Promise<Buffer> {
  const form = slipForm('tracking-book', options.formSet ?? formSetFor(`${data.period.from}T00:00:00+07:00`));
  const t = vnParts(data.issuedAt);
  return buildXlsx({
    sheetName: SHEET_NAME,
    columns: TRACKING_BOOK_COLUMNS.map((c, i) => ({
      header: c.header,
      width: COLUMN_CHARS[i]!,
      ...(TIME_COLUMNS.has(i) ? { numFmt: TIME_FORMAT } : {}),
    })),
    rows: data.entries.map(rowCells),
    title:
      `${SHEET_NAME} — ${data.agency.name}` +
      (data.field ? ` — ${data.field}` : '') +
      ` — ${civilShortDate(data.period.from)}–${civilShortDate(data.period.to)}`,
    subject: `${form.form} — ${form.source}`,
    created: new Date(parseInstant(data.issuedAt)),
    packagedAt: new Date(t.year, t.month - 1, t.day, t.hour, t.minute),
  });
}
