// The fees section of a dossier's page for staff: what the dossier owes (items, paid or not, totals),
// its payments with their receipts (PDF in a new tab), and for a desk officer of the receiving agency
// the "Thu phí tại quầy" form (cash or transfer), sent with an Idempotency-Key so that a double
// submit never takes the money twice, and a QR code of the national payment platform's page for the
// applicant to pay online from a phone (the same online payment a citizen starts, started by staff). The server decides who may; the form only shows where it can.
// The tables are exported: the citizen's dossier page shows the same (citizen/my-dossier-fees.tsx).
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { errorText } from '../../app/errors.ts';
import { ApiError, isAbort } from '../../app/http.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import type { Messages } from '../../app/i18n/vi.ts';
import { useSession } from '../../app/session.tsx';
import { formatInstant } from '../calendar/vn-time.ts';
import { ErrorSummary, type Problem } from '../calendar/error-summary.tsx';
import { formatVnd } from '../catalog/catalog-format.ts';
import {
  getFees,
  payAtDesk,
  receiptUrl,
  startOnlinePayment,
  type DossierFeesData,
  type StartedPayment,
} from './payments-api.ts';

type Load = { kind: 'loading' } | { kind: 'done'; fees: DossierFeesData } | { kind: 'error'; error: unknown };

