// The sender of a feedback (NĐ 20/2008 Điều 7): a citizen signed in with their electronic identity sends
// under it (the server takes name, phone and e-mail from the account, shown here); anyone else types
// name, phone and e-mail, or signs in first. Either may agree that their name be published with the
// answer; phone, e-mail and address never are. The four contact fields are one component, also used
// where an officer records what a sender said (feedback-record-page.tsx).
import type { UseFormRegisterReturn, UseFormReturn } from 'react-hook-form';
import type { CitizenView } from '../citizen/citizen-http.ts';
import { citizenSignInUrl } from '../citizen/citizen-http.ts';
import { Fact } from '../citizen/fact.tsx';
import { PATHS } from '../../app/paths.ts';
import { FieldError } from '../../app/ui/field-parts.tsx';
import { TextField, useFeedbackWords } from './feedback-fields.tsx';
import { SEND_FIELDS, type SendField, type SendValues } from './feedback-rules.ts';

export type SenderKey = 'fullName' | 'phone' | 'email' | 'address';

const CONTACT: Record<
  SenderKey,
  { type: 'text' | 'tel' | 'email'; required: boolean; autoComplete: string; maxLength: number }
> = {
  fullName: { type: 'text', required: true, autoComplete: 'name', maxLength: 200 },
  phone: { type: 'tel', required: true, autoComplete: 'tel', maxLength: 20 },
  email: { type: 'email', required: true, autoComplete: 'email', maxLength: 200 },
  address: { type: 'text', required: false, autoComplete: 'street-address', maxLength: 500 },
};

/**
 * The sender's name, phone, e-mail and address (those of `fields`), each with its label, hint and
 * message. `own`: the sender types their own (the browser may fill them in); an officer recording
 * someone else's gets no autocomplete.
 */
export function SenderContactFields({
  fields,
  ids,
  errors,
  register,
  own,
}: {
  fields: readonly SenderKey[];
  ids: Readonly<Record<SenderKey, string>>;
  errors: Partial<Record<SenderKey, string | undefined>>;
  register: (name: SenderKey) => UseFormRegisterReturn;
  own: boolean;
}) {
  const s = useFeedbackWords().send;
  const labels: Record<SenderKey, string> = {
    fullName: s.fullName,
    phone: s.phone,
    email: s.email,
    address: s.address,
  };
  return (
    <>
      {fields.map((k) => (
        <TextField
          key={k}
          id={ids[k]}
          label={labels[k]}
          hint={k === 'phone' ? s.phoneHint : undefined}
          type={CONTACT[k].type}
          required={CONTACT[k].required}
          autoComplete={own ? CONTACT[k].autoComplete : 'off'}
          maxLength={CONTACT[k].maxLength}
          error={errors[k]}
          registration={register(k)}
        />
      ))}
    </>
  );
}

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
  // A signed-in citizen types only what the account lacks; anyone else, all four.
  const asked: SenderKey[] = citizen
    ? [...(citizen.phone ? [] : (['phone'] as const)), ...(citizen.email ? [] : (['email'] as const))]
    : ['fullName', 'phone', 'email', 'address'];
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
        </>
      ) : (
        <p>
          <a href={citizenSignInUrl(PATHS.feedbackSend)}>{s.signInOffer}</a>
        </p>
      )}
      <SenderContactFields fields={asked} ids={F} errors={problems} register={(k) => form.register(k)} own />
      {citizen ? <FieldError id={F.fullName} error={problems.fullName} /> : null}
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
