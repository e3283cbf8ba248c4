// /quan-tri/thu-tuc/<code>: the versions of one procedure (draft → published → retired) with their
// workflows. A province administrator creates a draft from the version in force, publishes it (the
// server refuses while a stored workflow of the draft does not add up to its limit and names each
// one: `workflows/<channel>[/<agencyId>]/steps…`) and retires the version in force after a
// confirmation. Unit administrators open the workflows of their agencies from here.
import { useEffect, useRef, useState } from 'react';
import { CHANNELS, type Channel } from '../../../common/catalog/procedure.ts';
import { detailText, errorText } from '../../app/errors.ts';
import { ApiError, isAbort } from '../../app/http.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import type { Messages } from '../../app/i18n/vi.ts';
import { Page } from '../../app/page.tsx';
import { PATHS, procedurePath, workflowEditorPath } from '../../app/paths.ts';
import { Link } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import { formatInstant } from '../calendar/vn-time.ts';
import {
  createDraft,
  listVersions,
  publishVersion,
  retireVersion,
  type VersionItem,
} from './catalog-admin-api.ts';

const PROCEDURE_CODE = /^\d\.\d{6}$/;

type Load = { kind: 'loading' } | { kind: 'done'; items: VersionItem[] } | { kind: 'error'; error: unknown };
type Refusal = {
  message: string;
  items: { text: string; channel: Channel | null; provinceWide: boolean }[];
};

/** `workflows/direct/steps/2/share` (province-wide) or `workflows/online/57/steps` (agency 57). */
function refusalItem(t: Messages, path: string, message: string): Refusal['items'][number] {
  const m = /^workflows\/([a-z]+)(?:\/(\d+))?(?:\/|$)/.exec(path);
  const channel = m && (CHANNELS as readonly string[]).includes(m[1]!) ? (m[1] as Channel) : null;
  if (!channel) return { text: message, channel: null, provinceWide: false };
  const where = m?.[2]
    ? t.catalogAdmin.refusalAgency(t.catalog.channels[channel])
    : t.catalogAdmin.refusalProvince(t.catalog.channels[channel]);
  return { text: `${where}: ${message}`, channel, provinceWide: !m?.[2] };
}

