// /quan-tri/thu-tuc/<code>/quy-trinh/<version>?kenh=<channel>&coQuan=<agencyCode>: the internal
// workflow of one procedure version for one channel, province-wide (no coQuan; province
// administrators) or for one agency (unit and province administrators reaching it). The scope lives
// in the address (replaceState through the router), so the page can be linked and reloaded.
import { useEffect, useMemo, useRef, useState } from 'react';
import { CHANNELS, type Channel } from '../../../common/catalog/procedure.ts';
import { errorText } from '../../app/errors.ts';
import { ApiError, isAbort } from '../../app/http.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { Page } from '../../app/page.tsx';
import { procedureAdminPath, PATHS, workflowEditorPath } from '../../app/paths.ts';
import { Link, useRouter } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import { AgencyPicker } from '../staff/agency-picker.tsx';
import {
  getWorkflow,
  listVersions,
  putWorkflow,
  type VersionItem,
  type WorkflowData,
  type WorkflowScope,
} from './catalog-admin-api.ts';
import { AGENCY_ID, CHANNEL_ID, limitText, WorkflowEditor } from './workflow-editor.tsx';

const PROCEDURE_CODE = /^\d\.\d{6}$/;
const AGENCY_CODE = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/;

const isChannel = (v: string | null): v is Channel =>
  v !== null && (CHANNELS as readonly string[]).includes(v);

