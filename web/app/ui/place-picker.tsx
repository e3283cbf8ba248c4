// The one picker of agencies and administrative units. It opens at the user's own place (their unit
// or province, or the provinces), browses down (province → district where it still exists → commune),
// each place with its agencies, or searches with or without diacritics; every option shows its trail
// ("Phường 13, Quận 10, Thành phố Hồ Chí Minh") and every list is one bounded page. The options come
// from a list the page holds (`local`: filtered here, web/app/ui/place-options.ts) or from the server
// (`remote`: GET /org/places, /public/places). Built of a search field, links of the trail and lists
// of buttons: each is a plain control a keyboard and a screen reader know.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { useSession } from '../session.tsx';
import { useDebounced } from '../use-debounced.ts';
import { RequiredMark } from './field-parts.tsx';
import { PlaceCrumbs, PlaceItem } from './place-picker-parts.tsx';
import {
  localPlaces,
  startUnit,
  trailText,
  type LocalPlace,
  type PlaceAsk,
  type PlaceEntry,
  type PlacesResponse,
  type PlaceStep,
} from './place-options.ts';

export type { LocalPlace, PlaceStep };

export type PickedPlace = { code: string; name: string; trail: readonly PlaceStep[] };

export type PlaceSource =
  | { kind: 'local'; options: readonly LocalPlace[] }
  | {
      kind: 'remote';
      /** Names the source in the query cache (with the ask). */
      key: string;
      fetch: (ask: PlaceAsk, signal: AbortSignal) => Promise<PlacesResponse>;
    };

const PAGE = 20;

/** A staff member's own units (of their roles), where their pickers open. */
export function useOwnUnits(): string[] {
  const { session } = useSession();
  return session.status === 'signed-in' ? session.user.roles.map((r) => r.unitCode) : [];
}
const DEBOUNCE_MS = 250;

