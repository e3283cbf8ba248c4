// The visible signature block (appearance.ts) read back by poppler: the text through pdftotext (the
// embedded font's ToUnicode map gives back the Vietnamese letters), the QR code through pdftoppm (the
// page rendered, each module read from the pixels and compared with the QR code of the verification
// address), the signatures through verifyPdf; an earlier signature stays valid under a later block.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, test } from 'node:test';
import QRCode from 'qrcode';
import { blockSize, placeBlock, type SignatureBlock } from './appearance.ts';
import { createTestPki, signPdf, stampBlock, type TestPki, verifyPdf } from './index.ts';
import { onePagePdf } from './test-fixtures.ts';

const tools = ['pdftotext', 'pdftoppm'].filter(
  (t) => spawnSync(t, ['-v'], { stdio: 'ignore' }).error !== undefined,
);
const skip = tools.length === 0 ? false : `needs ${tools.join(', ')} (apt-get install poppler-utils)`;
if (skip && process.env.CI) throw new Error('CI must install poppler-utils');

const A4: [number, number, number, number] = [0, 0, 595.28, 841.89];
const URL_ = 'https://motcua.example.gov.vn/xac-thuc?ma=Zq3v9L0b2xY7cT1mW8nR4kPa6sHd5uEf';
const AGENCY = 'Ủy ban nhân dân phường Hoàn Kiếm';
const PERSON_AT = new Date('2026-12-07T07:05:09Z');
const SEAL_AT = new Date('2026-12-07T07:06:00Z');
const person = { kind: 'person', signer: 'Nguyễn Văn A', organisation: AGENCY, qrUrl: URL_ } as const;
const seal = { kind: 'seal', organisation: AGENCY, overPerson: true } as const;

let pki: TestPki;
let original: Uint8Array;
let both: Uint8Array;

