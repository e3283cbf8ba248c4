// The statutory slips as PDF: one renderer per kind, two sets of wording (Circular 01/2018/TT-VPCP and
// Circular 03/2025/TT-VPCP), the set picked from the date the dossier was received. Pure: data in,
// bytes out; the same data gives the same bytes (the PDF dates come from `issuedAt`, not the clock).
import type { SlipDossier, TrackingBookData } from './slip-data.ts';
import { formSetFor, slipForm, type SlipDataMap, type SlipForm, type SlipKind } from './slip-forms.ts';
import { SlipPdf } from './slip-pdf.ts';
import type { SlipRenderOptions } from './slip-parts.ts';
import { RENDERERS } from './slip-templates.ts';
import { parseInstant } from './vn-format.ts';

export type { SlipRenderOptions } from './slip-parts.ts';

/** The form a slip of `kind` for `data` will be printed on. */
export function slipFormFor<K extends SlipKind>(
  kind: K,
  data: SlipDataMap[K],
  options: Pick<SlipRenderOptions, 'formSet'> = {},
): SlipForm {
  return slipForm(kind, options.formSet ?? formSetFor(referenceInstant(kind, data)));
}

/** The instant that picks the set: the dossier's receipt; for the register, the start of its period. */
function referenceInstant<K extends SlipKind>(kind: K, data: SlipDataMap[K]): string {
  if (kind === 'tracking-book') return `${(data as TrackingBookData).period.from}T00:00:00+07:00`;
  return (data as { dossier: SlipDossier }).dossier.receivedAt;
}

/**
 * Renders one slip as a PDF. Throws SlipError NO_SUCH_FORM for a kind the set lacks (the stop notice
 * before 1/7/2025) and INVALID_SLIP_DATA for unreadable times, amounts or counts.
 */
export async function renderSlip<K extends SlipKind>(
  kind: K,
  data: SlipDataMap[K],
  options: SlipRenderOptions,
): Promise<Buffer> {
  const form = slipFormFor(kind, data, options);
  const code = kind === 'tracking-book' ? undefined : (data as { dossier: SlipDossier }).dossier.code;
  const pdf = new SlipPdf({
    landscape: kind === 'tracking-book',
    title: code ? `${form.title} — ${code}` : form.title,
    subject: `${form.form} ${form.source}`,
    keywords: [form.form, form.source, code].filter(Boolean).join('; '),
    createdAt: new Date(parseInstant(data.issuedAt)),
    runningHead: code ? `${form.title} — Mã hồ sơ: ${code} (tiếp theo)` : `${form.title} (tiếp theo)`,
    pageNumbers: kind === 'tracking-book' ? 'always' : 'multi',
  });
  await RENDERERS[kind](data, { pdf, form, options });
  return pdf.finish();
}
