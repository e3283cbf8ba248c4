// /ho-so/so-theo-doi: the desk's tracking book (sổ theo dõi hồ sơ, Mẫu 06 TT 01/2018 / Mẫu 07 TT 03/2025)
// for the days the officer picks, downloaded as PDF or as a spreadsheet (GET /desks/<agency>/tracking-book).
// Dates are typed as dd/mm/yyyy whatever the browser's language (the one date input); the book numbers its rows as the year's
// book does, the number the receipt slip gives ("Quyển số …, Số thứ tự …", docs/domain/slips.md).
import { useRef, useState, type FormEvent } from 'react';
import { vnCivil } from '../../../common/time/vn-time.ts';
import { errorText } from '../../app/errors.ts';
import { apiErrorOf, ApiError } from '../../app/http.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { Page } from '../../app/page.tsx';
import { useSession } from '../../app/session.tsx';
import { ErrorSummary, type Problem } from '../calendar/error-summary.tsx';
import { DateInput } from '../../app/ui/date-input.tsx';

const pad = (n: number) => String(n).padStart(2, '0');

/** The first of this month and today, in Vietnam (ISO days). */
function thisMonth(now = new Date()): { from: string; to: string } {
  const c = vnCivil(now);
  const month = `${c.year}-${pad(c.month)}`;
  return { from: `${month}-01`, to: `${month}-${pad(c.day)}` };
}

/** What the date input hands on is ISO only for a real date. */
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

type Format = 'pdf' | 'xlsx';

async function download(agencyCode: string, from: string, to: string, format: Format): Promise<void> {
  const url = `/api/v1/desks/${encodeURIComponent(agencyCode)}/tracking-book?from=${from}&to=${to}&format=${format}`;
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin' });
  } catch {
    throw new ApiError({ status: 0, code: 'NETWORK_ERROR', message: '' });
  }
  if (!response.ok) {
    let body: unknown = null;
    try {
      body = await response.json();
    } catch {
      // Not JSON: described by the status alone.
    }
    throw apiErrorOf(response.status, body, response.headers.get('retry-after'));
  }
  const blob = await response.blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = `so-theo-doi-${agencyCode}-${from}-${to}.${format}`;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

export function TrackingBookPage() {
  const { t } = useI18n();
  const b = t.dossiers.trackingBook;
  const { session } = useSession();
  const desks =
    session.status === 'signed-in' ? session.user.roles.filter((r) => r.role === 'desk-officer') : [];
  const [desk, setDesk] = useState(desks[0]?.agencyCode ?? '');
  const [dates, setDates] = useState(thisMonth);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState<Format | null>(null);
  const summaryHeading = useRef<HTMLHeadingElement>(null);

  const show = (nextFields: Record<string, string>, next: Problem[]) => {
    setFields(nextFields);
    setProblems(next);
    if (next.length > 0) window.setTimeout(() => summaryHeading.current?.focus(), 0);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const format: Format = submitter?.value === 'xlsx' ? 'xlsx' : 'pdf';
    if (busy) return;
    const from = ISO_DAY.test(dates.from) ? dates.from : null;
    const to = ISO_DAY.test(dates.to) ? dates.to : null;
    const bad: Record<string, string> = {};
    const list: Problem[] = [];
    if (!from) {
      bad.from = b.badDate;
      list.push({ message: b.badDate, fieldId: 'tracking-book-from', label: b.from });
    }
    if (!to) {
      bad.to = b.badDate;
      list.push({ message: b.badDate, fieldId: 'tracking-book-to', label: b.to });
    }
    if (from && to && to < from) {
      bad.to = b.order;
      list.push({ message: b.order, fieldId: 'tracking-book-to', label: b.to });
    }
    if (list.length > 0 || !from || !to) return show(bad, list);
    show({}, []);
    setBusy(format);
    try {
      await download(desk, from, to, format);
    } catch (error) {
      show({}, [{ message: errorText(t, error) }]);
    } finally {
      setBusy(null);
    }
  };

  const dateField = (key: 'from' | 'to', label: string) => {
    const id = `tracking-book-${key}`;
    const error = fields[key];
    return (
      <div className={error ? 'field field-invalid' : 'field'}>
        <label htmlFor={id}>{label}</label>
        {error ? (
          <p className="field-error" id={`${id}-error`}>
            {error}
          </p>
        ) : null}
        <DateInput
          id={id}
          value={dates[key]}
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(value) => setDates((d) => ({ ...d, [key]: value }))}
        />
      </div>
    );
  };

  return (
    <Page title={b.title} heading={b.title} intro={b.intro} className="tracking-book-page">
      {desks.length === 0 ? (
        <p className="notice">{b.noDesk}</p>
      ) : (
        <>
          <ErrorSummary title={b.errorSummary} problems={problems} headingRef={summaryHeading} />
          <form className="tracking-book-form" noValidate onSubmit={(e) => void submit(e)}>
            <div className="field">
              <label htmlFor="tracking-book-desk">{b.desk}</label>
              <select id="tracking-book-desk" value={desk} onChange={(e) => setDesk(e.target.value)}>
                {desks.map((d) => (
                  <option key={d.agencyCode} value={d.agencyCode} lang="vi">
                    {d.agencyName}
                  </option>
                ))}
              </select>
            </div>
            <div className="date-pair">
              {dateField('from', b.from)}
              {dateField('to', b.to)}
            </div>
            <div className="form-actions">
              <button
                type="submit"
                name="format"
                value="pdf"
                className="button button-primary"
                aria-disabled={busy !== null || undefined}
              >
                {busy === 'pdf' ? t.loading : b.pdf}
              </button>
              <button
                type="submit"
                name="format"
                value="xlsx"
                className="button"
                aria-disabled={busy !== null || undefined}
              >
                {busy === 'xlsx' ? t.loading : b.xlsx}
              </button>
            </div>
          </form>
        </>
      )}
    </Page>
  );
}
