// A report's table as a file to download: "Tải Excel (.xlsx)" and "Tải PDF", the same API address the
// page reads with `format=` (kpis-model.ts, reportFileHref); the KPI, Decision 766 and adoption pages.
import { useI18n } from '../../app/i18n/i18n.tsx';
import { reportFileHref } from './kpis-model.ts';

type Props = {
  /** The API path the page reads, e.g. `/api/v1/reports/kpis`. */
  path: string;
  query: { from: string; to: string; agencyCode?: string | undefined };
};

export function ReportDownloads({ path, query }: Props) {
  const { t } = useI18n();
  return (
    <p className="row-actions overview-downloads">
      <a className="button" href={reportFileHref(path, query, 'xlsx')} download>
        {t.ii06a.xlsx}
      </a>
      <a className="button" href={reportFileHref(path, query, 'pdf')} download>
        {t.ii06a.pdf}
      </a>
    </p>
  );
}
