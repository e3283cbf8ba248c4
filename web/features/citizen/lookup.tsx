// Looking a dossier up by its code, without signing in (GET /public/dossiers/<code>): what anyone holding
// the receipt may know — procedure, agencies, status, dates — and the applicant's name masked by the
// server; no ID number, phone or address. The form accepts the code typed, or the slip's QR code read
// by a scanner (which types the lookup address), and is shared by the lookup page and the kiosk.
import { useEffect, useState, type FormEvent } from 'react';
import { errorText } from '../../app/errors.ts';
import { ApiError, isAbort } from '../../app/http.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import type { Messages } from '../../app/i18n/vi.ts';
import { formatInstant } from '../calendar/vn-time.ts';
import { lookupDossier, type PublicDossierData } from './citizen-api.ts';
import { citizenStatusLabel, codeFromInput } from './citizen-format.ts';

export type LookupState =
  | { kind: 'idle' }
  | { kind: 'loading'; code: string }
  | { kind: 'done'; dossier: PublicDossierData }
  | { kind: 'error'; code: string; error: unknown };

/** The lookup of `code` (none when empty), cancelled when the code changes. */
export function useLookup(code: string): LookupState {
  const [state, setState] = useState<LookupState>({ kind: 'idle' });
  useEffect(() => {
    if (!code) {
      setState({ kind: 'idle' });
      return;
    }
    const controller = new AbortController();
    setState({ kind: 'loading', code });
    lookupDossier(code, controller.signal)
      .then((dossier) => setState({ kind: 'done', dossier }))
      .catch((error: unknown) => {
        if (!isAbort(error)) setState({ kind: 'error', code, error });
      });
    return () => controller.abort();
  }, [code]);
  return state;
}

export function LookupForm({
  initial,
  onLookup,
  autoFocus = false,
}: {
  initial: string;
  onLookup: (code: string) => void;
  autoFocus?: boolean;
}) {
  const { t } = useI18n();
  const c = t.citizen.lookup;
  const [text, setText] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const code = codeFromInput(text);
    if (!code) {
      setProblem(c.empty);
      document.getElementById('lookup-code')?.focus();
      return;
    }
    setProblem(null);
    setText(code);
    onLookup(code);
  };

  return (
    <form role="search" className="lookup-form" noValidate onSubmit={onSubmit} aria-label={c.formLabel}>
      <div className={problem ? 'field field-invalid' : 'field'}>
        <label htmlFor="lookup-code">{c.codeLabel}</label>
        <p className="hint" id="lookup-code-hint">
          {c.codeHint}
        </p>
        {problem ? (
          <p className="field-error" id="lookup-code-error">
            {problem}
          </p>
        ) : null}
        <div className="lookup-row">
          <input
            id="lookup-code"
            type="text"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={300}
            value={text}
            // A kiosk's scanner types into whatever has focus: the field waits for it.
            autoFocus={autoFocus}
            onChange={(e) => setText(e.target.value)}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? 'lookup-code-error lookup-code-hint' : 'lookup-code-hint'}
          />
          <button type="submit" className="button button-primary">
            {c.submit}
          </button>
        </div>
      </div>
    </form>
  );
}

function Result({ t, dossier }: { t: Messages; dossier: PublicDossierData }) {
  const c = t.citizen.lookup;
  return (
    <dl className="summary-list lookup-result">
      <div>
        <dt>{c.code}</dt>
        <dd className="code">{dossier.code}</dd>
      </div>
      <div>
        <dt>{t.dossiers.columns.status}</dt>
        <dd>
          <span className={`status-badge status-badge-${dossier.status}`}>
            {t.lang === 'vi' ? dossier.statusLabel : citizenStatusLabel(t, dossier.status)}
          </span>
        </dd>
      </div>
      <div>
        <dt>{t.dossiers.columns.procedure}</dt>
        <dd>{dossier.procedure.name}</dd>
      </div>
      <div>
        <dt>{t.dossiers.columns.applicant}</dt>
        <dd>{dossier.applicantName}</dd>
      </div>
      <div>
        <dt>{c.desk}</dt>
        <dd>{dossier.receivingAgency}</dd>
      </div>
      <div>
        <dt>{c.competent}</dt>
        <dd>{dossier.competentAgency}</dd>
      </div>
      <div>
        <dt>{t.dossiers.columns.received}</dt>
        <dd>{dossier.receivedAt ? formatInstant(t, dossier.receivedAt) : t.dossiers.notReceived}</dd>
      </div>
      {dossier.returnedAt ? (
        <div>
          <dt>{c.returned}</dt>
          <dd>{formatInstant(t, dossier.returnedAt)}</dd>
        </div>
      ) : (
        <div>
          <dt>{t.dossiers.columns.due}</dt>
          <dd>{dossier.dueAt ? formatInstant(t, dossier.dueAt) : t.dossiers.noDue}</dd>
        </div>
      )}
    </dl>
  );
}

/** The answer, in a live region: the dossier, "not found", or what went wrong. */
export function LookupResult({ state }: { state: LookupState }) {
  const { t } = useI18n();
  const c = t.citizen.lookup;
  let body = null;
  if (state.kind === 'loading') body = <p className="muted">{c.searching}</p>;
  else if (state.kind === 'done') body = <Result t={t} dossier={state.dossier} />;
  else if (state.kind === 'error')
    body = (
      <p className="inline-error">
        {state.error instanceof ApiError && state.error.status === 404
          ? c.notFound(state.code)
          : errorText(t, state.error)}
      </p>
    );
  return (
    <section className="lookup-answer" aria-labelledby="lookup-answer-heading" aria-live="polite">
      <h2
        id="lookup-answer-heading"
        className={state.kind === 'idle' ? 'visually-hidden' : 'section-heading'}
      >
        {c.answerHeading}
      </h2>
      {body}
    </section>
  );
}
