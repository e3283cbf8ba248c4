// /quan-tri/thu-tuc/<code>: the versions of one procedure (draft → published → retired) with their
// workflows. A province administrator creates a draft from the version in force, publishes it (the
// server refuses while a stored workflow of the draft does not add up to its limit and names each
// one: `workflows/<channel>[/<agencyId>]/steps…`) and retires the version in force after a
// confirmation. Unit administrators open the workflows of their agencies from here.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { Page } from '../../app/page.tsx';
import { PATHS, procedurePath, workflowEditorPath } from '../../app/paths.ts';
import { useInvalidate } from '../../app/query.ts';
import { Link } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import { NotFoundOrError } from '../../app/read-failure.tsx';
import {
  catalogAdminQueries,
  createDraft,
  publishVersion,
  retireVersion,
  type VersionItem,
  type VersionState,
} from './catalog-admin-api.ts';
import { refusalOf, type Refusal } from './version-refusal.ts';
import { VersionsTable, type VersionAction } from './versions-table.tsx';
import { withData } from '../../app/ui/data-text.tsx';

const PROCEDURE_CODE = /^\d\.\d{6}$/;

type Change = { action: () => Promise<VersionState>; done: (version: number) => string };

function RefusalSummary({
  code,
  refusal,
  items,
}: {
  code: string;
  refusal: Refusal | null;
  items: VersionItem[];
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (refusal) ref.current?.focus();
  }, [refusal]);
  const draft = items.find((v) => v.status === 'draft');
  return (
    <div role="alert" className={refusal ? 'error-summary' : 'error-summary-empty'}>
      {refusal ? (
        <>
          <h2 className="error-summary-title" tabIndex={-1} ref={ref}>
            {refusal.message}
          </h2>
          {refusal.items.length > 0 ? (
            <ul className="error-summary-list">
              {refusal.items.map((item, i) => (
                <li key={i}>
                  {item.text}
                  {item.channel && item.provinceWide && draft ? (
                    <>
                      {' '}
                      <Link
                        to={workflowEditorPath(code, draft.version, {
                          channel: item.channel,
                          agencyCode: null,
                        })}
                      >
                        {t.catalogAdmin.fixWorkflow}
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
  );
}

export function ProcedureVersionsPage({ code }: { code: string }) {
  const { t } = useI18n();
  const c = t.catalogAdmin;
  const { session } = useSession();
  const invalidate = useInvalidate();
  const user = session.status === 'signed-in' ? session.user : null;
  const isProvinceAdmin = user?.roles.some((r) => r.role === 'province-admin') ?? false;
  const valid = PROCEDURE_CODE.test(code);
  const read = useQuery({ ...catalogAdminQueries.versions(code), enabled: valid });
  const [confirmRetire, setConfirmRetire] = useState<number | null>(null);
  const [notice, setNotice] = useState<{ text: string } | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const change = useMutation({
    mutationFn: (c: Change) => c.action(),
    onSuccess: (res, { done }) => {
      setNotice({ text: done(res.version) });
      setConfirmRetire(null);
      return invalidate(catalogAdminQueries.all);
    },
    onError: (error) => setRefusal(refusalOf(t, error)),
  });

  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const run = (next: Change) => {
    if (change.isPending) return;
    setNotice(null);
    setRefusal(null);
    change.mutate(next);
  };
  const onAction = ({ kind, version }: VersionAction) =>
    run(
      kind === 'publish'
        ? { action: () => publishVersion(code, version), done: c.published }
        : { action: () => retireVersion(code, version), done: c.retired },
    );

  const items = read.data?.items ?? [];
  const name = items.at(-1)?.name ?? code;
  const hasDraft = items.some((v) => v.status === 'draft');
  const heading = read.data ? withData(c.versionsHeading, name) : c.versionsHeadingCode(code);

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
      ) : read.isError ? (
        <NotFoundOrError read={read} notFound={c.notFound} />
      ) : !read.data ? (
        <p className="muted pending" role="status">
          {t.loading}
        </p>
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
          <RefusalSummary code={code} refusal={refusal} items={items} />
          {isProvinceAdmin && !hasDraft ? (
            <p>
              <button
                type="button"
                className="button button-primary"
                aria-disabled={change.isPending || undefined}
                onClick={() => run({ action: () => createDraft(code), done: c.draftCreated })}
              >
                {c.createDraft}
              </button>
            </p>
          ) : null}
          <VersionsTable
            code={code}
            items={items}
            isProvinceAdmin={isProvinceAdmin}
            busy={change.isPending}
            confirmRetire={confirmRetire}
            onConfirmRetire={setConfirmRetire}
            onAction={onAction}
          />
          {user && !isProvinceAdmin ? <p className="hint">{c.unitAdminNote}</p> : null}
        </>
      )}
    </Page>
  );
}
