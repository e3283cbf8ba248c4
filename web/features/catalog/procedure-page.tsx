// /thu-tuc/<code>: everything a citizen needs before applying — where, how long, how much, which
// papers, the result, the legal basis and the declaration form's items — with the expected result
// date if they applied now.
import { startTransition, useEffect, useState, type ReactNode } from 'react';
import {
  CHANNELS,
  PROCEDURE_CODE_PATTERN,
  type Channel,
  type DossierComponent,
  type Procedure,
  type ProcedureCase,
} from '../../../common/catalog/procedure.ts';
import { errorText } from '../../app/errors.ts';
import { ApiError, isAbort } from '../../app/http.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import type { Messages } from '../../app/i18n/vi.ts';
import { Page } from '../../app/page.tsx';
import { PATHS } from '../../app/paths.ts';
import { Link } from '../../app/router.tsx';
import { ApplyOnline } from '../citizen/apply-online.tsx';
import { loadPortalSettings } from '../citizen/citizen-http.ts';
import { getProcedure, type ProcedureDetail } from './catalog-api.ts';
import { channelsText, feeRows, timeLimitText } from './catalog-format.ts';
import { ExpectedResult, loadExpected, type Expected } from './expected-result.tsx';
import { FormSummary } from './form-summary.tsx';
import { OfferingAgencies } from './offering-agencies.tsx';

type Load =
  | { kind: 'loading' }
  | { kind: 'done'; detail: ProcedureDetail; expected: Expected }
  | { kind: 'error'; error: unknown };

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

/** Channels the procedure is offered on, else all three (older records list none). */
function channelsOf(p: Procedure): readonly Channel[] {
  return p.channels.length > 0 ? CHANNELS.filter((c) => p.channels.includes(c)) : CHANNELS;
}

/**
 * Channel → limit, two columns. Notes go below the table, each once, naming its channels unless it
 * holds for all of them; a limit published without its unit gets a visible warning.
 */