export function PlacePicker({
  id,
  label,
  hint,
  source,
  what,
  value,
  onPick,
  startAt = [],
  leavesOnly = false,
  error,
  required = false,
  browseOnly = false,
  searchOnly = false,
  noneText,
}: {
  id: string;
  label: string;
  hint?: string | undefined;
  source: PlaceSource;
  /** What is picked, for the words around the list. */
  what: 'agency' | 'unit';
  value: PickedPlace | null;
  onPick?: ((place: PickedPlace) => void) | undefined;
  /** A list to look through, nothing to pick (a procedure's offering agencies). */
  browseOnly?: boolean;
  /** Nothing listed before a search (the unit tree page, whose tree is the browsing). */
  searchOnly?: boolean;
  /** What no choice means, when it means something ("every agency within my reach"). */
  noneText?: string | undefined;
  /** The user's own units, most wanted first: the picker opens at the first it can. */
  startAt?: readonly string[];
  /** Units with units under them are ways down, not choices (an address's commune). */
  leavesOnly?: boolean;
  error?: string | undefined;
  required?: boolean;
}) {
  const { t } = useI18n();
  const p = t.placePicker;
  const uid = useId().replace(/[^A-Za-z0-9]/g, '');
  const listId = `${uid}-places`;
  const [opened, setOpen] = useState(value === null);
  const open = opened || browseOnly;
  // A choice made by the page (its default) closes the list as a pick does.
  useEffect(() => {
    if (value !== null) setOpen(false);
  }, [value?.code]);
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), DEBOUNCE_MS);
  const local = source.kind === 'local' ? source.options : null;
  const firstUnder = useMemo(
    () => (local ? startUnit(local, startAt) : (startAt[0] ?? null)),
    // chosen again only when another list comes (a new procedure), not at every render
    [local === null, local?.length ?? 0, startAt.join()],
  );
  const [under, setUnder] = useState<string | null>(firstUnder);
  const [page, setPage] = useState(1);
  useEffect(() => setUnder(firstUnder), [firstUnder]);
  useEffect(() => setPage(1), [q, under]);
  const ask: PlaceAsk = { q, under, page, pageSize: PAGE };

  const remote = useQuery({
    queryKey: ['places', source.kind === 'remote' ? source.key : 'local', ask] as const,
    queryFn: ({ signal }) =>
      source.kind === 'remote' ? source.fetch(ask, signal) : Promise.resolve(null as never),
    enabled: source.kind === 'remote' && open && !(searchOnly && q === ''),
    placeholderData: keepPreviousData,
    retry: false,
  });
  const data: PlacesResponse | undefined =
    searchOnly && q === '' ? undefined : local ? localPlaces(local, ask) : remote.data;
  // A start with nothing under it (a ward, in a unit picker) opens the unit above it.
  useEffect(() => {
    const d = source.kind === 'remote' ? remote.data : undefined;
    if (
      d &&
      !remote.isPlaceholderData &&
      q === '' &&
      under !== null &&
      under === firstUnder &&
      d.total === 0
    ) {
      const parent = d.at?.trail.at(-1);
      if (parent) setUnder(parent.code);
    }
  }, [remote.data, remote.isPlaceholderData, q, under, firstUnder, source.kind]);
  // A remote start the user cannot browse (it answers 403): start from their starting points.
  useEffect(() => {
    if (source.kind === 'remote' && remote.isError && under !== null && under === firstUnder && q === '')
      setUnder(null);
  }, [remote.isError, under, firstUnder, q, source.kind]);

  const listRef = useRef<HTMLUListElement>(null);
  const changeRef = useRef<HTMLButtonElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const pick = (entry: PlaceEntry) => {
    onPick?.({ code: entry.code, name: entry.name, trail: entry.trail });
    setOpen(false);
    setText('');
    window.setTimeout(() => changeRef.current?.focus(), 0);
  };
  const go = (code: string | null) => {
    setText('');
    setUnder(code);
    window.setTimeout(() => searchRef.current?.focus(), 0);
  };
  const canChoose = (e: PlaceEntry) => e.choosable && !(leavesOnly && e.enterable);

  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const described = [error ? errorId : '', hintId].filter(Boolean).join(' ');
  const at = data?.at ?? null;
  const crumbs: PlaceStep[] = at ? [...at.trail, { code: at.code, name: at.name }] : [];
  const total = data?.total ?? 0;
  const from = (page - 1) * PAGE;
  const loading = source.kind === 'remote' && remote.isFetching;
  const status = loading
    ? t.loading
    : source.kind === 'remote' && remote.isError
      ? t.errors.generic
      : !data
        ? ''
        : total === 0
          ? q
            ? p.noMatch(what)
            : p.empty
          : p.shown(from + 1, from + data.items.length, total);

  return (
    <div className={error ? 'field place-picker field-invalid' : 'field place-picker'} id={`${id}-picker`}>
      {open ? (
        <label htmlFor={id} id={`${id}-label`}>
          {label}
          {required ? <RequiredMark /> : null}
        </label>
      ) : (
        <span className="label" id={`${id}-label`}>
          {label}
          {required ? <RequiredMark /> : null}
        </span>
      )}
      <p className="hint" id={hintId}>
        {hint ?? p.hint(what)}
      </p>
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
      {browseOnly ? null : (
        <p className="place-chosen" id={`${id}-chosen`} aria-live="polite">
          {value ? (
            <>
              <span className="visually-hidden">{p.chosenPrefix} </span>
              <strong lang="vi">{value.name}</strong>
              {value.trail.length > 0 ? (
                <span className="place-trail" lang="vi">
                  {' '}
                  {trailText(value.trail)}
                </span>
              ) : null}
            </>
          ) : (
            <span className="muted">{noneText ?? p.noneChosen(what)}</span>
          )}
        </p>
      )}
      {!open ? (
        <button
          type="button"
          id={id}
          ref={changeRef}
          className="button button-small"
          aria-labelledby={`${id} ${id}-label`}
          aria-describedby={[error ? errorId : '', `${id}-chosen`].filter(Boolean).join(' ')}
          onClick={() => {
            setOpen(true);
            window.setTimeout(() => searchRef.current?.focus(), 0);
          }}
        >
          {value ? p.change : p.choose}
        </button>
      ) : (
        <div className="place-panel">
          <input
            id={id}
            ref={searchRef}
            type="search"
            autoComplete="off"
            spellCheck={false}
            maxLength={100}
            placeholder={p.placeholder}
            value={text}
            aria-describedby={described}
            aria-invalid={error ? true : undefined}
            aria-controls={listId}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') e.preventDefault();
              if (e.key === 'ArrowDown') {
                e.preventDefault();
                listRef.current?.querySelector<HTMLButtonElement>('button')?.focus();
              }
              if (e.key === 'Escape' && value) setOpen(false);
            }}
          />
          {q === '' && !searchOnly ? <PlaceCrumbs under={under} crumbs={crumbs} go={go} /> : null}
          <ul className="place-list" id={listId} ref={listRef} aria-label={label}>
            {(data?.items ?? []).map((entry) => (
              <PlaceItem
                key={`${entry.kind}:${entry.code}`}
                entry={entry}
                // browsing, the trail above the list already says where they are
                trail={q ? trailText(entry.trail) : ''}
                choose={canChoose(entry)}
                browseOnly={browseOnly}
                current={value?.code === entry.code}
                pick={pick}
                go={go}
              />
            ))}
          </ul>
          <p className="muted place-status" role="status">
            {status}
          </p>
          {total > PAGE ? (
            <div className="place-pages">
              <button
                type="button"
                className="button button-small"
                disabled={page === 1}
                onClick={() => setPage((n) => n - 1)}
              >
                {p.previous}
              </button>
              <button
                type="button"
                className="button button-small"
                disabled={from + PAGE >= total}
                onClick={() => setPage((n) => n + 1)}
              >
                {p.next}
              </button>
            </div>
          ) : null}
        </div>
      )}
    </div>
  );
}
