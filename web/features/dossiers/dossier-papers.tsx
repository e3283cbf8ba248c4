// The papers of a dossier (GET /api/v1/dossiers/<code>/attachments): each component as it was given
// (original, copy, electronic, reused …) with its files, the supplements' files, and the results;
// every file a download link through the dossier. The staff dossier page and the citizen's dossier
// page both show it; an action (a supplement, an approval) invalidates `dossierQueries.all`, which
// reads it again (the citizen's page still passes `reloadKey`).
import { useQuery } from '@tanstack/react-query';
import type { DossierAttachments, AttachedFile } from '../../../common/contracts/dossier-attachments.ts';
import { errorText } from '../../app/errors.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import type { Messages } from '../../app/i18n/vi.ts';
import { formatInstant } from '../calendar/vn-time.ts';
import { fileSizeText } from '../citizen/citizen-format.ts';
import { attachmentUrl, dossierQueries } from './dossiers-api.ts';
import { useRefetchOn } from './use-refetch-on.ts';

function FileLink({
  t,
  code,
  file,
  n,
  of,
}: {
  t: Messages;
  code: string;
  file: AttachedFile;
  n: number;
  of: string;
}) {
  const p = t.dossiers.papers;
  const kind = p.mediaTypes[file.mediaType] ?? file.mediaType;
  const size = fileSizeText(t, file.size);
  const label = file.originalName ?? p.fileLabel(n, kind);
  return (
    <a href={attachmentUrl(code, file.fileId)} download className="file-link">
      {label}
      <span className="muted"> ({file.originalName ? `${kind}, ${size}` : size})</span>
      <span className="visually-hidden"> — {p.download(of, size)}</span>
    </a>
  );
}

export function DossierPapers({ code, reloadKey = 0 }: { code: string; reloadKey?: number }) {
  const { t } = useI18n();
  const p = t.dossiers.papers;
  const read = useQuery(dossierQueries.attachments(code));
  useRefetchOn(reloadKey, read.refetch);

  return (
    <section aria-labelledby="dossier-papers-heading" className="dossier-section dossier-papers">
      <h2 id="dossier-papers-heading" className="section-heading">
        {p.heading}
      </h2>
      {read.data ? (
        <Papers t={t} code={code} papers={read.data} />
      ) : read.isError ? (
        <p className="inline-error" role="alert">
          {p.failed(errorText(t, read.error))}
        </p>
      ) : (
        <p className="muted pending" role="status">
          {p.loading}
        </p>
      )}
    </section>
  );
}

function Papers({ t, code, papers }: { t: Messages; code: string; papers: DossierAttachments }) {
  const p = t.dossiers.papers;
  const provided = t.dossiers.provided as Record<string, string>;
  return (
    <>
      <h3 className="subsection-heading">{p.components}</h3>
      {papers.components.length === 0 ? (
        <p className="muted">{p.noComponents}</p>
      ) : (
        <table className="table papers-table">
          <caption className="visually-hidden">{p.components}</caption>
          <thead>
            <tr>
              <th scope="col">{p.columns.code}</th>
              <th scope="col">{p.columns.name}</th>
              <th scope="col">{p.columns.provided}</th>
              <th scope="col">{p.columns.files}</th>
            </tr>
          </thead>
          <tbody>
            {papers.components.map((c) => (
              <tr key={c.code}>
                <td data-label={p.columns.code} className="code">
                  {c.code}
                </td>
                <th scope="row" data-label={p.columns.name}>
                  {c.name}
                </th>
                <td data-label={p.columns.provided}>
                  {provided[c.provided] ?? c.provided}
                  {c.documentIds.length > 0 ? (
                    <span className="muted"> · {p.reusedRecords(c.documentIds.length)}</span>
                  ) : null}
                </td>
                <td data-label={p.columns.files}>
                  {c.files.length === 0 && c.links.length === 0 ? (
                    <span className="muted">{p.noFiles}</span>
                  ) : (
                    <ul className="file-list">
                      {c.files.map((f, i) => (
                        <li key={f.fileId}>
                          <FileLink t={t} code={code} file={f} n={i + 1} of={`${c.code} ${c.name}`} />
                        </li>
                      ))}
                      {c.links.map((l) => (
                        <li key={l.url}>
                          <a href={l.url} rel="noopener noreferrer" target="_blank">
                            {l.name}
                          </a>
                          <span className="muted"> ({p.link})</span>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {papers.supplements.length > 0 ? (
        <>
          <h3 className="subsection-heading">{p.supplements}</h3>
          <ul className="file-list papers-supplements">
            {papers.supplements.map((s, i) => (
              <li key={`${s.at}-${i}`}>
                <span>{s.name}</span> <span className="muted">· {p.suppliedAt(formatInstant(t, s.at))}</span>
                {' · '}
                {s.file ? (
                  <FileLink t={t} code={code} file={s.file} n={1} of={s.name} />
                ) : (
                  <span className="muted">{p.noFiles}</span>
                )}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {papers.results.length > 0 ? (
        <>
          <h3 className="subsection-heading">{p.results}</h3>
          <ul className="file-list papers-results">
            {papers.results.map((r, i) => (
              <li key={`${r.name}-${i}`}>
                <span>{r.name}</span>
                {' · '}
                {r.file ? (
                  <FileLink t={t} code={code} file={r.file} n={1} of={r.name} />
                ) : (
                  <span className="muted">{p.paperOnly}</span>
                )}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
