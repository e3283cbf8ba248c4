// The staff list's outcome, account by account (#17): its lines in the file, username, name, what the
// run does (or did), the roles added and every problem with its line, in the interface's language;
// 50 a page, all accounts or only the refused or the changed ones; the report as a CSV to download.
import { useEffect, useRef, useState } from 'react';
import { SelectFilter } from '../../app/field-frame.tsx';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { Pager } from '../../app/pager.tsx';
import type { StaffImportReport } from './staff-api.ts';
import {
  grantWords,
  pageOf,
  problemWords,
  REPORT_FILTERS,
  reportCsv,
  reportRows,
  reportTotals,
  type ReportFilter,
} from './staff-import-rules.ts';

export function StaffImportTable({ report }: { report: StaffImportReport }) {
  const { t } = useI18n();
  const m = t.staff.import;
  const c = m.columns;
  const heading = useRef<HTMLHeadingElement>(null);
  const [filter, setFilter] = useState<ReportFilter>('all');
  const [page, setPage] = useState(1);
  const shown = pageOf(reportRows(report.items, filter), page);
  const download = URL.createObjectURL(new Blob([reportCsv(t, report)], { type: 'text/csv;charset=utf-8' }));
  useEffect(() => () => URL.revokeObjectURL(download), [download]);
  useEffect(() => {
    heading.current?.focus();
  }, [report]);

  return (
    <div className="import-plan">
      <h3 id="staff-import-result-heading" className="subsection-heading" tabIndex={-1} ref={heading}>
        {report.dryRun ? m.planHeading : m.appliedHeading}
      </h3>
      <p className={report.refused > 0 ? 'notice notice-warning' : 'notice notice-success'}>
        {report.dryRun ? '' : `${m.applied(report.created, report.grantsAdded)} `}
        {reportTotals(t, report)}
      </p>
      {report.created > 0 ? <p className="hint">{m.needsReset}</p> : null}
      <p>
        <a
          className="button"
          href={download}
          download={report.dryRun ? 'chay-thu-can-bo.csv' : 'nhap-can-bo.csv'}
        >
          {m.download}
        </a>
      </p>
      <SelectFilter
        id="staff-import-filter"
        label={m.filter}
        value={filter}
        options={REPORT_FILTERS.map((f) => ({ value: f, label: m.filters[f] }))}
        onChange={(f) => {
          setFilter(f);
          setPage(1);
        }}
      />
      <div className="table-scroll">
        <table className="table">
          <caption className="visually-hidden">{m.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{c.lines}</th>
              <th scope="col">{c.username}</th>
              <th scope="col">{c.name}</th>
              <th scope="col">{c.outcome}</th>
              <th scope="col">{c.grants}</th>
              <th scope="col">{c.problems}</th>
            </tr>
          </thead>
          <tbody>
            {shown.rows.map((item) => (
              <tr key={item.username} className={item.outcome === 'refused' ? 'plan-row-error' : undefined}>
                <td data-label={c.lines}>{item.lines.join(', ')}</td>
                <th scope="row" data-label={c.username} className="code">
                  {item.username}
                </th>
                <td data-label={c.name} lang="vi">
                  {item.fullName}
                </td>
                <td data-label={c.outcome}>{m.outcomes[item.outcome]}</td>
                <td data-label={c.grants}>{item.grantsAdded.map((g) => grantWords(t, g)).join('; ')}</td>
                <td data-label={c.problems}>
                  {item.problems.length > 0 ? (
                    <ul className="plain-list">
                      {item.problems.map((p, i) => (
                        <li key={i} className="field-error">
                          {m.line(p.line)}: {problemWords(t, p)}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager label={m.pager} page={page} pages={shown.pages} onPage={setPage} heading={heading} />
    </div>
  );
}
