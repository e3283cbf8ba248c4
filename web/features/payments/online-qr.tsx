// The applicant pays online at the counter (a section of dossier-fees.tsx).
import { useMutation } from '@tanstack/react-query';
import { useRef } from 'react';
import { errorText } from '../../app/errors.ts';
import { ApiError } from '../../app/http.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { formatVnd } from '../catalog/catalog-format.ts';
import { newIdempotencyKey } from '../dossiers/dossiers-api.ts';
import { startOnlinePayment } from './payments-api.ts';

/**
 * The applicant pays online at the counter: the platform's page as a QR code to scan with a phone (and
 * as a link). One Idempotency-Key per intended payment, so a double click shows the same payment;
 * "Cập nhật tình trạng" reads the fees again (the platform's callback marks the payment paid).
 */
export function OnlineQr({ code, onRefresh }: { code: string; onRefresh: () => void }) {
  const { t } = useI18n();
  const c = t.payments.online;
  const key = useRef(newIdempotencyKey());
  const qrRef = useRef<HTMLImageElement>(null);
  const start = useMutation({
    mutationFn: async () => {
      const payment = await startOnlinePayment(code, key.current);
      const { toString } = await import('qrcode');
      const svg = await toString(payment.payUrl, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
      return { payment, qr: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}` };
    },
    onSuccess: () => window.setTimeout(() => qrRef.current?.focus(), 0),
  });
  const started = start.data ?? null;
  const busy = start.isPending;
  const problem = start.isError
    ? start.error instanceof ApiError && start.error.status === 503
      ? c.unavailable
      : c.failed(errorText(t, start.error))
    : null;

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
        <button type="button" className="button" disabled={busy} onClick={() => start.mutate()}>
          {busy ? c.starting : c.start}
        </button>
      )}
    </section>
  );
}
