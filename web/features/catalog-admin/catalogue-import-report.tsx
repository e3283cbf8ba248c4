// What a catalogue file does (or did), record by record: the counts, the file's own problems, then
// fifty records a page — all of them or those of one outcome — with the code, the name the file gives,
// the outcome, each flag of a draft named in words with the link to complete it (once imported), and
// every reason a record is rejected. Names and reasons are the data's (Vietnamese, marked so).
import { useEffect, useRef } from 'react';
import { useI18n } from '../../app/i18n/i18n.tsx';
import type { Messages } from '../../app/i18n/vi.ts';
import { PagedReport } from '../../app/paged-report.tsx';
import { draftEditorPath } from '../../app/paths.ts';
import { Link } from '../../app/router.tsx';
import { withData } from '../../app/ui/data-text.tsx';
import { TableHead } from '../../app/ui/table-head.tsx';
import {
  fileReasons,
  filterRows,
  flagText,
  OUTCOMES,
  outcomeCounts,
  reportRows,
  ROW_FILTERS,
  type CatalogueImportReport,
  type ReportRow,
} from './catalogue-import-rules.ts';

export type CatalogueAnswer = { report: CatalogueImportReport; names: (string | null)[]; fileName: string };

function Detail({ t, row, applied }: { t: Messages; row: ReportRow; applied: boolean }) {
  const m = t.catalogAdmin.import;
  return (
    <>
      {row.version !== null && row.outcome !== 'rejected' ? <span>{m.versionN(row.version)}</span> : null}
      {row.flags.length > 0 ? (
        <>
          <span className="catalogue-import-lead">{m.flagsLead}</span>
          <ul className="plain-list">
            {row.flags.map((f) => (
              <li key={`${f.code}:${f.path}`}>{flagText(t, f)}</li>
            ))}
          </ul>
        </>
      ) : null}
      {applied && row.outcome === 'drafted' && row.version !== null ? (
        <Link className="button button-small" to={draftEditorPath(row.code, row.version)}>
          {m.editDraft(row.version)}
          <span className="visually-hidden"> – {row.code}</span>
        </Link>
      ) : null}
      {row.reasons.length > 0 ? (
        <>
          <span className="catalogue-import-lead">{m.reasonsLead}</span>
          <ul className="plain-list">
            {row.reasons.map((r, i) => (
              <li key={i} className="field-error">
                {r.path ? <code>{r.path}</code> : null}
                {r.path ? ': ' : null}
                <span lang="vi">{r.message}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

export function CatalogueImportReportView({ answer }: { answer: CatalogueAnswer }) {
  const { t } = useI18n();
  const m = t.catalogAdmin.import;
  const c = m.columns;
  const { report } = answer;
  const applied = !report.dryRun;
  const heading = useRef<HTMLHeadingElement>(null);
  const all = reportRows(report, answer.names);
  const ownProblems = fileReasons(report);
  const counts = outcomeCounts(report);
  // A list's rows are named by their line in the sheet; a JSON file's records by their number.
  const lineLabel = report.rows ? c.sheetLine : c.line;
  // Each answer is read from its heading (a new one mounts this again: the owner keys it).
  useEffect(() => heading.current?.focus(), []);

  return (
    <div className="catalogue-import">
      <h3 className="subsection-heading" tabIndex={-1} ref={heading}>
        {withData(applied ? m.appliedHeading : m.trialHeading, answer.fileName)}
      </h3>
      <p className={applied ? 'notice notice-success' : 'notice'}>
        {applied ? m.appliedNotice : m.trialNotice}
      </p>
      <dl className="summary-list">
        {OUTCOMES.map((o) => (
          <div key={o}>
            <dt>{m.outcomes[o]}</dt>
            <dd>{counts[o]}</dd>
          </div>
        ))}
      </dl>
      {ownProblems.length > 0 ? (
        <>
          <h4 className="subsection-heading">{m.fileReasons}</h4>
          <ul>
            {ownProblems.map((p, i) => (
              <li key={i} className="field-error" lang="vi">
                {p.message}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <PagedReport
        id="catalogue-import-filter"
        label={m.show}
        filters={ROW_FILTERS}
        filterLabel={(f) => m.filters[f]}
        rowsOf={(f) => filterRows(all, f)}
        none={m.noRows}
        pager={m.pager}
        heading={heading}
      >
        {(rows) => (
          <table className="table catalogue-import-table">
            <caption className="visually-hidden">{m.caption}</caption>
            <TableHead columns={[lineLabel, c.code, c.name, c.outcome, c.detail]} />
            <tbody>
              {rows.map((row) => (
                <tr key={row.index} className={row.outcome === 'rejected' ? 'plan-row-error' : undefined}>
                  <th scope="row" data-label={lineLabel}>
                    {row.line}
                  </th>
                  <td data-label={c.code} className="code">
                    {row.code}
                  </td>
                  <td data-label={c.name} lang="vi">
                    {row.name ?? ''}
                  </td>
                  <td data-label={c.outcome}>{m.outcomes[row.outcome]}</td>
                  <td data-label={c.detail}>
                    <Detail t={t} row={row} applied={applied} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </PagedReport>
    </div>
  );
}