function LimitsTable({
  t,
  owner,
  channels,
  caption,
}: {
  t: Messages;
  owner: Procedure | ProcedureCase;
  channels: readonly Channel[];
  caption: string;
}) {
  const notes = new Map<string, Channel[]>();
  let noUnit = false;
  for (const c of channels) {
    const limit = owner.timeLimits[c];
    const gap = owner.timeLimitGaps.find((g) => g.channel === c);
    if (limit?.unit === null) noUnit = true;
    const note = limit ? limit.note : (gap?.note ?? null);
    if (note) notes.set(note, [...(notes.get(note) ?? []), c]);
  }
  return (
    <>
      <table className="table limits-table" role="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead role="rowgroup">
          <tr role="row">
            <th scope="col" role="columnheader">
              {t.procedure.limits.channel}
            </th>
            <th scope="col" role="columnheader">
              {t.procedure.limits.limit}
            </th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          {channels.map((c) => {
            const limit = owner.timeLimits[c];
            const gap = owner.timeLimitGaps.find((g) => g.channel === c);
            return (
              <tr role="row" key={c}>
                <th scope="row" role="rowheader" data-label={t.procedure.limits.channel}>
                  {t.catalog.channels[c]}
                </th>
                <td role="cell" data-label={t.procedure.limits.limit}>
                  {limit ? (
                    <span className={limit.unit === null ? 'limit-no-unit' : 'limit-value'}>
                      {timeLimitText(t, limit)}
                    </span>
                  ) : (
                    (gap?.text ?? t.procedure.limits.notPublished)
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {noUnit ? <p className="note-warning">{t.catalog.noUnitNote}</p> : null}
      {[...notes].map(([note, on]) => (
        <p key={note} className="note">
          {t.procedure.limits.note}
          {on.length < channels.length ? ` (${channelsText(t, on)})` : ''}: {note}
        </p>
      ))}
    </>
  );
}

function FeesTable({ t, fees, caption }: { t: Messages; fees: Procedure['fees']; caption: string }) {
  const rows = feeRows(t, fees);
  if (rows.length === 0) return <p className="muted">{t.procedure.fees.none}</p>;
  return (
    <table className="table" role="table">
      <caption className="visually-hidden">{caption}</caption>
      <thead role="rowgroup">
        <tr role="row">
          <th scope="col" role="columnheader">
            {t.procedure.fees.channel}
          </th>
          <th scope="col" role="columnheader">
            {t.procedure.fees.amount}
          </th>
          <th scope="col" role="columnheader">
            {t.procedure.fees.note}
          </th>
        </tr>
      </thead>
      <tbody role="rowgroup">
        {rows.map((r, i) => (
          <tr role="row" key={i}>
            <th scope="row" role="rowheader" data-label={t.procedure.fees.channel}>
              {channelsText(t, r.channels)}
            </th>
            <td role="cell" data-label={t.procedure.fees.amount} className="fee-amount">
              {r.text}
            </td>
            <td role="cell" data-label={t.procedure.fees.note}>
              {r.note ?? <span aria-hidden="true">—</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ComponentItem({ t, c }: { t: Messages; c: DossierComponent }) {
  const counts: string[] = [];
  if (c.originals !== null) counts.push(t.procedure.components.originals(c.originals));
  if (c.copies !== null) counts.push(t.procedure.components.copies(c.copies));
  if (c.submission) counts.push(t.catalog.submission[c.submission]);
  return (
    <li className="component-item">
      <p className="component-name">{c.name}</p>
      {counts.length > 0 ? <p className="component-meta">{counts.join(' · ')}</p> : null}
      {c.condition ? (
        <p className="component-meta">
          <span className="component-label">{t.procedure.components.condition}:</span> {c.condition}
        </p>
      ) : null}
      {c.form ? (
        <p className="component-meta">
          <span className="component-label">{t.procedure.components.form}:</span> {c.form}
        </p>
      ) : null}
      {c.electronicCopyAccepted || c.reuseAccepted ? (
        <ul className="tag-list">
          {c.electronicCopyAccepted ? <li className="tag">{t.procedure.components.electronic}</li> : null}
          {c.reuseAccepted ? <li className="tag">{t.procedure.components.reuse}</li> : null}
        </ul>
      ) : null}
    </li>
  );
}

function Components({ t, components }: { t: Messages; components: DossierComponent[] }) {
  if (components.length === 0) return <p className="muted">{t.procedure.components.none}</p>;
  const groups: { name: string | null; items: DossierComponent[] }[] = [];
  for (const c of components) {
    const group = groups.find((g) => g.name === c.group);
    if (group) group.items.push(c);
    else groups.push({ name: c.group, items: [c] });
  }
  if (groups.length === 1 && groups[0]!.name === null) {
    return (
      <ol className="component-list">
        {components.map((c, i) => (
          <ComponentItem key={i} t={t} c={c} />
        ))}
      </ol>
    );
  }
  return (
    <>
      {groups.map((g, gi) => (
        <div key={gi} className="component-group">
          <h3 className="subsection-heading">{g.name ?? t.procedure.components.general}</h3>
          <ol className="component-list">
            {g.items.map((c, i) => (
              <ComponentItem key={i} t={t} c={c} />
            ))}
          </ol>
        </div>
      ))}
    </>
  );
}

function ProcedureBody({ detail, expected }: { detail: ProcedureDetail; expected: Expected }) {
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

      <ApplyOnline code={p.code} channels={p.channels} />

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

export function ProcedurePage({ code }: { code: string }) {
  const { t } = useI18n();
  const valid = PROCEDURE_CODE_PATTERN.test(code);
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!valid) return;
    const controller = new AbortController();
    setLoad({ kind: 'loading' });
    getProcedure(code, controller.signal)
      .then(async (detail) => {
        // The portal's mode with it, so that "Nộp trực tuyến" is drawn once, in its final form.
        const [expected] = await Promise.all([
          loadExpected(detail.procedure, controller.signal),
          loadPortalSettings(),
        ]);
        // A transition: React renders the long page in slices that leave the main thread free.
        startTransition(() => setLoad({ kind: 'done', detail, expected }));
      })
      .catch((error: unknown) => {
        if (!isAbort(error)) setLoad({ kind: 'error', error });
      });
    return () => controller.abort();
  }, [code, valid, attempt]);

  const notFound =
    !valid || (load.kind === 'error' && load.error instanceof ApiError && load.error.status === 404);
  const heading =
    load.kind === 'done'
      ? load.detail.procedure.name
      : notFound
        ? t.procedure.notFound(code)
        : t.procedure.title;

  return (
    <Page title={load.kind === 'done' ? load.detail.procedure.name : t.procedure.title} heading={heading}>
      {/* After loading, so that a long name wrapping onto more lines moves nothing already shown. */}
      {load.kind === 'loading' && valid ? null : (
        <nav className="breadcrumb" aria-label={t.procedure.breadcrumb}>
          <ol>
            <li>
              <Link to={PATHS.portal}>{t.portal.title}</Link>
            </li>
            <li aria-current="page">{valid ? code : t.procedure.title}</li>
          </ol>
        </nav>
      )}
      {notFound ? (
        <p>
          <Link to={PATHS.portal}>{t.procedure.otherProcedures}</Link>
        </p>
      ) : load.kind === 'loading' ? (
        <p className="muted pending" role="status">
          {t.procedure.loading}
        </p>
      ) : load.kind === 'error' ? (
        <div className="inline-error" role="alert">
          <p>{errorText(t, load.error)}</p>
          <button type="button" className="button" onClick={() => setAttempt((n) => n + 1)}>
            {t.errors.retry}
          </button>
        </div>
      ) : (
        <ProcedureBody detail={load.detail} expected={load.expected} />
      )}
    </Page>
  );
}
