// The fees section of a dossier's page for staff: what the dossier owes (items, paid or not, totals),
// its payments with their receipts (PDF in a new tab), and for a desk officer of the receiving agency
// the "Thu phí tại quầy" form (desk-payment-form.tsx) and a QR code of the national payment
// platform's page for the applicant to pay online from a phone (online-qr.tsx). The server decides
// who may; the form only shows where it can. The tables (fee-tables.tsx) are the citizen's too.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { useInvalidate } from '../../app/query.ts';
import { ReadError } from '../../app/read-error.tsx';
import { useSession } from '../../app/session.tsx';
import { DeskPaymentForm } from './desk-payment-form.tsx';
import { FeeItems, FeePayments, UnpricedFees } from './fee-tables.tsx';
import { OnlineQr } from './online-qr.tsx';
import { paymentQueries } from './payments-api.ts';

export { FeeItems, FeePayments, UnpricedFees } from './fee-tables.tsx';

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
  const read = useQuery(paymentQueries.fees(code));
  const invalidate = useInvalidate();
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const isDesk =
    session.status === 'signed-in' &&
    session.user.roles.some((r) => r.role === 'desk-officer' && r.agencyCode === receivingAgencyCode);
  const c = t.payments;
  const fees = read.data;

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
      {fees === undefined ? (
        read.isError ? (
          <ReadError read={read} />
        ) : (
          <p className="muted pending" role="status">
            {t.loading}
          </p>
        )
      ) : (
        <>
          {fees.items.length === 0 && fees.unpriced.length === 0 ? (
            <p className="muted">{c.none}</p>
          ) : (
            <FeeItems t={t} fees={fees} />
          )}
          <UnpricedFees t={t} fees={fees} />
          <FeePayments t={t} fees={fees} />
          {isDesk && fees.payable && fees.outstandingVnd > 0 ? (
            <OnlineQr code={code} onRefresh={() => void read.refetch()} />
          ) : null}
          {isDesk && fees.payable ? (
            <DeskPaymentForm
              code={code}
              outstanding={fees.outstandingVnd}
              onDone={(receipt) => {
                setNotice(c.desk.done(receipt));
                void invalidate(paymentQueries.all);
                onPaid?.();
              }}
            />
          ) : null}
        </>
      )}
    </section>
  );
}
