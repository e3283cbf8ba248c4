// "Phí, lệ phí" on the citizen's dossier page (issue #7): what the dossier owes, what is paid, the
// payments with their receipts (the staff section's tables, payments/dossier-fees.tsx), and, when the
// server says a payment may be taken now and the platform is there, "Thanh toán trực tuyến".
//
// Paying: POST …/payments with an Idempotency-Key kept until the server answers (a retry after a lost
// answer, or a second click, is the same payment; the server also hands out a pending attempt again),
// then the platform's page opens in a new tab, without an opener. The platform confirms to motcua by
// a signed callback, server to server, and its page has no way back: so this page stays where it was,
// says the payment awaits confirmation, and reads the fees again when it is shown again (focus,
// visibility) and on "Cập nhật". Opened in this tab instead, the citizen would leave the portal with no
// link back, and return only by going Back past the platform's form.
//
// When a payment may be taken is the server's (`payable`, docs/domain/payments.md); nothing here
// repeats its rules.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { errorText } from '../../app/errors.ts';
import { ApiError } from '../../app/http.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { ReadError } from '../../app/read-error.tsx';
import { formatVnd } from '../catalog/catalog-format.ts';
import { newIdempotencyKey } from '../dossiers/dossiers-api.ts';
import { FeeItems, FeePayments, UnpricedFees } from '../payments/dossier-fees.tsx';
import type { DossierFeesData } from '../payments/payments-api.ts';
import { citizenQueries } from './citizen-api.ts';
import { startMyPayment } from './citizen-payments-api.ts';

type Attempt = { paymentId: string; payUrl: string; amount: number };
type Message = { tone: 'info' | 'success' | 'warning'; text: string } | null;
/**
 * Why the fees are read again: the citizen pressed "Cập nhật" (say what came of it, errors too); the
 * page was shown again (say if the payment is still unconfirmed); or after starting one (say nothing).
 */
type Why = 'asked' | 'shown' | 'quiet';

/** The dossier has something to show: items owed, unpriced ones, or payments made. */
const hasFees = (f: DossierFeesData): boolean =>
  f.items.length > 0 || f.unpriced.length > 0 || f.payments.length > 0;

