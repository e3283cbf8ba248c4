// Choosing the procedure at the desk: a combobox (WAI-ARIA 1.2 pattern, list autocomplete) over
// GET /procedures?q= (the server folds diacritics: "khai sinh" finds "Thủ tục đăng ký khai sinh").
// Type, ↓ ↑ move through the suggestions, Enter chooses, Escape closes. A code typed in full
// ("1.001193") is found the same way.
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { isAbort } from '../../app/http.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { searchProcedures, type ProcedureListItem } from '../catalog/catalog-api.ts';

const DEBOUNCE_MS = 200;
const MIN_LENGTH = 2;
const SUGGESTIONS = 8;

export type PickedProcedure = { code: string; name: string };

export function ProcedurePicker({
  id,
  picked,
  onPick,
  error,
}: {
  id: string;
  picked: PickedProcedure | null;
  onPick: (p: PickedProcedure) => void;
  error?: string | undefined;
}) {
  const { t } = useI18n();
  const listId = `${useId().replace(/[^A-Za-z0-9]/g, '')}-procedures`;
  const [text, setText] = useState(picked ? `${picked.code} – ${picked.name}` : '');
  const [items, setItems] = useState<ProcedureListItem[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState('');

  const query = text.trim();
  const isPickedText = picked !== null && text === `${picked.code} – ${picked.name}`;

  useEffect(() => {
    if (isPickedText || query.length < MIN_LENGTH) {
      setItems([]);
      setStatus('');
      return;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      setStatus(t.loading);
      searchProcedures({ q: query, pageSize: SUGGESTIONS }, controller.signal)
        .then((res) => {
          setItems(res.items);
          setActive(res.items.length > 0 ? 0 : -1);
          setOpen(true);
          setStatus(
            res.items.length === 0
              ? t.dossiers.intake.noProcedure
              : t.dossiers.intake.suggestions(res.items.length),
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

  const choose = (p: ProcedureListItem) => {
    setText(`${p.code} – ${p.name}`);
    setOpen(false);
    setItems([]);
    setStatus(t.dossiers.intake.procedureChosen(p.name));
    onPick({ code: p.code, name: p.name });
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
      // Enter in the combobox chooses; it never submits the intake form.
      event.preventDefault();
      const item = open ? items[active] : undefined;
      if (item) choose(item);
    } else if (event.key === 'Escape') {
      if (open) {
        event.preventDefault();
        setOpen(false);
      }
    }
  };

  const expanded = open && items.length > 0;
  return (
    <div className={error ? 'field combobox field-invalid' : 'field combobox'}>
      <label htmlFor={id}>
        {t.dossiers.intake.procedure}
        <span className="required-mark" aria-hidden="true">
          {' '}
          *
        </span>
        <span className="visually-hidden"> ({t.dossiers.form.required})</span>
      </label>
      <p className="hint" id={`${id}-hint`}>
        {t.dossiers.intake.procedureHint}
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
        aria-describedby={[error ? `${id}-error` : '', `${id}-hint`].filter(Boolean).join(' ')}
        aria-invalid={error ? true : undefined}
        aria-required
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
      <ul
        id={listId}
        role="listbox"
        className="combobox-list"
        hidden={!expanded}
        aria-label={t.dossiers.intake.procedure}
      >
        {items.map((p, i) => (
          <li
            key={p.code}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className="combobox-option"
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(p)}
          >
            <span className="code">{p.code}</span> {p.name}
          </li>
        ))}
      </ul>
      <p className="visually-hidden" role="status">
        {status}
      </p>
    </div>
  );
}
