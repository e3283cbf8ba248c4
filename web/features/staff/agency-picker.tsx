// Choosing an agency: a combobox (WAI-ARIA 1.2, list autocomplete) over GET /agencies?q=, which the
// server limits to the user's reach and matches without diacritics ("hang trong" finds "Ủy ban nhân
// dân Phường Hàng Trống"). Type, ↓ ↑ move through the suggestions, Enter chooses, Escape closes.
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import type { AgencyView } from '../../../common/contracts/org.ts';
import { apiGet, isAbort } from '../../app/http.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';

const DEBOUNCE_MS = 200;
const MIN_LENGTH = 2;
const SUGGESTIONS = 8;

export type PickedAgency = { code: string; name: string };

const textOf = (a: PickedAgency): string => `${a.name} (${a.code})`;

export function AgencyPicker({
  id,
  label,
  hint,
  picked,
  onPick,
  error,
  required = false,
}: {
  id: string;
  label: string;
  hint?: string | undefined;
  picked: PickedAgency | null;
  onPick: (agency: PickedAgency) => void;
  error?: string | undefined;
  required?: boolean;
}) {
  const { t } = useI18n();
  const listId = `${useId().replace(/[^A-Za-z0-9]/g, '')}-agencies`;
  const [text, setText] = useState(picked ? textOf(picked) : '');
  const [items, setItems] = useState<AgencyView[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState('');

  const query = text.trim();
  const isPickedText = picked !== null && text === textOf(picked);

  useEffect(() => {
    if (isPickedText || query.length < MIN_LENGTH) {
      setItems([]);
      return;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      setStatus(t.loading);
      apiGet<{ items: AgencyView[]; total: number }>(
        '/api/v1/agencies',
        { q: query, pageSize: SUGGESTIONS },
        controller.signal,
      )
        .then((res) => {
          setItems(res.items);
          setActive(res.items.length > 0 ? 0 : -1);
          setOpen(true);
          setStatus(
            res.items.length === 0 ? t.agencyPicker.none : t.agencyPicker.suggestions(res.items.length),
          );
        })
        .catch((err: unknown) => {
          if (!isAbort(err)) setStatus(t.errors.generic);
        });
    }, DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [query, isPickedText, t]);

  const choose = (a: AgencyView) => {
    const agency = { code: a.code, name: a.name };
    setText(textOf(agency));
    setOpen(false);
    setItems([]);
    setStatus(t.agencyPicker.chosen(a.name));
    onPick(agency);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      if (!open && items.length > 0) setOpen(true);
      setActive((a) => (items.length === 0 ? -1 : (a + 1) % items.length));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((a) => (items.length === 0 ? -1 : (a - 1 + items.length) % items.length));
    } else if (event.key === 'Enter') {
      // Enter in the combobox chooses; it never submits the form around it.
      event.preventDefault();
      const item = open ? items[active] : undefined;
      if (item) choose(item);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      setOpen(false);
    }
  };

  const expanded = open && items.length > 0;
  const hintId = `${id}-hint`;
  return (
    <div className={error ? 'field combobox field-invalid' : 'field combobox'}>
      <label htmlFor={id}>
        {label}
        {required ? (
          <>
            <span className="required-mark" aria-hidden="true">
              {' '}
              *
            </span>
            <span className="visually-hidden"> ({t.dossiers.form.required})</span>
          </>
        ) : null}
      </label>
      <p className="hint" id={hintId}>
        {hint ?? t.agencyPicker.hint}
      </p>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <input
        id={id}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        aria-describedby={[error ? `${id}-error` : '', hintId].filter(Boolean).join(' ')}
        aria-invalid={error ? true : undefined}
        aria-required={required || undefined}
        autoComplete="off"
        spellCheck={false}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => window.setTimeout(() => setOpen(false), 150)}
      />
      <ul id={listId} role="listbox" className="combobox-list" hidden={!expanded} aria-label={label}>
        {items.map((a, i) => (
          <li
            key={a.code}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className="combobox-option"
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(a)}
          >
            {a.name} <span className="code">{a.code}</span>
          </li>
        ))}
      </ul>
      <p className="visually-hidden" role="status">
        {status}
      </p>
    </div>
  );
}
