// Looking a dossier up by its code, without signing in (GET /public/dossiers/<code>): the code alone
// shows where the dossier stands — status, dates, the receiving desk. Codes follow one another, so who
// applied for what (the procedure, the deciding agency, the applicant's name masked by the server) is
// shown only when the last 4 digits of the applicant's ID number or phone are given too; never the ID
// number, phone or address. The digits stay in the page, not in its address (which is shared). The
// form accepts the code typed, or the slip's QR code read by a scanner (which types the lookup
// address), and is shared by the lookup page and the kiosk.
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { errorText } from '../../app/errors.ts';
import { ApiError } from '../../app/http.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { FieldError, LabelAndHint } from '../../app/ui/field-parts.tsx';
import type { Messages } from '../../app/i18n/vi.ts';
import { formatInstant } from '../calendar/vn-time.ts';
import { citizenQueries, type PublicDossierData } from './citizen-api.ts';
import { citizenStatusLabel, codeFromInput } from './citizen-format.ts';
import { Fact } from './fact.tsx';

/** What is asked: the code, and the applicant's 4 last digits ('' when not given). */
export type LookupAsk = { code: string; digits: string };

/** The lookup of `code` (none when empty). */
export type Lookup = LookupAsk & { read: UseQueryResult<PublicDossierData> };

export function useLookup({ code, digits }: LookupAsk): Lookup {
  const read = useQuery({ ...citizenQueries.lookup(code, digits), enabled: code !== '' });
  return { code, digits, read };
}

export function LookupForm({
  initial,
  onLookup,
  autoFocus = false,
}: {
  initial: LookupAsk;
  onLookup: (ask: LookupAsk) => void;
  autoFocus?: boolean;
}) {
  const { t } = useI18n();
  const c = t.citizen.lookup;
  // The message stays until the next lookup is asked for, as a search form's does.
  const { register, handleSubmit, setValue, formState } = useForm<LookupAsk>({
    defaultValues: initial,
    reValidateMode: 'onSubmit',
  });
  const problem = formState.errors.code?.message;
  const digitsProblem = formState.errors.digits?.message;

  const onSubmit = handleSubmit(({ code: text, digits }) => {
    const code = codeFromInput(text);
    setValue('code', code);
    onLookup({ code, digits: digits.trim() });
  });

  return (
    <form
      role="search"
      className="lookup-form"
      noValidate
      onSubmit={(e) => void onSubmit(e)}
      aria-label={c.formLabel}
    >
      <div className={problem ? 'field field-invalid' : 'field'}>
        <LabelAndHint id="lookup-code" label={c.codeLabel} required={false} hint={c.codeHint} />
        <FieldError id="lookup-code" error={problem} />
        <input
          id="lookup-code"
          type="text"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={300}
          // A kiosk's scanner types into whatever has focus: the field waits for it.
          autoFocus={autoFocus}
          {...register('code', { validate: (text) => codeFromInput(text) !== '' || c.empty })}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? 'lookup-code-error lookup-code-hint' : 'lookup-code-hint'}
        />
      </div>
      <div className={digitsProblem ? 'field field-invalid' : 'field'}>
        <LabelAndHint id="lookup-digits" label={c.digitsLabel} required={false} hint={c.digitsHint} />
        <FieldError id="lookup-digits" error={digitsProblem} />
        <input
          id="lookup-digits"
          className="lookup-digits"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          maxLength={4}
          {...register('digits', {
            validate: (text) => text.trim() === '' || /^[0-9]{4}$/.test(text.trim()) || c.digitsInvalid,
          })}
          aria-invalid={digitsProblem ? true : undefined}
          aria-describedby={digitsProblem ? 'lookup-digits-error lookup-digits-hint' : 'lookup-digits-hint'}
        />
      </div>
      <button type="submit" className="button button-primary">
        {c.submit}
      </button>
    </form>
  );
}

function Result({ t, dossier, digits }: { t: Messages; dossier: PublicDossierData; digits: string }) {
  const c = t.citizen.lookup;
  return (
    <>
      <dl className="summary-list lookup-result">
        <Fact label={c.code} className="code">
          {dossier.code}
        </Fact>
        <div>
          <dt>{t.dossiers.columns.status}</dt>
          <dd>
            <span className={`status-badge status-badge-${dossier.status}`}>
              {t.lang === 'vi' ? dossier.statusLabel : citizenStatusLabel(t, dossier.status)}
            </span>
          </dd>
        </div>
        {dossier.procedure ? (
          <Fact label={t.dossiers.columns.procedure}>{dossier.procedure.name}</Fact>
        ) : null}
        {dossier.applicantName ? (
          <Fact label={t.dossiers.columns.applicant}>{dossier.applicantName}</Fact>
        ) : null}
        <Fact label={c.desk}>{dossier.receivingAgency}</Fact>
        {dossier.competentAgency ? <Fact label={c.competent}>{dossier.competentAgency}</Fact> : null}
        <Fact label={t.dossiers.columns.received}>
          {dossier.receivedAt ? formatInstant(t, dossier.receivedAt) : t.dossiers.notReceived}
        </Fact>
        {dossier.returnedAt ? (
          <Fact label={c.returned}>{formatInstant(t, dossier.returnedAt)}</Fact>
        ) : (
          <Fact label={t.dossiers.columns.due}>
            {dossier.dueAt ? formatInstant(t, dossier.dueAt) : t.dossiers.noDue}
          </Fact>
        )}
      </dl>
      {dossier.verified ? null : <p className="muted">{digits ? c.digitsMismatch : c.digitsMore}</p>}
    </>
  );
}

/** The answer, in a live region: the dossier, "not found", or what went wrong. */
export function LookupResult({ lookup }: { lookup: Lookup }) {
  const { t } = useI18n();
  const c = t.citizen.lookup;
  const { code, digits, read } = lookup;
  let body = null;
  if (code && read.isError)
    body = (
      <p className="inline-error">
        {read.error instanceof ApiError && read.error.status === 404
          ? c.notFound(code)
          : errorText(t, read.error)}
      </p>
    );
  else if (code && read.data) body = <Result t={t} dossier={read.data} digits={digits} />;
  else if (code) body = <p className="muted">{c.searching}</p>;
  return (
    <section className="lookup-answer" aria-labelledby="lookup-answer-heading" aria-live="polite">
      <h2 id="lookup-answer-heading" className={code ? 'section-heading' : 'visually-hidden'}>
        {c.answerHeading}
      </h2>
      {body}
    </section>
  );
}
