// Filtering a procedure's offering agencies as one types (diacritics-insensitive, in the browser) and
// showing them a dozen at a time: the procedure page's list and the citizen's choice of agency.
import { useMemo, useState } from 'react';
import { foldedWords, foldVietnamese } from '../../../common/text/fold.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import type { OfferingAgency } from './catalog-api.ts';

export const AGENCY_STEP = 12;

export function useAgencyFilter(agencies: readonly OfferingAgency[]) {
  const [filter, setFilterText] = useState('');
  const [limit, setLimit] = useState(AGENCY_STEP);
  const folded = useMemo(
    () => agencies.map((a) => ({ agency: a, key: foldVietnamese(`${a.name} ${a.code}`) })),
    [agencies],
  );
  const words = foldedWords(filter);
  const matches = words.length === 0 ? folded : folded.filter((f) => words.every((w) => f.key.includes(w)));
  return {
    filter,
    setFilter: (text: string) => {
      setFilterText(text);
      setLimit(AGENCY_STEP);
    },
    matches,
    shown: matches.slice(0, limit),
    more: () => setLimit((n) => n + AGENCY_STEP),
  };
}

/** The filter's field; it controls the list `${id}-list`. */
export function AgencyFilterField({
  id,
  hintId,
  label,
  agencies,
}: {
  id: string;
  hintId: string;
  label: string;
  agencies: ReturnType<typeof useAgencyFilter>;
}) {
  const { t } = useI18n();
  return (
    <div className="field">
      <label htmlFor={`${id}-filter`}>{label}</label>
      <p className="hint" id={hintId}>
        {t.procedure.where.filterHint}
      </p>
      <input
        id={`${id}-filter`}
        type="search"
        autoComplete="off"
        spellCheck={false}
        maxLength={100}
        value={agencies.filter}
        onChange={(e) => agencies.setFilter(e.target.value)}
        aria-describedby={hintId}
        aria-controls={`${id}-list`}
      />
    </div>
  );
}

/** How many of the matches are shown (role="status"). */
export function AgencyCount({ agencies }: { agencies: ReturnType<typeof useAgencyFilter> }) {
  const { t } = useI18n();
  const { matches, shown } = agencies;
  return (
    <p className="muted table-count" role="status">
      {matches.length === 0
        ? t.procedure.where.noMatch
        : t.procedure.where.shown(shown.length, matches.length)}
    </p>
  );
}
