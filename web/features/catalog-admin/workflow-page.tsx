// /quan-tri/thu-tuc/<code>/quy-trinh/<version>?kenh=<channel>&coQuan=<agencyCode>: the internal
// workflow of one procedure version for one channel, province-wide (no coQuan; province
// administrators) or for one agency (unit and province administrators reaching it). The scope lives
// in the address (replaceState through the router), so the page can be linked and reloaded.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { CHANNELS, type Channel } from '../../../common/catalog/procedure.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { Page } from '../../app/page.tsx';
import { procedureAdminPath, PATHS, workflowEditorPath } from '../../app/paths.ts';
import { useInvalidate } from '../../app/query.ts';
import { NotFoundOrError } from '../../app/read-failure.tsx';
import { Link, useRouter } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import { AGENCY_CODE } from '../calendar/office-hours-rows.ts';
import { catalogAdminQueries, putWorkflow, type WorkflowScope } from './catalog-admin-api.ts';
import { limitText, WorkflowEditor } from './workflow-editor.tsx';
import { WorkflowScopePanel, type ScopeErrors } from './workflow-scope.tsx';

const PROCEDURE_CODE = /^\d\.\d{6}$/;

const isChannel = (v: string | null): v is Channel =>
  v !== null && (CHANNELS as readonly string[]).includes(v);

