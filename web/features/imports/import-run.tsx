// One run of an import (#17), followed while it runs (GET every second): its progress bar with the
// records done, the pace and the time left; then what it found — accepted, refused, unchanged — with
// the downloadable summary and the report, a hundred records a page, all or only the refused. After a
// dry run of the file still chosen, "Nhập thật" runs the same file for real.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { Pager } from '../../app/pager.tsx';
import { ReadError } from '../../app/read-error.tsx';
import { importQueries, REPORT_PAGE_SIZE, type ImportView } from './imports-api.ts';
import { percentDone, progressText } from './import-rules.ts';

const POLL_MS = 1000;

function Counters({ run }: { run: ImportView }) {
  const { t } = useI18n();
  const m = t.imports;
  return (
    <dl className="summary-list">
      <div>
        <dt>{m.counts.accepted}</dt>
        <dd>{run.accepted}</dd>
      </div>
      <div>
        <dt>{m.counts.refused}</dt>
        <dd>{run.refused}</dd>
      </div>
      <div>
        <dt>{m.counts.unchanged}</dt>
        <dd>{run.unchanged}</dd>
      </div>
    </dl>
  );
}

function Report({ run, page, onPage }: { run: ImportView; page: number; onPage: (p: number) => void }) {
  const { t } = useI18n();
  const m = t.imports;
  const heading = useRef<HTMLHeadingElement>(null);
  const pages = Math.max(1, Math.ceil(run.reportTotal / REPORT_PAGE_SIZE));
  return (
    <>
      <h3 className="subsection-heading" id="import-report-heading" tabIndex={-1} ref={heading}>
        {m.reportHeading}
      </h3>
      {run.report.length === 0 ? (
        <p>{m.noReport}</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <caption className="visually-hidden">{m.reportCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{m.columns.line}</th>
                <th scope="col">{m.columns.code}</th>
                <th scope="col">{m.columns.outcome}</th>
                <th scope="col">{m.columns.reason}</th>
              </tr>
            </thead>
            <tbody>
              {run.report.map((r) => (
                <tr key={r.line} className={r.outcome === 'refused' ? 'plan-row-error' : undefined}>
                  <th scope="row" data-label={m.columns.line}>
                    {r.line}
                  </th>
                  <td data-label={m.columns.code} className="code">
                    {r.code ?? ''}
                  </td>
                  <td data-label={m.columns.outcome}>{m.outcomes[r.outcome]}</td>
                  <td data-label={m.columns.reason} lang="vi">
                    {r.reason ?? ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager label={m.reportPager} page={page} pages={pages} onPage={onPage} heading={heading} />
    </>
  );
}

export function ImportRun({ id, onApply }: { id: string; onApply: (() => void) | null }) {
  const { t } = useI18n();
  const m = t.imports;
  const [page, setPage] = useState(1);
  const [refusedOnly, setRefusedOnly] = useState(false);
  const read = useQuery({
    ...importQueries.one({ id, page, refusedOnly }),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (q.state.data?.state === 'running' ? POLL_MS : false),
  });
  const run = read.data;
  const heading = useRef<HTMLHeadingElement>(null);
  const finished = run !== undefined && run.state !== 'running';
  useEffect(() => {
    if (finished) heading.current?.focus();
  }, [finished]);

  return (
    <section aria-labelledby="import-run-heading" className="dossier-section">
      <h2 id="import-run-heading" className="section-heading" tabIndex={-1} ref={heading}>
        {run ? m.runHeading(run.dryRun, run.fileName ?? `#${run.id}`) : m.runLoading}
      </h2>
      <ReadError read={read} />
      {run ? (
        <>
          <p role="status" className={run.state === 'failed' ? 'notice notice-warning' : 'notice'}>
            {m.states[run.state]}
            {run.error ? `: ${run.error}` : ''}
          </p>
          <div className="field">
            <label htmlFor="import-progress">{m.progress}</label>
            <progress
              className="import-progress"
              id="import-progress"
              max={100}
              value={percentDone(run)}
              aria-describedby="import-progress-text"
            >
              {percentDone(run)} %
            </progress>
            <p className="hint" id="import-progress-text">
              {progressText(t, run)}
            </p>
          </div>
          <Counters run={run} />
          {finished ? (
            <p className="page-actions">
              <a className="button" href={run.summaryUrl} download>
                {m.downloadSummary}
              </a>{' '}
              {run.dryRun && run.state === 'done' && onApply && run.accepted > 0 ? (
                <button type="button" className="button button-primary" onClick={onApply}>
                  {m.applyNow(run.accepted)}
                </button>
              ) : null}
            </p>
          ) : null}
          <div className="field field-checkbox">
            <input
              id="import-refused-only"
              type="checkbox"
              checked={refusedOnly}
              onChange={(e) => {
                setRefusedOnly(e.target.checked);
                setPage(1);
              }}
            />
            <label htmlFor="import-refused-only">{m.refusedOnly}</label>
          </div>
          <Report run={run} page={page} onPage={setPage} />
        </>
      ) : null}
    </section>
  );
}
