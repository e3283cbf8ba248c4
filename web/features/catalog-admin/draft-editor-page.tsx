// /quan-tri/thu-tuc/<code>/noi-dung/<version>: the catalogue editor. A province administrator edits
// a draft's channels, time limits per channel with their unit, cases, papers, fees per case and
// channel, results, declaration form and online level; every problem is named beside its field as
// they type (common/catalog/draft-check.ts, the same check the server makes before publishing), the
// draft is compared with the version in force, saved (even incomplete) and published. Other
// versions, and other users, see the content read-only.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { DraftContent } from '../../../common/catalog/draft-content.ts';
import { draftProblems } from '../../../common/catalog/draft-check.ts';
import { errorText } from '../../app/errors.ts';
import { ApiError } from '../../app/http.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { Page } from '../../app/page.tsx';
import { PATHS, procedureAdminPath } from '../../app/paths.ts';
import { useInvalidate } from '../../app/query.ts';
import { NotFoundOrError } from '../../app/read-failure.tsx';
import { Link } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import {
  catalogAdminQueries,
  publishVersion,
  saveDraftContent,
  type DraftEditorData,
} from './catalog-admin-api.ts';
import { DraftContentForm } from './draft-content-form.tsx';
import { DraftDiffView } from './draft-diff-view.tsx';
import { indexProblems } from './draft-editor-state.ts';
import { DraftEditingContext } from './draft-fields.tsx';
import { DraftSummary, type DraftRefusal } from './draft-summary.tsx';

const PROCEDURE_CODE = /^\d\.\d{6}$/;

type Notice = { kind: 'saved' } | { kind: 'published'; version: number };

function DraftEditor({
  code,
  data,
  isProvinceAdmin,
}: {
  code: string;
  data: DraftEditorData;
  isProvinceAdmin: boolean;
}) {
  const { t } = useI18n();
  const d = t.catalogAdmin.draft;
  const invalidate = useInvalidate();
  const [edited, setEdited] = useState<DraftContent | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [refusal, setRefusal] = useState<DraftRefusal | null>(null);
  const summaryRef = useRef<HTMLHeadingElement>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const content = edited ?? data.content;
  const readOnly = !isProvinceAdmin || data.status !== 'draft';
  const problems = useMemo(
    () =>
      draftProblems(content, {
        forms: data.forms.map((f) => f.id),
        feeDecidedBy: data.feeDecidedBy,
        noLimit: data.noLimit,
      }),
    [content, data.forms, data.feeDecidedBy, data.noLimit],
  );
  const editing = useMemo(() => ({ problems: indexProblems(problems), readOnly }), [problems, readOnly]);

  useEffect(() => {
    if (refusal) summaryRef.current?.focus();
  }, [refusal]);
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const refused = (error: unknown) =>
    setRefusal({ message: errorText(t, error), details: error instanceof ApiError ? error.details : [] });
  const reload = async () => {
    await invalidate(catalogAdminQueries.all);
    setEdited(null);
  };
  const save = useMutation({
    mutationFn: () => saveDraftContent(code, data.version, content),
    onSuccess: async () => {
      await reload();
      setNotice({ kind: 'saved' });
    },
    onError: refused,
  });
  const publish = useMutation({
    mutationFn: async () => {
      if (edited) await saveDraftContent(code, data.version, edited);
      return publishVersion(code, data.version);
    },
    onSuccess: async (res) => {
      await reload();
      setNotice({ kind: 'published', version: res.version });
    },
    onError: refused,
  });
  const busy = save.isPending || publish.isPending;

  const change = (next: DraftContent) => {
    setEdited(next);
    setNotice(null);
    setRefusal(null);
  };
  const onSave = () => {
    if (busy) return;
    setRefusal(null);
    save.mutate();
  };
  const onPublish = () => {
    if (busy) return;
    setNotice(null);
    const errors = problems.filter((p) => p.severity === 'error');
    if (errors.length > 0) {
      setRefusal({ message: d.publishBlocked, details: errors });
      return;
    }
    setRefusal(null);
    publish.mutate();
  };

  return (
    <DraftEditingContext.Provider value={editing}>
      <p>
        <span className="code">{code}</span> · <span lang="vi">{data.name}</span>
      </p>
      {notice ? (
        <p className="notice notice-success" role="status" tabIndex={-1} ref={noticeRef}>
          {notice.kind === 'saved' ? d.saved : d.publishedNotice(notice.version)}{' '}
          {notice.kind === 'published' ? <Link to={procedureAdminPath(code)}>{d.versionsLink}</Link> : null}
        </p>
      ) : null}
      {readOnly ? <p className="hint">{isProvinceAdmin ? d.notDraft : d.readOnly}</p> : null}
      {readOnly ? null : <DraftSummary problems={problems} refusal={refusal} ref={summaryRef} />}
      <form
        className="draft-editor"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          onSave();
        }}
      >
        <DraftContentForm
          code={code}
          data={data}
          content={content}
          isProvinceAdmin={isProvinceAdmin}
          onChange={change}
        />
        <DraftDiffView inForce={data.inForce} content={content} />
        {readOnly ? null : (
          <div className="form-actions">
            <button type="submit" className="button" aria-disabled={busy || undefined}>
              {save.isPending ? d.saving : d.save}
            </button>
            <button
              type="button"
              className="button button-primary"
              aria-disabled={busy || undefined}
              onClick={onPublish}
            >
              {publish.isPending ? d.publishing : d.publish}
            </button>
            <p className="muted" role="status">
              {edited ? d.unsaved : ''}
            </p>
          </div>
        )}
      </form>
    </DraftEditingContext.Provider>
  );
}

export function DraftEditorPage({ code, versionText }: { code: string; versionText: string }) {
  const { t } = useI18n();
  const c = t.catalogAdmin;
  const d = c.draft;
  const { session } = useSession();
  const user = session.status === 'signed-in' ? session.user : null;
  const isProvinceAdmin = user?.roles.some((r) => r.role === 'province-admin') ?? false;
  const version = Number(versionText);
  const valid = PROCEDURE_CODE.test(code) && Number.isInteger(version) && version >= 1;
  const read = useQuery({ ...catalogAdminQueries.editor(code, version), enabled: valid });

  return (
    <Page title={d.title(code, version)} heading={d.heading(version)} className="draft-editor-page">
      <nav className="breadcrumb" aria-label={c.breadcrumb}>
        <ol>
          <li>
            <Link to={PATHS.catalogAdmin}>{c.title}</Link>
          </li>
          <li>
            <Link to={procedureAdminPath(code)}>{code}</Link>
          </li>
          <li aria-current="page">{d.crumb(version)}</li>
        </ol>
      </nav>
      {!valid ? (
        <p className="inline-error">{d.invalid}</p>
      ) : read.isError ? (
        <NotFoundOrError read={read} notFound={d.notFound} />
      ) : !read.data ? (
        <p className="muted pending" role="status">
          {t.loading}
        </p>
      ) : (
        <DraftEditor code={code} data={read.data} isProvinceAdmin={isProvinceAdmin} />
      )}
    </Page>
  );
}
