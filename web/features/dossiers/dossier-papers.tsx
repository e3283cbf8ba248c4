// The papers of a dossier (GET /api/v1/dossiers/<code>/attachments): each component as it was given
// (original, copy, electronic, reused …) with its files, the supplements' files, and the results;
// every file a download link through the dossier, and a preview inside the page on demand (a PDF in a
// frame, an image as itself: FilePreview; each opening is audited, so nothing opens by itself). The
// staff dossier page and the citizen's dossier page both show it; an action (a supplement, an approval) invalidates `dossierQueries.all`, which
// reads it again (the citizen's page still passes `reloadKey`).
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { DossierAttachments, AttachedFile } from '../../../common/contracts/dossier-attachments.ts';
import { errorText } from '../../app/errors.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import type { Messages } from '../../app/i18n/vi.ts';
import { withData } from '../../app/ui/data-text.tsx';
import { TableHead } from '../../app/ui/table-head.tsx';
import { formatInstant } from '../calendar/vn-time.ts';
import { fileSizeText } from '../citizen/citizen-format.ts';
import { previewKind } from './dossier-format.ts';
import { attachmentPreviewUrl, attachmentUrl, dossierQueries } from './dossiers-api.ts';
import { useRefetchOn } from './use-refetch-on.ts';

/** Papers named one a line, each with its file (or `none`); nothing when there are none. */
function PaperList({
  t,
  code,
  heading,
  className,
  none,
  items,
}: {
  t: Messages;
  code: string;
  heading: string;
  className: string;
  none: string;
  items: { key: string; name: string; when?: string; file: AttachedFile | null | undefined }[];
}) {
  if (items.length === 0) return null;
  return (
    <>
      <h3 className="subsection-heading">{heading}</h3>
      <ul className={`file-list ${className}`}>
        {items.map((item) => (
          <li key={item.key}>
            <span lang="vi">{item.name}</span>
            {item.when === undefined ? null : (
              <>
                {' '}
                <span className="muted">· {item.when}</span>
              </>
            )}
            {' · '}
            {item.file ? (
              <FileLink t={t} code={code} file={item.file} n={1} of={item.name} />
            ) : (
              <span className="muted">{none}</span>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

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
    <>
      <a href={attachmentUrl(code, file.fileId)} download className="file-link">
        {label}
        <span className="muted"> ({file.originalName ? `${kind}, ${size}` : size})</span>
        <span className="visually-hidden">
          {' — '}
          {withData((name) => p.download(name, size), of)}
        </span>
      </a>
      <FilePreview t={t} code={code} file={file} of={of} label={label} />
    </>
  );
}

/** A button that opens the file inside the page, and closes it again. */
function FilePreview({
  t,
  code,
  file,
  of,
  label,
}: {
  t: Messages;
  code: string;
  file: AttachedFile;
  /** The paper's name (data). */
  of: string;
  label: string;
}) {
  const p = t.dossiers.papers;
  const [open, setOpen] = useState(false);
  const id = useId();
  const kind = previewKind(file.mediaType);
  if (kind === null) return null;
  const url = attachmentPreviewUrl(code, file.fileId);
  return (
    <>
      {' '}
      <button
        type="button"
        className="button button-small preview-toggle"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
      >
        {open ? p.hidePreview : p.preview}
        <span className="visually-hidden">
          {' '}
          <span lang="vi">{of}</span> — {label}
        </span>
      </button>
      <div id={id} className="file-preview" hidden={!open}>
        {!open ? null : kind === 'image' ? (
          <img src={url} alt={p.previewTitle(`${of} — ${label}`)} />
        ) : (
          <iframe src={url} title={p.previewTitle(`${of} — ${label}`)}>
            <p>
              {p.previewFallback}{' '}
              <a href={url} target="_blank" rel="noopener">
                {p.openFile}
              </a>
            </p>
          </iframe>
        )}
      </div>
    </>
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
          <TableHead columns={[p.columns.code, p.columns.name, p.columns.provided, p.columns.files]} />
          <tbody>
            {papers.components.map((c) => (
              <tr key={c.code}>
                <td data-label={p.columns.code} className="code">
                  {c.code}
                </td>
                <th scope="row" data-label={p.columns.name} lang="vi">
                  {c.name}
                </th>
                <td data-label={p.columns.provided}>
                  {provided[c.provided] ?? c.provided}
                  {c.documentIds.length > 0 ? (
                    <span className="muted"> · {p.reusedRecords(c.documentIds.length)}</span>
                  ) : null}
                  {c.pageCount !== null ? <span className="muted"> · {p.pages(c.pageCount)}</span> : null}
                  {c.digitised ? (
                    <>
                      {' '}
                      <span className="tag tag-digitised">{p.digitised}</span>
                    </>
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
                          <a href={l.url} rel="noopener noreferrer" target="_blank" lang="vi">
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

      {[
        {
          heading: p.supplements,
          className: 'papers-supplements',
          none: p.noFiles,
          items: papers.supplements.map((s, i) => ({
            key: `${s.at}-${i}`,
            name: s.name,
            when: p.suppliedAt(formatInstant(t, s.at)),
            file: s.file,
          })),
        },
        {
          heading: p.results,
          className: 'papers-results',
          none: p.paperOnly,
          items: papers.results.map((r, i) => ({ key: `${r.name}-${i}`, name: r.name, file: r.file })),
        },
      ].map((list) => (
        <PaperList key={list.className} t={t} code={code} {...list} />
      ))}
    </>
  );
}
