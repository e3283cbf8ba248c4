// /cong-dich-vu-cong/nop-ho-so/<code>: applying online (the steps: apply-flow.tsx), in four steps on one page — where (case,
// competent agency, receiving desk), the applicant and the declaration (rendered from the procedure's
// JSON Schema and checked in the browser with the server's own rules before going on, see
// dossiers/declaration-check.ts), the attachments (each sent at once, with progress), and a review —
// then POST /portal/dossiers with one Idempotency-Key per attempt. 201 → the dossier's page, which is
// the receipt. 400 → every message beside the field it names, on the first step that has one. In
// national-portal mode the page hands over to the national portal instead. The applicant is the
// signed-in citizen: name and ID number come from the identity. Beside uploading, a component may reuse
// records of the citizen's document store (docs/domain/documents.md), listed once when the page opens:
// if they cannot be listed, the rest of the form still works.
import { useQuery } from '@tanstack/react-query';
import { CHANNELS } from '../../../common/catalog/procedure.ts';
import { errorText } from '../../app/errors.ts';
import { ApiError } from '../../app/http.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { Page } from '../../app/page.tsx';
import { PATHS, procedurePath } from '../../app/paths.ts';
import { Link } from '../../app/router.tsx';
import { ApplyFlow } from './apply-flow.tsx';
import { citizenQueries } from './citizen-api.ts';
import { CitizenGate } from './citizen-gate.tsx';
import { nationalProcedureUrl } from './citizen-http.ts';
import './citizen.css';

export function ApplyPage({ code }: { code: string }) {
  const { t } = useI18n();
  const a = t.citizen.apply;
  const load = useQuery(citizenQueries.apply(code));
  const detail = load.data?.detail;
  const name = detail ? detail.procedure.name : null;
  // Older records list no channel: all three, as the procedure page reads them.
  const online = detail
    ? (detail.procedure.channels.length === 0 ? CHANNELS : detail.procedure.channels).includes('online')
    : false;
  // The back office cannot take it in online (no usable time limit, no agency offers it): said why.
  const unavailable = detail && !detail.onlineApplication.available ? detail.onlineApplication.reason : null;
  const settings = load.data?.settings;
  const national = settings?.mode === 'national' ? settings : null;

  return (
    <Page title={name ? a.title(name) : a.heading} heading={a.heading} className="citizen-page apply-page">
      <nav className="breadcrumb" aria-label={t.procedure.breadcrumb}>
        <ol>
          <li>
            <Link to={PATHS.portal}>{t.portal.title}</Link>
          </li>
          <li>
            <Link to={procedurePath(code)}>{code}</Link>
          </li>
          <li aria-current="page">{a.heading}</li>
        </ol>
      </nav>
      {load.isError && !load.isFetching ? (
        <div className="inline-error" role="alert">
          <p>
            {load.error instanceof ApiError && load.error.status === 404
              ? t.procedure.notFound(code)
              : errorText(t, load.error)}
          </p>
          <button type="button" className="button" onClick={() => void load.refetch()}>
            {t.errors.retry}
          </button>
        </div>
      ) : !detail ? (
        <p className="page-loading" role="status">
          {t.procedure.loading}
        </p>
      ) : (
        <>
          <p className="apply-procedure">
            {detail.procedure.name} <span className="code muted">{detail.procedure.code}</span>
          </p>
          {national ? (
            <div className="notice">
              <p>{t.citizen.national.note}</p>
              <p>
                <a className="button button-primary" href={nationalProcedureUrl(national, code)}>
                  {t.citizen.national.link}
                </a>
              </p>
            </div>
          ) : !online ? (
            <p className="note-warning">{a.notOnline}</p>
          ) : unavailable ? (
            <p className="note-warning">{t.citizen.onlineUnavailable[unavailable]}</p>
          ) : (
            <CitizenGate>{(citizen) => <ApplyFlow detail={detail} citizen={citizen} />}</CitizenGate>
          )}
        </>
      )}
    </Page>
  );
}
