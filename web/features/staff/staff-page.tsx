// /quan-tri/can-bo: the staff of the agencies the user reaches (the server decides), searched by
// name or username without diacritics, filtered by role and status, 20 a page. Administrators add
// accounts, change grants and lock or unlock accounts; everyone else only reads.
import { useEffect, useRef, useState } from 'react';
import { ROLES, type Role } from '../../../common/auth/roles.ts';
import { errorText } from '../../app/errors.ts';
import { isAbort } from '../../app/http.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import type { Messages } from '../../app/i18n/vi.ts';
import { Page } from '../../app/page.tsx';
import { Pager } from '../../app/pager.tsx';
import { useSession } from '../../app/session.tsx';
import { CreateStaffForm, EditGrantsForm } from './staff-forms.tsx';
import { listStaff, setStaffActive, STAFF_PAGE_SIZE, type StaffView } from './staff-api.ts';

const DEBOUNCE_MS = 300;
const ADMIN_ROLES: readonly Role[] = ['unit-admin', 'province-admin'];
type Status = 'all' | 'active' | 'inactive';
type Loaded = { items: StaffView[]; total: number; page: number };
type Result =
  | { kind: 'loading'; last: Loaded | null }
  | { kind: 'done'; last: Loaded }
  | { kind: 'error'; error: unknown; last: Loaded | null };
type Mode = { kind: 'list' } | { kind: 'create' } | { kind: 'edit'; user: StaffView };

