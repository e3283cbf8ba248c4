// The sender of a feedback (NĐ 20/2008 Điều 7): a citizen signed in with their electronic identity sends
// under it (the server takes name, phone and e-mail from the account, shown here); anyone else types
// name, phone and e-mail, or signs in first. Either may agree that their name be published with the
// answer; phone, e-mail and address never are.
import type { UseFormReturn } from 'react-hook-form';
import type { CitizenView } from '../citizen/citizen-http.ts';
import { citizenSignInUrl } from '../citizen/citizen-http.ts';
import { Fact } from '../citizen/fact.tsx';
import { PATHS } from '../../app/paths.ts';
import { FieldError } from '../../app/ui/field-parts.tsx';
import { TextField, useFeedbackWords } from './feedback-fields.tsx';
import { SEND_FIELDS, type SendField, type SendValues } from './feedback-rules.ts';

export function SenderFields({
  citizen,
  form,
  problems,
}: {
  citizen: CitizenView | null;
  form: UseFormReturn<SendValues>;
  problems: Partial<Record<SendField, string>>;
}) {
  const w = useFeedbackWords();
  const s = w.send;
  const F = SEND_FIELDS;
  return (
    <fieldset className="form-section">
      <legend className="subsection-heading">{s.sender}</legend>
      <p className="hint">{s.senderHint}</p>
      {citizen ? (
        <>
          <p>{s.signedInAs(citizen.fullName)}</p>
          <p className="hint">{s.signedInHint}</p>
          <dl className="summary-list">
            <Fact label={s.fullName}>
              <span lang="vi">{citizen.fullName}</span>
            </Fact>
            {citizen.phone ? <Fact label={s.phone}>{citizen.phone}</Fact> : null}
            {citizen.email ? <Fact label={s.email}>{citizen.email}</Fact> : null}
          </dl>
          {citizen.phone ? null : (
            <TextField
              id={F.phone}
              label={s.phone}
              hint={s.phoneHint}
              type="tel"
              required
              autoComplete="tel"
              maxLength={20}
              error={problems.phone}
              registration={form.register('phone')}
            />
          )}
          {citizen.email ? null : (
            <TextField
              id={F.email}
              label={s.email}
              type="email"
              required
              autoComplete="email"
              maxLength={200}
              error={problems.email}
              registration={form.register('email')}
            />
          )}
          <FieldError id={F.fullName} error={problems.fullName} />
        </>
      ) : (
        <>
          <p>
            <a href={citizenSignInUrl(PATHS.feedbackSend)}>{s.signInOffer}</a>
          </p>
          <TextField
            id={F.fullName}
            label={s.fullName}
            required
            autoComplete="name"
            maxLength={200}
            error={problems.fullName}
            registration={form.register('fullName')}
          />
          <TextField
            id={F.phone}
            label={s.phone}
            hint={s.phoneHint}
            type="tel"
            required
            autoComplete="tel"
            maxLength={20}
            error={problems.phone}
            registration={form.register('phone')}
          />
          <TextField
            id={F.email}
            label={s.email}
            type="email"
            required
            autoComplete="email"
            maxLength={200}
            error={problems.email}
            registration={form.register('email')}
          />
          <TextField
            id={F.address}
            label={s.address}
            autoComplete="street-address"
            maxLength={500}
            error={problems.address}
            registration={form.register('address')}
          />
        </>
      )}
      <div className={problems.consent ? 'field field-invalid' : 'field'}>
        <FieldError id={F.consent} error={problems.consent} />
        <div className="field-checkbox">
          <input
            type="checkbox"
            id={F.consent}
            aria-describedby={`${F.consent}-hint`}
            {...form.register('consent')}
          />
          <label htmlFor={F.consent}>{s.consent}</label>
        </div>
        <p className="hint" id={`${F.consent}-hint`}>
          {s.consentHint}
        </p>
      </div>
    </fieldset>
  );
}