export function WorkflowPage({ code, versionText }: { code: string; versionText: string }) {
  const { t } = useI18n();
  const w = t.catalogAdmin.workflow;
  const { location, navigate } = useRouter();
  const { session } = useSession();
  const user = session.status === 'signed-in' ? session.user : null;
  const isProvinceAdmin = user?.roles.some((r) => r.role === 'province-admin') ?? false;
  const adminAgencies = useMemo(
    () => user?.roles.filter((r) => r.role === 'unit-admin' || r.role === 'province-admin') ?? [],
    [user],
  );

  const version = Number(versionText);
  const valid = PROCEDURE_CODE.test(code) && Number.isInteger(version) && version >= 1;
  const params = new URLSearchParams(location.search);
  const kenh = params.get('kenh');
  const channel: Channel = isChannel(kenh) ? kenh : 'direct';
  const coQuan = params.get('coQuan');
  const agencyCode = coQuan && AGENCY_CODE.test(coQuan) ? coQuan : null;
  const scope: WorkflowScope = { procedureVersion: version, channel, agencyCode };

  const invalidate = useInvalidate();
  const workflowRead = useQuery({ ...catalogAdminQueries.workflow(code, scope), enabled: valid });
  const versionsRead = useQuery({ ...catalogAdminQueries.versions(code), enabled: valid });
  const [agencyName, setAgencyName] = useState<string | null>(null);
  const [scopeErrors, setScopeErrors] = useState<ScopeErrors>({ channel: null, agency: null });
  const [notice, setNotice] = useState<{ kind: 'saved'; version: number } | { kind: 'stale' } | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);

  // A unit administrator edits only agencies' workflows: start at their own agency.
  useEffect(() => {
    if (!valid || agencyCode !== null || isProvinceAdmin) return;
    const own = adminAgencies[0];
    if (own) {
      setAgencyName(own.agencyName);
      navigate(workflowEditorPath(code, version, { channel, agencyCode: own.agencyCode }), { replace: true });
    }
  }, [valid, agencyCode, isProvinceAdmin, adminAgencies, navigate, code, version, channel]);

  const workflow = workflowRead.data;
  useEffect(() => {
    const receiving = agencyCode ? workflow?.steps.find((st) => st.agency?.code === agencyCode) : undefined;
    if (receiving?.agency) setAgencyName(receiving.agency.name);
  }, [workflow, agencyCode]);
  const failed = workflowRead.isError ? workflowRead : versionsRead.isError ? versionsRead : null;
  const loaded = workflow && versionsRead.data && !failed ? workflow : null;
  const versionInfo = versionsRead.data?.items.find((v) => v.version === version) ?? null;

  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const go = (next: { channel?: Channel; agencyCode?: string | null }) => {
    setNotice(null);
    setScopeErrors({ channel: null, agency: null });
    navigate(
      workflowEditorPath(code, version, {
        channel: next.channel ?? channel,
        agencyCode: next.agencyCode === undefined ? agencyCode : next.agencyCode,
      }),
      { replace: true },
    );
  };

  const status = loaded ? versionInfo?.status : undefined;
  const canEdit =
    status !== undefined &&
    status !== 'retired' &&
    (agencyCode === null ? isProvinceAdmin : adminAgencies.length > 0);
  const heading = w.heading(code, version);

  return (
    <Page title={heading} heading={heading} className="workflow-page">
      <nav className="breadcrumb" aria-label={w.breadcrumb}>
        <ol>
          <li>
            <Link to={PATHS.catalogAdmin}>{t.catalogAdmin.title}</Link>
          </li>
          <li>
            <Link to={procedureAdminPath(code)}>{code}</Link>
          </li>
          <li aria-current="page">{w.crumb(version)}</li>
        </ol>
      </nav>
      {!valid ? (
        <p className="inline-error">{w.invalid}</p>
      ) : (
        <>
          <WorkflowScopePanel
            channel={channel}
            agencyCode={agencyCode}
            agencyName={agencyName}
            errors={scopeErrors}
            onChannel={(next) => go({ channel: next })}
            onProvinceWide={() => go({ agencyCode: null })}
            onOwnAgency={() => {
              const own = adminAgencies[0];
              if (own) {
                setAgencyName(own.agencyName);
                go({ agencyCode: own.agencyCode });
              }
            }}
            onAgency={(a) => {
              setAgencyName(a.name);
              go({ agencyCode: a.code });
            }}
          />

          {notice?.kind === 'saved' ? (
            <p className="notice notice-success" role="status" tabIndex={-1} ref={noticeRef}>
              {w.saved(notice.version)}
            </p>
          ) : notice?.kind === 'stale' ? (
            <p className="notice notice-warning" role="alert" tabIndex={-1} ref={noticeRef}>
              {w.stale}
            </p>
          ) : null}

          {failed ? (
            <NotFoundOrError read={failed} notFound={w.notFound} />
          ) : !loaded ? (
            <p className="muted pending" role="status">
              {t.loading}
            </p>
          ) : (
            <>
              <dl className="summary-list workflow-facts">
                <div>
                  <dt>{w.procedure}</dt>
                  <dd>
                    <span lang="vi">{versionInfo?.name ?? code}</span>{' '}
                    <span className="code muted">{code}</span>
                  </dd>
                </div>
                <div>
                  <dt>{w.versionLabel}</dt>
                  <dd>{w.versionState(version, t.catalogAdmin.statuses[versionInfo?.status ?? 'draft'])}</dd>
                </div>
                <div>
                  <dt>{w.limit(t.catalog.channels[channel])}</dt>
                  <dd>{loaded.limit ? limitText(t, loaded.limit) : w.noLimit}</dd>
                </div>
                <div>
                  <dt>{w.sourceLabel}</dt>
                  <dd>{w.sources[loaded.source]}</dd>
                </div>
              </dl>
              {!canEdit ? (
                <p className="notice">{status === 'retired' ? w.retiredNote : w.readOnlyNote}</p>
              ) : null}
              <WorkflowEditor
                key={`${version}-${channel}-${agencyCode ?? ''}-${workflowRead.dataUpdatedAt}`}
                data={loaded}
                readOnly={!canEdit}
                scopeProblems={setScopeErrors}
                onSave={(steps) =>
                  putWorkflow(code, scope, {
                    // A scope without its own stored workflow starts at version 0, whatever it showed.
                    version:
                      loaded.source === (agencyCode === null ? 'province' : 'agency') ? loaded.version : 0,
                    steps,
                  })
                }
                onSaved={(saved) => {
                  setNotice({ kind: 'saved', version: saved });
                  void invalidate(catalogAdminQueries.all);
                }}
                onStale={() => {
                  setNotice({ kind: 'stale' });
                  void invalidate(catalogAdminQueries.all);
                }}
              />
            </>
          )}
          <p>
            <Link to={procedureAdminPath(code)}>{w.back}</Link>
          </p>
        </>
      )}
    </Page>
  );
}
