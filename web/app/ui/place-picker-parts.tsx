// Parts of the place picker (place-picker.tsx): the trail of places browsed, and one entry of a list
// (a place to choose, to enter, or both).
import { useI18n } from '../i18n/i18n.tsx';
import { withData } from './data-text.tsx';
import type { PlaceEntry, PlaceStep } from './place-options.ts';

/** Where the picker is: the top, then each place browsed into; every one but the last a way back. */
export function PlaceCrumbs({
  under,
  crumbs,
  go,
}: {
  under: string | null;
  crumbs: readonly PlaceStep[];
  go: (code: string | null) => void;
}) {
  const p = useI18n().t.placePicker;
  return (
    <nav className="place-crumbs" aria-label={p.where}>
      <ol>
        <li>
          {under === null ? (
            <span aria-current="location">{p.top}</span>
          ) : (
            <button type="button" className="link-button" onClick={() => go(null)}>
              {p.top}
            </button>
          )}
        </li>
        {crumbs.map((c, i) => (
          <li key={c.code}>
            {i === crumbs.length - 1 ? (
              <span aria-current="location" lang="vi">
                {c.name}
              </span>
            ) : (
              <button type="button" className="link-button" onClick={() => go(c.code)} lang="vi">
                {c.name}
              </button>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** One entry: chosen by its button (or only shown, looking through), entered by its arrow. */
export function PlaceItem({
  entry,
  trail,
  choose,
  browseOnly,
  current,
  pick,
  go,
}: {
  entry: PlaceEntry;
  trail: string;
  choose: boolean;
  browseOnly: boolean;
  current: boolean;
  pick: (entry: PlaceEntry) => void;
  go: (code: string | null) => void;
}) {
  const p = useI18n().t.placePicker;
  // The place's name and where it lies: data, in Vietnamese whatever the interface.
  const label = (
    <>
      <span className="place-name" lang="vi">
        {entry.name}
      </span>
      {trail ? (
        <span className="place-trail" lang="vi">
          {trail}
        </span>
      ) : null}
    </>
  );
  return (
    <li className="place-item">
      {choose && browseOnly ? (
        <span className="place-option">{label}</span>
      ) : choose ? (
        <button
          type="button"
          className="place-option"
          aria-current={current ? 'true' : undefined}
          onClick={() => pick(entry)}
        >
          {label}
        </button>
      ) : null}
      {entry.enterable ? (
        <button
          type="button"
          className={choose ? 'place-enter place-enter-side' : 'place-enter'}
          onClick={() => go(entry.code)}
        >
          {choose ? (
            <>
              <span aria-hidden="true">›</span>
              <span className="visually-hidden">{withData(p.inside, entry.name)}</span>
            </>
          ) : (
            <>
              <span className="place-name" lang="vi">
                {entry.name}
              </span>
              {trail ? (
                <span className="place-trail" lang="vi">
                  {trail}
                </span>
              ) : null}
              <span className="place-enter-mark" aria-hidden="true">
                ›
              </span>
            </>
          )}
        </button>
      ) : null}
    </li>
  );
}
