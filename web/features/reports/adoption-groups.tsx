// The agencies by administrative unit, in the order of the tree (province, then each commune): one
// table, one row group per unit headed by its trail, one row per agency with its figures, its status
// ("Chưa sử dụng hệ thống" marked), the reason for a legitimate zero, the requests to explain, and its
// moving in from a legacy system (the unit's too, under its trail); a province administrator asks a
// not-using agency from its row.
import { useState, type ReactNode } from 'react';
import type { Messages } from '../../app/i18n/vi.ts';
import { withData } from '../../app/ui/data-text.tsx';
import type { AdoptionAgency, AdoptionGroup } from './adoption-api.ts';
import { dayText, percent } from './adoption-model.ts';
import type { Formats } from './overview-model.ts';
import { OverviewSection } from './overview-table.tsx';
import { MovedInCell, UnitMovedIn } from './adoption-moved-in.tsx';

export type AskFor = { code: string; name: string };

const VERDICT_CLASS = {
  using: 'tag tag-current',
  'not-using': 'tag tag-not-using',
  'zero-explained': 'tag',
} as const;

function Explanations({ t, agency }: { t: Messages; agency: AdoptionAgency }) {
  const g = t.adoption.groups;
  if (agency.explanations.length === 0) return <>{g.noRequest}</>;
  return (
    <ul className="plain-list">
      {agency.explanations.map((e) => (
        <li key={e.id} className={e.state === 'late' ? 'adoption-late' : undefined}>
          {g.request(t.adoption.states[e.state], dayText(e.dueOn))}
        </li>
      ))}
    </ul>
  );
}

function AgencyRow({
  t,
  f,
  agency,
  onAsk,
}: {
  t: Messages;
  f: Formats;
  agency: AdoptionAgency;
  onAsk: ((a: AskFor) => void) | null;
}) {
  const a = t.adoption;
  const c = a.groups.columns;
  const share = percent(agency.procedures.share);
  const cells: [string, ReactNode, boolean][] = [
    [
      c.verdict,
      <>
        <span className={VERDICT_CLASS[agency.verdict]}>{a.verdicts[agency.verdict]}</span>
        {agency.zeroReason ? (
          <span className="adoption-reason"> {withData(a.groups.reason, agency.zeroReason.reason)}</span>
        ) : null}
      </>,
      false,
    ],
    [c.received, f.n(agency.received.value), true],
    [c.resolved, f.n(agency.resolved.value), true],
    [c.returned, f.n(agency.returned.value), true],
    [
      c.staff,
      agency.staff.total === 0
        ? a.groups.noStaff
        : a.groups.staff(f.n(agency.staff.signedIn), f.n(agency.staff.total), f.n(agency.staff.signIns)),
      false,
    ],
    [c.actions, f.n(agency.staff.actions), true],
    [
      c.procedures,
      share === null
        ? a.groups.noProcedures
        : a.groups.procedures(f.n(agency.procedures.used), f.n(agency.procedures.offered), share),
      false,
    ],
    [
      c.explanation,
      <>
        <Explanations t={t} agency={agency} />
        {onAsk && agency.verdict === 'not-using' ? (
          <button
            type="button"
            className="button button-small"
            onClick={() => onAsk({ code: agency.code, name: agency.name })}
          >
            {a.groups.ask}
            <span className="visually-hidden"> {withData(a.groups.askOf, agency.name)}</span>
          </button>
        ) : null}
      </>,
      false,
    ],
    [c.movedIn, <MovedInCell t={t} f={f} agency={agency} />, false],
  ];
  return (
    <tr
      role="row"
      className={agency.verdict === 'not-using' ? 'adoption-not-using' : undefined}
      data-agency={agency.code}
    >
      <th scope="row" role="rowheader" lang="vi">
        {agency.name}
      </th>
      {cells.map(([label, value, num]) => (
        <td key={label} role="cell" data-label={label} className={num ? 'num' : undefined}>
          {value}
        </td>
      ))}
    </tr>
  );
}

export function AdoptionGroups({
  t,
  f,
  groups,
  onAsk,
}: {
  t: Messages;
  f: Formats;
  groups: AdoptionGroup[];
  /** Province administrators ask a not-using agency to explain from its row. */
  onAsk: ((a: AskFor) => void) | null;
}) {
  const g = t.adoption.groups;
  const c = g.columns;
  const [onlyNotUsing, setOnlyNotUsing] = useState(false);
  const shown = groups
    .map((group) => ({
      ...group,
      agencies: onlyNotUsing ? group.agencies.filter((x) => x.verdict === 'not-using') : group.agencies,
    }))
    .filter((group) => group.agencies.length > 0);
  const columns = [
    c.agency,
    c.verdict,
    c.received,
    c.resolved,
    c.returned,
    c.staff,
    c.actions,
    c.procedures,
    c.explanation,
    c.movedIn,
  ];
  const numeric = new Set([c.received, c.resolved, c.returned, c.actions]);
  return (
    <OverviewSection id="adoption-groups" heading={g.heading}>
      <p className="checkbox">
        <input
          id="adoption-only-not-using"
          type="checkbox"
          checked={onlyNotUsing}
          onChange={(e) => setOnlyNotUsing(e.target.checked)}
        />
        <label htmlFor="adoption-only-not-using">{g.onlyNotUsing}</label>
      </p>
      {shown.length === 0 ? (
        <p>{g.none}</p>
      ) : (
        <table className="table overview-table adoption-table" role="table">
          <caption className="visually-hidden">{g.heading}</caption>
          <thead role="rowgroup">
            <tr role="row">
              {columns.map((label) => (
                <th
                  key={label}
                  scope="col"
                  role="columnheader"
                  className={numeric.has(label) ? 'num' : undefined}
                >
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          {shown.map((group) => (
            <tbody key={group.trail.map((s) => s.code).join('/')} role="rowgroup">
              <tr role="row" className="adoption-unit">
                <th scope="colgroup" role="rowheader" colSpan={columns.length} lang="vi">
                  {group.trail.map((s) => s.name).join(' › ')}
                  <UnitMovedIn t={t} f={f} group={group} />
                </th>
              </tr>
              {group.agencies.map((agency) => (
                <AgencyRow key={agency.code} t={t} f={f} agency={agency} onAsk={onAsk} />
              ))}
            </tbody>
          ))}
        </table>
      )}
    </OverviewSection>
  );
}
