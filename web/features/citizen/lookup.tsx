// Looking a dossier up by its code, without signing in (GET /public/dossiers/<code>): what anyone holding
// the receipt may know — procedure, agencies, status, dates — and the applicant's name masked by the
// server; no ID number, phone or address. The form accepts the code typed, or the slip's QR code read
// by a scanner (which types the lookup address), and is shared by the lookup page and the kiosk.
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

/** The lookup of `code` (none when empty). */
export type Lookup = { code: string; read: UseQueryResult<PublicDossierData> };

export function useLookup(code: string): Lookup {
  const read = useQuery({ ...citizenQueries.lookup(code), enabled: code !== '' });
  return { code, read };
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
  // The message stays until the next lookup is asked for, as a search form's does.
  const { register, handleSubmit, setValue, formState } = useForm<{ code: string }>({
    defaultValues: { code: initial },
    reValidateMode: 'onSubmit',
  });
  const problem = formState.errors.code?.message;

  const onSubmit = handleSubmit(({ code: text }) => {
    const code = codeFromInput(text);
    setValue('code', code);
    onLookup(code);
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
        <div className="lookup-row">
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
      <Fact label={t.dossiers.columns.procedure}>{dossier.procedure.name}</Fact>
      <Fact label={t.dossiers.columns.applicant}>{dossier.applicantName}</Fact>
      <Fact label={c.desk}>{dossier.receivingAgency}</Fact>
      <Fact label={c.competent}>{dossier.competentAgency}</Fact>
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
  );
}

/** The answer, in a live region: the dossier, "not found", or what went wrong. */
export function LookupResult({ lookup }: { lookup: Lookup }) {
  const { t } = useI18n();
  const c = t.citizen.lookup;
  const { code, read } = lookup;
  let body = null;
  if (code && read.isError)
    body = (
      <p className="inline-error">
        {read.error instanceof ApiError && read.error.status === 404
          ? c.notFound(code)
          : errorText(t, read.error)}
      </p>
    );
  else if (code && read.data) body = <Result t={t} dossier={read.data} />;
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