type Load =
  | { kind: 'loading' }
  | { kind: 'done'; workflow: WorkflowData; versionInfo: VersionItem | null }
  | { kind: 'error'; error: unknown };

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

  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [reloadKey, setReloadKey] = useState(0);
  const [agencyName, setAgencyName] = useState<string | null>(null);
  const [scopeErrors, setScopeErrors] = useState<{ channel: string | null; agency: string | null }>({
    channel: null,
    agency: null,
  });
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

  useEffect(() => {
    if (!valid) return;
    const controller = new AbortController();
    setLoad({ kind: 'loading' });
    Promise.all([
      getWorkflow(code, { procedureVersion: version, channel, agencyCode }, controller.signal),
      listVersions(code, controller.signal),
    ])
      .then(([workflow, versions]) => {
        setLoad({
          kind: 'done',
          workflow,
          versionInfo: versions.items.find((v) => v.version === version) ?? null,
        });
        if (agencyCode) {
          const receiving = workflow.steps.find((s) => s.agency?.code === agencyCode);
          if (receiving?.agency) setAgencyName(receiving.agency.name);
        }
      })
      .catch((error: unknown) => {
        if (!isAbort(error)) setLoad({ kind: 'error', error });
      });
    return () => controller.abort();
  }, [code, version, channel, agencyCode, valid, reloadKey]);

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

  const status = load.kind === 'done' ? load.versionInfo?.status : undefined;
  const canEdit =
    status !== undefined &&
    status !== 'retired' &&
    (agencyCode === null ? isProvinceAdmin : adminAgencies.length > 0);
  const heading = w.heading(code, version);
  const channelError = scopeErrors.channel;
  const agencyError = scopeErrors.agency;

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
          <section aria-labelledby="wf-scope-heading" className="panel workflow-scope">
            <h2 id="wf-scope-heading" className="panel-heading">
              {w.scopeHeading}
            </h2>
            <div className={channelError ? 'field field-invalid' : 'field'}>
              <label htmlFor={CHANNEL_ID}>{w.channel}</label>
              {channelError ? (
                <p className="field-error" id={`${CHANNEL_ID}-error`}>
                  {channelError}
                </p>
              ) : null}
              <select
                id={CHANNEL_ID}
                value={channel}
                aria-invalid={channelError ? true : undefined}
                aria-describedby={channelError ? `${CHANNEL_ID}-error` : undefined}
                onChange={(e) => go({ channel: e.target.value as Channel })}
              >
                {CHANNELS.map((c) => (
                  <option key={c} value={c}>
                    {t.catalog.channels[c]}
                  </option>
                ))}
              </select>
            </div>
            <fieldset className="field radio-group">
              <legend>{w.appliesTo}</legend>
              <div className="field-checkbox">
                <input
                  type="radio"
                  id="wf-scope-province"
                  name="wf-scope"
                  checked={agencyCode === null}
                  onChange={() => go({ agencyCode: null })}
                />
                <label htmlFor="wf-scope-province">{w.provinceWide}</label>
              </div>
              <div className="field-checkbox">
                <input
                  type="radio"
                  id="wf-scope-agency"
                  name="wf-scope"
                  checked={agencyCode !== null}
                  onChange={() => {
                    const own = adminAgencies[0];
                    if (own) {
                      setAgencyName(own.agencyName);
                      go({ agencyCode: own.agencyCode });
                    }
                  }}
                />
                <label htmlFor="wf-scope-agency">{w.oneAgency}</label>
              </div>
            </fieldset>
            {agencyCode !== null ? (
              <AgencyPicker
                key={agencyCode}
                id={AGENCY_ID}
                label={w.agency}
                hint={w.agencyHint}
                picked={{ code: agencyCode, name: agencyName ?? agencyCode }}
                onPick={(a) => {
                  setAgencyName(a.name);
                  go({ agencyCode: a.code });
                }}
                error={agencyError ?? undefined}
              />
            ) : null}
          </section>

          {notice?.kind === 'saved' ? (
            <p className="notice notice-success" role="status" tabIndex={-1} ref={noticeRef}>
              {w.saved(notice.version)}
            </p>
          ) : notice?.kind === 'stale' ? (
            <p className="notice notice-warning" role="alert" tabIndex={-1} ref={noticeRef}>
              {w.stale}
            </p>
          ) : null}

          {load.kind === 'loading' ? (
            <p className="muted pending" role="status">
              {t.loading}
            </p>
          ) : load.kind === 'error' ? (
            <div className="inline-error" role="alert">
              <p>
                {load.error instanceof ApiError && load.error.status === 404
                  ? w.notFound
                  : errorText(t, load.error)}
              </p>
              <button type="button" className="button" onClick={() => setReloadKey((k) => k + 1)}>
                {t.errors.retry}
              </button>
            </div>
          ) : (
            <>
              <dl className="summary-list workflow-facts">
                <div>
                  <dt>{w.procedure}</dt>
                  <dd>
                    {load.versionInfo?.name ?? code} <span className="code muted">{code}</span>
                  </dd>
                </div>
                <div>
                  <dt>{w.versionLabel}</dt>
                  <dd>
                    {w.versionState(version, t.catalogAdmin.statuses[load.versionInfo?.status ?? 'draft'])}
                  </dd>
                </div>
                <div>
                  <dt>{w.limit(t.catalog.channels[channel])}</dt>
                  <dd>{load.workflow.limit ? limitText(t, load.workflow.limit) : w.noLimit}</dd>
                </div>
                <div>
                  <dt>{w.sourceLabel}</dt>
                  <dd>{w.sources[load.workflow.source]}</dd>
                </div>
              </dl>
              {!canEdit ? (
                <p className="notice">{status === 'retired' ? w.retiredNote : w.readOnlyNote}</p>
              ) : null}
              <WorkflowEditor
                key={`${version}-${channel}-${agencyCode ?? ''}-${reloadKey}`}
                data={load.workflow}
                readOnly={!canEdit}
                scopeProblems={setScopeErrors}
                onSave={(steps) =>
                  putWorkflow(code, scope, {
                    // A scope without its own stored workflow starts at version 0, whatever it showed.
                    version:
                      load.workflow.source === (agencyCode === null ? 'province' : 'agency')
                        ? load.workflow.version
                        : 0,
                    steps,
                  })
                }
                onSaved={(saved) => {
                  setNotice({ kind: 'saved', version: saved });
                  setReloadKey((k) => k + 1);
                }}
                onStale={() => {
                  setNotice({ kind: 'stale' });
                  setReloadKey((k) => k + 1);
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
