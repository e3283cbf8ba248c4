// What a verification found, for anyone: the document's verdict first (never "valid" for a changed copy
// or an unknown issuer: verify-model.ts), then each signature — who signed, for which organisation,
// whose certificate, when — with its three checks, and the dossier and result number it belongs to.
import { forwardRef } from 'react';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { formatInstant, formatShortDate } from '../calendar/vn-time.ts';
import {
  documentVerdict,
  signatureFacts,
  type VerifiedSignatureView,
  type VerifyAnswerView,
} from './verify-model.ts';

function Check({ ok, text }: { ok: boolean; text: string }) {
  return (
    <li className={ok ? 'verify-check verify-check-ok' : 'verify-check verify-check-bad'}>
      <span className="verify-check-mark" aria-hidden="true">
        {ok ? '✓' : '✗'}
      </span>{' '}
      {text}
    </li>
  );
}

function SignatureCard({
  signature,
  index,
  changedAfter,
}: {
  signature: VerifiedSignatureView;
  index: number;
  /** The document was changed after its last signature: no signature vouches for what it is now. */
  changedAfter: boolean;
}) {
  const { t } = useI18n();
  const v = t.verify;
  const facts = signatureFacts(signature);
  const integrity = changedAfter ? 'changed' : facts.integrity;
  const id = `verify-signature-${index}`;
  // The server explains in both languages when it can; its Vietnamese reason is data otherwise.
  const reason = t.lang === 'vi' ? signature.reason : (signature.reasonEn ?? null);
  return (
    <section className="panel verify-signature" aria-labelledby={id}>
      <h3 id={id} className="panel-heading">
        {v.signatureHeading(index + 1)}
      </h3>
      <dl className="verify-facts">
        <div>
          <dt>{v.signer}</dt>
          <dd lang="vi">{signature.signer}</dd>
        </div>
        {signature.organisation ? (
          <div>
            <dt>{v.organisation}</dt>
            <dd lang="vi">{signature.organisation}</dd>
          </div>
        ) : null}
        <div>
          <dt>{v.issuer}</dt>
          <dd lang="vi">{signature.issuer}</dd>
        </div>
        <div>
          <dt>{v.signedAt}</dt>
          <dd>{signature.signedAt ? formatInstant(t, signature.signedAt) : v.noTime}</dd>
        </div>
      </dl>
      <ul className="verify-checks" aria-label={v.checks}>
        <Check ok={integrity === 'intact'} text={v.integrity[integrity]} />
        <Check ok={facts.trust === 'trusted'} text={v.trust[facts.trust]} />
        <Check
          ok={facts.standing === 'in-force' || facts.standing === 'unknown'}
          text={v.standing[facts.standing]}
        />
      </ul>
      {reason && !facts.valid ? (
        <p className="verify-reason" lang={t.lang === 'vi' ? 'vi' : 'en'}>
          {reason}
        </p>
      ) : null}
    </section>
  );
}

/** The report; its verdict takes the focus when it appears (ref). */
export const VerifyReport = forwardRef<
  HTMLDivElement,
  { answer: VerifyAnswerView; downloadUrl?: string | null }
>(function VerifyReport({ answer, downloadUrl }, ref) {
  const { t } = useI18n();
  const v = t.verify;
  const verdict = documentVerdict(answer);
  const tone = verdict === 'valid' ? 'notice notice-success' : 'inline-error';
  return (
    <div className="verify-report">
      <div className={`verify-verdict ${tone}`} role="status" tabIndex={-1} ref={ref}>
        <p>{v.verdicts[verdict]}</p>
      </div>
      {answer.document ? (
        <dl className="verify-facts verify-document">
          {answer.document.name ? (
            <div>
              <dt>{v.documentName}</dt>
              <dd lang="vi">{answer.document.name}</dd>
            </div>
          ) : null}
          {answer.document.resultNumber ? (
            <div>
              <dt>{v.resultNumber}</dt>
              <dd lang="vi">{answer.document.resultNumber}</dd>
            </div>
          ) : null}
          {answer.document.date ? (
            <div>
              <dt>{v.documentDate}</dt>
              <dd>{formatShortDate(answer.document.date)}</dd>
            </div>
          ) : null}
          {answer.document.agency ? (
            <div>
              <dt>{v.issuedBy}</dt>
              <dd lang="vi">{answer.document.agency.name}</dd>
            </div>
          ) : null}
          <div>
            <dt>{v.dossier}</dt>
            <dd>{answer.document.dossierCode}</dd>
          </div>
        </dl>
      ) : verdict !== 'unsigned' ? (
        <p className="muted">{v.notIssuedHere}</p>
      ) : null}
      {downloadUrl ? (
        <p>
          <a className="button" href={downloadUrl} download>
            {v.download}
          </a>
        </p>
      ) : null}
      {answer.signatures.map((s, i) => (
        <SignatureCard key={i} signature={s} index={i} changedAfter={verdict === 'changed'} />
      ))}
    </div>
  );
});
