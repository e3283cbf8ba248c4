// /ho-so: the staff worklists. One button per list (GET /dossiers/counts gives their counts), filters
// and order (worklist-filters.tsx), a search by applicant name, ID number or dossier code (the server
// folds diacritics), the dossiers in a table with procedure name, channel, times (result due and the
// current step's, overdue and due-soon marked), current step and handler; pages by cursor; Xuất Excel
// of the list as filtered; bulk actions on the selected rows (worklist-bulk.tsx). The settings live in
// the address (Back from a dossier restores them) and are saved for the officer (restored when the
// page opens with none in the address); with none saved, the officer's role chooses the list.
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { UserView } from '../../../common/contracts/auth.ts';
import { WORKLIST_VALUES } from '../../../common/contracts/dossiers.ts';
import { EXPORT_ROW_LIMIT } from '../../../common/dossiers/worklists.ts';
import { errorText } from '../../app/errors.ts';
import { withQuery } from '../../app/http.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { Page } from '../../app/page.tsx';
import { PATHS } from '../../app/paths.ts';
import { ReadError } from '../../app/read-error.tsx';
import { Link, useRouter } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import { formatNumber } from '../calendar/vn-time.ts';
import { dossierQueries, WORKLIST_PAGE_SIZE, type DossierListItem, type Worklist } from './dossiers-api.ts';
import { BulkBar } from './worklist-bulk.tsx';
import { WorklistFilters } from './worklist-filters.tsx';
import { downloadExport, saveFile, savePreferences, worklistQueries } from './worklist-api.ts';
import {
  initialState,
  listQuery,
  readAddress,
  toAddress,
  toPreferences,
  type WorklistState,
} from './worklist-state.ts';

const DEBOUNCE_MS = 300;
const SAVE_DELAY_MS = 600;

import { DossierTable } from './worklist-table.tsx';

export function WorklistPage() {
  const { session } = useSession();
  const { location } = useRouter();
  const [address] = useState(() => readAddress(location.search));
  // With settings in the address (Back from a dossier) they apply; else the saved ones, read first.
  const saved = useQuery({ ...worklistQueries.preferences(), enabled: address === null });
  if (session.status !== 'signed-in') return null;
  if (address === null && saved.isPending) return <WorklistLoading />;
  const roles = session.user.roles.map((r) => r.role);
  const start = initialState(address, saved.data?.preferences ?? null, roles);
  return <Worklists user={session.user} start={start} />;
}

function WorklistLoading() {
  const { t } = useI18n();
  return (
    <Page title={t.dossiers.worklistTitle} heading={t.dossiers.worklistTitle} className="worklist-page">
      <p role="status">{t.loading}</p>
    </Page>
  );
}

