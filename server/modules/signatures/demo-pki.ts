// The demo PKI (#19): in demo mode a test hierarchy (the platform's createTestPki) is generated at first
// start into DATA_DIR/signing — its roots trusted, and each agency's own organisation seal issued by its
// CA at the agency's first signature (kept in seals/<code>.p12) — so that signing and verification work
// with no configuration, each result sealed in its own agency's name. Never in production: real seals are the
// agencies' PKCS#12 files (SIGNING_SEALS_DIR), real roots the national ones (SIGNING_TRUST_ROOTS).
import fs from 'node:fs/promises';
import path from 'node:path';
import { createPrivateKey, sign, type KeyObject } from 'node:crypto';
import { createHash } from 'node:crypto';
import { createTestPki, issueSeal, pkcs12Signer, type Signer } from '../../platform/signing/index.ts';

const toPem = (der: Uint8Array) =>
  `-----BEGIN CERTIFICATE-----\n${Buffer.from(der)
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')
    .trimEnd()}\n-----END CERTIFICATE-----\n`;

/** The DER certificates of a PEM text, in order. */
export function pemCertificates(pem: string): Uint8Array[] {
  return [...pem.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)].map(
    (m) => new Uint8Array(Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64')),
  );
}

/** A Signer over a PEM holding a private key and its certificate chain (the signer's first). */
export function pemSigner(pem: string): Signer {
  const key: KeyObject = createPrivateKey(pem);
  const certificates = pemCertificates(pem);
  return {
    certificates: async () => certificates,
    sign: async (data) => new Uint8Array(sign('sha256', data, key)),
  };
}

const exists = (file: string) =>
  fs.stat(file).then(
    () => true,
    () => false,
  );

/**
 * Generates the demo hierarchy into `dir` once (demo-roots.pem, demo-intermediates.pem, demo-seal.p12,
 * demo-seal.pass, and the issuing CA: demo-ca.p12, demo-ca.pass): written beside it, then renamed into place, so that processes starting together
 * (test files in parallel) all read one hierarchy, whichever wrote it.
 */
async function ensureDemo(dir: string): Promise<void> {
  if (await exists(path.join(dir, 'demo-seal.pass'))) return;
  const pki = await createTestPki();
  const tmp = `${dir}.${process.pid}.${Date.now()}.tmp`;
  await fs.mkdir(tmp, { recursive: true });
  await fs.writeFile(path.join(tmp, 'demo-roots.pem'), pki.roots.map(toPem).join(''));
  await fs.writeFile(path.join(tmp, 'demo-intermediates.pem'), pki.intermediates.map(toPem).join(''));
  await fs.writeFile(path.join(tmp, 'demo-seal.p12'), pki.seal.p12, { mode: 0o600 });
  await fs.writeFile(path.join(tmp, 'demo-seal.pass'), pki.seal.password, { mode: 0o600 });
  await fs.writeFile(path.join(tmp, 'demo-ca.p12'), pki.issuingCa.p12, { mode: 0o600 });
  await fs.writeFile(path.join(tmp, 'demo-ca.pass'), pki.issuingCa.password, { mode: 0o600 });
  await fs.mkdir(path.dirname(dir), { recursive: true });
  try {
    await fs.rename(tmp, dir);
  } catch {
    // Another process put its hierarchy in place first: that one is used.
    await fs.rm(tmp, { recursive: true, force: true });
  }
}

/** The demo roots and intermediates (generated at first need). */
export async function demoTrust(dir: string): Promise<{ roots: Uint8Array[]; intermediates: Uint8Array[] }> {
  await ensureDemo(dir);
  return {
    roots: pemCertificates(await fs.readFile(path.join(dir, 'demo-roots.pem'), 'utf8')),
    intermediates: pemCertificates(await fs.readFile(path.join(dir, 'demo-intermediates.pem'), 'utf8')),
  };
}

/** The demo organisation seal (one for every agency in demo mode). */
export async function demoSeal(dir: string): Promise<Signer> {
  await ensureDemo(dir);
  return pkcs12Signer(
    new Uint8Array(await fs.readFile(path.join(dir, 'demo-seal.p12'))),
    await fs.readFile(path.join(dir, 'demo-seal.pass'), 'utf8'),
  );
}

const agencySeals = new Map<string, Promise<Signer>>();

/** A file name for an agency's code: the code itself when plain, else its hash. */
function sealFileName(code: string): string {
  return /^[A-Za-z0-9._-]{1,64}$/.test(code) && !code.startsWith('.')
    ? code
    : createHash('sha256').update(code).digest('hex').slice(0, 32);
}

async function readSeal(folder: string): Promise<Signer> {
  const [p12, password] = await Promise.all([
    fs.readFile(path.join(folder, 'seal.p12')),
    fs.readFile(path.join(folder, 'seal.pass'), 'utf8'),
  ]);
  return pkcs12Signer(new Uint8Array(p12), password);
}

/**
 * The agency's own demo seal (O = the agency's name), issued by the demo CA at its first need and kept
 * in `dir/seals/<code>/`; written into a folder beside it, then renamed, so that processes starting
 * together all use the one seal that landed first. A hierarchy generated before the CA was kept (no
 * demo-ca.p12) falls back to the shared seal.
 */
export function demoAgencySeal(dir: string, agency: { code: string; name: string }): Promise<Signer> {
  const key = `${dir}|${agency.code}`;
  let seal = agencySeals.get(key);
  if (!seal) {
    seal = agencySealOf(dir, agency);
    seal.catch(() => agencySeals.delete(key));
    agencySeals.set(key, seal);
  }
  return seal;
}

async function agencySealOf(dir: string, agency: { code: string; name: string }): Promise<Signer> {
  await ensureDemo(dir);
  if (!(await exists(path.join(dir, 'demo-ca.pass')))) return demoSeal(dir);
  const folder = path.join(dir, 'seals', sealFileName(agency.code));
  if (await exists(path.join(folder, 'seal.pass'))) return readSeal(folder);
  const ca = {
    p12: new Uint8Array(await fs.readFile(path.join(dir, 'demo-ca.p12'))),
    password: await fs.readFile(path.join(dir, 'demo-ca.pass'), 'utf8'),
  };
  const seal = await issueSeal(ca, agency.name);
  const tmp = `${folder}.${process.pid}.${Date.now()}.tmp`;
  await fs.mkdir(tmp, { recursive: true });
  await fs.writeFile(path.join(tmp, 'seal.p12'), seal.p12, { mode: 0o600 });
  await fs.writeFile(path.join(tmp, 'seal.pass'), seal.password, { mode: 0o600 });
  try {
    await fs.rename(tmp, folder);
  } catch {
    // Another process's seal for this agency landed first: that one is used.
    await fs.rm(tmp, { recursive: true, force: true });
  }
  return readSeal(folder);
}
