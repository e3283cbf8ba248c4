// The place picker's logic over a list the page already holds (a procedure's offering agencies, the
// agencies a desk may receive for): browse it by place — the provinces, a province's districts, a
// district's communes, each with its agencies — or search it, a page at a time, as the server's
// GET /org/places does for lists it holds. Each option carries its trail (its unit and the units above
// it, root first), so seven "Ủy ban nhân dân Phường 13" are told apart by their district.
import type { PlaceEntry, PlacesResponse, PlaceStep } from '../../../common/contracts/org.ts';
import { foldedWords, foldVietnamese } from '../../../common/text/fold.ts';

export type { PlaceEntry, PlacesResponse, PlaceStep };

/** An option of a list: an agency with its trail (its own unit last). */
export type LocalPlace = { code: string; name: string; unitCode: string; trail: readonly PlaceStep[] };

export type PlaceAsk = { q: string; under: string | null; page: number; pageSize: number };

/** "Phường 13, Quận 10, Thành phố Hồ Chí Minh": the trail read from the nearest unit up. */
export function trailText(trail: readonly PlaceStep[]): string {
  return [...trail]
    .reverse()
    .map((s) => s.name)
    .join(', ');
}

/**
 * Does every word of the query start a word of the text? A number of up to three digits must be a
 * whole word: "phường 13" is not Phường 130 nor a code starting with 13.
 */
export function matchesWords(words: readonly string[], folded: string): boolean {
  const text = ` ${folded} `;
  return words.every((w) => (/^\d{1,3}$/.test(w) ? text.includes(` ${w} `) : text.includes(` ${w}`)));
}

const keyOf = (p: LocalPlace): string =>
  foldVietnamese(`${p.name} ${p.code} ${p.trail.map((s) => `${s.name} ${s.code}`).join(' ')}`);

/** The unit to open first: the first of `preferred` (the user's units) that holds options. */
export function startUnit(options: readonly LocalPlace[], preferred: readonly string[]): string | null {
  for (const code of preferred) if (options.some((o) => o.trail.some((s) => s.code === code))) return code;
  const roots = new Set(options.map((o) => o.trail[0]?.code).filter((c): c is string => c !== undefined));
  // one province only: open it rather than show a list of one
  return roots.size === 1 ? [...roots][0]! : null;
}

function page<T>(items: readonly T[], ask: PlaceAsk): T[] {
  const from = (ask.page - 1) * ask.pageSize;
  return items.slice(from, from + ask.pageSize);
}

const toEntry = (o: LocalPlace): PlaceEntry => ({
  kind: 'agency',
  code: o.code,
  name: o.name,
  unitCode: o.unitCode,
  trail: [...o.trail],
  choosable: true,
  enterable: false,
});

/** A page of the list as the picker asks for it: a search, or the unit `under` browsed. */
export function localPlaces(options: readonly LocalPlace[], ask: PlaceAsk): PlacesResponse {
  const words = foldedWords(ask.q);
  const under = ask.under;
  const depth = (o: LocalPlace) => (under === null ? -1 : o.trail.findIndex((s) => s.code === under));
  const at = (() => {
    if (under === null) return null;
    for (const o of options) {
      const i = o.trail.findIndex((s) => s.code === under);
      if (i >= 0)
        return { code: under, name: o.trail[i]!.name, trail: o.trail.slice(0, i).map((s) => ({ ...s })) };
    }
    return null;
  })();
  const within = under === null ? options : options.filter((o) => depth(o) >= 0);

  if (words.length > 0) {
    const found = within
      .map((o) => ({ o, own: matchesWords(words, foldVietnamese(`${o.name} ${o.code}`)), key: keyOf(o) }))
      .filter((x) => x.own || matchesWords(words, x.key))
      .sort(
        (a, b) =>
          Number(b.own) - Number(a.own) ||
          trailText(a.o.trail).localeCompare(trailText(b.o.trail), 'vi') ||
          a.o.name.localeCompare(b.o.name, 'vi'),
      )
      .map((x) => toEntry(x.o));
    return { at, items: page(found, ask), total: found.length };
  }

  // Browsing: the options of the unit itself first, then the units one level down that hold some.
  const here: PlaceEntry[] = [];
  const below = new Map<string, { step: PlaceStep; trail: PlaceStep[] }>();
  for (const o of within) {
    if (o.trail.length === 0) {
      if (under === null) here.push(toEntry(o));
      continue;
    }
    const i = under === null ? -1 : depth(o);
    if (i === o.trail.length - 1 && under !== null) here.push(toEntry(o));
    else {
      const step = o.trail[i + 1];
      if (step && !below.has(step.code))
        below.set(step.code, { step, trail: o.trail.slice(0, i + 1).map((s) => ({ ...s })) });
    }
  }
  const units: PlaceEntry[] = [...below.values()]
    .sort((a, b) => a.step.code.localeCompare(b.step.code))
    .map(({ step, trail }) => ({
      kind: 'unit',
      code: step.code,
      name: step.name,
      unitCode: step.code,
      trail,
      choosable: false,
      enterable: true,
    }));
  const all = [...here, ...units];
  return { at, items: page(all, ask), total: all.length };
}
