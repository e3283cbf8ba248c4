// /thu-tuc/<code>: everything a citizen needs before applying — where, how long, how much, which
// papers, the result, the legal basis and the declaration form's items — with the expected result
// date if they applied now.
import { useDeferredValue } from 'react';
import { useQuery } from '@tanstack/react-query';
import { PROCEDURE_CODE_PATTERN } from '../../../common/catalog/procedure.ts';
import { ApiError } from '../../app/http.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { Page } from '../../app/page.tsx';
import { PATHS } from '../../app/paths.ts';
import { ReadError } from '../../app/read-error.tsx';
import { Link } from '../../app/router.tsx';
import { catalogQueries } from './catalog-api.ts';
import { ProcedureBody } from './procedure-body.tsx';

export function ProcedurePage({ code }: { code: string }) {
  const { t } = useI18n();
  const valid = PROCEDURE_CODE_PATTERN.test(code);
  const read = useQuery({ ...catalogQueries.procedurePage(code), enabled: valid });
  // Deferred: React renders the long page in slices that leave the main thread free.
  const loaded = useDeferredValue(read.data);

  const notFound = !valid || (read.error instanceof ApiError && read.error.status === 404);
  const loading = !loaded && !read.isError;
  const heading = loaded
    ? loaded.detail.procedure.name
    : notFound
      ? t.procedure.notFound(code)
      : t.procedure.title;

  return (
    <Page title={loaded ? loaded.detail.procedure.name : t.procedure.title} heading={heading}>
      {/* After loading, so that a long name wrapping onto more lines moves nothing already shown. */}
      {loading && valid ? null : (
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
      ) : read.isError ? (
        <ReadError read={read} />
      ) : !loaded ? (
        <p className="muted pending" role="status">
          {t.procedure.loading}
        </p>
      ) : (
        <ProcedureBody detail={loaded.detail} expected={loaded.expected} />
      )}
    </Page>
  );
}
