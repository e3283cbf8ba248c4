// The two staff forms: a new account (username, full name, initial password, grants) and the grants
// of an existing one. The server validates and decides reach; each `details[].path` it names
// (`body/username`, `body/grants/1/agencyCode`) is shown beside its field and in the error summary.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { PASSWORD_MIN_LENGTH } from '../../../common/contracts/staff.ts';
import { detailField, detailText, errorText } from '../../app/errors.ts';
import { ApiError } from '../../app/http.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { ErrorSummary, type Problem } from '../calendar/error-summary.tsx';
import {
  grantErrorKey,
  grantFieldId,
  grantsBody,
  GrantsEditor,
  mapGrantErrors,
  newGrantRow,
  type GrantErrors,
  type GrantRow,
} from './grants-editor.tsx';
import { createStaff, putGrants, type StaffView } from './staff-api.ts';

type Failure = { fields: Record<string, string>; grants: GrantErrors; general: string[] };
const NO_FAILURE: Failure = { fields: {}, grants: {}, general: [] };

function grantProblems(
  t: ReturnType<typeof useI18n>['t'],
  prefix: string,
  rows: readonly GrantRow[],
  errors: GrantErrors,
): Problem[] {
  const out: Problem[] = [];
  rows.forEach((row, i) => {
    for (const field of ['role', 'agency'] as const) {
      const message = errors[grantErrorKey(row.id, field)];
      if (!message) continue;
      out.push({
        message,
        label: `${t.staff.grants.rowLegend(i + 1)} – ${field === 'role' ? t.staff.grants.role : t.staff.grants.agency}`,
        fieldId: row.locked ? undefined : grantFieldId(prefix, row.id, field),
      });
    }
  });
  return out;
}

