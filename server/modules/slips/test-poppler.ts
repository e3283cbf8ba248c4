// Reading rendered PDFs back in tests with Debian's poppler-utils (pdftotext, pdfinfo, pdfimages) and
// archives with Info-ZIP's unzip. CI installs both (apt-get install poppler-utils unzip); elsewhere the
// tests that need them are skipped with a reason, and fail if CI is set.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function has(tool: string): boolean {
  return spawnSync(tool, ['-v'], { stdio: 'ignore' }).error === undefined;
}

/** false, or the reason to skip (node:test's `skip` option). */
export function missingTools(...tools: string[]): false | string {
  const missing = tools.filter((t) => !has(t));
  if (missing.length === 0) return false;
  if (process.env.CI) throw new Error(`CI must install ${missing.join(', ')} (poppler-utils, unzip)`);
  return `needs ${missing.join(', ')} (apt-get install poppler-utils unzip)`;
}

function withFile<T>(bytes: Buffer, name: string, use: (path: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-slips-'));
  try {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return use(path, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The text of a PDF (or of pages first..last), NFC, whitespace collapsed to single spaces. `-raw` keeps
 * the drawing order, so a table cell's lines come out together instead of interleaved with its row.
 */
export function pdfText(pdf: Buffer, pages?: { first: number; last: number }): string {
  return withFile(pdf, 'slip.pdf', (path) => {
    const range = pages ? ['-f', String(pages.first), '-l', String(pages.last)] : [];
    const out = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', ...range, path, '-'], {
      encoding: 'utf8',
    });
    return out.normalize('NFC').replace(/\s+/g, ' ').trim();
  });
}

/** `pdfinfo` as a map: Pages, Page size, Title, CreationDate … */
export function pdfInfo(pdf: Buffer): Record<string, string> {
  return withFile(pdf, 'slip.pdf', (path) => {
    const out = execFileSync('pdfinfo', ['-isodates', path], { encoding: 'utf8' });
    const info: Record<string, string> = {};
    for (const line of out.split('\n')) {
      const m = /^([^:]+):\s*(.*)$/.exec(line);
      if (m) info[m[1]!] = m[2]!;
    }
    return info;
  });
}

export type Raster = { width: number; height: number; channels: number; pixels: Buffer };

/** The images of page `page` as raw rasters, soft masks left out (pdfimages writes both as PPM/PGM). */
export function pdfImages(pdf: Buffer, page = 1): Raster[] {
  return withFile(pdf, 'slip.pdf', (path, dir) => {
    const pages = ['-f', String(page), '-l', String(page)];
    // `-list` rows and the extracted files come in the same order; the third column is the type.
    const types = execFileSync('pdfimages', ['-list', ...pages, path], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter((l) => l.trim() !== '')
      .map((l) => l.trim().split(/\s+/)[2]);
    execFileSync('pdfimages', [...pages, path, join(dir, 'img')]);
    const files = readdirSync(dir)
      .filter((f) => f.startsWith('img-'))
      .sort();
    assert.equal(files.length, types.length, 'pdfimages listed and extracted the same images');
    return files.filter((_, i) => types[i] === 'image').map((f) => parseNetpbm(readFileSync(join(dir, f))));
  });
}

/** A binary PPM (P6) or PGM (P5) with maxval 255. */
function parseNetpbm(bytes: Buffer): Raster {
  const header: string[] = [];
  let i = 0;
  while (header.length < 4) {
    while (/\s/.test(String.fromCharCode(bytes[i]!))) i++;
    let token = '';
    while (!/\s/.test(String.fromCharCode(bytes[i]!))) token += String.fromCharCode(bytes[i++]!);
    header.push(token);
  }
  i++; // the single whitespace after maxval
  const [magic, w, h] = header;
  const channels = magic === 'P6' ? 3 : 1;
  return { width: Number(w), height: Number(h), channels, pixels: bytes.subarray(i) };
}

/** `unzip -Z1` (names) of an archive, and `unzip -t` passing. */
export function unzipList(zip: Buffer): { names: string[]; tested: boolean } {
  return withFile(zip, 'book.zip', (path) => {
    const names = execFileSync('unzip', ['-Z1', path], { encoding: 'utf8' }).split('\n').filter(Boolean);
    const tested = spawnSync('unzip', ['-tq', path]).status === 0;
    return { names, tested };
  });
}

/** One member of an archive, extracted by unzip. */
export function unzipRead(zip: Buffer, member: string): string {
  return withFile(zip, 'book.zip', (path) =>
    // unzip reads member names as wildcard patterns: "[Content_Types].xml" needs its brackets escaped.
    execFileSync('unzip', ['-p', path, member.replace(/[[\]*?]/g, '\\$&')], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    }),
  );
}