function StaffTable({
  t,
  items,
  onEdit,
  onToggle,
  busy,
}: {
  t: Messages;
  items: StaffView[];
  onEdit: (user: StaffView) => void;
  onToggle: (user: StaffView) => void;
  busy: string | null;
}) {
  const c = t.staff.columns;
  return (
    <table className="table staff-table">
      <caption className="visually-hidden">{t.staff.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{c.name}</th>
          <th scope="col">{c.username}</th>
          <th scope="col">{c.grants}</th>
          <th scope="col">{c.status}</th>
          <th scope="col">{c.actions}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((u) => (
          <tr key={u.id}>
            <th scope="row" data-label={c.name}>
              {u.fullName}
            </th>
            <td data-label={c.username}>
              <span className="code">{u.username}</span>
            </td>
            <td data-label={c.grants}>
              <ul className="plain-list">
                {u.grants.map((g) => (
                  <li key={`${g.role}@${g.agencyCode}`}>
                    {t.roles[g.role]} · {g.agencyName}
                  </li>
                ))}
              </ul>
            </td>
            <td data-label={c.status}>
              <span className={u.active ? 'tag tag-active' : 'tag tag-inactive'}>
                {u.active ? t.staff.active : t.staff.inactive}
              </span>
            </td>
            <td data-label={c.actions}>
              {u.grants.some((g) => g.editable) || u.manageable ? (
                <div className="row-actions">
                  {u.grants.some((g) => g.editable) ? (
                    <button type="button" className="button button-small" onClick={() => onEdit(u)}>
                      {t.staff.editGrants}
                      <span className="visually-hidden"> – {u.fullName}</span>
                    </button>
                  ) : null}
                  {u.manageable ? (
                    <button
                      type="button"
                      className="button button-small"
                      aria-disabled={busy === u.username || undefined}
                      onClick={() => onToggle(u)}
                    >
                      {u.active ? t.staff.deactivate : t.staff.activate}
                      <span className="visually-hidden"> – {u.fullName}</span>
                    </button>
                  ) : null}
                </div>
              ) : (
                <span className="muted">{t.staff.readOnly}</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function StaffPage() {
  const { t } = useI18n();
  const s = t.staff;
  const { session } = useSession();
  const user = session.status === 'signed-in' ? session.user : null;
  const isAdmin = user?.roles.some((r) => ADMIN_ROLES.includes(r.role)) ?? false;
  const [q, setQ] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const [status, setStatus] = useState<Status>('all');
  const [page, setPage] = useState(1);
  const [reloadKey, setReloadKey] = useState(0);
  const [result, setResult] = useState<Result>({ kind: 'loading', last: null });
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const [notice, setNotice] = useState<{ text: string; error: boolean } | null>(null);
  const [toggling, setToggling] = useState<string | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const resultsHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    const controller = new AbortController();
    setResult((r) => ({ kind: 'loading', last: r.last }));
    const timer = window.setTimeout(() => {
      listStaff(
        {
          q: q.trim() || undefined,
          role: role || undefined,
          active: status === 'all' ? undefined : status === 'active',
          page,
          pageSize: STAFF_PAGE_SIZE,
        },
        controller.signal,
      )
        .then((res) => setResult({ kind: 'done', last: { ...res, page } }))
        .catch((error: unknown) => {
          if (!isAbort(error)) setResult((r) => ({ kind: 'error', error, last: r.last }));
        });
    }, DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [q, role, status, page, reloadKey]);

  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const reload = () => setReloadKey((k) => k + 1);
  const backToList = () => {
    setMode({ kind: 'list' });
    window.setTimeout(() => addButton.current?.focus(), 0);
  };

  const toggle = async (u: StaffView) => {
    if (toggling) return;
    setToggling(u.username);
    try {
      const changed = await setStaffActive(u.username, !u.active);
      setNotice({ text: changed.active ? s.activated(u.username) : s.deactivated(u.username), error: false });
      reload();
    } catch (error) {
      setNotice({ text: errorText(t, error), error: true });
    } finally {
      setToggling(null);
    }
  };

  const last = result.last;
  const pages = last ? Math.max(1, Math.ceil(last.total / STAFF_PAGE_SIZE)) : 1;

  return (
    <Page title={s.title} heading={s.heading} intro={s.intro} className="staff-page">
      {notice ? (
        <p
          className={notice.error ? 'notice notice-warning' : 'notice notice-success'}
          role={notice.error ? 'alert' : 'status'}
          tabIndex={-1}
          ref={noticeRef}
        >
          {notice.text}
        </p>
      ) : null}
      {mode.kind === 'create' ? (
        <CreateStaffForm
          onCreated={(created) => {
            setMode({ kind: 'list' });
            setQ(created.username);
            setRole('');
            setStatus('all');
            setPage(1);
            setNotice({ text: s.created(created.username), error: false });
            reload();
          }}
          onCancel={backToList}
        />
      ) : mode.kind === 'edit' ? (
        <EditGrantsForm
          key={mode.user.id}
          user={mode.user}
          onSaved={(saved) => {
            setMode({ kind: 'list' });
            setNotice({ text: s.saved(saved.username), error: false });
            reload();
          }}
          onCancel={backToList}
          onReload={() => {
            setMode({ kind: 'list' });
            reload();
          }}
        />
      ) : isAdmin ? (
        <p>
          <button
            type="button"
            className="button button-primary"
            ref={addButton}
            onClick={() => {
              setNotice(null);
              setMode({ kind: 'create' });
            }}
          >
            {s.add}
          </button>
        </p>
      ) : null}

      <section aria-labelledby="staff-search-heading" className="search-panel">
        <h2 id="staff-search-heading" className="section-heading">
          {s.searchHeading}
        </h2>
        <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
          <div className="field">
            <label htmlFor="staff-q">{s.searchLabel}</label>
            <p className="hint" id="staff-q-hint">
              {s.searchHint}
            </p>
            <input
              id="staff-q"
              type="search"
              value={q}
              aria-describedby="staff-q-hint"
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => {
                setQ(e.target.value);
                setPage(1);
              }}
            />
          </div>
          <div className="field">
            <label htmlFor="staff-role">{s.roleFilter}</label>
            <select
              id="staff-role"
              value={role}
              onChange={(e) => {
                setRole(e.target.value as Role | '');
                setPage(1);
              }}
            >
              <option value="">{s.anyRole}</option>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t.roles[r]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="staff-status">{s.statusFilter}</label>
            <select
              id="staff-status"
              value={status}
              onChange={(e) => {
                setStatus(e.target.value as Status);
                setPage(1);
              }}
            >
              <option value="all">{s.anyStatus}</option>
              <option value="active">{s.active}</option>
              <option value="inactive">{s.inactive}</option>
            </select>
          </div>
        </form>
      </section>

      <section aria-labelledby="staff-results-heading">
        <h2 id="staff-results-heading" className="section-heading" tabIndex={-1} ref={resultsHeading}>
          {s.resultsHeading}
        </h2>
        <p className="muted" role="status">
          {result.kind === 'loading'
            ? t.loading
            : result.kind === 'done'
              ? s.count(result.last.items.length, result.last.total)
              : ''}
        </p>
        {result.kind === 'error' ? (
          <div className="inline-error" role="alert">
            <p>{errorText(t, result.error)}</p>
            <button type="button" className="button" onClick={reload}>
              {t.errors.retry}
            </button>
          </div>
        ) : null}
        {last && last.items.length > 0 ? (
          <StaffTable
            t={t}
            items={last.items}
            busy={toggling}
            onEdit={(u) => {
              setNotice(null);
              setMode({ kind: 'edit', user: u });
            }}
            onToggle={(u) => void toggle(u)}
          />
        ) : result.kind === 'done' ? (
          <p>{s.none}</p>
        ) : null}
        <Pager
          label={s.pager}
          page={last?.page ?? page}
          pages={pages}
          onPage={(p) => {
            setPage(p);
            resultsHeading.current?.focus();
          }}
        />
      </section>
    </Page>
  );
}
