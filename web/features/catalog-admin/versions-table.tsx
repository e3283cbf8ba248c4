// The versions of a procedure, newest first, each with its day in force, the flags that keep it from
// citizens, its workflow link and, for a province administrator, publish (a draft) or retire (the
// version in force, after a confirmation).
import { useEffect, useRef } from 'react';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { draftEditorPath, workflowEditorPath } from '../../app/paths.ts';
import { Link } from '../../app/router.tsx';
import { formatInstant } from '../calendar/vn-time.ts';
import type { VersionItem } from './catalog-admin-api.ts';

export type VersionAction = { kind: 'publish' | 'retire'; version: number };

export function VersionsTable({
  code,
  items,
  isProvinceAdmin,
  busy,
  confirmRetire,
  onConfirmRetire,
  onAction,
}: {
  code: string;
  items: VersionItem[];
  isProvinceAdmin: boolean;
  busy: boolean;
  confirmRetire: number | null;
  onConfirmRetire: (version: number | null) => void;
  onAction: (action: VersionAction) => void;
}) {
  const { t } = useI18n();
  const c = t.catalogAdmin;
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirmRetire !== null) confirmRef.current?.focus();
  }, [confirmRetire]);
  const columns = [
    c.columns.version,
    c.columns.status,
    c.columns.created,
    c.columns.published,
    c.columns.retired,
  ];
  const when = (at: string | null) => (at ? formatInstant(t, at) : '—');

  return (
    <table className="table versions-table">
      <caption>{c.versionsCaption}</caption>
      <thead>
        <tr>
          {[...columns, c.columns.actions].map((label) => (
            <th key={label} scope="col">
              {label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {[...items].reverse().map((v) => (
          <tr key={v.version}>
            <th scope="row" data-label={c.columns.version}>
              {c.versionN(v.version)}
            </th>
            <td data-label={c.columns.status}>
              <span className={`tag tag-version-${v.status}`}>{c.statuses[v.status]}</span>
              {v.effectiveFrom ? (
                <div className="muted">{c.effectiveFrom(v.effectiveFrom.split('-').reverse().join('/'))}</div>
              ) : null}
              {v.flags.length > 0 ? (
                <div className="version-flags">
                  <p>{c.flagsHeading}</p>
                  <ul>
                    {v.flags.map((f) => (
                      <li key={`${f.code}:${f.path}`} lang="vi">
                        {f.message}
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
            </td>
            <td data-label={c.columns.created}>{formatInstant(t, v.createdAt)}</td>
            <td data-label={c.columns.published}>{when(v.publishedAt)}</td>
            <td data-label={c.columns.retired}>{when(v.retiredAt)}</td>
            <td data-label={c.columns.actions}>
              <div className="row-actions">
                <Link className="button button-small" to={draftEditorPath(code, v.version)}>
                  {v.status === 'draft' && isProvinceAdmin ? c.editDraft : c.viewContent}
                  <span className="visually-hidden"> – {c.versionN(v.version)}</span>
                </Link>
                <Link
                  className="button button-small"
                  to={workflowEditorPath(code, v.version, { channel: 'direct', agencyCode: null })}
                >
                  {v.status === 'retired' ? c.viewWorkflow : c.editWorkflow}
                  <span className="visually-hidden"> – {c.versionN(v.version)}</span>
                </Link>
                {isProvinceAdmin && v.status === 'draft' ? (
                  <button
                    type="button"
                    className="button button-small button-primary"
                    aria-disabled={busy || undefined}
                    onClick={() => onAction({ kind: 'publish', version: v.version })}
                  >
                    {c.publish(v.version)}
                  </button>
                ) : null}
                {isProvinceAdmin && v.status === 'published' && confirmRetire !== v.version ? (
                  <button
                    type="button"
                    className="button button-small"
                    onClick={() => onConfirmRetire(v.version)}
                  >
                    {c.retire(v.version)}
                  </button>
                ) : null}
              </div>
              {confirmRetire === v.version ? (
                <div className="confirm" role="group" aria-label={c.retire(v.version)}>
                  <p>{c.retireWarning}</p>
                  <button
                    type="button"
                    className="button button-small button-danger"
                    aria-disabled={busy || undefined}
                    ref={confirmRef}
                    onClick={() => onAction({ kind: 'retire', version: v.version })}
                  >
                    {c.confirmRetire(v.version)}
                  </button>{' '}
                  <button type="button" className="button button-small" onClick={() => onConfirmRetire(null)}>
                    {c.keep}
                  </button>
                </div>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
