// /cong-dich-vu-cong/ho-so-cua-toi/<code>: one of the citizen's dossiers. Right after an online
// submission (`?moi=1`) it opens with the receipt: the code, the status, where to follow it. Then the
// status in the applicant's words, the agencies, the dates and the due date, the slips issued (the
// receipt once a desk accepted it), the papers (what was submitted, supplemented and issued, each file
// downloadable: dossier-papers.tsx), once the result is received the satisfaction rating
// (dossier-rating.tsx), the timeline of status changes, and what the
// applicant may do now (GET /dossiers/<code>/actions): supplement with files when asked, or withdraw,
// after a confirmation. Actions go with If-Match; 409 STALE_VERSION reloads and says why. The fees,
// read with the dossier, and paying them online: my-dossier-fees.tsx.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { DOSSIER_ACTIONS } from '../../../common/dossiers/actions.ts';
import type { ActionKind } from '../../../common/dossiers/model.ts';
import { detailText, errorText } from '../../app/errors.ts';
import { ApiError, isAbort } from '../../app/http.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import type { Messages } from '../../app/i18n/vi.ts';
import { Page } from '../../app/page.tsx';
import { lookupPath, PATHS, procedurePath } from '../../app/paths.ts';
import { Link, useRouter } from '../../app/router.tsx';
import { formatInstant } from '../calendar/vn-time.ts';
import { ErrorSummary, type Problem } from '../calendar/error-summary.tsx';
import { newIdempotencyKey, slipsOf } from '../dossiers/dossiers-api.ts';
import {
  actOnMyDossier,
  getMyActions,
  getMyDossier,
  slipUrl,
  type CitizenActions,
  type CitizenDossierView,
} from './citizen-api.ts';
import { CitizenGate } from './citizen-gate.tsx';
import { citizenStatusLabel, DOSSIER_CODE } from './citizen-format.ts';
import { readMyFees, type FeesRead } from './citizen-payments-api.ts';
import { FileField, UploadAnnouncer, useUploads } from './file-upload.tsx';
import { MyDossierFees } from './my-dossier-fees.tsx';
import { DossierPapers } from '../dossiers/dossier-papers.tsx';
import { DossierRating } from '../dossiers/dossier-rating.tsx';
import './citizen.css';

type Load =
  | { kind: 'loading' }
  | { kind: 'done'; view: CitizenDossierView; actions: CitizenActions; fees: FeesRead }
  | { kind: 'error'; error: unknown };
type Notice = { kind: 'done'; text: string } | { kind: 'stale' } | null;

function Receipt({ t, view }: { t: Messages; view: CitizenDossierView }) {
  const c = t.citizen.receipt;
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <section className="panel receipt-panel" aria-labelledby="receipt-heading">
      <h2 id="receipt-heading" className="panel-heading" tabIndex={-1} ref={ref}>
        {c.heading}
      </h2>
      <p>{c.codeIntro}</p>
      <p className="receipt-code code">{view.code}</p>
      <dl className="summary-list">
        <div>
          <dt>{t.dossiers.columns.status}</dt>
          <dd>{citizenStatusLabel(t, view.status)}</dd>
        </div>
        <div>
          <dt>{c.submittedAt}</dt>
          <dd>{formatInstant(t, view.submittedAt)}</dd>
        </div>
        <div>
          <dt>{c.desk}</dt>
          <dd>{view.receivingAgency.name}</dd>
        </div>
      </dl>
      <p>{c.next}</p>
      <ul className="page-links">
        <li>
          <Link to={PATHS.myDossiers}>{t.citizen.myDossiers.title}</Link>
        </li>
        <li>
          <Link to={lookupPath(view.code)}>{c.lookup}</Link>
        </li>
      </ul>
    </section>
  );
}

