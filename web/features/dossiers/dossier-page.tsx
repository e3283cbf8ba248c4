// /ho-so/<code>: one dossier for staff. Status, procedure, due time and the working time left; the
// steps with their agencies and due times (the current one marked); the slips its history has
// issued (receipt after acceptance …, PDF in a new tab); its papers (components as given, files,
// supplements, results: dossier-papers.tsx); the applicant's rating once returned; the actions the user may take now, each
// opening its inputs (rendered from the action's input schema) and sent with If-Match: the version
// read. 409 STALE_VERSION: someone acted first; the page says so and reloads. The history last.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import {
  DOSSIER_ACTIONS,
  DOSSIER_STATUSES,
  type ActionKind,
  type DossierStatus,
} from '../../../common/dossiers/index.ts';
import { errorText } from '../../app/errors.ts';
import { ApiError, isAbort } from '../../app/http.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import type { Messages } from '../../app/i18n/vi.ts';
import { Page } from '../../app/page.tsx';
import { PATHS, procedurePath } from '../../app/paths.ts';
import { Link, useRouter } from '../../app/router.tsx';
import { formatInstant } from '../calendar/vn-time.ts';
import { ErrorSummary } from '../calendar/error-summary.tsx';
import {
  getActions,
  getDossier,
  performAction,
  slipsOf,
  slipUrl,
  type AllowedActions,
  type DossierViewData,
} from './dossiers-api.ts';
import {
  errorsFor,
  initialValue,
  pruneValue,
  SchemaForm,
  type FieldErrors,
  type FormSchema,
} from './schema-form.tsx';
import { DueCell } from './worklist-page.tsx';
import { DossierFees } from '../payments/dossier-fees.tsx';
import { DossierPapers } from './dossier-papers.tsx';
import { DossierRating } from './dossier-rating.tsx';
import {
  PersonPicker,
  personInputFor,
  pickedPerson,
  withoutProperty,
  type PersonInput,
} from '../staff/person-picker.tsx';

const DOSSIER_CODE = /^[0-9]{3}\.[0-9]{2}\.[0-9]{2}\.[A-Z][0-9]{2}-[0-9]{6}-[0-9]{4}$/;

type Load =
  | { kind: 'loading' }
  | { kind: 'done'; view: DossierViewData; actions: AllowedActions }
  | { kind: 'error'; error: unknown };
type Notice = { kind: 'done'; text: string } | { kind: 'stale' } | null;

function statusLabel(t: Messages, status: string): string {
  const info = DOSSIER_STATUSES[status as DossierStatus] as
    (typeof DOSSIER_STATUSES)[DossierStatus] | undefined;
  if (!info) return status;
  return t.lang === 'vi' ? info.label : info.englishLabel;
}

function actionLabel(kind: string): string {
  return DOSSIER_ACTIONS[kind as ActionKind]?.label ?? kind;
}

function SlipLinks({ t, view }: { t: Messages; view: DossierViewData }) {
  const slips = slipsOf(view);
  if (slips.length === 0) return <p className="muted">{t.dossiers.page.noSlips}</p>;
  return (
    <ul className="slip-list">
      {slips.map((kind) => (
        <li key={kind}>
          <a href={slipUrl(view.code, kind)} target="_blank" rel="noopener" className="slip-link">
            {t.dossiers.slips[kind as keyof Messages['dossiers']['slips']] ?? kind}
            <span className="visually-hidden"> {t.dossiers.opensNewTab}</span>
          </a>{' '}
          <span className="muted">(PDF)</span>
        </li>
      ))}
    </ul>
  );
}