function useFocusOnFailure(failure: Failure | null) {
  const summaryHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (failure && failure !== NO_FAILURE) summaryHeading.current?.focus();
  }, [failure]);
  return summaryHeading;
}

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
  const [username, setUsername] = useState('');
  const [fullName, setFullName] = useState('');
  const [password, setPassword] = useState('');
  const [rows, setRows] = useState<GrantRow[]>(() => [newGrantRow()]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const summaryHeading = useFocusOnFailure(failure);

  useEffect(() => headingRef.current?.focus(), []);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const sent = rows;
    setBusy(true);
    setFailure(null);
    try {
      onCreated(
        await createStaff({ username: username.trim(), fullName, password, grants: grantsBody(sent) }),
      );
    } catch (error) {
      if (error instanceof ApiError && error.details.length > 0) {
        const mapped = mapGrantErrors(t, sent, error.details);
        const fields: Record<string, string> = {};
        for (const d of mapped.rest) {
          const field = detailField(d);
          if (['username', 'fullName', 'password'].includes(field)) fields[field] ??= detailText(t, d);
          else mapped.general.push(detailText(t, d));
        }
        setFailure({ fields, grants: mapped.fields, general: mapped.general });
      } else {
        setFailure({ ...NO_FAILURE, general: [errorText(t, error)] });
      }
    } finally {
      setBusy(false);
    }
  }

  const f = failure ?? NO_FAILURE;
  const problems: Problem[] = [
    ...(['username', 'fullName', 'password'] as const)
      .filter((k) => f.fields[k])
      .map((k) => ({ message: f.fields[k]!, label: s.fields[k], fieldId: `${prefix}-${k}` })),
    ...grantProblems(t, `${prefix}-grants`, rows, f.grants),
    ...f.general.map((message) => ({ message, fieldId: `${prefix}-grants-general` })),
  ];

  const input = (
    key: 'username' | 'fullName' | 'password',
    value: string,
    set: (v: string) => void,
    extra: { type?: string; autoComplete: string; hint?: string },
  ) => {
    const id = `${prefix}-${key}`;
    const error = f.fields[key];
    const describedBy = [error ? `${id}-error` : '', extra.hint ? `${id}-hint` : '']
      .filter(Boolean)
      .join(' ');
    return (
      <div className={error ? 'field field-invalid' : 'field'}>
        <label htmlFor={id}>
          {s.fields[key]}
          <span className="required-mark" aria-hidden="true">
            {' '}
            *
          </span>
        </label>
        {extra.hint ? (
          <p className="hint" id={`${id}-hint`}>
            {extra.hint}
          </p>
        ) : null}
        {error ? (
          <p className="field-error" id={`${id}-error`}>
            {error}
          </p>
        ) : null}
        <input
          id={id}
          type={extra.type ?? 'text'}
          value={value}
          required
          autoComplete={extra.autoComplete}
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
          onChange={(e) => set(e.target.value)}
        />
      </div>
    );
  };

  return (
    <section className="editor" aria-labelledby={`${prefix}-heading`}>
      <h2 id={`${prefix}-heading`} className="section-heading" tabIndex={-1} ref={headingRef}>
        {s.createHeading}
      </h2>
      <ErrorSummary title={s.createFailed} problems={problems} headingRef={summaryHeading} />
      <form className="editor-form" noValidate onSubmit={(e) => void onSubmit(e)}>
        {input('username', username, setUsername, { autoComplete: 'off', hint: s.usernameHint })}
        {input('fullName', fullName, setFullName, { autoComplete: 'off' })}
        {input('password', password, setPassword, {
          type: 'password',
          autoComplete: 'new-password',
          hint: s.passwordHint(PASSWORD_MIN_LENGTH),
        })}
        <GrantsEditor
          idPrefix={`${prefix}-grants`}
          legend={s.grants.legend}
          rows={rows}
          onChange={setRows}
          errors={f.grants}
          generalError={f.general.length > 0 ? f.general.join(' ') : undefined}
        />
        <div className="form-actions">
          <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
            {busy ? s.creating : s.create}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            {s.cancel}
          </button>
        </div>
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
  const [rows, setRows] = useState<GrantRow[]>(() =>
    user.grants.map((g) =>
      newGrantRow({ role: g.role, agency: { code: g.agencyCode, name: g.agencyName }, locked: !g.editable }),
    ),
  );
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [stale, setStale] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const summaryHeading = useFocusOnFailure(failure);

  useEffect(() => headingRef.current?.focus(), []);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const sent = rows;
    setBusy(true);
    setFailure(null);
    try {
      onSaved(
        await putGrants(user.username, { grants: grantsBody(sent), grantsVersion: user.grantsVersion }),
      );
    } catch (error) {
      if (error instanceof ApiError && error.code === 'STALE_VERSION') {
        setStale(true);
      } else if (error instanceof ApiError && error.details.length > 0) {
        const mapped = mapGrantErrors(t, sent, error.details);
        setFailure({
          fields: {},
          grants: mapped.fields,
          general: [
            ...(mapped.general.length > 0 || Object.keys(mapped.fields).length > 0
              ? []
              : [errorText(t, error)]),
            ...mapped.general,
            ...mapped.rest.map((d) => detailText(t, d)),
          ],
        });
      } else {
        setFailure({ ...NO_FAILURE, general: [errorText(t, error)] });
      }
    } finally {
      setBusy(false);
    }
  }

  const f = failure ?? NO_FAILURE;
  const problems: Problem[] = [
    ...grantProblems(t, prefix, rows, f.grants),
    ...f.general.map((message) => ({ message, fieldId: `${prefix}-general` })),
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
      <form className="editor-form" noValidate onSubmit={(e) => void onSubmit(e)}>
        <GrantsEditor
          idPrefix={prefix}
          legend={s.grants.legendOf(user.username)}
          rows={rows}
          onChange={setRows}
          errors={f.grants}
          generalError={f.general.length > 0 ? f.general.join(' ') : undefined}
        />
        <div className="form-actions">
          <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
            {busy ? s.saving : s.saveGrants}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            {s.cancel}
          </button>
        </div>
      </form>
    </section>
  );
}
