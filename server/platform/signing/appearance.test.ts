// The visible signature block (appearance.ts) read back by poppler: the text through pdftotext (the
// embedded font's ToUnicode map gives back the Vietnamese letters), the QR code through pdftoppm (the
// page rendered, each module read from the pixels and compared with the QR code of the verification
// address), the signatures through verifyPdf; an earlier signature stays valid under a later block.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { blockSize, placeBlock, type SignatureBlock } from './appearance.ts';
import { createTestPki, signPdf, stampBlock, type TestPki, verifyPdf } from './index.ts';
import { onePagePdf } from './test-fixtures.ts';
import { blockText as text, popplerMissing as skip, qrModules, readQr } from './test-read-block.ts';

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
  async () => {
    const expected = qrModules(URL_);
    const read = readQr(both, { ...person, time: null }, expected.size);
    assert.deepEqual(read, expected.dark);
    // Another token gives another code: the reading tells them apart.
    const other = qrModules(URL_.replace('Zq3v', 'Zq3w'));
    assert.equal(other.size, expected.size);
    assert.notDeepEqual(read, other.dark);
    // The seal alone carries the code in its own block.
    const sealOnly = await signPdf(original, pki.seal.signer, {
      signedAt: SEAL_AT,
      field: { appearance: { kind: 'seal', organisation: AGENCY, qrUrl: URL_ } },
    });
    const sealRead = readQr(
      sealOnly,
      { kind: 'seal', organisation: AGENCY, qrUrl: URL_, time: null },
      expected.size,
    );
    assert.deepEqual(sealRead, expected.dark);
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
    const expected = qrModules(URL_);
    assert.deepEqual(readQr(signed, block, expected.size), expected.dark);
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

/**
 * A PDF as other producers write it: two Letter pages inheriting MediaBox and Resources from the page
 * tree, the last page's content an array whose second stream scales the CTM and never restores it.
 */
function handWrittenPdf(): Uint8Array {
  const stream = (s: string) => `<< /Length ${s.length} >>\nstream\n${s}\nendstream`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> >>',
    '<< /Type /Page /Parent 2 0 R /Contents 6 0 R >>',
    '<< /Type /Page /Parent 2 0 R /Contents [6 0 R 7 0 R] >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    stream('BT /F1 12 Tf 72 720 Td (Trang van ban) Tj ET'),
    stream('2 0 0 2 0 0 cm BT /F1 12 Tf 36 300 Td (Trang cuoi) Tj ET'),
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

test(
  'on inherited page attributes and a content that leaves its CTM scaled, the block is where it belongs',
  { skip },
  async () => {
    const pdf = handWrittenPdf();
    const expected = qrModules(URL_);
    const block: SignatureBlock = { ...person, time: null };
    const stamped = await signPdf(await stampBlock(pdf, block), pki.leader.signer, { signedAt: PERSON_AT });
    const widget = await signPdf(pdf, pki.leader.signer, {
      signedAt: PERSON_AT,
      field: { appearance: person },
    });
    for (const signed of [stamped, widget]) {
      const { signatures } = await verifyPdf(signed, pki.trust);
      assert.deepEqual(
        signatures.map((s) => [s.intact, s.coversWholeFile]),
        [[true, true]],
      );
      const t = text(signed);
      assert.match(t, /Trang cuoi/);
      assert.match(t, /Ký bởi: Nguyễn Văn A/);
      // Read at the block's place on the Letter page: the page's scaled CTM did not move or scale it.
      assert.deepEqual(readQr(signed, block, expected.size), expected.dark);
    }
  },
);