export function MyDossierFees({
  code,
  agencyName,
  onPaid,
}: {
  code: string;
  /** The receiving agency: where the fee can be paid at the desk. */
  agencyName: string;
  /** A payment went through: the dossier's status may have moved on (awaiting-payment → processing). */
  onPaid: () => void;
}) {
  const { t } = useI18n();
  const c = t.citizen.fees;
  // Read with the dossier (the same query), and again when the dossier is.
  const read = useQuery(citizenQueries.fees(code));
  const [attempt, setAttempt] = useState<Attempt | null>(null);
  const [busy, setBusy] = useState(false);
  const [refreshing, setRefreshing] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // One key per intended payment, renewed once the server has answered.
  const key = useRef(newIdempotencyKey());
  const inFlight = useRef(false);
  // A second click before React has drawn the first one's "busy" is ignored too, and so is one that
  // lands after the attempt started but before its panel is drawn: held until the attempt is over.
  const starting = useRef(false);
  const awaitingRef = useRef<HTMLParagraphElement>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const sectionRef = useRef<HTMLElement>(null);
  const attemptRef = useRef<Attempt | null>(attempt);
  attemptRef.current = attempt;

  /** Moves focus to the outcome when it was on what just disappeared (the awaiting panel). */
  const focusOutcome = () => {
    const active = document.activeElement;
    if (active === document.body || active === null || sectionRef.current?.contains(active))
      window.setTimeout(() => messageRef.current?.focus(), 0);
  };

  /** What the fees, read again, say about the attempt this page started. */
  const judge = (fees: DossierFeesData, why: Why) => {
    const current = attemptRef.current;
    if (!current) {
      if (why === 'asked') setMessage({ tone: 'info', text: c.updated });
      return;
    }
    const p = fees.payments.find((x) => x.paymentId === current.paymentId);
    if (p?.status === 'paid') {
      setAttempt(null);
      setMessage({
        tone: 'success',
        text: c.paid(formatVnd(t, p.amountVnd), p.receiptNumber ?? ''),
      });
      focusOutcome();
      onPaid();
    } else if (p && p.status !== 'pending') {
      setAttempt(null);
      setMessage({ tone: 'warning', text: c.notPaid(t.payments.statuses[p.status]) });
      focusOutcome();
    } else if (fees.outstandingVnd === 0) {
      // Paid otherwise meanwhile (at the desk).
      setAttempt(null);
      setMessage({ tone: 'success', text: c.paidAll });
      focusOutcome();
      onPaid();
    } else if (why !== 'quiet') setMessage({ tone: 'info', text: c.stillPending });
  };

  const refresh = async (why: Why) => {
    if (inFlight.current) return;
    inFlight.current = true;
    if (why === 'asked') {
      setRefreshing(true);
      setProblem(null);
    }
    try {
      const again = await read.refetch();
      if (again.isError) {
        if (why === 'asked') setProblem(errorText(t, again.error));
      } else if (again.data) judge(again.data, why);
    } finally {
      inFlight.current = false;
      setRefreshing(false);
    }
  };
  const refreshRef = useRef(refresh);
  refreshRef.current = refresh;

  // Back from the platform's tab or window (a phone's tab switcher: visibility; a desktop: focus).
  useEffect(() => {
    if (!attempt) return;
    const onShow = () => {
      if (document.visibilityState === 'visible') void refreshRef.current('shown');
    };
    window.addEventListener('focus', onShow);
    document.addEventListener('visibilitychange', onShow);
    return () => {
      window.removeEventListener('focus', onShow);
      document.removeEventListener('visibilitychange', onShow);
    };
  }, [attempt]);

  useEffect(() => {
    if (attempt) awaitingRef.current?.focus();
    else starting.current = false;
  }, [attempt]);

  async function pay() {
    if (starting.current) return;
    starting.current = true;
    setBusy(true);
    setProblem(null);
    setMessage(null);
    try {
      const started = await startMyPayment(code, key.current);
      key.current = newIdempotencyKey();
      // A new tab, without access back to this page. Within the click's activation (a few seconds),
      // browsers let it open; if one does not, the link in the awaiting panel opens it.
      window.open(started.payUrl, '_blank', 'noopener');
      setAttempt({
        paymentId: started.paymentId,
        payUrl: started.payUrl,
        amount: started.amount,
      });
      // The attempt joins the payments listed ("Chờ thanh toán").
      void refresh('quiet');
    } catch (error) {
      // No answer (the network): the same key again, in case the server did start it.
      if (!(error instanceof ApiError && error.code === 'NETWORK_ERROR')) key.current = newIdempotencyKey();
      if (error instanceof ApiError && error.status === 503) setProblem(c.unavailable(agencyName));
      else setProblem(errorText(t, error));
      // Nothing owed any more, the dossier closed meanwhile, or the platform refused the attempt (now
      // listed as failed): show what the server now says.
      if (error instanceof ApiError && (error.status === 409 || error.status === 503)) void refresh('quiet');
      starting.current = false;
    } finally {
      setBusy(false);
    }
  }

  if (read.isError && !read.data)
    return (
      <section aria-labelledby="my-dossier-fees-heading" className="dossier-section my-dossier-fees">
        <h2 id="my-dossier-fees-heading" className="section-heading">
          {t.payments.heading}
        </h2>
        <ReadError read={read} />
      </section>
    );

  const fees = read.data;
  if (!fees || !hasFees(fees)) return null;
  const canPay = fees.payable && fees.onlineAvailable && fees.outstandingVnd > 0;
  const settled = fees.totalVnd > 0 && fees.outstandingVnd === 0;

  return (
    <section
      aria-labelledby="my-dossier-fees-heading"
      className="dossier-section my-dossier-fees"
      ref={sectionRef}
    >
      <h2 id="my-dossier-fees-heading" className="section-heading">
        {t.payments.heading}
      </h2>
      {fees.items.length > 0 ? <FeeItems t={t} fees={fees} /> : null}
      {settled ? <p className="fees-settled">{c.settled}</p> : null}
      <UnpricedFees t={t} fees={fees} />

      {attempt ? (
        <div className="panel fees-awaiting">
          <p className="fees-awaiting-title" tabIndex={-1} ref={awaitingRef}>
            {c.awaiting(formatVnd(t, attempt.amount))}
          </p>
          <p className="hint">{c.awaitingHint}</p>
          <div className="form-actions">
            <a className="button" href={attempt.payUrl} target="_blank" rel="noopener noreferrer">
              {c.openPage}
              <span className="visually-hidden"> {t.dossiers.opensNewTab}</span>
            </a>
            <button
              type="button"
              className="button button-primary"
              aria-disabled={refreshing || undefined}
              onClick={() => void refresh('asked')}
            >
              {refreshing ? c.refreshing : c.refresh}
            </button>
          </div>
        </div>
      ) : canPay ? (
        <div className="fees-pay">
          <p className="hint" id="my-dossier-pay-hint">
            {c.payHint}
          </p>
          <button
            type="button"
            className="button button-primary"
            aria-disabled={busy || undefined}
            aria-describedby="my-dossier-pay-hint"
            onClick={() => void pay()}
          >
            {busy ? c.starting : c.pay}
          </button>
        </div>
      ) : fees.payable && fees.outstandingVnd > 0 ? (
        <p className="note-warning">{c.deskOnly(agencyName)}</p>
      ) : null}

      {/* Always in the page, so that what is put in them is announced; below the button, so that
          clearing them never moves it under a second click. */}
      <div
        role="status"
        tabIndex={-1}
        ref={messageRef}
        className={
          message
            ? `notice ${message.tone === 'success' ? 'notice-success' : message.tone === 'warning' ? 'notice-warning' : ''} fees-message`
            : 'fees-message'
        }
      >
        {message?.text}
      </div>
      <div role="alert" className={problem ? 'inline-error' : undefined}>
        {problem ? <p>{problem}</p> : null}
      </div>

      <FeePayments t={t} fees={fees} />
    </section>
  );
}
