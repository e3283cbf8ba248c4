// The body of the procedure page: the facts, applying online, the expected result date, a table of
// contents and one section each for where, how long, how much, which papers, cases, the result,
// the legal basis and the declaration form.
import type { ReactNode } from 'react';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { ApplyOnline } from '../citizen/apply-online.tsx';
import type { ProcedureDetail } from './catalog-api.ts';
import type { Expected } from './expected.ts';
import { ExpectedResult } from './expected-result.tsx';
import { FormSummary } from './form-summary.tsx';
import { OfferingAgencies } from './offering-agencies.tsx';
import { Components } from './procedure-components.tsx';
import { FeesTable, LimitsTable } from './procedure-tables.tsx';
import { channelsOf } from './procedure-view.ts';

function Section({ id, heading, children }: { id: string; heading: string; children: ReactNode }) {
  return (
    <section className="procedure-section" aria-labelledby={`${id}-heading`} id={id}>
      <h2 id={`${id}-heading`} className="section-heading">
        {heading}
      </h2>
      {children}
    </section>
  );
}

export function ProcedureBody({ detail, expected }: { detail: ProcedureDetail; expected: Expected }) {
  const { t } = useI18n();
  const p = detail.procedure;
  const channels = channelsOf(p);
  const sections: { id: string; heading: string }[] = [
    { id: 'noi-nop', heading: t.procedure.where.heading },
    { id: 'thoi-han', heading: t.procedure.limits.heading },
    { id: 'phi', heading: t.procedure.fees.heading },
    { id: 'thanh-phan', heading: t.procedure.components.heading },
    ...(p.cases.length > 0 ? [{ id: 'truong-hop', heading: t.procedure.cases.heading }] : []),
    { id: 'ket-qua', heading: t.procedure.results.heading },
    { id: 'can-cu', heading: t.procedure.legal.heading },
    { id: 'to-khai', heading: t.procedure.form.heading },
  ];

  return (
    <>
      <dl className="summary-list">
        <div>
          <dt>{t.procedure.code}</dt>
          <dd className="code">{p.code}</dd>
        </div>
        {p.field ? (
          <div>
            <dt>{t.procedure.field}</dt>
            <dd>{p.field.name}</dd>
          </div>
        ) : null}
        {p.levels.length > 0 ? (
          <div>
            <dt>{t.procedure.levels}</dt>
            <dd>{p.levels.map((l) => t.catalog.levels[l]).join(', ')}</dd>
          </div>
        ) : null}
        {p.applicants.length > 0 ? (
          <div>
            <dt>{t.procedure.applicants}</dt>
            <dd>{p.applicants.join('; ')}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t.procedure.onlineLevel}</dt>
          <dd>{p.onlineLevel ? t.catalog.onlineLevels[p.onlineLevel] : t.procedure.onlineUnknown}</dd>
        </div>
        {p.decisionNumber ? (
          <div>
            <dt>{t.procedure.decision}</dt>
            <dd>{p.decisionNumber}</dd>
          </div>
        ) : null}
      </dl>

      <ApplyOnline code={p.code} channels={p.channels} online={detail.onlineApplication} />

      <ExpectedResult expected={expected} />

      <nav className="toc" aria-labelledby="toc-heading">
        <h2 id="toc-heading" className="toc-heading">
          {t.procedure.onThisPage}
        </h2>
        <ul>
          {sections.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`}>{s.heading}</a>
            </li>
          ))}
        </ul>
      </nav>

      <Section id="noi-nop" heading={t.procedure.where.heading}>
        {p.competentAuthority || p.implementingAgency ? (
          <dl className="summary-list">
            {p.competentAuthority ? (
              <div>
                <dt>{t.procedure.where.competent}</dt>
                <dd>{p.competentAuthority}</dd>
              </div>
            ) : null}
            {p.implementingAgency ? (
              <div>
                <dt>{t.procedure.where.implementing}</dt>
                <dd>{p.implementingAgency}</dd>
              </div>
            ) : null}
          </dl>
        ) : null}
        <OfferingAgencies agencies={detail.offeredBy} />
      </Section>

      <Section id="thoi-han" heading={t.procedure.limits.heading}>
        <LimitsTable t={t} owner={p} channels={channels} caption={t.procedure.limits.caption} />
      </Section>

      <Section id="phi" heading={t.procedure.fees.heading}>
        <FeesTable t={t} fees={p.fees} caption={t.procedure.fees.caption} />
        {p.feePolicy?.decidedBy ? (
          <p>
            <span className="component-label">{t.procedure.fees.decidedBy}:</span> {p.feePolicy.decidedBy}
          </p>
        ) : null}
        {p.feePolicy && p.feePolicy.exemptions.length > 0 ? (
          <>
            <p className="component-label">{t.procedure.fees.exemptions}:</p>
            <ul>
              {p.feePolicy.exemptions.map((e, i) => (
                <li key={i}>{e}</li>
              ))}
            </ul>
          </>
        ) : null}
        {p.feePolicy?.note ? <p className="note">{p.feePolicy.note}</p> : null}
      </Section>

      <Section id="thanh-phan" heading={t.procedure.components.heading}>
        <Components t={t} components={p.components} />
      </Section>

      {p.cases.length > 0 ? (
        <Section id="truong-hop" heading={t.procedure.cases.heading}>
          <p>{t.procedure.cases.intro}</p>
          {p.cases.map((c) => (
            <div key={c.key} className="case-block">
              <h3 className="subsection-heading">{c.name}</h3>
              <LimitsTable
                t={t}
                owner={c}
                channels={channels}
                caption={`${t.procedure.limits.caption}: ${c.name}`}
              />
              {c.fees.length > 0 ? (
                <FeesTable t={t} fees={c.fees} caption={`${t.procedure.fees.caption}: ${c.name}`} />
              ) : null}
            </div>
          ))}
        </Section>
      ) : null}

      <Section id="ket-qua" heading={t.procedure.results.heading}>
        {p.results.length === 0 ? (
          <p className="muted">{t.procedure.results.none}</p>
        ) : (
          <ul className="plain-list">
            {p.results.map((r, i) => (
              <li key={i}>
                {r.name}
                {r.code ? <span className="muted code"> ({r.code})</span> : null}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="can-cu" heading={t.procedure.legal.heading}>
        {p.legalBases.length === 0 ? (
          <p className="muted">{t.procedure.legal.none}</p>
        ) : (
          <ul className="legal-list">
            {p.legalBases.map((b) => (
              <li key={b}>{b}</li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="to-khai" heading={t.procedure.form.heading}>
        <FormSummary schema={detail.form} generic={detail.genericForm} />
      </Section>
    </>
  );
}
