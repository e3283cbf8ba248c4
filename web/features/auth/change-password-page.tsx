// /doi-mat-khau: the signed-in person changes their password. After an administrator's reset it is the
// only page open to them (app.tsx sends every other page here) until they have chosen their own (#14).
import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { PASSWORD_MIN_LENGTH, type UserView } from '../../../common/contracts/auth.ts';
import { errorText } from '../../app/errors.ts';
import { FieldFrame } from '../../app/field-frame.tsx';
import { ApiError, apiPost } from '../../app/http.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { Page } from '../../app/page.tsx';
import { PATHS } from '../../app/paths.ts';
import { safeNextPath, useRouter, useSearchParam } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import { ErrorSummary, type Problem } from '../calendar/error-summary.tsx';
import {
  checkPasswords,
  PASSWORD_FIELDS,
  serverProblems,
  type PasswordField,
  type PasswordProblems,
  type PasswordValues,
} from './password-rules.ts';

const ids: Record<PasswordField, string> = {
  currentPassword: 'password-current',
  newPassword: 'password-new',
  again: 'password-again',
};

export function ChangePasswordPage() {
  const { t } = useI18n();
  const p = t.passwordChange;
  const { session, updateUser } = useSession();
  const { navigate } = useRouter();
  const next = safeNextPath(useSearchParam('next'), PATHS.changePassword);
  const required = session.status === 'signed-in' && session.user.mustChangePassword;
  const [values, setValues] = useState<PasswordValues>({ currentPassword: '', newPassword: '', again: '' });
  const [problems, setProblems] = useState<PasswordProblems>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const summary = useRef<HTMLHeadingElement>(null);
  const labels: Record<PasswordField, string> = {
    currentPassword: p.current,
    newPassword: p.next,
    again: p.again,
  };

  const change = useMutation({
    mutationFn: (v: PasswordValues) =>
      apiPost<{ user: UserView }>('/api/v1/auth/password', {
        currentPassword: v.currentPassword,
        newPassword: v.newPassword,
      }),
    onSuccess: ({ user }) => {
      updateUser(user);
      setValues({ currentPassword: '', newPassword: '', again: '' });
      setDone(true);
      // After a reset the person goes on to where they were heading.
      if (required) navigate(next, { replace: true });
    },
    onError: (error) => {
      const fields = error instanceof ApiError ? serverProblems(t, error.details) : {};
      setProblems(fields);
      setGeneral(Object.keys(fields).length > 0 ? null : errorText(t, error));
      window.setTimeout(() => summary.current?.focus(), 0);
    },
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (change.isPending) return;
    setDone(false);
    const found = checkPasswords(t, values);
    setProblems(found);
    setGeneral(null);
    if (Object.keys(found).length > 0) {
      window.setTimeout(() => summary.current?.focus(), 0);
      return;
    }
    change.mutate(values);
  };

  const list: Problem[] = [
    ...(general ? [{ message: general }] : []),
    ...PASSWORD_FIELDS.flatMap((f) =>
      problems[f] ? [{ message: problems[f], fieldId: ids[f], label: labels[f] }] : [],
    ),
  ];
  const field = (f: PasswordField, autoComplete: string, hint?: string) => (
    <FieldFrame id={ids[f]} label={labels[f]} hint={hint} error={problems[f]} star>
      {(aria) => (
        <input
          id={ids[f]}
          type="password"
          autoComplete={autoComplete}
          maxLength={256}
          required
          value={values[f]}
          onChange={(e) => setValues((v) => ({ ...v, [f]: e.target.value }))}
          {...aria}
        />
      )}
    </FieldFrame>
  );

  return (
    <Page title={p.title} heading={p.title} className="page-narrow">
      {required ? (
        <p className="notice notice-warning" role="status">
          {p.mustChange}
        </p>
      ) : (
        <p className="page-intro">{p.intro}</p>
      )}
      {done ? (
        <p className="notice notice-success" role="status">
          {p.done}
        </p>
      ) : null}
      <ErrorSummary title={p.failed} problems={list} headingRef={summary} />
      <form className="form" noValidate onSubmit={onSubmit}>
        {field('currentPassword', 'current-password')}
        {field('newPassword', 'new-password', p.nextHint(PASSWORD_MIN_LENGTH))}
        {field('again', 'new-password')}
        <button type="submit" className="button button-primary" aria-disabled={change.isPending || undefined}>
          {change.isPending ? p.sending : p.submit}
        </button>
      </form>
    </Page>
  );
}