function Summary({ t, view }: { t: Messages; view: CitizenDossierView }) {
  const c = t.citizen.dossier;
  const due = view.extendedDueAt ?? view.dueAt;
  return (
    <dl className="summary-list dossier-summary">
      <div>
        <dt>{t.dossiers.columns.status}</dt>
        <dd>
          <span className={`status-badge status-badge-${view.status}`}>
            {citizenStatusLabel(t, view.status)}
          </span>
        </dd>
      </div>
      <div>
        <dt>{t.dossiers.columns.procedure}</dt>
        <dd>
          <Link to={procedurePath(view.procedure.code)}>{view.procedure.name}</Link>
        </dd>
      </div>
      <div>
        <dt>{c.desk}</dt>
        <dd>{view.receivingAgency.name}</dd>
      </div>
      <div>
        <dt>{c.competent}</dt>
        <dd>{view.competentAgency.name}</dd>
      </div>
      <div>
        <dt>{c.submitted}</dt>
        <dd>{formatInstant(t, view.submittedAt)}</dd>
      </div>
      <div>
        <dt>{t.dossiers.columns.received}</dt>
        <dd>{view.receivedAt ? formatInstant(t, view.receivedAt) : t.dossiers.notReceived}</dd>
      </div>
      {view.returnedAt ? (
        <div>
          <dt>{c.returned}</dt>
          <dd>{formatInstant(t, view.returnedAt)}</dd>
        </div>
      ) : (
        <div>
          <dt>{t.dossiers.columns.due}</dt>
          <dd>
            {due ? formatInstant(t, due) : view.receivedAt ? t.dossiers.noDue : c.dueAfterReceipt}
            {view.remaining && !view.resultAt ? (
              <span className={view.remaining.overdue ? 'remaining remaining-overdue' : 'remaining'}>
                {' '}
                ({view.remaining.label})
              </span>
            ) : null}
          </dd>
        </div>
      )}
    </dl>
  );
}

function Timeline({ t, view }: { t: Messages; view: CitizenDossierView }) {
  const c = t.citizen.dossier;
  const entries = [
    {
      key: 'submitted',
      at: view.submittedAt,
      title: c.submittedEvent,
      action: null as string | null,
      note: null as string | null,
    },
    ...view.history
      .filter((h) => h.from !== h.to || h.action === 'apologize' || h.action === 'supplement')
      .map((h) => ({
        key: String(h.version),
        at: h.at,
        title: citizenStatusLabel(t, h.to),
        action: t.lang === 'vi' ? (DOSSIER_ACTIONS[h.action as ActionKind]?.label ?? null) : null,
        // The server sends only what was addressed to the applicant (a reason) or their own words.
        note: h.note,
      })),
  ];
  return (
    <ol className="timeline">
      {entries.map((e, i) => (
        <li
          key={e.key}
          className={i === entries.length - 1 ? 'timeline-item timeline-current' : 'timeline-item'}
        >
          <p className="timeline-title">{e.title}</p>
          <p className="timeline-meta">
            <time dateTime={e.at}>{formatInstant(t, e.at)}</time>
            {e.action ? ` · ${e.action}` : ''}
          </p>
          {e.note ? <p className="timeline-note">{e.note}</p> : null}
        </li>
      ))}
    </ol>
  );
}

type Row = { key: string; name: string };
let rowCounter = 0;
const newRow = (): Row => ({ key: `supplement-row-${++rowCounter}`, name: '' });

