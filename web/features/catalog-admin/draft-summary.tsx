// The problems of the draft at the top of the editor, live: errors (which stop publishing) and points
// worth completing, each linked to the field or section it names. When the server refuses to publish,
// its own list is shown instead (with the workflows that do not add up, which only it can check),
// and the summary takes the focus.
import { forwardRef } from 'react';
import type { DraftProblem } from '../../../common/catalog/draft-check.ts';
import { detailText } from '../../app/errors.ts';
import type { ErrorDetail } from '../../app/http.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { anchorOf } from './draft-editor-state.ts';
import { refusalItem } from './version-refusal.ts';

export type DraftRefusal = { message: string; details: readonly ErrorDetail[] };

function ProblemList({ problems }: { problems: readonly ErrorDetail[] }) {
  const { t } = useI18n();
  return (
    <ul className="error-summary-list">
      {problems.map((p, i) => (
        <li key={`${p.path}-${i}`}>
          {p.path.startsWith('workflows/') ? (
            refusalItem(t, p.path, detailText(t, p)).text
          ) : (
            <a href={`#${anchorOf(p.path)}`}>{detailText(t, p)}</a>
          )}
        </li>
      ))}
    </ul>
  );
}

type Props = { problems: readonly DraftProblem[]; refusal: DraftRefusal | null };

export const DraftSummary = forwardRef<HTMLHeadingElement, Props>(function DraftSummary(
  { problems, refusal },
  ref,
) {
  const { t } = useI18n();
  const d = t.catalogAdmin.draft;
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity === 'warning');
  return (
    <div className="draft-summary">
      {errors.length > 0 || refusal ? (
        <div className="error-summary" role="region" aria-labelledby="ed-summary-h">
          <h2 className="error-summary-title" id="ed-summary-h" tabIndex={-1} ref={ref}>
            {refusal ? refusal.message : d.summaryErrors(errors.length)}
          </h2>
          <ProblemList problems={refusal ? refusal.details : errors} />
        </div>
      ) : (
        <p className="notice notice-success" tabIndex={-1} ref={ref}>
          {d.summaryOk}
        </p>
      )}
      {warnings.length > 0 ? (
        <details className="draft-warnings">
          <summary>{d.summaryWarnings(warnings.length)}</summary>
          <ProblemList problems={warnings} />
        </details>
      ) : null}
    </div>
  );
});
