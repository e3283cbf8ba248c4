// For the tests: a signed PDF's visible block read back by poppler, the way a person or a phone reads
// it: its text through pdftotext (the embedded font's ToUnicode map), its QR code through pdftoppm (the
// page rendered and each module read from the pixels, to compare with the code of the expected address).
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { pageBox, placeBlock, qrArea, type Rect, type SignatureBlock } from './appearance.ts';
import { pageRefs, readPdf } from './pdf-objects.ts';

const missing = ['pdftotext', 'pdftoppm'].filter(
  (t) => spawnSync(t, ['-v'], { stdio: 'ignore' }).error !== undefined,
);
if (missing.length > 0 && process.env.CI) throw new Error('CI must install poppler-utils');
/** false, or why the tests that read the block are skipped. */
export const popplerMissing =
  missing.length === 0 ? false : `needs ${missing.join(', ')} (apt-get install poppler-utils)`;

function withFile<T>(pdf: Uint8Array, use: (path: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-block-'));
  try {
    writeFileSync(join(dir, 'doc.pdf'), pdf);
    return use(join(dir, 'doc.pdf'), dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of the PDF in drawing order, NFC, whitespace collapsed. */
export const blockText = (pdf: Uint8Array): string =>
  withFile(pdf, (path) =>
    execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }),
  )
    .normalize('NFC')
    .replace(/\s+/g, ' ');

/** The gray pixels of the last page's region `rect` (points), rendered at 4 pixels a point. */
function render(pdf: Uint8Array, rect: Rect) {
  const doc = readPdf(pdf);
  const pages = pageRefs(doc);
  const last = pages.length;
  const top = pageBox(doc, doc.dict(pages[last - 1])!)[3];
  return withFile(pdf, (path, dir) => {
    const k = 4;
    const box = [rect[0] * k, (top - rect[3]) * k, (rect[2] - rect[0]) * k, (rect[3] - rect[1]) * k];
    const [x, y, w, h] = box.map((v) => String(Math.round(v)));
    const page = ['-f', String(last), '-l', String(last), '-singlefile'];
    const crop = ['-x', x!, '-y', y!, '-W', w!, '-H', h!];
    execFileSync('pdftoppm', ['-gray', '-r', String(72 * k), ...page, ...crop, path, join(dir, 'page')]);
    const pgm = readFileSync(join(dir, 'page.pgm'));
    const [magic, width, height, max] = pgm.toString('latin1', 0, 40).split(/\s+/);
    assert.equal(magic, 'P5');
    const headerLength = `${magic}\n${width} ${height}\n${max}\n`.length;
    return { width: Number(width), height: Number(height), pixels: pgm.subarray(headerLength) };
  });
}

/**
 * The QR code of `block` at its default place on the last page, as drawn: the dark pixels' bounding box
 * inside the code's quiet zone (the finder patterns are its corners), divided into `n` × `n` modules
 * (n of the expected code), each read at its centre.
 */
export function readQr(pdf: Uint8Array, block: SignatureBlock, n: number): boolean[] {
  const doc = readPdf(pdf);
  const pages = pageRefs(doc);
  const rect = placeBlock(pageBox(doc, doc.dict(pages[pages.length - 1])!), block);
  const area = qrArea(block, rect);
  const img = render(pdf, [area[0] + 0.5, area[1] + 0.5, area[2] - 0.5, area[3] - 0.5]);
  const dark = (x: number, y: number) => img.pixels[y * img.width + x]! < 128;
  let [x0, y0, x1, y1] = [img.width, img.height, -1, -1];
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      if (dark(x, y)) [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
    }
  }
  assert.ok(x1 > x0 && y1 > y0, 'no QR code drawn');
  const mw = (x1 - x0 + 1) / n;
  const mh = (y1 - y0 + 1) / n;
  const out: boolean[] = [];
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++)
      out.push(dark(Math.floor(x0 + (c + 0.5) * mw), Math.floor(y0 + (r + 0.5) * mh)));
  }
  return out;
}

/** The modules of the QR code of `text` as the blocks draw it (error correction M). */
export function qrModules(text: string): { size: number; dark: boolean[] } {
  const m = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
  return { size: m.size, dark: [...m.data].map(Boolean) };
}
