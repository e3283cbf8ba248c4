// The draft against the version in force, live as the administrator edits: one row per line added,
// removed or changed (common/catalog/draft-diff.ts). The lines are the catalogue's own words.
import { useMemo } from 'react';
import type { DraftContent } from '../../../common/catalog/draft-content.ts';
import { draftDiff } from '../../../common/catalog/draft-diff.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';

export function DraftDiffView({
  inForce,
  content,
}: {
  inForce: { version: number; content: DraftContent } | null;
  content: DraftContent;
}) {
  const { t } = useI18n();
  const d = t.catalogAdmin.draft;
  const lines = useMemo(() => (inForce ? draftDiff(inForce.content, content) : []), [inForce, content]);
  return (
    <section className="draft-section draft-diff" aria-labelledby="ed-diff-h">
      <h2 id="ed-diff-h">{inForce ? d.diffHeading(inForce.version) : d.diffTitle}</h2>
      {!inForce ? (
        <p className="muted">{d.diffNoInForce}</p>
      ) : lines.length === 0 ? (
        <p className="muted">{d.diffNone}</p>
      ) : (
        <table className="table diff-table">
          <caption>{d.diffCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{d.diffColumns.section}</th>
              <th scope="col">{d.diffColumns.before}</th>
              <th scope="col">{d.diffColumns.after}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => (
              <tr key={l.key}>
                <th scope="row" data-label={d.diffColumns.section}>
                  {d.sections[l.section]}
                </th>
                <td data-label={d.diffColumns.before} className={l.before === null ? 'muted' : 'diff-before'}>
                  {l.before === null ? d.diffAbsent : <del lang="vi">{l.before}</del>}
                </td>
                <td data-label={d.diffColumns.after} className={l.after === null ? 'muted' : 'diff-after'}>
                  {l.after === null ? d.diffAbsent : <ins lang="vi">{l.after}</ins>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
