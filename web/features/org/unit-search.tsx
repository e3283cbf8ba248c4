// Search for a unit by name or code, with or without diacritics: the server folds both sides
// (common/text/fold.ts). Debounced; a newer query cancels the older request.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { errorText } from '../../app/errors.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { useDebounced } from '../../app/use-debounced.ts';
import { orgQueries, type UnitView } from './org-api.ts';
import { unitDescription } from './unit-kinds.ts';

const DEBOUNCE_MS = 300;
const MIN_LENGTH = 2;

export function UnitSearch({
  selectedCode,
  onSelect,
}: {
  selectedCode: string | null;
  onSelect: (unit: UnitView) => void;
}) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const typed = text.trim();
  const query = useDebounced(typed, DEBOUNCE_MS);
  const asking = typed.length >= MIN_LENGTH && query === typed;
  const read = useQuery({ ...orgQueries.unitSearch(query), enabled: asking });
  const result = asking && !read.isFetching ? read.data : undefined;

  let status = '';
  if (asking && read.isFetching) status = t.units.searching;
  else if (result)
    status =
      result.total === 0 ? t.units.searchNone : t.units.searchResults(result.items.length, result.total);

  return (
    <section className="panel" aria-labelledby="unit-search-heading">
      <h2 id="unit-search-heading" className="panel-heading">
        {t.units.searchHeading}
      </h2>
      <form role="search" className="search-form" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="unit-search-input">{t.units.searchLabel}</label>
        <p className="hint" id="unit-search-hint">
          {t.units.searchHint}
        </p>
        <input
          id="unit-search-input"
          type="search"
          autoComplete="off"
          spellCheck={false}
          maxLength={100}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-describedby="unit-search-hint"
          aria-controls="unit-search-results"
        />
      </form>
      <p className="search-status" role="status">
        {status}
      </p>
      {asking && read.isError ? (
        <p className="inline-error" role="alert">
          {errorText(t, read.error)}
        </p>
      ) : null}
      <ul className="search-results" id="unit-search-results">
        {result
          ? result.items.map((unit) => (
              <li key={unit.code}>
                <button
                  type="button"
                  className="search-result"
                  aria-current={selectedCode === unit.code ? 'true' : undefined}
                  onClick={() => onSelect(unit)}
                >
                  <span className="search-result-name" lang="vi">
                    {unit.name}
                  </span>
                  <span className="search-result-meta">{unitDescription(t, unit)}</span>
                </button>
              </li>
            ))
          : null}
      </ul>
    </section>
  );
}
