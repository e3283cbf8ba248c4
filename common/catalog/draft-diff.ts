// A draft against the version in force, line by line: each part of the editable content
// (draft-content.ts) in words, keyed by where it sits, and the lines added, removed or changed.
// Papers, fees and results are compared by position, as the portal lists them; cases by their key.
import {
  CHANNEL_LABELS,
  CHANNELS,
  ONLINE_LEVEL_LABELS,
  type DossierComponent,
  type Fee,
  type SubmissionKind,
} from './procedure.ts';
import { feeWording, limitWording, type DraftContent, type DraftLimits } from './draft-content.ts';

export const DIFF_SECTIONS = [
  'channels',
  'timeLimits',
  'cases',
  'components',
  'fees',
  'results',
  'form',
  'onlineLevel',
] as const;
export type DiffSection = (typeof DIFF_SECTIONS)[number];

export type DiffLine = {
  section: DiffSection;
  /** Where in the content: `timeLimits/direct`, `components/3`, `cases/tro-cap/fees/0`. */
  key: string;
  before: string | null;
  after: string | null;
};

const SUBMISSION_WORDS: Record<SubmissionKind, string> = {
  submit: 'nộp',
  present: 'xuất trình',
  'present-or-submit': 'xuất trình hoặc nộp',
};

function limitLine(limits: DraftLimits, prefix: string, put: (key: string, text: string) => void): void {
  for (const channel of CHANNELS) {
    const l = limits[channel];
    if (l)
      put(
        `${prefix}timeLimits/${channel}`,
        `${CHANNEL_LABELS[channel]}: ${l.value === null ? '—' : limitWording(l.value, l.unit)}`,
      );
  }
}

function feeText(f: Fee): string {
  const amount = f.amountVnd === null ? (f.text ?? '—') : feeWording(f.amountVnd);
  const per = f.per ? `/${f.per}` : '';
  return `${f.channel ? CHANNEL_LABELS[f.channel] : 'Mọi kênh'}: ${amount}${per}`;
}

function componentText(c: DossierComponent): string {
  const parts = [
    c.name,
    `${c.originals ?? '?'} bản chính, ${c.copies ?? '?'} bản sao`,
    c.submission ? SUBMISSION_WORDS[c.submission] : null,
    c.condition ? `khi: ${c.condition}` : null,
    c.required ? 'bắt buộc mọi kênh' : null,
    c.declaration ? 'là tờ khai' : null,
  ];
  return parts.filter((x) => x !== null).join(' · ');
}

/** The content in words, keyed by where each line sits. */
export function contentLines(content: DraftContent): Map<string, { section: DiffSection; text: string }> {
  const out = new Map<string, { section: DiffSection; text: string }>();
  const into = (section: DiffSection) => (key: string, text: string) => out.set(key, { section, text });
  into('channels')('channels', content.channels.map((c) => CHANNEL_LABELS[c]).join(', ') || '—');
  limitLine(content.timeLimits, '', into('timeLimits'));
  for (const c of content.cases) {
    const put = into('cases');
    put(`cases/${c.key}`, c.name);
    limitLine(c.timeLimits, `cases/${c.key}/`, (key, text) => put(key, `${c.name} — ${text}`));
    c.fees.forEach((f, i) => put(`cases/${c.key}/fees/${i}`, `${c.name} — ${feeText(f)}`));
  }
  content.components.forEach((c, i) => into('components')(`components/${i}`, componentText(c)));
  content.fees.forEach((f, i) => into('fees')(`fees/${i}`, feeText(f)));
  content.results.forEach((r, i) =>
    into('results')(`results/${i}`, r.code ? `${r.name} (${r.code})` : r.name),
  );
  into('form')('form', content.form);
  into('onlineLevel')(
    'onlineLevel',
    content.onlineLevel === null ? 'Chưa xác định' : ONLINE_LEVEL_LABELS[content.onlineLevel],
  );
  return out;
}

/** What the draft changes against the version in force, in the editor's section order. */
export function draftDiff(inForce: DraftContent, draft: DraftContent): DiffLine[] {
  const before = contentLines(inForce);
  const after = contentLines(draft);
  const lines: DiffLine[] = [];
  for (const [key, b] of before) {
    const a = after.get(key);
    if (!a) lines.push({ section: b.section, key, before: b.text, after: null });
    else if (a.text !== b.text) lines.push({ section: b.section, key, before: b.text, after: a.text });
  }
  for (const [key, a] of after) {
    if (!before.has(key)) lines.push({ section: a.section, key, before: null, after: a.text });
  }
  const order = (l: DiffLine) => DIFF_SECTIONS.indexOf(l.section);
  return lines.sort((x, y) => order(x) - order(y));
}