export function ProcedureVersionsPage({ code }: { code: string }) {
  const { t } = useI18n();
  const c = t.catalogAdmin;
  const { session } = useSession();
  const user = session.status === 'signed-in' ? session.user : null;
  const isProvinceAdmin = user?.roles.some((r) => r.role === 'province-admin') ?? false;
  const valid = PROCEDURE_CODE.test(code);
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [reloadKey, setReloadKey] = useState(0);
  const [busy, setBusy] = useState(false);
  const [confirmRetire, setConfirmRetire] = useState<number | null>(null);
  const [notice, setNotice] = useState<{ text: string } | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const refusalRef = useRef<HTMLHeadingElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!valid) return;
    const controller = new AbortController();
    listVersions(code, controller.signal)
      .then((res) => setLoad({ kind: 'done', items: res.items }))
      .catch((error: unknown) => {
        if (!isAbort(error)) setLoad({ kind: 'error', error });
      });
    return () => controller.abort();
  }, [code, valid, reloadKey]);

  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);
  useEffect(() => {
    if (refusal) refusalRef.current?.focus();
  }, [refusal]);
  useEffect(() => {
    if (confirmRetire !== null) confirmRef.current?.focus();
  }, [confirmRetire]);

  const run = async (action: () => Promise<{ version: number }>, done: (version: number) => string) => {
    if (busy) return;
    setBusy(true);
    setNotice(null);
    setRefusal(null);
    try {
      const res = await action();
      setNotice({ text: done(res.version) });
      setConfirmRetire(null);
      setReloadKey((k) => k + 1);
    } catch (error) {
      setRefusal({
        message: errorText(t, error),
        items:
          error instanceof ApiError ? error.details.map((d) => refusalItem(t, d.path, detailText(t, d))) : [],
      });
    } finally {
      setBusy(false);
    }
  };

  const items = load.kind === 'done' ? load.items : [];
  const name = items.at(-1)?.name ?? code;
  const hasDraft = items.some((v) => v.status === 'draft');
  const heading = load.kind === 'done' ? c.versionsHeading(name) : c.versionsHeadingCode(code);

  return (
    <Page title={c.versionsTitle(code)} heading={heading} className="procedure-versions-page">
      <nav className="breadcrumb" aria-label={c.breadcrumb}>
        <ol>
          <li>
            <Link to={PATHS.catalogAdmin}>{c.title}</Link>
          </li>
          <li aria-current="page">{code}</li>
        </ol>
      </nav>
      {!valid ? (
        <p className="inline-error">{c.invalidCode}</p>
      ) : load.kind === 'loading' ? (
        <p className="muted pending" role="status">
          {t.loading}
        </p>
      ) : load.kind === 'error' ? (
        <div className="inline-error" role="alert">
          <p>
            {load.error instanceof ApiError && load.error.status === 404
              ? c.notFound
              : errorText(t, load.error)}
          </p>
          <button type="button" className="button" onClick={() => setReloadKey((k) => k + 1)}>
            {t.errors.retry}
          </button>
        </div>
      ) : (
        <>
          <p>
            <span className="code">{code}</span> · <Link to={procedurePath(code)}>{c.publicPage}</Link>
          </p>
          {notice ? (
            <p className="notice notice-success" role="status" tabIndex={-1} ref={noticeRef}>
              {notice.text}
            </p>
          ) : null}
          <div role="alert" className={refusal ? 'error-summary' : 'error-summary-empty'}>
            {refusal ? (
              <>
                <h2 className="error-summary-title" tabIndex={-1} ref={refusalRef}>
                  {refusal.message}
                </h2>
                {refusal.items.length > 0 ? (
                  <ul className="error-summary-list">
                    {refusal.items.map((item, i) => (
                      <li key={i}>
                        {item.text}
                        {item.channel && item.provinceWide && hasDraft ? (
                          <>
                            {' '}
                            <Link
                              to={workflowEditorPath(code, items.find((v) => v.status === 'draft')!.version, {
                                channel: item.channel,
                                agencyCode: null,
                              })}
                            >
                              {c.fixWorkflow}
                            </Link>
                          </>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </>
            ) : null}
          </div>
          {isProvinceAdmin && !hasDraft ? (
            <p>
              <button
                type="button"
                className="button button-primary"
                aria-disabled={busy || undefined}
                onClick={() => void run(() => createDraft(code), c.draftCreated)}
              >
                {c.createDraft}
              </button>
            </p>
          ) : null}
          <table className="table versions-table">
            <caption>{c.versionsCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{c.columns.version}</th>
                <th scope="col">{c.columns.status}</th>
                <th scope="col">{c.columns.created}</th>
                <th scope="col">{c.columns.published}</th>
                <th scope="col">{c.columns.retired}</th>
                <th scope="col">{c.columns.actions}</th>
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
                  </td>
                  <td data-label={c.columns.created}>{formatInstant(t, v.createdAt)}</td>
                  <td data-label={c.columns.published}>
                    {v.publishedAt ? formatInstant(t, v.publishedAt) : '—'}
                  </td>
                  <td data-label={c.columns.retired}>{v.retiredAt ? formatInstant(t, v.retiredAt) : '—'}</td>
                  <td data-label={c.columns.actions}>
                    <div className="row-actions">
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
                          onClick={() => void run(() => publishVersion(code, v.version), c.published)}
                        >
                          {c.publish(v.version)}
                        </button>
                      ) : null}
                      {isProvinceAdmin && v.status === 'published' && confirmRetire !== v.version ? (
                        <button
                          type="button"
                          className="button button-small"
                          onClick={() => setConfirmRetire(v.version)}
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
                          onClick={() => void run(() => retireVersion(code, v.version), c.retired)}
                        >
                          {c.confirmRetire(v.version)}
                        </button>{' '}
                        <button
                          type="button"
                          className="button button-small"
                          onClick={() => setConfirmRetire(null)}
                        >
                          {c.keep}
                        </button>
                      </div>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {user && !isProvinceAdmin ? <p className="hint">{c.unitAdminNote}</p> : null}
        </>
      )}
    </Page>
  );
}
