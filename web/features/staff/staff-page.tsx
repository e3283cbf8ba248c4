// /quan-tri/can-bo: the staff of the agencies the user reaches (the server decides), searched by
// name or username without diacritics, filtered by role and status, 20 a page. Administrators add
// accounts, change grants and lock or unlock accounts; everyone else only reads.
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { Role } from '../../../common/auth/roles.ts';
import { errorText } from '../../app/errors.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { Page } from '../../app/page.tsx';
import { Pager } from '../../app/pager.tsx';
import { readStatus, useInvalidate } from '../../app/query.ts';
import { ReadError } from '../../app/read-error.tsx';
import { useSession } from '../../app/session.tsx';
import { useDebounced } from '../../app/use-debounced.ts';
import {
  setStaffActive,
  STAFF_PAGE_SIZE,
  staffQueries,
  type StaffQuery,
  type StaffView,
} from './staff-api.ts';
import { StaffFiltersForm } from './staff-filters.tsx';
import { CreateStaffForm, EditGrantsForm } from './staff-forms.tsx';
import { NO_FILTERS, staffQuery, type StaffFilters } from './staff-query.ts';
import { ResetPasswordForm, TemporaryPassword } from './staff-reset.tsx';
import { StaffTable } from './staff-table.tsx';
import { StaffImportSection } from './staff-import.tsx';

const DEBOUNCE_MS = 300;
const ADMIN_ROLES: readonly Role[] = ['unit-admin', 'province-admin'];
type Mode =
  | { kind: 'list' }
  | { kind: 'create' }
  | { kind: 'import' }
  | { kind: 'edit'; user: StaffView }
  | { kind: 'reset'; user: StaffView }
  | { kind: 'temporary'; username: string; password: string };

export function StaffPage() {
  const { t } = useI18n();
  const s = t.staff;
  const { session } = useSession();
  const user = session.status === 'signed-in' ? session.user : null;
  const isAdmin = user?.roles.some((r) => ADMIN_ROLES.includes(r.role)) ?? false;
  const [filters, setFilters] = useState<StaffFilters>(NO_FILTERS);
  const [page, setPage] = useState(1);
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const [notice, setNotice] = useState<{ text: string; error: boolean } | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const resultsHeading = useRef<HTMLHeadingElement>(null);

  const invalidate = useInvalidate();
  // The request settles after a pause in typing (as text: a new object at each render is the same request).
  const wanted = JSON.stringify(staffQuery(filters, page));
  const asked = useDebounced(wanted, DEBOUNCE_MS);
  const result = useQuery({
    ...staffQueries.list(JSON.parse(asked) as StaffQuery),
    placeholderData: keepPreviousData,
  });
  const settling = asked !== wanted;

  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const reload = () => invalidate(staffQueries.all);
  const backToList = () => {
    setMode({ kind: 'list' });
    window.setTimeout(() => addButton.current?.focus(), 0);
  };

  const toggle = useMutation({
    mutationFn: (u: StaffView) => setStaffActive(u.username, !u.active),
    onSuccess: (changed, u) => {
      setNotice({ text: changed.active ? s.activated(u.username) : s.deactivated(u.username), error: false });
      return reload();
    },
    onError: (error) => setNotice({ text: errorText(t, error), error: true }),
  });
  const toggling = toggle.isPending ? (toggle.variables?.username ?? null) : null;

  const last = result.data;
  const done = !settling && !result.isFetching && result.isSuccess;
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
            setFilters({ ...NO_FILTERS, q: created.username });
            setPage(1);
            setNotice({ text: s.created(created.username), error: false });
            void reload();
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
            void reload();
          }}
          onCancel={backToList}
          onReload={() => {
            setMode({ kind: 'list' });
            void reload();
          }}
        />
      ) : mode.kind === 'reset' ? (
        <ResetPasswordForm
          key={mode.user.id}
          user={mode.user}
          onDone={(temporary) => {
            const { username } = mode.user;
            if (temporary === null) {
              setMode({ kind: 'list' });
              setNotice({ text: s.reset.done(username), error: false });
            } else setMode({ kind: 'temporary', username, password: temporary });
          }}
          onCancel={backToList}
        />
      ) : mode.kind === 'import' ? (
        <StaffImportSection onImported={() => void reload()} onClose={backToList} />
      ) : mode.kind === 'temporary' ? (
        <TemporaryPassword username={mode.username} password={mode.password} onClose={backToList} />
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
          </button>{' '}
          <button
            type="button"
            className="button"
            onClick={() => {
              setNotice(null);
              setMode({ kind: 'import' });
            }}
          >
            {s.import.open}
          </button>
        </p>
      ) : null}

      <section aria-labelledby="staff-search-heading" className="search-panel">
        <h2 id="staff-search-heading" className="section-heading">
          {s.searchHeading}
        </h2>
        <StaffFiltersForm
          filters={filters}
          onChange={(change) => {
            setFilters((now) => ({ ...now, ...change }));
            setPage(1);
          }}
        />
      </section>

      <section aria-labelledby="staff-results-heading">
        <h2 id="staff-results-heading" className="section-heading" tabIndex={-1} ref={resultsHeading}>
          {s.resultsHeading}
        </h2>
        <p className="muted" role="status">
          {settling
            ? t.loading
            : readStatus(result, t.loading, (data) => s.count(data.items.length, data.total))}
        </p>
        <ReadError read={result} />
        {last && last.items.length > 0 ? (
          <StaffTable
            t={t}
            items={last.items}
            busy={toggling}
            onEdit={(u) => {
              setNotice(null);
              setMode({ kind: 'edit', user: u });
            }}
            onToggle={(u) => {
              if (!toggle.isPending) toggle.mutate(u);
            }}
            onReset={(u) => {
              setNotice(null);
              setMode({ kind: 'reset', user: u });
              window.scrollTo({ top: 0 });
            }}
          />
        ) : done ? (
          <p>{s.none}</p>
        ) : null}
        <Pager label={s.pager} page={page} pages={pages} onPage={setPage} heading={resultsHeading} />
      </section>
    </Page>
  );
}
