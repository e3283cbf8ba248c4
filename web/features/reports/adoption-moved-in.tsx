// Moving in on the adoption monitor (issue "Moving in", item 5): an agency's cell and a unit's line —
// "Đã chuyển dữ liệu từ hệ thống cũ từ ngày …" with its dossiers and how far back its history goes, the
// imported dossiers of the period that are not counted as use, and the first dossier received in the
// system itself.
import type { Messages } from '../../app/i18n/vi.ts';
import type { AdoptionAgency, AdoptionGroup } from './adoption-api.ts';
import { dayText } from './adoption-model.ts';
import type { Formats } from './overview-model.ts';

type MovedIn = Pick<AdoptionGroup, 'movedIn' | 'firstReceivedOn'>;

/** The moving in of an agency or a unit, in words: each a line. */
export function movedInLines(t: Messages, f: Formats, m: MovedIn): string[] {
  const g = t.adoption.groups;
  const lines = m.movedIn
    ? [
        g.movedIn(dayText(m.movedIn.since)),
        g.movedInHistory(f.n(m.movedIn.dossiers), dayText(m.movedIn.historyFrom)),
      ]
    : [g.notMovedIn];
  lines.push(m.firstReceivedOn ? g.firstReceived(dayText(m.firstReceivedOn)) : g.noneReceived);
  return lines;
}

export function MovedInCell({ t, f, agency }: { t: Messages; f: Formats; agency: AdoptionAgency }) {
  const lines = movedInLines(t, f, agency);
  const period = agency.movedIn?.inPeriod;
  if (period && period.received + period.resolved > 0)
    lines.push(t.adoption.groups.importedInPeriod(f.n(period.received), f.n(period.resolved)));
  return (
    <ul className="plain-list adoption-moved-in">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}

/** A unit's line under its trail, when one of its agencies has moved in. */
export function UnitMovedIn({ t, f, group }: { t: Messages; f: Formats; group: AdoptionGroup }) {
  if (!group.movedIn) return null;
  const [since, history] = movedInLines(t, f, group);
  return (
    <span className="adoption-reason adoption-unit-moved-in">
      {since} ({history})
    </span>
  );
}
