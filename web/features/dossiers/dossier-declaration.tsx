// The declaration (tờ khai) as the applicant made it, for the officers who decide on it: rendered,
// read-only, from the form of the procedure version the dossier was received under (its titles,
// sections, dates as dd/mm/yyyy, choices by their labels), with the review the citizen saw before
// sending it (citizen/form-review.tsx), so that both read the same thing.
import { useQuery } from '@tanstack/react-query';
import { errorText } from '../../app/errors.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { FormReview } from '../citizen/form-review.tsx';
import { legacySummaryOf } from './dossier-format.ts';
import { DossierSection } from './dossier-view.tsx';
import { dossierQueries, type DossierViewData } from './dossiers-api.ts';

export function DossierDeclaration({ view }: { view: DossierViewData }) {
  const { t } = useI18n();
  const p = t.dossiers.page;
  const empty = Object.keys(view.formData).length === 0;
  // An imported dossier carries the legacy system's summary (TrichYeuHoSo), not a declaration.
  const legacySummary = view.legacy ? legacySummaryOf(view.formData) : null;
  const form = useQuery({
    ...dossierQueries.declarationForm({ code: view.procedure.code, version: view.procedure.version }),
    enabled: !empty && legacySummary === null,
    // A published version's form does not change: read once per page.
    staleTime: Infinity,
  });
  return (
    <DossierSection id="dossier-declaration-heading" heading={p.declarationHeading}>
      {legacySummary !== null ? (
        <>
          <p className="muted">{p.declarationLegacy}</p>
          <dl className="summary-list dossier-declaration">
            <div>
              <dt>{p.declarationLegacySummary}</dt>
              <dd lang="vi">{legacySummary}</dd>
            </div>
          </dl>
        </>
      ) : empty ? (
        <p className="muted">{p.declarationEmpty}</p>
      ) : form.data ? (
        <div className="dossier-declaration">
          <FormReview schema={form.data.form} value={view.formData} />
        </div>
      ) : form.isError ? (
        <p className="inline-error" role="alert">
          {p.declarationFailed(errorText(t, form.error))}
        </p>
      ) : (
        <p className="muted pending" role="status">
          {p.declarationLoading}
        </p>
      )}
    </DossierSection>
  );
}
