// PAdES signing of a PDF (ETSI EN 319 142-1, B-B and B-T levels) by an incremental update (ISO 32000-1
// §7.5.6, §12.8): a signature field (a widget at `field.rect`, or an invisible one) whose /V is a
// signature dictionary with SubFilter ETSI.CAdES.detached and a ByteRange covering the whole file but
// its /Contents. With `field.appearance` the widget shows the signature block (appearance.ts: a Form
// XObject written in the same revision, so the signature covers it); without it, the widget's
// appearance is empty and the caller draws on the page before signing (the slips). A PDF already signed
// keeps its bytes and so its earlier signatures.
import { createHash } from 'node:crypto';
import { buildCms } from './cms.ts';
import type { Signer, SignOptions } from './index.ts';
import { formXObject, pageBox, placeBlock, renderBlock } from './appearance.ts';
import {
  appendUpdate,
  decodeTextString,
  pageRefs,
  type PdfValue,
  readPdf,
  serialise,
  textString,
} from './pdf-objects.ts';
import { signingFail } from './signing.errors.ts';
import { requestTimestamp } from './timestamp.ts';

const BYTE_RANGE_PLACEHOLDER = '/ByteRange [0 0000000000 0000000000 0000000000]';

/** A PDF date (§7.9.4) in UTC. */
export function pdfDate(d: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `D:${p(d.getUTCFullYear(), 4)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`;
}

const ref = (n: number): PdfValue => ({ t: 'ref', n, g: 0 });
const fmt = (v: number): string => (Number.isInteger(v) ? String(v) : v.toFixed(3));
const num = (v: number): PdfValue => ({ t: 'num', v, raw: fmt(v) });
const name = (v: string): PdfValue => ({ t: 'name', v });

export type SignInternals = {
  /** Refuse a certificate not valid at signedAt (TT 15/2025: check before signing). Off only in tests. */
  checkValidity: boolean;
};

export async function signPdf(pdf: Uint8Array, signer: Signer, options: SignOptions): Promise<Uint8Array> {
  return signPdfWith(pdf, signer, options, { checkValidity: true });
}

