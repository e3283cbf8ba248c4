// What the catalogue editor changes in a draft version: its channels, time limits per channel (with
// their unit), cases, papers, fees per case and channel, result documents, online level and the choice
// of declaration form. The rest of the record (name, field, legal bases, provenance …) is kept as
// imported. `contentOf` reads it from a stored Procedure; `applyContent` writes it back, keeping the
// published wording of what did not change and rewriting the wording of what did.
import {
  CHANNELS,
  TIME_UNIT_LABELS,
  type Channel,
  type DossierComponent,
  type Fee,
  type OnlineLevel,
  type Procedure,
  type ResultDocument,
  type TimeLimit,
  type TimeLimitGap,
  type TimeUnit,
} from './procedure.ts';

/** A limit being edited: the number may be missing while the administrator types it. */
export type DraftLimit = { value: number | null; unit: TimeUnit | null; text: string; note: string | null };
export type DraftLimits = Record<Channel, DraftLimit | null>;
export type DraftCase = {
  key: string;
  name: string;
  timeLimits: DraftLimits;
  fees: Fee[];
  requireSignedResult?: boolean;
  sealResult?: boolean;
};

/**
 * The declaration form: `generic` (built from the papers), a form shipped with the product (its file
 * name, e.g. `birth-registration.schema.json`) or `custom` (a form sent with an imported record, kept).
 */
export const GENERIC_FORM = 'generic';
export const CUSTOM_FORM = 'custom';

export type DraftContent = {
  channels: Channel[];
  timeLimits: DraftLimits;
  cases: DraftCase[];
  components: DossierComponent[];
  fees: Fee[];
  results: ResultDocument[];
  onlineLevel: OnlineLevel | null;
  form: string;
};

const limitsOf = (limits: Record<Channel, TimeLimit | null>): DraftLimits => ({
  direct: limits.direct,
  online: limits.online,
  postal: limits.postal,
});

export function contentOf(p: Procedure, form: string): DraftContent {
  return {
    channels: [...p.channels],
    timeLimits: limitsOf(p.timeLimits),
    cases: p.cases.map((c) => ({
      key: c.key,
      name: c.name,
      timeLimits: limitsOf(c.timeLimits),
      fees: c.fees,
      ...(c.requireSignedResult ? { requireSignedResult: true } : {}),
      ...(c.sealResult ? { sealResult: true } : {}),
    })),
    components: p.components,
    fees: p.fees,
    results: p.results,
    onlineLevel: p.onlineLevel,
    form,
  };
}

/** "3 ngày làm việc"; a bare number when the unit is not chosen yet. */
export function limitWording(value: number, unit: TimeUnit | null): string {
  return unit === null ? String(value) : `${String(value).replace('.', ',')} ${TIME_UNIT_LABELS[unit]}`;
}

/** "Miễn phí", "50.000 đồng". */
export function feeWording(amountVnd: number): string {
  return amountVnd === 0 ? 'Miễn phí' : `${String(amountVnd).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đồng`;
}

/**
 * The limits to store and the gaps left: a limit whose number or unit changed gets new wording and
 * loses the source's caveat; a channel with a limit loses its gap; a limit without a number is not
 * stored (the editor names it before saving).
 */
function storedLimits(
  edited: DraftLimits,
  before: { limits: Record<Channel, TimeLimit | null>; gaps: TimeLimitGap[] },
): { limits: Record<Channel, TimeLimit | null>; gaps: TimeLimitGap[] } {
  const limits: Record<Channel, TimeLimit | null> = { direct: null, online: null, postal: null };
  for (const channel of CHANNELS) {
    const l = edited[channel];
    if (!l || l.value === null) continue;
    const old = before.limits[channel];
    const same = old !== null && old.value === l.value && old.unit === l.unit;
    limits[channel] = same
      ? old
      : { value: l.value, unit: l.unit, text: limitWording(l.value, l.unit), note: null };
  }
  return { limits, gaps: before.gaps.filter((g) => limits[g.channel] === null) };
}

/** A fee whose amount changed is shown with the new amount, not the portal's old wording. */
function storedFees(edited: Fee[], before: Fee[]): Fee[] {
  return edited.map((f, i) => {
    const old = before[i];
    if (old && old.amountVnd === f.amountVnd) return f;
    return { ...f, text: f.amountVnd === null ? f.text : feeWording(f.amountVnd) };
  });
}

export function applyContent(p: Procedure, content: DraftContent): Procedure {
  const own = storedLimits(content.timeLimits, { limits: p.timeLimits, gaps: p.timeLimitGaps });
  return {
    ...p,
    channels: CHANNELS.filter((c) => content.channels.includes(c)),
    timeLimits: own.limits,
    timeLimitGaps: own.gaps,
    fees: storedFees(content.fees, p.fees),
    cases: content.cases.map((c) => {
      const old = p.cases.find((x) => x.key === c.key);
      const limits = storedLimits(c.timeLimits, {
        limits: old?.timeLimits ?? { direct: null, online: null, postal: null },
        gaps: old?.timeLimitGaps ?? [],
      });
      return {
        key: c.key,
        name: c.name,
        timeLimits: limits.limits,
        timeLimitGaps: limits.gaps,
        fees: storedFees(c.fees, old?.fees ?? []),
        ...(c.requireSignedResult ? { requireSignedResult: true as const } : {}),
        ...(c.sealResult ? { sealResult: true as const } : {}),
      };
    }),
    components: content.components,
    results: content.results,
    onlineLevel: content.onlineLevel,
  };
}
