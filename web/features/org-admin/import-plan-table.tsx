// The outcome of a code list, row by row: its line, code, name, parent code, what it does (or did) and
// why a row cannot be applied, in the interface's language. The file's own problems come first; rows
// are shown 50 a page, all of them or only those with problems or changes.
import { useEffect, useRef } from 'react';
import { useI18n } from '../../app/i18n/i18n.tsx';
import type { Messages } from '../../app/i18n/vi.ts';
import { PagedReport } from '../../app/paged-report.tsx';
import type { AgencyImportPlanView, ImportItemView } from './org-admin-api.ts';
import { fileProblems, planRows, problemText, ROW_FILTERS } from './registry-rules.ts';

const OUTCOME_ORDER = ['create', 'recode', 'move', 'rename', 'unchanged', 'error'] as const;

function totalsText(t: Messages, plan: AgencyImportPlanView): string {
  const m = t.orgAdmin.import;
  const parts = OUTCOME_ORDER.filter((k) => plan.totals[k] > 0).map(
    (k) => `${m.outcomes[k].toLowerCase()} ${plan.totals[k]}`,
  );
  return m.totals(plan.items.length, parts.join(', '));
}

function Detail({ t, item, applied }: { t: Messages; item: ImportItemView; applied: boolean }) {
  const m = t.orgAdmin.import;
  const was = applied ? m.before : m.now;
  return (
    <>
      {item.current && item.outcome !== 'unchanged' ? (
        <span className="hint" lang="vi">
          {was(item.current.code, item.current.name)}
        </span>
      ) : null}
      {item.outcome === 'create' && item.kind ? (
        <span className="hint">{m.newAs(t.agencyKinds[item.kind] ?? item.kind, item.unitCode ?? '')}</span>
      ) : null}
      {item.problems.length > 0 ? (
        <ul className="plain-list">
          {item.problems.map((p, i) => (
            <li key={i} className="field-error">
              {problemText(t, p)}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

export function ImportPlanTable({ plan }: { plan: AgencyImportPlanView }) {
  const { t } = useI18n();
  const m = t.orgAdmin.import;
  const c = m.columns;
  const heading = useRef<HTMLHeadingElement>(null);
  const ownProblems = fileProblems(plan);
  // A trial run's outcome is read from its heading; an applied list is announced by the page's notice.
  useEffect(() => {
    if (!plan.applied) heading.current?.focus();
  }, [plan.applied]);

  return (
    <div className="import-plan">
      <h3 id="registry-plan-heading" className="subsection-heading" tabIndex={-1} ref={heading}>
        {plan.applied ? m.appliedHeading : m.planHeading}
      </h3>
      <p className={plan.ok ? 'notice notice-success' : 'notice notice-warning'}>
        {plan.applied
          ? m.applied(plan.items.filter((i) => i.outcome !== 'unchanged').length)
          : plan.ok
            ? m.ok
            : m.notOk(plan.problems.length)}{' '}
        {plan.items.length > 0 ? totalsText(t, plan) : ''}
      </p>
      {ownProblems.length > 0 ? (
        <>
          <h4 className="subsection-heading">{m.fileProblems}</h4>
          <ul>
            {ownProblems.map((p, i) => (
              <li key={i} className="field-error">
                {problemText(t, p)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {plan.items.length > 0 ? (
        <PagedReport
          id="registry-plan-filter"
          label={m.show}
          filters={ROW_FILTERS}
          filterLabel={(f) => m.filters[f]}
          rowsOf={(f) => planRows(plan, f)}
          none={m.noRows}
          pager={m.pager}
          heading={heading}
        >
          {(rows) => (
            <div className="table-scroll">
              <table className="table">
                <caption className="visually-hidden">{m.caption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{c.line}</th>
                    <th scope="col">{c.code}</th>
                    <th scope="col">{c.name}</th>
                    <th scope="col">{c.parent}</th>
                    <th scope="col">{c.outcome}</th>
                    <th scope="col">{c.detail}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((item) => (
                    <tr key={item.row} className={item.outcome === 'error' ? 'plan-row-error' : undefined}>
                      <th scope="row" data-label={c.line}>
                        {item.line}
                      </th>
                      <td data-label={c.code} className="code">
                        {item.code}
                      </td>
                      <td data-label={c.name} lang="vi">
                        {item.name}
                      </td>
                      <td data-label={c.parent} className="code">
                        {item.parentCode ?? ''}
                      </td>
                      <td data-label={c.outcome}>{m.outcomes[item.outcome]}</td>
                      <td data-label={c.detail}>
                        <Detail t={t} item={item} applied={plan.applied} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </PagedReport>
      ) : null}
    </div>
  );
}
