// The pure half of the procedure page: which channels to show, the notes under a limits table
// (each once, with the channels it holds for) and the papers grouped as the catalogue groups them.
import {
  CHANNELS,
  type Channel,
  type DossierComponent,
  type Procedure,
  type ProcedureCase,
} from '../../../common/catalog/procedure.ts';

/** Channels the procedure is offered on, else all three (older records list none). */
export function channelsOf(p: Pick<Procedure, 'channels'>): readonly Channel[] {
  return p.channels.length > 0 ? CHANNELS.filter((c) => p.channels.includes(c)) : CHANNELS;
}

/** The notes of the limits (a gap's note where no limit), each with its channels; and whether a limit has no unit. */
export function limitNotes(
  owner: Pick<Procedure | ProcedureCase, 'timeLimits' | 'timeLimitGaps'>,
  channels: readonly Channel[],
): { notes: [string, Channel[]][]; noUnit: boolean } {
  const notes = new Map<string, Channel[]>();
  let noUnit = false;
  for (const c of channels) {
    const limit = owner.timeLimits[c];
    const gap = owner.timeLimitGaps.find((g) => g.channel === c);
    if (limit?.unit === null) noUnit = true;
    const note = limit ? limit.note : (gap?.note ?? null);
    if (note) notes.set(note, [...(notes.get(note) ?? []), c]);
  }
  return { notes: [...notes], noUnit };
}

/** Papers by their group, groups in the order they first appear. */
export function groupComponents(components: readonly DossierComponent[]): {
  name: string | null;
  items: DossierComponent[];
}[] {
  const groups: { name: string | null; items: DossierComponent[] }[] = [];
  for (const c of components) {
    const group = groups.find((g) => g.name === c.group);
    if (group) group.items.push(c);
    else groups.push({ name: c.group, items: [c] });
  }
  return groups;
}
