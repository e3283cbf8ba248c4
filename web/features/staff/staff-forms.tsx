// The two staff forms: a new account (username, full name, initial password, grants) and the grants
// of an existing one. The server validates and decides reach; each `details[].path` it names
// (`body/username`, `body/grants/1/agencyCode`) is shown beside its field and in the error summary.
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { PASSWORD_MIN_LENGTH } from '../../../common/contracts/staff.ts';
import { FormActions } from '../../app/field-frame.tsx';
import { ApiError } from '../../app/http.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { ErrorSummary, type Problem } from '../calendar/error-summary.tsx';
import {
  ACCOUNT_FIELDS,
  createFailure,
  grantsBody,
  grantsFailure,
  newGrantRow,
  type GrantRow,
  type StaffFailure,
} from './grants-rows.ts';
import { createStaff, putGrants, type StaffView } from './staff-api.ts';
import {
  AccountInput,
  FormGrants,
  grantProblems,
  useFormFocus,
  type CreateValues,
  type GrantsValues,
} from './staff-form-parts.tsx';

export function CreateStaffForm({
  onCreated,
  onCancel,
}: {
  onCreated: (user: StaffView) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const s = t.staff;
  const prefix = 'staff-new';
  const [defaultValues] = useState<CreateValues>(() => ({
    username: '',
    fullName: '',
    password: '',
    grants: [newGrantRow()],
  }));
  // Server messages stay until the next submit, as the summary lists them.
  const { control, register, handleSubmit, setError, formState } = useForm<CreateValues>({
    defaultValues,
    reValidateMode: 'onSubmit',
  });
  const rows = useWatch({ control, name: 'grants' });
  const [failure, setFailure] = useState<StaffFailure | null>(null);
  const { headingRef, summaryHeading } = useFormFocus(failure);
  const create = useMutation({ mutationFn: createStaff });

  const onSubmit = (values: CreateValues) => {
    if (create.isPending) return;
    const sent = values.grants;
    setFailure(null);
    create.mutate(
      {
        username: values.username.trim(),
        fullName: values.fullName,
        password: values.password,
        grants: grantsBody(sent),
      },
      {
        onSuccess: onCreated,
        onError: (error) => {
          const found = createFailure(t, error, sent);
          for (const field of ACCOUNT_FIELDS) {
            const message = found.fields[field];
            if (message) setError(field, { type: 'server', message });
          }
          setFailure(found);
        },
      },
    );
  };

  const errorOf = (k: (typeof ACCOUNT_FIELDS)[number]) => formState.errors[k]?.message;
  const problems: Problem[] = [
    ...ACCOUNT_FIELDS.filter((k) => errorOf(k)).map((k) => ({
      message: errorOf(k)!,
      label: s.fields[k],
      fieldId: `${prefix}-${k}`,
    })),
    ...grantProblems(t, `${prefix}-grants`, rows, failure?.grants ?? {}),
    ...(failure?.general ?? []).map((message) => ({ message, fieldId: `${prefix}-grants-general` })),
  ];

  return (
    <section className="editor" aria-labelledby={`${prefix}-heading`}>
      <h2 id={`${prefix}-heading`} className="section-heading" tabIndex={-1} ref={headingRef}>
        {s.createHeading}
      </h2>
      <ErrorSummary title={s.createFailed} problems={problems} headingRef={summaryHeading} />
      <form className="editor-form" noValidate onSubmit={(e) => void handleSubmit(onSubmit)(e)}>
        <AccountInput
          id={`${prefix}-username`}
          label={s.fields.username}
          error={errorOf('username')}
          hint={s.usernameHint}
          autoComplete="off"
          registered={register('username')}
        />
        <AccountInput
          id={`${prefix}-fullName`}
          label={s.fields.fullName}
          error={errorOf('fullName')}
          autoComplete="off"
          registered={register('fullName')}
        />
        <AccountInput
          id={`${prefix}-password`}
          label={s.fields.password}
          error={errorOf('password')}
          hint={s.passwordHint(PASSWORD_MIN_LENGTH)}
          type="password"
          autoComplete="new-password"
          registered={register('password')}
        />
        <FormGrants
          control={control}
          idPrefix={`${prefix}-grants`}
          legend={s.grants.legend}
          failure={failure}
        />
        <FormActions busy={create.isPending} texts={[s.create, s.creating, s.cancel]} onCancel={onCancel} />
      </form>
    </section>
  );
}

export function EditGrantsForm({
  user,
  onSaved,
  onCancel,
  onReload,
}: {
  user: StaffView;
  onSaved: (user: StaffView) => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const { t } = useI18n();
  const s = t.staff;
  const prefix = `staff-${user.username.replace(/[^a-z0-9]/g, '-')}-grants`;
  const [defaultValues] = useState<GrantsValues>(() => ({
    grants: user.grants.map((g) =>
      newGrantRow({ role: g.role, agency: { code: g.agencyCode, name: g.agencyName }, locked: !g.editable }),
    ),
  }));
  const { control, handleSubmit } = useForm<GrantsValues>({ defaultValues });
  const rows = useWatch({ control, name: 'grants' });
  const [failure, setFailure] = useState<StaffFailure | null>(null);
  const [stale, setStale] = useState(false);
  const { headingRef, summaryHeading } = useFormFocus(failure);
  const save = useMutation({
    mutationFn: (grants: GrantRow[]) =>
      putGrants(user.username, { grants: grantsBody(grants), grantsVersion: user.grantsVersion }),
  });

  const onSubmit = ({ grants }: GrantsValues) => {
    if (save.isPending) return;
    setFailure(null);
    save.mutate(grants, {
      onSuccess: onSaved,
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'STALE_VERSION') setStale(true);
        else setFailure(grantsFailure(t, error, grants));
      },
    });
  };

  const problems: Problem[] = [
    ...grantProblems(t, prefix, rows, failure?.grants ?? {}),
    ...(failure?.general ?? []).map((message) => ({ message, fieldId: `${prefix}-general` })),
  ];

  return (
    <section className="editor" aria-labelledby={`${prefix}-heading`}>
      <h2 id={`${prefix}-heading`} className="section-heading" tabIndex={-1} ref={headingRef}>
        {s.editHeading(user.fullName)}
      </h2>
      {stale ? (
        <div className="inline-error" role="alert">
          <p>{s.stale}</p>
          <button type="button" className="button" onClick={onReload}>
            {s.reload}
          </button>
        </div>
      ) : (
        <ErrorSummary title={s.saveFailed} problems={problems} headingRef={summaryHeading} />
      )}
      <form className="editor-form" noValidate onSubmit={(e) => void handleSubmit(onSubmit)(e)}>
        <FormGrants
          control={control}
          idPrefix={prefix}
          legend={s.grants.legendOf(user.username)}
          failure={failure}
        />
        <FormActions busy={save.isPending} texts={[s.saveGrants, s.saving, s.cancel]} onCancel={onCancel} />
      </form>
    </section>
  );
}
