// A plan's preview (POST /reorganisations/preview): for each agency that closes, the open dossiers,
// staff roles, procedures, internal workflows and one-stop desks it would hand over, and to whom;
// the totals; and a warning when the form has changed since.
import type { Ref } from 'react';
import { useI18n } from '../../app/i18n/i18n.tsx';
import type { Messages } from '../../app/i18n/vi.ts';
import { formatNumber } from '../calendar/vn-time.ts';
import type { Moved, ReorganisationPreview } from './reorganisations-api.ts';

export const MOVES: readonly (keyof Moved)[] = [
  'openDossiers',
  'staffGrants',
  'offerings',
  'workflows',
  'desks',
];

function MoveCells({ t, moves }: { t: Messages; moves: Moved }) {
  return (
    <>
      {MOVES.map((k) => (
        <td key={k} data-label={t.reorganisations.moves[k]} className="reorg-count">
          {formatNumber(t, moves[k])}
        </td>
      ))}
    </>
  );
}

export function AgencyName({ agency }: { agency: { code: string; name: string } }) {
  return (
    <>
      <span lang="vi">{agency.name}</span> <span className="code">({agency.code})</span>
    </>
  );
}

export function PlanPreview({
  preview,
  stale,
  headingRef,
}: {
  preview: ReorganisationPreview;
  stale: boolean;
  headingRef: Ref<HTMLHeadingElement>;
}) {
  const { t } = useI18n();
  const r = t.reorganisations;
  return (
    <section className="dossier-section reorg-preview" aria-labelledby="reorg-preview-heading">
      <h2 id="reorg-preview-heading" className="section-heading" tabIndex={-1} ref={headingRef}>
        {r.previewHeading}
      </h2>
      {stale ? <p className="notice notice-warning">{r.previewStale}</p> : null}
      <p>{r.previewSummary(preview.endedUnits, preview.newUnits, preview.newAgencies)}</p>
      <table className="table reorg-preview-table">
        <caption>{r.previewCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{r.columns.from}</th>
            <th scope="col">{r.columns.to}</th>
            {MOVES.map((k) => (
              <th scope="col" key={k}>
                {r.moves[k]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preview.handovers.map((h) => (
            <tr key={h.from.code}>
              <th scope="row" data-label={r.columns.from}>
                <AgencyName agency={h.from} />
              </th>
              <td data-label={r.columns.to}>
                <AgencyName agency={h.to} />
              </td>
              <MoveCells t={t} moves={h.moves} />
            </tr>
          ))}
          {preview.handovers.length > 1 ? (
            <tr className="reorg-total">
              <th scope="row" colSpan={2}>
                {r.total}
              </th>
              <MoveCells t={t} moves={preview.totals} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </section>
  );
}