function ActionForm({
  code,
  version,
  kind,
  label,
  inputs,
  person,
  onDone,
  onStale,
  onCancel,
}: {
  code: string;
  version: number;
  kind: string;
  label: string;
  inputs: FormSchema;
  /** A user-id input chosen with the person picker rather than typed. */
  person: PersonInput | null;
  onDone: (view: DossierViewData) => void;
  onStale: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [value, setValue] = useState<unknown>(() => initialValue(inputs) ?? {});
  const [busy, setBusy] = useState(false);
  const [uploading, setUploading] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problems, setProblems] = useState<{ message: string; fieldId?: string; label?: string }[]>([]);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const summaryHeading = useRef<HTMLHeadingElement>(null);
  const prefix = `action-${kind}`;
  const empty = Object.keys(inputs.properties ?? {}).length === 0;
  const pick = person && inputs.properties?.[person.field] ? person : null;

  useEffect(() => headingRef.current?.focus(), []);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (uploading) {
      setProblems([{ message: t.dossiers.page.uploadsPending }]);
      window.setTimeout(() => summaryHeading.current?.focus(), 0);
      return;
    }
    setBusy(true);
    setErrors({});
    setProblems([]);
    try {
      const body = (pruneValue(inputs, inputs, value) as Record<string, unknown> | undefined) ?? {};
      onDone(await performAction(code, kind, version, body));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'STALE_VERSION') {
        onStale();
        return;
      }
      if (error instanceof ApiError && error.details.length > 0) {
        const mapped = errorsFor(t, inputs, prefix, 'body/', error.details);
        setErrors(mapped.fields);
        setProblems([...mapped.problems, ...mapped.rest.map((d) => ({ message: d.message }))]);
      } else {
        setProblems([{ message: errorText(t, error) }]);
      }
      window.setTimeout(() => summaryHeading.current?.focus(), 0);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel action-form" aria-labelledby={`${prefix}-heading`}>
      <h3 id={`${prefix}-heading`} className="panel-heading" tabIndex={-1} ref={headingRef}>
        {label}
      </h3>
      <ErrorSummary title={t.dossiers.page.actionFailed} problems={problems} headingRef={summaryHeading} />
      <form noValidate onSubmit={(e) => void onSubmit(e)}>
        {empty ? <p className="muted">{t.dossiers.page.noInputs}</p> : null}
        {pick ? (
          <PersonPicker
            id={`${prefix}-${pick.field}`}
            label={inputs.properties?.[pick.field]?.title ?? pick.field}
            agency={pick.agency}
            role={pick.role}
            value={pickedPerson(value, pick.field)}
            onChange={(id) => setValue((v: unknown) => ({ ...(v as object), [pick.field]: id || undefined }))}
            error={errors[pick.field]}
            required={inputs.required?.includes(pick.field) ?? false}
          />
        ) : null}
        <SchemaForm
          schema={pick ? withoutProperty(inputs, pick.field) : inputs}
          value={value}
          onChange={setValue}
          errors={errors}
          idPrefix={prefix}
          onUploadingChange={setUploading}
        />
        <div className="form-actions">
          <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
            {busy ? t.dossiers.page.sending : t.dossiers.page.confirm(label)}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            {t.dossiers.page.cancel}
          </button>
        </div>
      </form>
    </section>
  );
}

function Summary({ t, view }: { t: Messages; view: DossierViewData }) {
  const { fullName } = view.applicant as { fullName?: unknown };
  const applicantName = typeof fullName === 'string' ? fullName : '';
  const due = view.extendedDueAt ?? view.dueAt;
  const p = t.dossiers.page;
  return (
    <dl className="summary-list dossier-summary">
      <div>
        <dt>{t.dossiers.columns.status}</dt>
        <dd>
          <span className={`status status-${view.status}`}>{view.statusLabel}</span>
        </dd>
      </div>
      <div>
        <dt>{t.dossiers.columns.procedure}</dt>
        <dd>
          <Link to={procedurePath(view.procedure.code)}>{view.procedure.name}</Link>{' '}
          <span className="code muted">{view.procedure.code}</span>
        </dd>
      </div>
      <div>
        <dt>{t.dossiers.columns.applicant}</dt>
        <dd>{applicantName}</dd>
      </div>
      <div>
        <dt>{p.competentAgency}</dt>
        <dd>{view.competentAgency.name}</dd>
      </div>
      <div>
        <dt>{t.dossiers.columns.agency}</dt>
        <dd>{view.currentAgency.name}</dd>
      </div>
      <div>
        <dt>{t.dossiers.columns.received}</dt>
        <dd>{view.receivedAt ? formatInstant(t, view.receivedAt) : t.dossiers.notReceived}</dd>
      </div>
      <div>
        <dt>{t.dossiers.columns.due}</dt>
        <dd className="dossier-due">
          <DueCell t={t} status={view.status} due={due} />
          {view.remaining ? (
            <span className={view.remaining.overdue ? 'remaining remaining-overdue' : 'remaining'}>
              {view.remaining.label}
            </span>
          ) : null}
        </dd>
      </div>
    </dl>
  );
}