function newKey(): string {
  return typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `desk-${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

/** The items owed with their amounts and whether each is paid; the total, paid and outstanding sums. */
export function FeeItems({ t, fees }: { t: Messages; fees: DossierFeesData }) {
  const c = t.payments;
  return (
    <>
      <table className="table fees-table">
        <caption className="visually-hidden">{c.heading}</caption>
        <thead>
          <tr>
            <th scope="col">{c.columns.item}</th>
            <th scope="col">{c.columns.source}</th>
            <th scope="col">{c.columns.amount}</th>
            <th scope="col">{c.columns.state}</th>
          </tr>
        </thead>
        <tbody>
          {fees.items.map((i) => (
            <tr key={i.key}>
              <th scope="row" data-label={c.columns.item}>
                {i.name}
              </th>
              <td data-label={c.columns.source}>{c.sources[i.source]}</td>
              <td data-label={c.columns.amount}>{formatVnd(t, i.amountVnd)}</td>
              <td data-label={c.columns.state}>{i.paid ? c.paidItem : c.unpaidItem}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="summary-list fees-summary">
        <div>
          <dt>{c.total}</dt>
          <dd>{formatVnd(t, fees.totalVnd)}</dd>
        </div>
        <div>
          <dt>{c.paid}</dt>
          <dd>{formatVnd(t, fees.paidVnd)}</dd>
        </div>
        <div>
          <dt>{c.outstanding}</dt>
          <dd>
            <strong>{formatVnd(t, fees.outstandingVnd)}</strong>
          </dd>
        </div>
      </dl>
    </>
  );
}

/** Fees published without an amount in đồng: shown, collected by whoever notifies them. */
export function UnpricedFees({ t, fees }: { t: Messages; fees: DossierFeesData }) {
  if (fees.unpriced.length === 0) return null;
  return (
    <>
      <p>{t.payments.unpricedHeading}</p>
      <ul>
        {fees.unpriced.map((u, i) => (
          <li key={i}>
            {u.name}
            {u.text ? ` — ${u.text}` : ''}
          </li>
        ))}
      </ul>
    </>
  );
}

/** The payments made or tried, newest first, each paid one with its receipt (PDF, new tab). */
export function FeePayments({ t, fees }: { t: Messages; fees: DossierFeesData }) {
  const c = t.payments;
  if (fees.payments.length === 0) return null;
  return (
    <table className="table payments-table">
      <caption>{c.paymentsHeading}</caption>
      <thead>
        <tr>
          <th scope="col">{c.paymentColumns.when}</th>
          <th scope="col">{c.paymentColumns.channel}</th>
          <th scope="col">{c.paymentColumns.amount}</th>
          <th scope="col">{c.paymentColumns.status}</th>
          <th scope="col">{c.paymentColumns.receipt}</th>
        </tr>
      </thead>
      <tbody>
        {[...fees.payments].reverse().map((p) => (
          <tr key={p.paymentId}>
            <td data-label={c.paymentColumns.when}>{formatInstant(t, p.paidAt ?? p.createdAt)}</td>
            <td data-label={c.paymentColumns.channel}>{c.channels[p.channel]}</td>
            <td data-label={c.paymentColumns.amount}>{formatVnd(t, p.amountVnd)}</td>
            <td data-label={c.paymentColumns.status}>{c.statuses[p.status]}</td>
            <td data-label={c.paymentColumns.receipt}>
              {p.receiptNumber ? (
                <a href={receiptUrl(p.paymentId)} target="_blank" rel="noopener">
                  {c.receipt(p.receiptNumber)}
                  <span className="visually-hidden"> {t.dossiers.opensNewTab}</span>
                </a>
              ) : (
                <span className="muted">—</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function DeskForm({
  code,
  outstanding,
  onDone,
}: {
  code: string;
  outstanding: number;
  onDone: (receipt: string) => void;
}) {
  const { t } = useI18n();
  const c = t.payments.desk;
  const [method, setMethod] = useState<'cash' | 'transfer'>('cash');
  const [transferReference, setTransferReference] = useState('');
  const [payerName, setPayerName] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [refError, setRefError] = useState<string | null>(null);
  // One key per intended payment: a retry after a lost answer is the same payment.
  const key = useRef(newKey());
  const summary = useRef<HTMLHeadingElement>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setProblems([]);
    setRefError(null);
    if (method === 'transfer' && transferReference.trim() === '') {
      setRefError(c.transferRequired);
      setProblems([
        { message: c.transferRequired, fieldId: 'desk-transfer-ref', label: c.transferReference },
      ]);
      window.setTimeout(() => summary.current?.focus(), 0);
      return;
    }
    setBusy(true);
    try {
      const answer = await payAtDesk(
        code,
        {
          method,
          ...(method === 'transfer' ? { transferReference: transferReference.trim() } : {}),
          ...(payerName.trim() ? { payerName: payerName.trim() } : {}),
          ...(note.trim() ? { note: note.trim() } : {}),
        },
        key.current,
      );
      key.current = newKey();
      onDone(answer.payment.receiptNumber ?? '');
    } catch (error) {
      if (error instanceof ApiError && error.details.length > 0)
        setProblems(error.details.map((d) => ({ message: d.message })));
      else setProblems([{ message: errorText(t, error) }]);
      window.setTimeout(() => summary.current?.focus(), 0);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel desk-payment" aria-labelledby="desk-payment-heading">
      <h3 id="desk-payment-heading" className="panel-heading">
        {c.heading}
      </h3>
      <ErrorSummary title={c.failed} problems={problems} headingRef={summary} />
      <form noValidate onSubmit={(e) => void onSubmit(e)}>
        <fieldset className="field radio-group">
          <legend>{c.method}</legend>
          {(['cash', 'transfer'] as const).map((m) => (
            <div className="field-checkbox" key={m}>
              <input
                type="radio"
                id={`desk-method-${m}`}
                name="desk-method"
                value={m}
                checked={method === m}
                onChange={() => setMethod(m)}
              />
              <label htmlFor={`desk-method-${m}`}>{c[m]}</label>
            </div>
          ))}
        </fieldset>
        {method === 'transfer' ? (
          <div className={refError ? 'field field-invalid' : 'field'}>
            <label htmlFor="desk-transfer-ref">{c.transferReference}</label>
            {refError ? (
              <p className="field-error" id="desk-transfer-ref-error">
                {refError}
              </p>
            ) : null}
            <input
              type="text"
              id="desk-transfer-ref"
              value={transferReference}
              maxLength={100}
              required
              aria-invalid={refError ? true : undefined}
              aria-describedby={refError ? 'desk-transfer-ref-error' : undefined}
              onChange={(e) => setTransferReference(e.target.value)}
            />
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="desk-payer">{c.payerName}</label>
          <input
            type="text"
            id="desk-payer"
            value={payerName}
            maxLength={300}
            autoComplete="name"
            onChange={(e) => setPayerName(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="desk-note">{c.note}</label>
          <input
            type="text"
            id="desk-note"
            value={note}
            maxLength={2000}
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
            {busy ? c.sending : c.submit(formatVnd(t, outstanding))}
          </button>
        </div>
      </form>
    </section>
  );
}

/**
 * The applicant pays online at the counter: the platform's page as a QR code to scan with a phone (and
 * as a link). One Idempotency-Key per intended payment, so a double click shows the same payment;
 * "Cập nhật tình trạng" reads the fees again (the platform's callback marks the payment paid).
 */
function OnlineQr({ code, onRefresh }: { code: string; onRefresh: () => void }) {
  const { t } = useI18n();
  const c = t.payments.online;
  const [started, setStarted] = useState<{ payment: StartedPayment; qr: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const key = useRef(newKey());
  const qrRef = useRef<HTMLImageElement>(null);

  async function start() {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      const payment = await startOnlinePayment(code, key.current);
      const { toString } = await import('qrcode');
      const svg = await toString(payment.payUrl, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
      setStarted({ payment, qr: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}` });
      window.setTimeout(() => qrRef.current?.focus(), 0);
    } catch (error) {
      setProblem(
        error instanceof ApiError && error.status === 503 ? c.unavailable : c.failed(errorText(t, error)),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel online-qr" aria-labelledby="online-qr-heading">
      <h3 id="online-qr-heading" className="panel-heading">
        {c.heading}
      </h3>
      <p className="hint">{c.intro}</p>
      {problem ? (
        <p className="inline-error" role="alert">
          {problem}
        </p>
      ) : null}
      {started ? (
        <div className="online-qr-code">
          <img
            ref={qrRef}
            tabIndex={-1}
            src={started.qr}
            width={240}
            height={240}
            alt={c.qrAlt(formatVnd(t, started.payment.amount))}
          />
          <p>{c.reference(started.payment.reference, formatVnd(t, started.payment.amount))}</p>
          <p className="muted" role="status">
            {c.waiting}
          </p>
          <p className="action-buttons">
            <a href={started.payment.payUrl} target="_blank" rel="noopener noreferrer" className="button">
              {c.open}
              <span className="visually-hidden"> {t.dossiers.opensNewTab}</span>
            </a>
            <button type="button" className="button" onClick={onRefresh}>
              {c.refresh}
            </button>
          </p>
        </div>
      ) : (
        <button type="button" className="button" disabled={busy} onClick={() => void start()}>
          {busy ? c.starting : c.start}
        </button>
      )}
    </section>
  );
}

