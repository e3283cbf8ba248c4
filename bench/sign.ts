// Signing and verifying results (issue #19, its Done-means line): 1,000 one-page results rendered as the
// slips module renders (SlipPdf: pdfkit and Be Vietnam Pro; rendering is not timed), each signed with
// the organisation seal's PKCS#12 (pkcs12Signer, RSA-2048) and then verified against the test trust
// store (verifyPdf: digest, signature, ESS, chain, revocation callback).
// The ceiling, in the same run and on the same documents: for each document, hash its bytes with
// SHA-256 and make (signing) or verify (verifying) one RSA-2048 PKCS#1 v1.5 signature through
// node:crypto — nothing else. Target: each ≥ 0.5 × its ceiling (throughput).
// Run: node bench/sign.ts [documents=1000]
import { createHash, createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { SlipPdf } from '../server/modules/slips/index.ts';
import { createTestPki, pkcs12Signer, signPdf, verifyPdf } from '../server/platform/signing/index.ts';

const DOCUMENTS = Number(process.argv[2] ?? 1000);
const TARGET = 0.5;
const RECT: [number, number, number, number] = [330, 90, 540, 170];

async function result(i: number): Promise<Uint8Array> {
  const pdf = new SlipPdf({
    title: 'Quyết định',
    createdAt: new Date(Date.UTC(2026, 11, 7)),
    pageNumbers: 'multi',
  });
  pdf.title('QUYẾT ĐỊNH', [[{ text: `Về việc cấp giấy phép xây dựng số ${1000 + i}/GPXD` }]]);
  pdf.paragraph([
    { text: 'Ủy ban nhân dân phường Hoàn Kiếm quyết định cấp giấy phép xây dựng cho ông/bà ' },
    { text: `Nguyễn Văn Bình ${i}`, style: 'bold' },
    { text: ', địa chỉ số 12 phố Hàng Bạc, phường Hoàn Kiếm, thành phố Hà Nội.' },
  ]);
  pdf.paragraph([{ text: 'TM. ỦY BAN NHÂN DÂN — CHỦ TỊCH', style: 'bold' }], { align: 'right' });
  return new Uint8Array(await pdf.finish());
}

const pki = await createTestPki();
const seal = await pkcs12Signer(pki.seal.p12, pki.seal.password);
const docs: Uint8Array[] = [];
for (let i = 0; i < DOCUMENTS; i++) docs.push(await result(i));
// The ceiling's key: the same RSA-2048 key, through node:crypto directly.
const rawKey = createPrivateKey({ key: Buffer.from(await exportSealKey()), format: 'der', type: 'pkcs8' });
const rawPub = createPublicKey(rawKey);

async function exportSealKey(): Promise<Uint8Array> {
  // The seal's key, read back from its PKCS#12 by the library's reader (not timed).
  const { openPkcs12 } = await import('../server/platform/signing/pkcs12.ts');
  return (await openPkcs12(pki.seal.p12, pki.seal.password)).privateKey;
}

const signedAt = new Date();
// Warm-up (JIT, caches) on a few documents, not counted.
for (const d of docs.slice(0, 20))
  await verifyPdf(await signPdf(d, seal, { signedAt, field: { rect: RECT } }), pki.trust);

// Each document's operation and its ceiling are timed one after the other, so that the load of the
// shared machine falls on both alike; which goes first alternates, so that neither always finds the
// document's bytes already in the CPU's caches.
const timed = async (ms: number, op: () => unknown): Promise<number> => {
  const t = performance.now();
  await op();
  return ms + performance.now() - t;
};
let signMs = 0;
let signCeilingMs = 0;
const signed: Uint8Array[] = [];
const rawSigs: Buffer[] = [];
for (const [i, d] of docs.entries()) {
  const ours = async () =>
    signed.push(await signPdf(d, seal, { signedAt, reason: 'Đóng dấu phát hành', field: { rect: RECT } }));
  const raw = () => rawSigs.push(sign('sha256', createHash('sha256').update(d).digest(), rawKey));
  if (i % 2) signCeilingMs = await timed(signCeilingMs, raw);
  signMs = await timed(signMs, ours);
  if (!(i % 2)) signCeilingMs = await timed(signCeilingMs, raw);
}

// The ceiling verifies a signature over each signed document's hash (made here, not timed).
const overSigned = signed.map((s) => sign('sha256', createHash('sha256').update(s).digest(), rawKey));
let verifyMs = 0;
let verifyCeilingMs = 0;
let valid = 0;
let rawValid = 0;
for (const [i, s] of signed.entries()) {
  const ours = async () => {
    const { signatures } = await verifyPdf(s, pki.trust);
    if (signatures.length === 1 && signatures[0]!.reason === undefined) valid++;
  };
  const raw = () => {
    if (verify('sha256', createHash('sha256').update(s).digest(), rawPub, overSigned[i]!)) rawValid++;
  };
  if (i % 2) verifyCeilingMs = await timed(verifyCeilingMs, raw);
  verifyMs = await timed(verifyMs, ours);
  if (!(i % 2)) verifyCeilingMs = await timed(verifyCeilingMs, raw);
}

if (valid !== DOCUMENTS) throw new Error(`only ${valid} of ${DOCUMENTS} signatures verified valid`);
if (rawValid !== DOCUMENTS || rawSigs.length !== DOCUMENTS)
  throw new Error('the ceiling’s own signatures did not verify');

const per = (ms: number) =>
  `${((ms / DOCUMENTS) * 1000).toFixed(0)} µs/doc (${((DOCUMENTS / ms) * 1000).toFixed(0)} docs/s)`;
const avgSize = docs.reduce((a, d) => a + d.length, 0) / DOCUMENTS;
const avgSigned = signed.reduce((a, d) => a + d.length, 0) / DOCUMENTS;
console.log(
  `documents: ${DOCUMENTS} one-page results, ${(avgSize / 1024).toFixed(1)} KiB (signed ${(avgSigned / 1024).toFixed(1)} KiB)`,
);
console.log(
  `machine: ${os.cpus()[0]?.model} × ${os.cpus().length}, node ${process.version}, load ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
const rows: [string, number, number][] = [
  ['sign', signMs, signCeilingMs],
  ['verify', verifyMs, verifyCeilingMs],
];
let ok = true;
for (const [name, ms, ceiling] of rows) {
  const ratio = ceiling / ms;
  ok &&= ratio >= TARGET;
  console.log(
    `${name}: ${per(ms)}; ceiling ${per(ceiling)}; ${ratio.toFixed(2)} × ceiling (target ≥ ${TARGET}) ${ratio >= TARGET ? 'met' : 'NOT met'}`,
  );
}
process.exitCode = ok ? 0 : 1;
