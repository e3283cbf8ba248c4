// The signing of the approve form's result documents (#19): the methods the server offers the caller
// for this dossier (USB token through the VGCA plugin, remote signing, the agency's seal), the number
// the register will give, and per uploaded PDF a "Ký số" button; a signed file takes the draft's place
// in the form, so the approval records the signed file. Progress and every failure are said in words
// (signing-words.ts), with how to install the plugin when it is not running.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { SigningMethod } from '../../../common/contracts/signing.ts';
import { deploymentQuery } from '../../app/deployment.ts';
import { ApiError } from '../../app/http.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import {
  createSigningSession,
  getSigningOptions,
  getSigningSession,
  type SigningSessionView,
} from './signing-api.ts';
import { signDocument, type SigningResult, type SigningStep } from './signing-flow.ts';
import { failureLines, signedSummary, stepText } from './signing-words.ts';
import { openBrowserSocket, VGCA_PLUGIN_URL } from './vgca-client.ts';
import './signing.css';

type Row = { name?: unknown; fileId?: unknown };

/** The rows of the form's resultDocuments that carry a file, with their index in the form. */
function fileRows(value: unknown): { index: number; name: string; fileId: string }[] {
  const rows = (value as { resultDocuments?: unknown } | null)?.resultDocuments;
  if (!Array.isArray(rows)) return [];
  return (rows as Row[]).flatMap((r, index) =>
    typeof r?.fileId === 'string' && r.fileId !== ''
      ? [{ index, name: typeof r.name === 'string' && r.name ? r.name : `#${index + 1}`, fileId: r.fileId }]
      : [],
  );
}

function withFile(value: unknown, index: number, fileId: string): unknown {
  const v = value as { resultDocuments: Row[] };
  return { ...v, resultDocuments: v.resultDocuments.map((r, i) => (i === index ? { ...r, fileId } : r)) };
}

const pause = () => new Promise<void>((resolve) => window.setTimeout(resolve, 1000));

export function ApprovalSigning({
  code,
  value,
  onChange,
}: {
  code: string;
  value: unknown;
  onChange: (next: unknown) => void;
}) {
  const { t } = useI18n();
  const s = t.signing;
  const options = useQuery({
    queryKey: ['signing-options', code],
    queryFn: ({ signal }) => getSigningOptions(code, signal),
    retry: false,
  });
  const deployment = useQuery(deploymentQuery);
  const [method, setMethod] = useState<SigningMethod | null>(null);
  /** Signed files by their id: the session that made each. */
  const [signed, setSigned] = useState<ReadonlyMap<string, SigningSessionView>>(new Map());
  const [busy, setBusy] = useState<{ fileId: string; step: SigningStep } | null>(null);
  const [failure, setFailure] = useState<Extract<SigningResult, { ok: false }> | null>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  const latest = useRef(value);
  latest.current = value;

  useEffect(() => {
    if (failure) failureRef.current?.focus();
  }, [failure]);

  // A server that offers no signing for this dossier (or none at all) leaves the form as it was.
  if (
    options.isPending ||
    (options.isError && options.error instanceof ApiError && options.error.status === 404)
  )
    return null;
  if (options.isError)
    return (
      <p className="inline-error" role="alert">
        {failureLines(t, { ok: false, failure: 'server', detail: null, error: options.error }).join(' ')}
      </p>
    );
  const offered = options.data.methods;
  if (offered.length === 0) return null;
  const chosen = method && offered.includes(method) ? method : offered[0]!;
  const rows = fileRows(value);

  const sign = async (row: { index: number; fileId: string }) => {
    setFailure(null);
    setBusy({ fileId: row.fileId, step: 'connecting' });
    const result = await signDocument(
      {
        createSession: (body) => createSigningSession(code, body),
        readSession: getSigningSession,
        openSocket: openBrowserSocket,
        pluginUrl: deployment.data?.signingPluginUrl ?? VGCA_PLUGIN_URL,
        pause,
        now: () => Date.now(),
      },
      { fileId: row.fileId, method: chosen, documentNumber: options.data.nextResultNumber },
      (step) => setBusy({ fileId: row.fileId, step }),
    );
    setBusy(null);
    if (!result.ok) return setFailure(result);
    const signedFileId = result.session.signedFileId!;
    setSigned((m) => new Map(m).set(signedFileId, result.session));
    // The row may have moved while signing (a row above removed): put the file where the draft is now.
    const now = fileRows(latest.current).find((r) => r.fileId === row.fileId);
    if (now) onChange(withFile(latest.current, now.index, signedFileId));
  };

  return (
    <section className="panel signing-panel" aria-labelledby="signing-heading">
      <h4 id="signing-heading" className="panel-heading">
        {s.heading}
      </h4>
      <p>{s.intro}</p>
      <p>
        {s.nextNumber(options.data.nextResultNumber, options.data.agency.name)}
        {options.data.requiresSignedResult ? <strong> {s.required}</strong> : null}
      </p>
      <fieldset>
        <legend>{s.methodsLabel}</legend>
        {offered.map((m) => (
          <div className="signing-method" key={m}>
            <input
              type="radio"
              id={`signing-method-${m}`}
              name="signing-method"
              value={m}
              checked={chosen === m}
              disabled={busy !== null}
              aria-describedby={`signing-method-${m}-hint`}
              onChange={() => setMethod(m)}
            />
            <div>
              <label htmlFor={`signing-method-${m}`}>{s.methods[m]}</label>
              <p className="hint" id={`signing-method-${m}-hint`}>
                {s.methodHints[m]}
              </p>
            </div>
          </div>
        ))}
      </fieldset>
      {rows.length === 0 ? <p className="muted">{s.noFile}</p> : null}
      <ul className="signing-rows">
        {rows.map((row) => {
          const done = signed.get(row.fileId);
          return (
            <li key={row.index} className="signing-row">
              <span lang="vi">{row.name}</span>{' '}
              {done ? (
                <>
                  <span className="signed-badge">{s.signedBadge}</span>{' '}
                  <span className="muted">{signedSummary(t, done)}</span>
                </>
              ) : (
                <button
                  type="button"
                  className="button button-small"
                  disabled={busy !== null}
                  aria-label={`${busy?.fileId === row.fileId ? s.signing : s.sign}: ${row.name}`}
                  onClick={() => void sign(row)}
                >
                  {busy?.fileId === row.fileId ? s.signing : s.sign}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      <p className="signing-progress" role="status">
        {busy ? stepText(t, busy.step) : ''}
      </p>
      {failure ? (
        <div className="inline-error" role="alert" tabIndex={-1} ref={failureRef}>
          <p>
            <strong>{s.failedTitle}</strong>
          </p>
          {failureLines(t, failure).map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      ) : null}
    </section>
  );
}