function Worklists({ user, start }: { user: UserView; start: WorklistState }) {
  const { t } = useI18n();
  const w = t.worklist;
  const queryClient = useQueryClient();
  const [state, setState] = useState<WorklistState>(start);
  const [text, setText] = useState(start.q);
  // Cursors of the pages opened so far: the first page has none.
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const page = cursors.length;
  const [selected, setSelected] = useState<Map<string, number>>(new Map());
  const [exportState, setExportState] = useState<
    { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; name: string } | { kind: 'failed'; why: string }
  >({ kind: 'idle' });
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const counts = useQuery(dossierQueries.counts()).data;
  const query = useMemo(() => listQuery(state), [state]);
  const result = useQuery({
    ...dossierQueries.list({
      list: state.list,
      ...query,
      after: cursors[cursors.length - 1],
      pageSize: WORKLIST_PAGE_SIZE,
    }),
    placeholderData: keepPreviousData,
  });

  const change = (patch: Partial<WorklistState>) => {
    setState((s) => ({ ...s, ...patch }));
    setCursors([undefined]);
    setSelected(new Map());
    setExportState({ kind: 'idle' });
  };

  // The search words apply a moment after typing stops.
  useEffect(() => {
    const next = text.trim();
    if (next === state.q) return;
    const timer = window.setTimeout(() => change({ q: next }), DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text, state.q]);

  // The address follows the settings.
  useEffect(() => {
    const next = withQuery(PATHS.dossiers, toAddress({ ...state, q: text.trim() }));
    if (window.location.pathname === PATHS.dossiers) window.history.replaceState(null, '', next);
  }, [state, text]);

  // The settings chosen are saved for the officer (not the search words).
  const savedText = useRef(JSON.stringify(toPreferences(start)));
  useEffect(() => {
    const prefs = toPreferences(state);
    const json = JSON.stringify(prefs);
    if (json === savedText.current) return;
    const timer = window.setTimeout(() => {
      savedText.current = json;
      savePreferences(prefs)
        .then((answer) => queryClient.setQueryData(worklistQueries.preferences().queryKey, answer))
        .catch(() => {
          // Not saved: the worklist works the same; the next change tries again.
          savedText.current = '';
        });
    }, SAVE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [state, queryClient]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next = text.trim();
    if (next !== state.q) change({ q: next });
  };

  const onSelect = (rows: DossierListItem[], on: boolean) =>
    setSelected((prev) => {
      const next = new Map(prev);
      for (const r of rows) {
        if (on) next.set(r.code, r.version);
        else next.delete(r.code);
      }
      return next;
    });

  const onExport = async () => {
    setExportState({ kind: 'busy' });
    try {
      const file = await downloadExport({ list: state.list, ...query });
      saveFile(file);
      setExportState({ kind: 'done', name: file.fileName });
    } catch (error) {
      setExportState({ kind: 'failed', why: errorText(t, error) });
    }
  };

  const loaded = result.data;
  const from = (page - 1) * WORKLIST_PAGE_SIZE + 1;
  const status = result.isFetching
    ? t.loading
    : !loaded
      ? ''
      : loaded.total > 0
        ? w.total(formatNumber(t, loaded.total), loaded.totalExact) +
          (loaded.items.length > 0
            ? w.showing(formatNumber(t, from), formatNumber(t, from + loaded.items.length - 1))
            : '.')
        : state.q
          ? t.dossiers.noneFound
          : t.dossiers.empty;
  const go = (next: (string | undefined)[]) => {
    setCursors(next);
    setSelected(new Map());
    resultsHeading.current?.focus({ preventScroll: true });
    resultsHeading.current?.scrollIntoView({ block: 'start' });
  };

  return (
    <Page title={t.dossiers.worklistTitle} heading={t.dossiers.worklistTitle} className="worklist-page">
      <p className="page-actions">
        <Link to={PATHS.intake} className="button button-primary">
          {t.dossiers.intakeLink}
        </Link>
      </p>
      <nav className="worklist-tabs" aria-label={t.dossiers.listsLabel}>
        <ul>
          {WORKLIST_VALUES.map((l: Worklist) => (
            <li key={l}>
              <button
                type="button"
                className="worklist-tab"
                aria-pressed={l === state.list}
                onClick={() => change({ list: l })}
              >
                {t.dossiers.lists[l]}
                <span className="worklist-count">
                  <span className="visually-hidden">: </span>
                  {counts ? counts[l] : '…'}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <form role="search" className="search-form worklist-search" onSubmit={onSubmit}>
        <label htmlFor="dossier-search">{t.dossiers.searchLabel}</label>
        <div className="search-row">
          <input
            id="dossier-search"
            type="search"
            value={text}
            maxLength={100}
            autoComplete="off"
            onChange={(e) => setText(e.target.value)}
          />
          <button type="submit" className="button">
            {t.dossiers.search}
          </button>
        </div>
      </form>
      <WorklistFilters state={state} onChange={change} />
      <section aria-labelledby="dossier-results-heading" aria-busy={result.isFetching}>
        <h2 id="dossier-results-heading" className="section-heading" tabIndex={-1} ref={resultsHeading}>
          {t.dossiers.lists[state.list]}
        </h2>
        <p className="search-status" role="status">
          {status}
        </p>
        <div className="worklist-export">
          <button
            type="button"
            className="button"
            onClick={() => void onExport()}
            disabled={exportState.kind === 'busy'}
            aria-describedby="export-hint"
          >
            {exportState.kind === 'busy' ? w.exporting : w.export}
          </button>
          <p className="hint" id="export-hint">
            {w.exportHint(formatNumber(t, EXPORT_ROW_LIMIT))}
          </p>
          <p role="status" className={exportState.kind === 'failed' ? 'field-error' : 'hint'}>
            {exportState.kind === 'done'
              ? w.exported(exportState.name)
              : exportState.kind === 'failed'
                ? w.exportFailed(exportState.why)
                : ''}
          </p>
        </div>
        <ReadError read={result} />
        {loaded && loaded.items.length > 0 ? (
          <>
            <p className="hint table-scroll-hint">{w.tableHint}</p>
            <DossierTable
              t={t}
              items={loaded.items}
              caption={t.dossiers.lists[state.list]}
              selected={selected}
              onSelect={onSelect}
            />
          </>
        ) : null}
        {page > 1 || loaded?.nextCursor ? (
          <nav className="pager" aria-label={w.pagination}>
            <button
              type="button"
              className="button"
              disabled={page <= 1}
              onClick={() => go(cursors.slice(0, -1))}
            >
              {w.prev}
            </button>
            <span className="pager-status">{w.page(page)}</span>
            <button
              type="button"
              className="button"
              disabled={!loaded?.nextCursor}
              onClick={() => loaded?.nextCursor && go([...cursors, loaded.nextCursor])}
            >
              {w.next}
            </button>
          </nav>
        ) : null}
      </section>
      <BulkBar
        user={user}
        selected={[...selected].map(([code, version]) => ({ code, version }))}
        onClear={() => setSelected(new Map())}
        onDone={(answer) => {
          setSelected((prev) => {
            const next = new Map(prev);
            for (const r of answer.results) if (r.ok) next.delete(r.code);
            return next;
          });
          void queryClient.invalidateQueries({ queryKey: dossierQueries.all });
        }}
      />
    </Page>
  );
}