export async function signPdfWith(
  pdf: Uint8Array,
  signer: Signer,
  options: SignOptions,
  internals: SignInternals,
): Promise<Uint8Array> {
  let doc;
  let pages: PdfValue[];
  try {
    doc = readPdf(pdf);
    pages = pageRefs(doc);
  } catch {
    throw signingFail('PDF_UNREADABLE');
  }
  const rootRef = doc.trailer.get('Root');
  const root = doc.dict(rootRef);
  if (!root || rootRef?.t !== 'ref' || pages.length === 0) throw signingFail('PDF_UNREADABLE');
  const field = options.field;
  const pageIndex = field?.page ?? pages.length - 1;
  if (!Number.isInteger(pageIndex) || pageIndex < 0 || pageIndex >= pages.length) {
    throw signingFail('SIGNING_FIELD_INVALID', {
      params: { detail: `page ${pageIndex} (the PDF has ${pages.length})` },
    });
  }
  const pageRef = pages[pageIndex]!;
  const page = doc.dict(pageRef);
  if (!page || pageRef.t !== 'ref') throw signingFail('PDF_UNREADABLE');
  const block = field?.appearance ? { ...field.appearance, time: options.signedAt } : null;
  const rect = field?.rect ?? (block ? placeBlock(pageBox(doc, page), block) : [0, 0, 0, 0]);
  if (
    rect.length !== 4 ||
    !rect.every(Number.isFinite) ||
    (field && (rect[2] <= rect[0] || rect[3] <= rect[1]))
  ) {
    throw signingFail('SIGNING_FIELD_INVALID', { params: { detail: `rect [${rect.join(' ')}]` } });
  }

  // The AcroForm (inline in the new catalog) with the existing fields and ours.
  const acroForm = new Map(doc.dict(root.get('AcroForm')) ?? []);
  const existingFields = doc.get(acroForm.get('Fields'));
  const fields = existingFields?.t === 'array' ? [...existingFields.items] : [];
  const names = new Set(
    fields.map((f) => {
      const t = doc.dict(f)?.get('T');
      return t?.t === 'str' ? decodeTextString(t.raw) : '';
    }),
  );
  let fieldName = field?.name ?? '';
  if (fieldName && names.has(fieldName)) {
    throw signingFail('SIGNING_FIELD_INVALID', { params: { detail: `the name "${fieldName}" is taken` } });
  }
  for (let k = names.size + 1; !fieldName; k++) if (!names.has(`Signature${k}`)) fieldName = `Signature${k}`;

  const sigNum = doc.size;
  const widgetNum = doc.size + 1;
  const apNum = doc.size + 2;
  const visible = !!field;
  fields.push(ref(widgetNum));
  acroForm.set('Fields', { t: 'array', items: fields });
  acroForm.set('SigFlags', num(3));
  const catalog = new Map(root);
  catalog.set('AcroForm', { t: 'dict', entries: acroForm });

  const objects: [number, string][] = [];
  const annots = page.get('Annots');
  if (annots?.t === 'ref' && doc.get(annots)?.t === 'array') {
    const arr = doc.get(annots) as { t: 'array'; items: PdfValue[] };
    objects.push([annots.n, serialise({ t: 'array', items: [...arr.items, ref(widgetNum)] })]);
  } else {
    const newPage = new Map(page);
    const items = annots?.t === 'array' ? [...annots.items] : [];
    newPage.set('Annots', { t: 'array', items: [...items, ref(widgetNum)] });
    objects.push([pageRef.n, serialise({ t: 'dict', entries: newPage })]);
  }
  objects.push([rootRef.n, serialise({ t: 'dict', entries: catalog })]);

  const chain = await signer.certificates();
  const reserved = 4096 + chain.reduce((a, c) => a + c.length, 0) + (options.timestampUrl ? 12_288 : 0);
  const sigDict = [
    '<</Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached',
    BYTE_RANGE_PLACEHOLDER,
    `/Contents <${'0'.repeat(reserved * 2)}>`,
    `/M ${textString(pdfDate(options.signedAt))}`,
    options.name !== undefined ? `/Name ${textString(options.name)}` : '',
    options.reason !== undefined ? `/Reason ${textString(options.reason)}` : '',
    options.location !== undefined ? `/Location ${textString(options.location)}` : '',
    options.contactInfo !== undefined ? `/ContactInfo ${textString(options.contactInfo)}` : '',
    '>>',
  ]
    .filter(Boolean)
    .join('\n');
  objects.push([sigNum, sigDict]);
  const widget = new Map<string, PdfValue>([
    ['Type', name('Annot')],
    ['Subtype', name('Widget')],
    ['FT', name('Sig')],
    ['T', { t: 'str', raw: textString(fieldName) }],
    ['V', ref(sigNum)],
    ['F', num(132)], // Print + Locked
    ['P', pageRef],
    ['Rect', { t: 'array', items: rect.map(num) }],
  ]);
  if (visible) {
    widget.set('AP', { t: 'dict', entries: new Map([['N', ref(apNum)]]) });
    const w = rect[2] - rect[0];
    const h = rect[3] - rect[1];
    if (block) {
      // The block rendered at the widget's size, copied in as the appearance (numbers from apNum on).
      objects.push(...formXObject(await renderBlock(block, { width: w, height: h }), apNum).objects);
    } else {
      objects.push([
        apNum,
        `<</Type /XObject /Subtype /Form /BBox [0 0 ${fmt(w)} ${fmt(h)}] /Resources <<>> /Length 0>>\nstream\n\nendstream`,
      ]);
    }
  }
  objects.push([widgetNum, serialise({ t: 'dict', entries: widget })]);

  // The update: objects, a cross-reference section for them, the trailer.
  const original = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const { out, offsets } = appendUpdate(original, doc, objects);

  // The ByteRange: everything but the <…> of /Contents.
  const sigAt = offsets.get(sigNum)! + `${sigNum} 0 obj\n`.length;
  const brAt = out.indexOf(BYTE_RANGE_PLACEHOLDER, sigAt, 'latin1');
  const contentsStart = out.indexOf('/Contents <', sigAt, 'latin1') + '/Contents '.length;
  const contentsEnd = contentsStart + reserved * 2 + 2;
  const range = `/ByteRange [0 ${contentsStart} ${contentsEnd} ${out.length - contentsEnd}`;
  out.write(range.padEnd(BYTE_RANGE_PLACEHOLDER.length - 1, ' ') + ']', brAt, 'latin1');
  const digest = createHash('sha256')
    .update(out.subarray(0, contentsStart))
    .update(out.subarray(contentsEnd))
    .digest();
  const url = options.timestampUrl;
  const cms = await buildCms({
    digest,
    signer,
    chain,
    checkValidityAt: internals.checkValidity ? options.signedAt : null,
    ...(url
      ? { timestamp: (sig: Uint8Array) => requestTimestamp(url, createHash('sha256').update(sig).digest()) }
      : {}),
  });
  if (cms.length > reserved) throw signingFail('PDF_SIGNATURE_SPACE_EXCEEDED');
  out.write(Buffer.from(cms).toString('hex'), contentsStart + 1, 'latin1');
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