/** The fees of a dossier, its payments and receipts; the desk form for a desk officer of `receivingAgencyCode`. */
export function DossierFees({
  code,
  receivingAgencyCode,
  onPaid,
}: {
  code: string;
  receivingAgencyCode: string;
  /** After a desk payment (the dossier's status may have changed). */
  onPaid?: () => void;
}) {
  const { t } = useI18n();
  const { session } = useSession();
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [reloadKey, setReloadKey] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    const controller = new AbortController();
    getFees(code, controller.signal)
      .then((fees) => setLoad({ kind: 'done', fees }))
      .catch((error: unknown) => {
        if (!isAbort(error)) setLoad({ kind: 'error', error });
      });
    return () => controller.abort();
  }, [code, reloadKey]);

  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const isDesk =
    session.status === 'signed-in' &&
    session.user.roles.some((r) => r.role === 'desk-officer' && r.agencyCode === receivingAgencyCode);
  const c = t.payments;

  return (
    <section aria-labelledby="dossier-fees-heading" className="dossier-section">
      <h2 id="dossier-fees-heading" className="section-heading">
        {c.heading}
      </h2>
      {notice ? (
        <p className="notice notice-success" role="status" tabIndex={-1} ref={noticeRef}>
          {notice}
        </p>
      ) : null}
      {load.kind === 'loading' ? (
        <p className="muted pending" role="status">
          {t.loading}
        </p>
      ) : load.kind === 'error' ? (
        <div className="inline-error" role="alert">
          <p>{errorText(t, load.error)}</p>
          <button type="button" className="button" onClick={() => setReloadKey((k) => k + 1)}>
            {t.errors.retry}
          </button>
        </div>
      ) : (
        <>
          {load.fees.items.length === 0 && load.fees.unpriced.length === 0 ? (
            <p className="muted">{c.none}</p>
          ) : (
            <FeeItems t={t} fees={load.fees} />
          )}
          <UnpricedFees t={t} fees={load.fees} />
          <FeePayments t={t} fees={load.fees} />
          {isDesk && load.fees.payable && load.fees.outstandingVnd > 0 ? (
            <OnlineQr code={code} onRefresh={() => setReloadKey((k) => k + 1)} />
          ) : null}
          {isDesk && load.fees.payable ? (
            <DeskForm
              code={code}
              outstanding={load.fees.outstandingVnd}
              onDone={(receipt) => {
                setNotice(c.desk.done(receipt));
                setReloadKey((k) => k + 1);
                onPaid?.();
              }}
            />
          ) : null}
        </>
      )}
    </section>
  );
}
