// The demo PKI (#19): each agency gets its own organisation seal in its own name, issued by the demo
// CA at its first signature and kept, so that a Đà Nẵng result is not sealed in a Hà Nội ward's name;
// the seals verify against the demo trust; processes starting together end with one seal per agency.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { signPdf, verifyPdf } from '../../platform/signing/index.ts';
import { onePagePdf } from '../../platform/signing/test-fixtures.ts';
import { demoAgencySeal, demoTrust } from './demo-pki.ts';

let root: string;
before(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'motcua-demo-pki-'));
});
after(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

const HAI_CHAU = { code: '000.00.00.H17-DN1', name: 'Ủy ban nhân dân phường Hải Châu' };
const HOAN_KIEM = { code: '000.00.00.H26-HK1', name: 'Ủy ban nhân dân phường Hoàn Kiếm' };

test('each agency seals in its own name, trusted by the demo roots, and keeps its seal', async () => {
  const dir = path.join(root, 'a');
  const [haiChau, hoanKiem] = await Promise.all([
    demoAgencySeal(dir, HAI_CHAU),
    demoAgencySeal(dir, HOAN_KIEM),
  ]);
  const trust = await demoTrust(dir);
  const pdf = await onePagePdf();
  for (const [seal, agency] of [
    [haiChau, HAI_CHAU],
    [hoanKiem, HOAN_KIEM],
  ] as const) {
    const signed = await signPdf(pdf, seal, { signedAt: new Date() });
    const [sig] = (await verifyPdf(signed, trust)).signatures;
    assert.equal(sig?.organisation, agency.name);
    assert.equal(sig?.signer, agency.name);
    assert.equal(sig?.trusted, true, sig?.reason);
    assert.equal(sig?.reason, undefined);
  }
  const [a] = await haiChau.certificates();
  const [b] = await hoanKiem.certificates();
  assert.notDeepEqual(a, b);
  // Kept on disk: another process (a fresh read of the folder) gets the same certificate.
  const files = await fs.readdir(path.join(dir, 'seals'));
  assert.deepEqual(files.sort(), [HAI_CHAU.code, HOAN_KIEM.code].sort());
  const again = await demoAgencySeal(`${dir}/.`, HAI_CHAU);
  assert.deepEqual((await again.certificates())[0], a);
});

test('an agency code that is not a plain file name is kept under its hash; concurrent first uses agree', async () => {
  const dir = path.join(root, 'b');
  const odd = { code: '../x y', name: 'Sở Tư pháp thành phố Đà Nẵng' };
  await demoTrust(dir);
  // Two keys of the in-process cache for one folder: two first uses racing, as two processes would.
  const seals = await Promise.all([demoAgencySeal(dir, odd), demoAgencySeal(`${dir}/.`, odd)]);
  const certs = await Promise.all(seals.map(async (s) => (await s.certificates())[0]));
  assert.deepEqual(certs[0], certs[1]);
  const files = await fs.readdir(path.join(dir, 'seals'));
  assert.equal(files.length, 1);
  assert.match(files[0]!, /^[0-9a-f]{32}$/);
  assert.deepEqual(
    await fs.readdir(root),
    ['a', 'b'].filter((d) => d <= 'b'),
  );
});
