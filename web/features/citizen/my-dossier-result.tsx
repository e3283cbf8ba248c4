// The result on the citizen's dossier page (#19): its number, date and signer, and each result
// document; the signed original says "Đã ký số", offers the signed PDF (the same bytes the QR's
// verification serves) and links to the public verification page, /xac-thuc?ma=<token>, which is the
// URL of the QR printed on it.
import type { Messages } from '../../app/i18n/vi.ts';
import { PATHS } from '../../app/paths.ts';
import { Link } from '../../app/router.tsx';
import { formatShortDate } from '../calendar/vn-time.ts';
import { DossierSection } from '../dossiers/dossier-view.tsx';
import type { CitizenDossierView } from './citizen-api.ts';
import { Fact } from './fact.tsx';

/** The public verification of a signed result by its token (the QR's address). */
export const verifyPath = (token: string) => `${PATHS.verify}?ma=${encodeURIComponent(token)}`;
/** The signed original, served by the public verification (no sign-in: the token is the QR's). */
export const signedFileUrl = (token: string) =>
  `/api/v1/public/verify/results/${encodeURIComponent(token)}/file`;

export function MyDossierResult({ t, view }: { t: Messages; view: CitizenDossierView }) {
  const c = t.citizen.dossier.result;
  const result = view.result;
  if (result === null) return null;
  return (
    <DossierSection id="my-dossier-result-heading" heading={c.heading}>
      <dl className="summary-list">
        <Fact label={c.number}>{result.number}</Fact>
        <Fact label={c.date}>{formatShortDate(result.date)}</Fact>
        <Fact label={c.signer}>{result.signer}</Fact>
      </dl>
      <ul className="result-documents">
        {view.resultDocuments.map((d, i) => (
          <li key={`${i}-${d.name}`} className="result-document">
            <span className="result-document-name">{d.name}</span>{' '}
            {d.signed && d.token !== null ? (
              <>
                <span className="status-badge status-badge-returned">{c.signed}</span>{' '}
                <span className="result-document-signer">{c.signedBy(result.signer)}</span>
                <span className="page-links">
                  <a href={signedFileUrl(d.token)} download>
                    {c.download}
                  </a>{' '}
                  <Link to={verifyPath(d.token)}>{c.verify}</Link>
                </span>
              </>
            ) : (
              <span className="result-document-unsigned">{d.fileId ? c.unsignedFile : c.paper}</span>
            )}
          </li>
        ))}
      </ul>
    </DossierSection>
  );
}