function withFile<T>(pdf: Uint8Array, use: (path: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-block-'));
  try {
    writeFileSync(join(dir, 'doc.pdf'), pdf);
    return use(join(dir, 'doc.pdf'), dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const text = (pdf: Uint8Array) =>
  withFile(pdf, (path) =>
    execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }),
  )
    .normalize('NFC')
    .replace(/\s+/g, ' ');

/** The gray pixels of the last page's region `rect` (points) rendered at 4 pixels a point. */
function render(pdf: Uint8Array, rect: [number, number, number, number]) {
  const k = 4;
  return withFile(pdf, (path, dir) => {
    const box = [rect[0] * k, (A4[3] - rect[3]) * k, (rect[2] - rect[0]) * k, (rect[3] - rect[1]) * k];
    const [x, y, w, h] = box.map((v) => String(Math.round(v)));
    execFileSync(
      'pdftoppm',
      ['-gray', '-r', '288', '-singlefile', '-x', x!, '-y', y!, '-W', w!, '-H', h!].concat([
        path,
        join(dir, 'page'),
      ]),
    );
    const pgm = readFileSync(join(dir, 'page.pgm'));
    const [magic, width, height, max] = pgm.toString('latin1', 0, 40).split(/\s+/);
    assert.equal(magic, 'P5');
    const headerLength = `${magic}\n${width} ${height}\n${max}\n`.length;
    return { width: Number(width), height: Number(height), pixels: pgm.subarray(headerLength) };
  });
}

/**
 * The QR code's modules as poppler drew them: the dark pixels' bounding box in the block's QR area (the
 * finder patterns are its corners), divided into `n` × `n` modules, each read at its centre.
 */
function readQr(pdf: Uint8Array, blockRect: [number, number, number, number], n: number): boolean[] {
  // The QR's column of the person block, inside its frame and above its caption.
  const area: [number, number, number, number] = [
    blockRect[2] - 72,
    blockRect[3] - 67.5,
    blockRect[2] - 3,
    blockRect[3] - 2.5,
  ];
  const img = render(pdf, area);
  const dark = (x: number, y: number) => img.pixels[y * img.width + x]! < 128;
  let [x0, y0, x1, y1] = [img.width, img.height, -1, -1];
  for (let y = 0; y < img.height; y++)
    for (let x = 0; x < img.width; x++)
      if (dark(x, y)) [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
  assert.ok(x1 > x0 && y1 > y0, 'no QR code drawn');
  const mw = (x1 - x0 + 1) / n;
  const mh = (y1 - y0 + 1) / n;
  const out: boolean[] = [];
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++)
      out.push(dark(Math.floor(x0 + (c + 0.5) * mw), Math.floor(y0 + (r + 0.5) * mh)));
  return out;
}

before(async () => {
  pki = await createTestPki({ now: new Date('2026-12-01T00:00:00Z') });
  original = await onePagePdf();
  const first = await signPdf(original, pki.leader.signer, {
    signedAt: PERSON_AT,
    field: { appearance: person },
  });
  both = await signPdf(first, pki.seal.signer, { signedAt: SEAL_AT, field: { appearance: seal } });
});

test('a person then the seal, each with its block: both signatures hold, over the original bytes', async () => {
  const { signatures } = await verifyPdf(both, pki.trust);
  assert.deepEqual(
    signatures.map((s) => [s.signer, s.intact, s.trusted, s.coversWholeFile, s.reason]),
    [
      ['Nguyễn Văn A', true, true, true, undefined],
      [AGENCY, true, true, true, undefined],
    ],
  );
  assert.deepEqual(Buffer.from(both.subarray(0, original.length)), Buffer.from(original));
});

test(
  'the blocks say who signed, for whom and when, in Vietnamese, and the caption of the QR',
  { skip },
  async () => {
    const personOnly = await signPdf(original, pki.leader.signer, {
      signedAt: PERSON_AT,
      field: { appearance: person },
    });
    const t = text(personOnly);
    assert.match(t, /Ký bởi: Nguyễn Văn A/);
    assert.match(t, /Cơ quan: Ủy ban nhân dân phường Hoàn Kiếm/);
    assert.match(t, /Thời gian ký: 07\/12\/2026 14:05:09 \+07:00/);
    assert.match(t, /Quét mã để xác thực/);
    const sealOnly = await signPdf(original, pki.seal.signer, {
      signedAt: SEAL_AT,
      field: { appearance: { kind: 'seal', organisation: AGENCY, qrUrl: URL_ } },
    });
    const s = text(sealOnly);
    assert.match(s, /Ủy ban nhân dân phường Hoàn Kiếm/);
    assert.match(s, /2026-12-07T14:06:00\+07:00/);
    assert.match(s, /Quét mã để xác thực/);
    const b = text(both);
    for (const part of [
      'Nguyễn Văn A',
      '2026-12-07T14:06:00+07:00',
      'Thời gian ký: 07/12/2026 14:05:09 +07:00',
    ])
      assert.ok(b.includes(part), `${part} in ${b}`);
  },
);

test(
  'the QR code on the rendered page is the verification address of the result, module for module',
  { skip },
  () => {
    const expected = QRCode.create(URL_, { errorCorrectionLevel: 'M' }).modules;
    const rect = placeBlock(A4, { ...person, time: null });
    const read = readQr(both, rect, expected.size);
    assert.deepEqual(read, [...expected.data].map(Boolean));
    // Another token gives another code: the reading tells them apart.
    const other = QRCode.create(URL_.replace('Zq3v', 'Zq3w'), { errorCorrectionLevel: 'M' }).modules;
    assert.equal(other.size, expected.size);
    assert.notDeepEqual(read, [...other.data].map(Boolean));
  },
);

test('a PDF already signed, signed again with a block, keeps the first signature valid', async () => {
  const slip = await signPdf(original, pki.seal.signer, { signedAt: PERSON_AT });
  const again = await signPdf(slip, pki.leader.signer, { signedAt: SEAL_AT, field: { appearance: person } });
  const { signatures } = await verifyPdf(again, pki.trust);
  assert.equal(signatures.length, 2);
  for (const s of signatures) assert.deepEqual([s.intact, s.trusted, s.coversWholeFile], [true, true, true]);
  assert.deepEqual([signatures[0]!.modifiedAfter, signatures[1]!.modifiedAfter], [true, false]);
});

test(
  'a block stamped on the page before a signer signs it elsewhere is covered by that signature',
  { skip },
  async () => {
    const block: SignatureBlock = { ...person, time: null };
    const stamped = await stampBlock(original, block);
    assert.deepEqual(Buffer.from(stamped.subarray(0, original.length)), Buffer.from(original));
    const signed = await signPdf(stamped, pki.leader.signer, { signedAt: PERSON_AT });
    const { signatures } = await verifyPdf(signed, pki.trust);
    assert.deepEqual(
      signatures.map((s) => [s.intact, s.coversWholeFile, s.modifiedAfter]),
      [[true, true, false]],
    );
    const t = text(signed);
    assert.match(t, /Ký bởi: Nguyễn Văn A/);
    assert.doesNotMatch(t, /Thời gian ký/);
    const expected = QRCode.create(URL_, { errorCorrectionLevel: 'M' }).modules;
    assert.deepEqual(readQr(signed, placeBlock(A4, block), expected.size), [...expected.data].map(Boolean));
    // The page's own text is still there, under the block's revision.
    assert.match(t, /QUYẾT ĐỊNH/);
  },
);

test('the seal goes over the left third of the person block; a given rect is kept', async () => {
  const p = placeBlock(A4, { ...person, time: null });
  const s = placeBlock(A4, { ...seal, time: null });
  const width = blockSize({ ...person, time: null }).width;
  assert.ok(Math.abs(s[2] - (p[0] + width / 3)) < 0.01);
  assert.ok(Math.abs((s[1] + s[3]) / 2 - (p[1] + p[3]) / 2) < 0.01);
  assert.ok(p[2] <= A4[2] - 56 && p[1] >= 56, 'inside the margins');
  const rect: [number, number, number, number] = [60, 60, 300, 140];
  const signed = await signPdf(original, pki.leader.signer, {
    signedAt: PERSON_AT,
    field: { rect, appearance: person },
  });
  assert.match(Buffer.from(signed).toString('latin1'), /\/Rect \[60 60 300 140\]/);
  assert.match(Buffer.from(signed).toString('latin1'), /\/BBox \[0 0 240 80\]/);
});
