// Resetting a staff member's password (#14): a temporary one made by the server and shown here once,
// or one the administrator types. Either way their sessions end and they must change it when they
// next sign in; the server checks that the account is within the administrator's reach.
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { PASSWORD_MIN_LENGTH } from '../../../common/contracts/auth.ts';
import { detailField, detailText, errorText } from '../../app/errors.ts';
import { FieldFrame } from '../../app/field-frame.tsx';
import { ApiError } from '../../app/http.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { withData } from '../../app/ui/data-text.tsx';
import { SendOrCancel } from '../../app/ui/form-actions.tsx';
import { ErrorSummary, type Problem } from '../calendar/error-summary.tsx';
import { resetStaffPassword, type StaffView } from './staff-api.ts';

const PASSWORD_ID = 'reset-password';

export function ResetPasswordForm({
  user,
  onDone,
  onCancel,
}: {
  user: StaffView;
  /** The reset was made; `temporary` is the password to show once (null: the administrator chose it). */
  onDone: (temporary: string | null) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const r = t.staff.reset;
  const [choose, setChoose] = useState(false);
  const [password, setPassword] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const [problems, setProblems] = useState<Problem[]>([]);
  const heading = useRef<HTMLHeadingElement>(null);
  const summary = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), []);

  const showProblems = (next: Problem[]) => {
    setProblems(next);
    window.setTimeout(() => summary.current?.focus(), 0);
  };

  const reset = useMutation({
    mutationFn: () => resetStaffPassword(user.username, choose ? password : undefined),
    onSuccess: (answer) => onDone(answer.temporaryPassword),
    onError: (error) => {
      const detail =
        error instanceof ApiError ? error.details.find((d) => detailField(d) === 'password') : undefined;
      if (detail) {
        const message = detailText(t, detail);
        setFieldError(message);
        showProblems([{ message, fieldId: PASSWORD_ID, label: r.password }]);
      } else showProblems([{ message: errorText(t, error) }]);
    },
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (reset.isPending) return;
    if (choose && password.length < PASSWORD_MIN_LENGTH) {
      const message = t.passwordChange.tooShort(PASSWORD_MIN_LENGTH);
      setFieldError(message);
      return showProblems([{ message, fieldId: PASSWORD_ID, label: r.password }]);
    }
    setFieldError(undefined);
    setProblems([]);
    reset.mutate();
  };

  return (
    <section className="panel" aria-labelledby="reset-heading">
      <h2 id="reset-heading" className="panel-heading" tabIndex={-1} ref={heading}>
        {withData(r.heading, user.fullName)}
      </h2>
      <p>{r.intro}</p>
      <ErrorSummary title={r.failed} problems={problems} headingRef={summary} />
      <form noValidate onSubmit={onSubmit}>
        <fieldset className="field radio-group">
          <legend>{r.legend}</legend>
          <div className="field-checkbox">
            <input
              type="radio"
              id="reset-generate"
              name="reset-kind"
              checked={!choose}
              onChange={() => setChoose(false)}
            />
            <label htmlFor="reset-generate">{r.generate}</label>
          </div>
          <div className="field-checkbox">
            <input
              type="radio"
              id="reset-choose"
              name="reset-kind"
              checked={choose}
              onChange={() => setChoose(true)}
            />
            <label htmlFor="reset-choose">{r.choose}</label>
          </div>
        </fieldset>
        {choose ? (
          <FieldFrame
            id={PASSWORD_ID}
            label={r.password}
            hint={t.staff.passwordHint(PASSWORD_MIN_LENGTH)}
            error={fieldError}
            star
          >
            {(aria) => (
              <input
                id={PASSWORD_ID}
                type="text"
                autoComplete="off"
                spellCheck={false}
                maxLength={256}
                required
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                {...aria}
              />
            )}
          </FieldFrame>
        ) : null}
        <SendOrCancel
          label={r.submit}
          sending={reset.isPending}
          onCancel={onCancel}
          cancelLabel={t.staff.cancel}
        />
      </form>
    </section>
  );
}

/** The temporary password, once: the administrator reads it out or writes it down, then closes it. */
export function TemporaryPassword({
  username,
  password,
  onClose,
}: {
  username: string;
  password: string;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const r = t.staff.reset;
  const heading = useRef<HTMLParagraphElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="panel notice-success" aria-labelledby="temporary-password-heading">
      <p id="temporary-password-heading" tabIndex={-1} ref={heading}>
        {r.temporary(username)}
      </p>
      <p>
        <code className="temporary-password" translate="no">
          {password}
        </code>
      </p>
      <p>{r.showOnce}</p>
      <button type="button" className="button button-primary" onClick={onClose}>
        {r.close}
      </button>
    </section>
  );
}