function SupplementForm({
  view,
  version,
  onDone,
  onStale,
  onCancel,
}: {
  view: CitizenDossierView;
  version: number;
  onDone: (v: CitizenDossierView) => void;
  onStale: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const c = t.citizen.supplement;
  const uploads = useUploads(t);
  const [rows, setRows] = useState<Row[]>(() => [newRow()]);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<Problem[]>([]);
  const heading = useRef<HTMLHeadingElement>(null);
  const summary = useRef<HTMLHeadingElement>(null);
  const key = useRef(newIdempotencyKey());
  const asked = [...view.history].reverse().find((h) => h.action === 'request-supplement');

  useEffect(() => heading.current?.focus(), []);

  const show = (found: { key: string | null; problem: Problem }[]) => {
    const next: Record<string, string> = {};
    for (const f of found) if (f.key && !(f.key in next)) next[f.key] = f.problem.message;
    setFields(next);
    setProblems(found.map((f) => f.problem));
    window.setTimeout(() => summary.current?.focus(), 0);
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const found: { key: string | null; problem: Problem }[] = [];
    if (uploads.busy) found.push({ key: null, problem: { message: t.citizen.apply.stillUploading } });
    const sent = rows.filter((r) => r.name.trim() !== '' || uploads.fileIds(r.key).length > 0);
    if (sent.length === 0 && rows[0])
      found.push({
        key: `${rows[0].key}/name`,
        problem: { message: c.nothing, fieldId: `${rows[0].key}-name`, label: c.name(1) },
      });
    rows.forEach((r, i) => {
      if (r.name.trim() === '' && uploads.fileIds(r.key).length > 0)
        found.push({
          key: `${r.key}/name`,
          problem: { message: c.nameMissing, fieldId: `${r.key}-name`, label: c.name(i + 1) },
        });
    });
    if (found.length > 0) {
      show(found);
      return;
    }
    setBusy(true);
    try {
      const body = {
        components: sent.map((r) => {
          const fileId = uploads.fileIds(r.key)[0];
          return fileId ? { name: r.name.trim(), fileId } : { name: r.name.trim() };
        }),
        ...(note.trim() ? { note: note.trim() } : {}),
      };
      onDone(await actOnMyDossier(view.code, 'supplement', version, body, key.current));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'STALE_VERSION') {
        onStale();
        return;
      }
      key.current = newIdempotencyKey();
      if (error instanceof ApiError && error.details.length > 0) {
        show(
          error.details.map((d) => {
            const m = /^body\/components\/(\d+)\/(name|fileId)$/.exec(d.path);
            const row = m ? sent[Number(m[1])] : undefined;
            if (row && m) {
              const i = rows.indexOf(row);
              const field = m[2] === 'name' ? `${row.key}-name` : `${row.key}-file`;
              return {
                key: `${row.key}/${m[2]}`,
                problem: { message: detailText(t, d), fieldId: field, label: c.name(i + 1) },
              };
            }
            return { key: null, problem: { message: detailText(t, d) } };
          }),
        );
      } else show([{ key: null, problem: { message: errorText(t, error) } }]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel action-form" aria-labelledby="supplement-heading">
      <h3 id="supplement-heading" className="panel-heading" tabIndex={-1} ref={heading}>
        {c.heading}
      </h3>
      {asked?.note ? (
        <p className="notice">
          <span className="component-label">{c.asked}:</span> {asked.note}
        </p>
      ) : null}
      <p className="hint">{c.intro}</p>
      <ErrorSummary title={t.citizen.actionFailed} problems={problems} headingRef={summary} />
      <UploadAnnouncer uploads={uploads} />
      <form noValidate onSubmit={(e) => void onSubmit(e)}>
        <ol className="supplement-rows">
          {rows.map((r, i) => {
            const nameError = fields[`${r.key}/name`];
            return (
              <li key={r.key}>
                <fieldset className="schema-row">
                  <legend>{c.row(i + 1)}</legend>
                  <div className={nameError ? 'field field-invalid' : 'field'}>
                    <label htmlFor={`${r.key}-name`}>{c.nameLabel}</label>
                    {nameError ? (
                      <p className="field-error" id={`${r.key}-name-error`}>
                        {nameError}
                      </p>
                    ) : null}
                    <input
                      id={`${r.key}-name`}
                      type="text"
                      maxLength={500}
                      value={r.name}
                      onChange={(e) =>
                        setRows((all) =>
                          all.map((x) => (x.key === r.key ? { ...x, name: e.target.value } : x)),
                        )
                      }
                      aria-invalid={nameError ? true : undefined}
                      aria-describedby={nameError ? `${r.key}-name-error` : undefined}
                    />
                  </div>
                  <FileField
                    id={`${r.key}-file`}
                    slot={r.key}
                    uploads={uploads}
                    label={c.file}
                    multiple={false}
                    error={fields[`${r.key}/fileId`]}
                  />
                  {rows.length > 1 ? (
                    <button
                      type="button"
                      className="button button-small"
                      onClick={() => setRows((all) => all.filter((x) => x.key !== r.key))}
                    >
                      {t.dossiers.form.removeRow}
                      <span className="visually-hidden"> {c.row(i + 1)}</span>
                    </button>
                  ) : null}
                </fieldset>
              </li>
            );
          })}
        </ol>
        {rows.length < 50 ? (
          <button
            type="button"
            className="button button-small"
            onClick={() => setRows((all) => [...all, newRow()])}
          >
            {c.addRow}
          </button>
        ) : null}
        <div className="field">
          <label htmlFor="supplement-note">{c.note}</label>
          <textarea
            id="supplement-note"
            rows={3}
            maxLength={2000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
            {busy ? t.dossiers.page.sending : c.send}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            {t.dossiers.page.cancel}
          </button>
        </div>
      </form>
    </section>
  );
}

function WithdrawForm({
  view,
  version,
  onDone,
  onStale,
  onCancel,
}: {
  view: CitizenDossierView;
  version: number;
  onDone: (v: CitizenDossierView) => void;
  onStale: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const c = t.citizen.withdraw;
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const confirmHeading = useRef<HTMLParagraphElement>(null);
  const key = useRef(newIdempotencyKey());

  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    if (confirming) confirmHeading.current?.focus();
  }, [confirming]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (!confirming) {
      setConfirming(true);
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      onDone(
        await actOnMyDossier(
          view.code,
          'withdraw',
          version,
          reason.trim() ? { reason: reason.trim() } : {},
          key.current,
        ),
      );
    } catch (error) {
      if (error instanceof ApiError && error.code === 'STALE_VERSION') {
        onStale();
        return;
      }
      key.current = newIdempotencyKey();
      setProblem(errorText(t, error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel action-form" aria-labelledby="withdraw-heading">
      <h3 id="withdraw-heading" className="panel-heading" tabIndex={-1} ref={heading}>
        {c.heading}
      </h3>
      <p>{c.intro}</p>
      {problem ? (
        <p className="inline-error" role="alert">
          {problem}
        </p>
      ) : null}
      <form noValidate onSubmit={(e) => void onSubmit(e)}>
        <div className="field">
          <label htmlFor="withdraw-reason">{c.reason}</label>
          <textarea
            id="withdraw-reason"
            rows={3}
            maxLength={2000}
            value={reason}
            readOnly={confirming}
            onChange={(e) => setReason(e.target.value)}
          />
        </div>
        {confirming ? (
          <div className="confirm" role="group" aria-labelledby="withdraw-question">
            <p id="withdraw-question" tabIndex={-1} ref={confirmHeading} className="confirm-question">
              {c.question(view.code)}
            </p>
            <div className="form-actions">
              <button type="submit" className="button button-danger" aria-disabled={busy || undefined}>
                {busy ? t.dossiers.page.sending : c.confirm}
              </button>
              <button type="button" className="button" onClick={() => setConfirming(false)}>
                {c.keep}
              </button>
            </div>
          </div>
        ) : (
          <div className="form-actions">
            <button type="submit" className="button button-danger">
              {c.start}
            </button>
            <button type="button" className="button" onClick={onCancel}>
              {t.dossiers.page.cancel}
            </button>
          </div>
        )}
      </form>
    </section>
  );
}

function Dossier({ code }: { code: string }) {
  const { t } = useI18n();
  const c = t.citizen.dossier;
  const { location } = useRouter();
  const fresh = new URLSearchParams(location.search).has('moi');
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [reloadKey, setReloadKey] = useState(0);
  const [open, setOpen] = useState<'supplement' | 'withdraw' | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const actionButtons = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const controller = new AbortController();
    Promise.all([
      getMyDossier(code, controller.signal),
      getMyActions(code, controller.signal),
      readMyFees(code, controller.signal),
    ])
      .then(([view, actions, fees]) => setLoad({ kind: 'done', view, actions, fees }))
      .catch((error: unknown) => {
        if (!isAbort(error)) setLoad({ kind: 'error', error });
      });
    return () => controller.abort();
  }, [code, reloadKey]);

  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const reload = () => setReloadKey((k) => k + 1);

  if (load.kind === 'loading')
    return (
      <p className="page-loading" role="status">
        {t.loading}
      </p>
    );
  if (load.kind === 'error')
    return (
      <div className="inline-error" role="alert">
        <p>
          {load.error instanceof ApiError && load.error.status === 404
            ? c.notFound
            : errorText(t, load.error)}
        </p>
        <button type="button" className="button" onClick={reload}>
          {t.errors.retry}
        </button>
      </div>
    );

  const { view, actions } = load;
  const mine = actions.items.filter(
    (a): a is typeof a & { kind: 'supplement' | 'withdraw' } =>
      a.kind === 'supplement' || a.kind === 'withdraw',
  );
  // The process control slip travels with the dossier between officers; it is not the applicant's.
  const slips = slipsOf(view).filter((kind) => kind !== 'process-control');
  const common = {
    view,
    version: actions.version,
    onDone: (next: CitizenDossierView) => {
      setOpen(null);
      setNotice({ kind: 'done', text: c.done(citizenStatusLabel(t, next.status)) });
      reload();
    },
    onStale: () => {
      setOpen(null);
      setNotice({ kind: 'stale' });
      reload();
    },
    onCancel: () => {
      setOpen(null);
      window.setTimeout(() => actionButtons.current?.querySelector('button')?.focus(), 0);
    },
  };

  return (
    <>
      {notice?.kind === 'stale' ? (
        <div className="notice notice-warning" role="alert" tabIndex={-1} ref={noticeRef}>
          {c.stale}
        </div>
      ) : notice?.kind === 'done' ? (
        <div className="notice notice-success" role="status" tabIndex={-1} ref={noticeRef}>
          {notice.text}
        </div>
      ) : fresh ? (
        <Receipt t={t} view={view} />
      ) : null}

      <Summary t={t} view={view} />

      {view.status === 'awaiting-supplement' ? <p className="note-warning">{c.supplementAsked}</p> : null}

      {mine.length > 0 ? (
        <section aria-labelledby="my-dossier-actions-heading" className="dossier-section">
          <h2 id="my-dossier-actions-heading" className="section-heading">
            {c.actionsHeading}
          </h2>
          <div className="action-buttons" ref={actionButtons}>
            {mine.map((a) => (
              <button
                key={a.kind}
                type="button"
                className={a.kind === open ? 'button button-primary' : 'button'}
                aria-expanded={a.kind === open}
                onClick={() => {
                  setNotice(null);
                  setOpen(a.kind === open ? null : a.kind);
                }}
              >
                {t.citizen.actions[a.kind]}
              </button>
            ))}
          </div>
          {open === 'supplement' ? <SupplementForm key={`s-${actions.version}`} {...common} /> : null}
          {open === 'withdraw' ? <WithdrawForm key={`w-${actions.version}`} {...common} /> : null}
        </section>
      ) : null}

      <MyDossierFees
        code={view.code}
        agencyName={view.receivingAgency.name}
        initial={load.fees}
        onPaid={reload}
      />

      <section aria-labelledby="my-dossier-slips-heading" className="dossier-section">
        <h2 id="my-dossier-slips-heading" className="section-heading">
          {t.dossiers.page.slipsHeading}
        </h2>
        {slips.length === 0 ? (
          <p className="muted">{c.noSlips}</p>
        ) : (
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
        )}
      </section>

      <DossierPapers code={view.code} reloadKey={reloadKey} />

      {view.status === 'returned' ? (
        <DossierRating code={view.code} audience="applicant" reloadKey={reloadKey} />
      ) : null}

      <section aria-labelledby="my-dossier-timeline-heading" className="dossier-section">
        <h2 id="my-dossier-timeline-heading" className="section-heading">
          {c.timelineHeading}
        </h2>
        <Timeline t={t} view={view} />
      </section>

      <p>
        <Link to={lookupPath(view.code)}>{c.publicLookup}</Link>
      </p>
    </>
  );
}

export function MyDossierPage({ code }: { code: string }) {
  const { t } = useI18n();
  const c = t.citizen.dossier;
  const valid = DOSSIER_CODE.test(code);
  const heading = t.dossiers.page.heading(code);
  return (
    <Page title={heading} heading={heading} className="citizen-page my-dossier-page">
      <nav className="breadcrumb" aria-label={t.dossiers.page.breadcrumb}>
        <ol>
          <li>
            <Link to={PATHS.myDossiers}>{t.citizen.myDossiers.title}</Link>
          </li>
          <li aria-current="page">{code}</li>
        </ol>
      </nav>
      {!valid ? (
        <p className="inline-error">{c.invalidCode}</p>
      ) : (
        <CitizenGate>{() => <Dossier key={code} code={code} />}</CitizenGate>
      )}
    </Page>
  );
}
