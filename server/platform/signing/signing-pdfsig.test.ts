// An independent verifier: poppler's pdfsig (poppler-utils, NSS underneath) validates what signPdf
// writes. The test root is given to pdfsig through a temporary NSS database; without NSS's certutil on
// this machine the database is written by NSS itself, called from Python's ctypes (NSS_InitReadWrite,
// PK11_ImportCert, CERT_ChangeCertTrust with trust "C,C,C"), which is what `certutil -A -t C,C,C` does.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createTestPki, signPdf, type TestPki } from './index.ts';
import { onePagePdf, SIGNATURE_RECT } from './test-fixtures.ts';

const NSS_TRUST = `
import ctypes, sys
nss = ctypes.CDLL('libnss3.so'); smime = ctypes.CDLL('libsmime3.so')
d, root = sys.argv[1], open(sys.argv[2], 'rb').read()
nss.NSS_InitReadWrite.argtypes = [ctypes.c_char_p]
if nss.NSS_InitReadWrite(('sql:' + d).encode()) != 0: sys.exit('NSS init failed')
smime.CERT_DecodeCertFromPackage.restype = ctypes.c_void_p
smime.CERT_DecodeCertFromPackage.argtypes = [ctypes.c_char_p, ctypes.c_int]
cert = smime.CERT_DecodeCertFromPackage(root, len(root))
nss.PK11_GetInternalKeySlot.restype = ctypes.c_void_p
slot = nss.PK11_GetInternalKeySlot()
nss.PK11_NeedUserInit.argtypes = [ctypes.c_void_p]
nss.PK11_InitPin.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p]
if nss.PK11_NeedUserInit(slot): nss.PK11_InitPin(slot, None, b'')
nss.PK11_ImportCert.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_ulong, ctypes.c_char_p, ctypes.c_int]
if not cert or nss.PK11_ImportCert(slot, cert, 0, b'motcua-test-root', 0) != 0: sys.exit('import failed')
nss.PK11_FindCertFromNickname.restype = ctypes.c_void_p
nss.PK11_FindCertFromNickname.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
cert = nss.PK11_FindCertFromNickname(b'motcua-test-root', None)
class Trust(ctypes.Structure):
    _fields_ = [('ssl', ctypes.c_uint), ('email', ctypes.c_uint), ('obj', ctypes.c_uint)]
t = Trust(0x18, 0x18, 0x18)
nss.CERT_GetDefaultCertDB.restype = ctypes.c_void_p
nss.CERT_ChangeCertTrust.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.POINTER(Trust)]
if not cert or nss.CERT_ChangeCertTrust(nss.CERT_GetDefaultCertDB(), cert, ctypes.byref(t)) != 0: sys.exit('trust failed')
nss.NSS_Shutdown()
`;

const hasPdfsig = spawnSync('pdfsig', ['-v'], { stdio: 'ignore' }).error === undefined;
const skip = hasPdfsig ? false : 'needs pdfsig (apt-get install poppler-utils)';
if (!hasPdfsig && process.env.CI) throw new Error('CI must install poppler-utils');

let dir: string;
let nssDir: string | null = null;
let pki: TestPki;
let signed: Uint8Array;
let withBlocks: Uint8Array;

function pdfsig(pdf: Uint8Array): string {
  const file = join(dir, `doc-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  const args = nssDir ? ['-nssdir', `sql:${nssDir}`, file] : [file];
  const r = spawnSync('pdfsig', args, { encoding: 'utf8' });
  return `${r.stdout}\n${r.stderr}`;
}

before(async () => {
  if (skip) return;
  dir = mkdtempSync(join(tmpdir(), 'motcua-pdfsig-'));
  pki = await createTestPki({ now: new Date('2026-12-01T00:00:00Z') });
  writeFileSync(join(dir, 'root.der'), pki.roots[0]!);
  const db = join(dir, 'nss');
  spawnSync('mkdir', [db]);
  const r = spawnSync('python3', ['-c', NSS_TRUST, db, join(dir, 'root.der')], { encoding: 'utf8' });
  if (r.status === 0) nssDir = db;
  else console.log(`no NSS database for pdfsig (${r.stderr || r.error}); trust is not asserted`);
  const pdf = await onePagePdf();
  const person = await signPdf(pdf, pki.leader.signer, {
    signedAt: new Date(),
    reason: 'Phê duyệt',
    field: { rect: SIGNATURE_RECT },
  });
  signed = await signPdf(person, pki.seal.signer, { signedAt: new Date(), reason: 'Đóng dấu' });
  // A result as the product signs it: the person's block with the QR code, the seal over its left third.
  const organisation = 'Ủy ban nhân dân phường Hoàn Kiếm';
  const qrUrl = 'http://localhost:3000/xac-thuc?ma=Zq3v9L0b2xY7cT1mW8nR4kPa6sHd5uEf';
  const personBlock = await signPdf(pdf, pki.leader.signer, {
    signedAt: new Date(),
    field: { appearance: { kind: 'person', signer: 'Nguyễn Văn A', organisation, qrUrl } },
  });
  withBlocks = await signPdf(personBlock, pki.seal.signer, {
    signedAt: new Date(),
    field: { appearance: { kind: 'seal', organisation, overPerson: true } },
  });
});
after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test(
  'pdfsig: both signatures of a person-then-seal result are valid, PAdES, the last over the whole file',
  { skip },
  () => {
    const out = pdfsig(signed);
    assert.equal(out.match(/Signature is Valid\./g)?.length, 2, out);
    assert.equal(out.match(/Signature Type: ETSI\.CAdES\.detached/g)?.length, 2, out);
    assert.match(out, /Signer Certificate Common Name: Nguyễn Văn A/);
    assert.match(out, /Total document signed/);
    assert.doesNotMatch(out, /Syntax Error/);
    if (nssDir) assert.equal(out.match(/Certificate is Trusted\./g)?.length, 2, out);
  },
);

test(
  'pdfsig: a result with the visible blocks and the QR code: both signatures valid and trusted',
  { skip },
  () => {
    const out = pdfsig(withBlocks);
    assert.equal(out.match(/Signature is Valid\./g)?.length, 2, out);
    assert.match(out, /Total document signed/);
    assert.doesNotMatch(out, /Syntax Error/);
    if (nssDir) assert.equal(out.match(/Certificate is Trusted\./g)?.length, 2, out);
  },
);

test('pdfsig: a changed byte is not valid; a foreign certificate is not trusted', { skip }, async () => {
  const tampered = Buffer.from(signed);
  tampered[400] = tampered[400]! ^ 0x20;
  assert.doesNotMatch(pdfsig(tampered), /Signature is Valid\.[\s\S]*Signature is Valid\./);
  const foreign = await signPdf(await onePagePdf(), pki.foreign.signer, { signedAt: new Date() });
  const out = pdfsig(foreign);
  assert.match(out, /Signature is Valid\./);
  assert.doesNotMatch(out, /Certificate is Trusted\./);
});
