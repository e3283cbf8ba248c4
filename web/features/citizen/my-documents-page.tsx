// /cong-dich-vu-cong/giay-to-cua-toi: the signed-in citizen's document store (kho dữ liệu, ND 45/2020
// Điều 16): the electronic results issued to them, newest first, each with the procedure and dossier it
// came from, the issuing agency, the date and a download link. Cards with a heading each rather than a
// table: read first on a phone (360 px), and a screen reader moves from document to document by heading.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { Page } from '../../app/page.tsx';
import { myDossierPath } from '../../app/paths.ts';
import { readStatus } from '../../app/query.ts';
import { Link } from '../../app/router.tsx';
import { formatInstant } from '../calendar/vn-time.ts';
import { citizenQueries } from './citizen-api.ts';
import { documentFileUrl, MY_DOCUMENTS_PAGE_SIZE } from './documents-api.ts';
import { CitizenGate } from './citizen-gate.tsx';
import { Pager } from '../../app/pager.tsx';
import { ListHead } from './citizen-pager.tsx';
import { fileSizeText } from './citizen-format.ts';
import './citizen.css';
import { Fact } from './fact.tsx';

const FILE_KINDS: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
};

function MyDocuments() {
  const { t } = useI18n();
  const c = t.citizen.myDocuments;
  const [page, setPage] = useState(1);
  const result = useQuery({ ...citizenQueries.documents({ page }), placeholderData: keepPreviousData });
  const listHeading = useRef<HTMLHeadingElement>(null);

  const loaded = result.data;
  const pages = loaded ? Math.max(1, Math.ceil(loaded.total / MY_DOCUMENTS_PAGE_SIZE)) : 1;
  const statusLine = readStatus(result, t.loading, (data) =>
    data.total === 0 ? c.none : c.count(data.total),
  );

  return (
    <section aria-labelledby="my-documents-heading" aria-busy={result.isFetching}>
      <ListHead
        id="my-documents-heading"
        heading={c.listHeading}
        headingRef={listHeading}
        status={statusLine}
        read={result}
      />
      {loaded && loaded.total === 0 ? <p className="muted">{c.noneHint}</p> : null}
      {loaded && loaded.items.length > 0 ? (
        <ul className="my-dossier-list my-document-list">
          {loaded.items.map((d) => (
            <li key={d.documentId} className="my-dossier-card my-document-card">
              <h3 className="my-document-name">{d.name}</h3>
              <p className="muted">{c.kinds[d.kind] ?? d.kind}</p>
              <dl className="my-dossier-facts">
                <Fact label={c.procedure}>{d.procedure.name}</Fact>
                <div>
                  <dt>{c.dossier}</dt>
                  <dd className="code">
                    <Link to={myDossierPath(d.dossierCode)}>{d.dossierCode}</Link>
                  </dd>
                </div>
                <Fact label={c.agency}>{d.issuingAgency.name}</Fact>
                <Fact label={c.issued}>{formatInstant(t, d.issuedAt)}</Fact>
                {d.resultNumber ? <Fact label={c.resultNumber}>{d.resultNumber}</Fact> : null}
                {d.signed ? (
                  <Fact label={c.signature}>
                    <span className="status-badge status-badge-returned">{c.signed}</span>
                  </Fact>
                ) : null}
                <div>
                  <dt>{c.file}</dt>
                  <dd>
                    {FILE_KINDS[d.file.mediaType] ?? d.file.mediaType}, {fileSizeText(t, d.file.size)}
                  </dd>
                </div>
              </dl>
              <p className="my-document-download">
                <a className="button" href={documentFileUrl(d.documentId)} download>
                  {c.download}
                  <span className="visually-hidden"> {d.name}</span>
                </a>
              </p>
            </li>
          ))}
        </ul>
      ) : null}
      <Pager label={c.pagination} page={page} pages={pages} onPage={setPage} heading={listHeading} scroll />
    </section>
  );
}

export function MyDocumentsPage() {
  const { t } = useI18n();
  const c = t.citizen.myDocuments;
  return (
    <Page title={c.title} heading={c.title} intro={c.intro} className="citizen-page">
      <CitizenGate>{() => <MyDocuments />}</CitizenGate>
    </Page>
  );
}