function Steps({ t, view }: { t: Messages; view: DossierViewData }) {
  const c = t.dossiers.page;
  return (
    <ol className="step-list">
      {view.steps.map((s, i) => (
        <li
          key={`${s.key}-${i}`}
          className={s.current ? 'step step-current' : 'step'}
          aria-current={s.current ? 'step' : undefined}
        >
          <span className="step-name">
            {s.name}
            {s.current ? <span className="tag tag-current">{c.currentStep}</span> : null}
          </span>
          <span className="step-meta">
            {s.agency.name}
            {s.dueAt ? ` · ${c.stepDue(formatInstant(t, s.dueAt))}` : ''}
          </span>
        </li>
      ))}
    </ol>
  );
}

function History({ t, view }: { t: Messages; view: DossierViewData }) {
  const c = t.dossiers.page.historyColumns;
  return (
    <table className="table history-table">
      <caption className="visually-hidden">{t.dossiers.page.historyHeading}</caption>
      <thead>
        <tr>
          <th scope="col">{c.at}</th>
          <th scope="col">{c.action}</th>
          <th scope="col">{c.by}</th>
          <th scope="col">{c.status}</th>
          <th scope="col">{c.note}</th>
        </tr>
      </thead>
      <tbody>
        {[...view.history].reverse().map((h) => (
          <tr key={h.version}>
            <td data-label={c.at}>{formatInstant(t, h.at)}</td>
            <th scope="row" data-label={c.action}>
              {actionLabel(h.action)}
            </th>
            <td data-label={c.by}>{h.by}</td>
            <td data-label={c.status}>
              {h.from === h.to ? statusLabel(t, h.to) : `${statusLabel(t, h.from)} → ${statusLabel(t, h.to)}`}
            </td>
            <td data-label={c.note}>{h.note ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function DossierPage({ code }: { code: string }) {
  const { t } = useI18n();
  const { location } = useRouter();
  const valid = DOSSIER_CODE.test(code);
  const justReceived = new URLSearchParams(location.search).has('moi');
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [reloadKey, setReloadKey] = useState(0);
  const [open, setOpen] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const actionButtons = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!valid) return;
    const controller = new AbortController();
    Promise.all([getDossier(code, controller.signal), getActions(code, controller.signal)])
      .then(([view, actions]) => setLoad({ kind: 'done', view, actions }))
      .catch((error: unknown) => {
        if (!isAbort(error)) setLoad({ kind: 'error', error });
      });
    return () => controller.abort();
  }, [code, valid, reloadKey]);

  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const reload = () => setReloadKey((k) => k + 1);
  const heading = t.dossiers.page.heading(code);

  return (
    <Page title={heading} heading={heading} className="dossier-page">
      <nav className="breadcrumb" aria-label={t.dossiers.page.breadcrumb}>
        <ol>
          <li>
            <Link to={PATHS.dossiers}>{t.dossiers.worklistTitle}</Link>
          </li>
          <li aria-current="page">{code}</li>
        </ol>
      </nav>
      {!valid ? (
        <p className="inline-error">{t.dossiers.page.invalidCode}</p>
      ) : load.kind === 'loading' ? (
        <p className="muted pending" role="status">
          {t.loading}
        </p>
      ) : load.kind === 'error' ? (
        <div className="inline-error" role="alert">
          <p>
            {load.error instanceof ApiError && load.error.status === 404
              ? t.dossiers.page.notFound
              : errorText(t, load.error)}
          </p>
          <button type="button" className="button" onClick={reload}>
            {t.errors.retry}
          </button>
        </div>
      ) : (
        <>
          {notice?.kind === 'stale' ? (
            <div className="notice notice-warning" role="alert" tabIndex={-1} ref={noticeRef}>
              {t.dossiers.page.stale}
            </div>
          ) : notice?.kind === 'done' ? (
            <div className="notice notice-success" role="status" tabIndex={-1} ref={noticeRef}>
              {notice.text}
            </div>
          ) : justReceived && load.view.history.some((h) => h.action === 'accept') ? (
            <div className="notice notice-success">
              <p>{t.dossiers.page.received}</p>
              <p>
                <a
                  href={slipUrl(load.view.code, 'receipt')}
                  target="_blank"
                  rel="noopener"
                  className="button button-primary"
                >
                  {t.dossiers.page.printReceipt}
                  <span className="visually-hidden"> {t.dossiers.opensNewTab}</span>
                </a>
              </p>
            </div>
          ) : null}
          <Summary t={t} view={load.view} />

          <section aria-labelledby="dossier-actions-heading" className="dossier-section">
            <h2 id="dossier-actions-heading" className="section-heading">
              {t.dossiers.page.actionsHeading}
            </h2>
            {load.actions.items.length === 0 ? (
              <p className="muted">{t.dossiers.page.noActions}</p>
            ) : (
              <div className="action-buttons" ref={actionButtons}>
                {load.actions.items.map((a) => (
                  <button
                    key={a.kind}
                    type="button"
                    className={a.kind === open ? 'button button-primary' : 'button'}
                    aria-expanded={a.kind === open}
                    aria-controls={a.kind === open ? `action-${a.kind}-heading` : undefined}
                    onClick={() => {
                      setNotice(null);
                      setOpen(a.kind === open ? null : a.kind);
                    }}
                  >
                    {a.label}
                  </button>
                ))}
              </div>
            )}
            {load.actions.items
              .filter((a) => a.kind === open)
              .map((a) => (
                <ActionForm
                  key={`${a.kind}-${load.actions.version}`}
                  code={load.view.code}
                  version={load.actions.version}
                  kind={a.kind}
                  label={a.label}
                  inputs={a.inputs as FormSchema}
                  person={personInputFor(a.kind, load.view)}
                  onDone={(view) => {
                    setOpen(null);
                    setNotice({ kind: 'done', text: t.dossiers.page.done(a.label, view.statusLabel) });
                    reload();
                  }}
                  onStale={() => {
                    setOpen(null);
                    setNotice({ kind: 'stale' });
                    reload();
                  }}
                  onCancel={() => {
                    setOpen(null);
                    window.setTimeout(() => actionButtons.current?.querySelector('button')?.focus(), 0);
                  }}
                />
              ))}
          </section>

          <DossierPapers code={load.view.code} reloadKey={reloadKey} />

          <section aria-labelledby="dossier-slips-heading" className="dossier-section">
            <h2 id="dossier-slips-heading" className="section-heading">
              {t.dossiers.page.slipsHeading}
            </h2>
            <SlipLinks t={t} view={load.view} />
          </section>

          <DossierFees
            code={load.view.code}
            receivingAgencyCode={load.view.receivingAgency.code}
            onPaid={reload}
          />

          {load.view.status === 'returned' ? (
            <DossierRating code={load.view.code} audience="staff" reloadKey={reloadKey} />
          ) : null}

          <section aria-labelledby="dossier-steps-heading" className="dossier-section">
            <h2 id="dossier-steps-heading" className="section-heading">
              {t.dossiers.page.stepsHeading}
            </h2>
            <Steps t={t} view={load.view} />
          </section>

          <section aria-labelledby="dossier-history-heading" className="dossier-section">
            <h2 id="dossier-history-heading" className="section-heading">
              {t.dossiers.page.historyHeading}
            </h2>
            <History t={t} view={load.view} />
          </section>
        </>
      )}
    </Page>
  );
}
