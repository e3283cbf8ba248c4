// /xac-thuc: the public verification of a signed document (no sign-in). Opened from a result's QR code
// (`?ma=<token>`) it verifies that result at once and offers the signed file; anyone may also upload a
// PDF (≤ 20 MB) and read who signed it, when, and whether it is intact and trusted (verify-report.tsx).
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { errorText } from '../../app/errors.ts';
import { ApiError } from '../../app/http.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { Page } from '../../app/page.tsx';
import { PATHS } from '../../app/paths.ts';
import { Link, useRouter } from '../../app/router.tsx';
import { FieldError, LabelAndHint } from '../../app/ui/field-parts.tsx';
import { verifyResultByToken, verifyUploadedPdf } from './verify-api.ts';
import { tokenFromQuery, verifyFileProblem } from './verify-model.ts';
import { VerifyReport } from './verify-report.tsx';
import './signing.css';

function ByToken({ token }: { token: string }) {
  const { t } = useI18n();
  const read = useQuery({
    queryKey: ['public-verify', token],
    queryFn: ({ signal }) => verifyResultByToken(token, signal),
    retry: false,
  });
  return (
    <section className="verify-section" aria-labelledby="verify-qr-heading">
      <h2 id="verify-qr-heading">{t.verify.qrHeading}</h2>
      {read.isPending ? (
        <p role="status">{t.verify.checking}</p>
      ) : read.isError ? (
        <div className="inline-error" role="alert">
          <p>
            {read.error instanceof ApiError && read.error.status === 404
              ? t.verify.tokenNotFound
              : errorText(t, read.error)}
          </p>
        </div>
      ) : (
        <VerifyReport answer={read.data} downloadUrl={read.data.downloadUrl ?? null} />
      )}
    </section>
  );
}

function UploadForm() {
  const { t } = useI18n();
  const v = t.verify;
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const reportRef = useRef<HTMLDivElement>(null);
  const check = useMutation({ mutationFn: verifyUploadedPdf });

  useEffect(() => {
    if (check.isSuccess) reportRef.current?.focus();
  }, [check.isSuccess, check.data]);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (check.isPending) return;
    const head = file ? new Uint8Array(await file.slice(0, 5).arrayBuffer()) : new Uint8Array();
    const found = file ? verifyFileProblem(file, head) : 'empty';
    setProblem(found ? v.fileProblems[found] : undefined);
    if (found || !file) return check.reset();
    check.mutate(file);
  };

  const id = 'verify-file';
  return (
    <section className="verify-section" aria-labelledby="verify-upload-heading">
      <h2 id="verify-upload-heading">{v.fileLabel}</h2>
      <form className="verify-form" noValidate onSubmit={(e) => void onSubmit(e)}>
        <div className={problem ? 'field field-invalid' : 'field'}>
          <LabelAndHint id={id} label={v.fileLabel} required hint={v.fileHint} />
          <input
            id={id}
            type="file"
            accept="application/pdf,.pdf"
            aria-describedby={problem ? `${id}-hint ${id}-error` : `${id}-hint`}
            aria-invalid={problem ? true : undefined}
            onChange={(e) => {
              setFile(e.currentTarget.files?.[0] ?? null);
              setProblem(undefined);
              check.reset();
            }}
          />
          <FieldError id={id} error={problem} />
        </div>
        <button type="submit" className="button button-primary" disabled={check.isPending}>
          {check.isPending ? v.checking : v.submit}
        </button>
      </form>
      {check.isError ? (
        <div className="inline-error" role="alert">
          <p>{v.failed}</p>
          <p>{errorText(t, check.error)}</p>
        </div>
      ) : null}
      {check.isSuccess ? (
        <section aria-labelledby="verify-result-heading">
          <h2 id="verify-result-heading">{v.resultHeading}</h2>
          <VerifyReport answer={check.data} ref={reportRef} />
        </section>
      ) : null}
    </section>
  );
}

export function VerifyPage() {
  const { t } = useI18n();
  const { location } = useRouter();
  const token = tokenFromQuery(location.search);
  return (
    <Page title={t.verify.title} heading={t.verify.title} intro={t.verify.intro} className="verify-page">
      {token ? <ByToken key={token} token={token} /> : null}
      <UploadForm />
      <ul className="page-links">
        <li>
          <Link to={PATHS.lookup}>{t.citizen.lookup.title}</Link>
        </li>
        <li>
          <Link to={PATHS.portal}>{t.portal.title}</Link>
        </li>
      </ul>
    </Page>
  );
}
