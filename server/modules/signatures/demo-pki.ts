// The demo PKI (#19): in demo mode a root is generated at first start into DATA_DIR/signing and each
// agency's organisation seal is issued by it on first use, so that signing and verification work with
// no configuration. Never used in production: real seals are the agencies' PKCS#12 files.
import fs from 'node:fs/promises';
import path from 'node:path';
import { createPrivateKey, randomBytes, sign, type KeyObject } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import type { Signer } from '../../platform/signing/index.ts';

x509.cryptoProvider.set(globalThis.crypto);
const subtle = globalThis.crypto.subtle;

const RSA = {
  name: 'RSASSA-PKCS1-v1_5',
  hash: 'SHA-256',
  publicExponent: new Uint8Array([1, 0, 1]),
  modulusLength: 2048,
};
const YEAR_MS = 365 * 24 * 3600_000;

const toPem = (label: string, der: ArrayBuffer) =>
  `-----BEGIN ${label}-----\n${Buffer.from(der).toString('base64').replace(/(.{64})/g, '$1\n').trimEnd()}\n-----END ${label}-----\n`;

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

async function exists(file: string) {
  return fs.stat(file).then(
    () => true,
    () => false,
  );
}

/** The demo root of DATA_DIR/signing: read, or generated on first start. */
async function demoRoot(dir: string): Promise<{ pem: string; cert: x509.X509Certificate; key: CryptoKey }> {
  const certFile = path.join(dir, 'demo-root.pem');
  const keyFile = path.join(dir, 'demo-root.key.pem');
  if (!(await exists(certFile)) || !(await exists(keyFile))) {
    await fs.mkdir(dir, { recursive: true });
    const keys = (await subtle.generateKey(RSA, true, ['sign', 'verify'])) as CryptoKeyPair;
    const now = Date.now();
    const cert = await x509.X509CertificateGenerator.createSelfSigned({
      serialNumber: '01' + randomBytes(8).toString('hex'),
      name: [{ CN: ['motcua Demo Root CA'] }, { O: ['motcua (demo, not for production)'] }, { C: ['VN'] }],
      notBefore: new Date(now - 24 * 3600_000),
      notAfter: new Date(now + 20 * YEAR_MS),
      signingAlgorithm: RSA,
      keys,
      extensions: [
        new x509.BasicConstraintsExtension(true, 1, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
        await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      ],
    });
    const pkcs8 = await subtle.exportKey('pkcs8', keys.privateKey);
    await fs.writeFile(keyFile, toPem('PRIVATE KEY', pkcs8), { mode: 0o600 });
    await fs.writeFile(certFile, cert.toString('pem') + '\n');
  }
  const pem = await fs.readFile(certFile, 'utf8');
  const keyPem = await fs.readFile(keyFile, 'utf8');
  const der = Buffer.from(keyPem.replace(/-----[^-]+-----|\s+/g, ''), 'base64');
  const key = await subtle.importKey('pkcs8', der, RSA, false, ['sign']);
  return { pem, cert: new x509.X509Certificate(pem), key };
}

/** The demo root's PEM (generated at first need). */
export async function demoRootPem(dir: string): Promise<string> {
  return (await demoRoot(dir)).pem;
}

/** The agency's demo seal in `sealsDir/<code>.demo.pem` (key and chain), issued by the demo root on first use. */
export async function demoSeal(
  dir: string,
  sealsDir: string,
  agency: { code: string; name: string },
): Promise<Signer> {
  const file = path.join(sealsDir, `${agency.code}.demo.pem`);
  if (!(await exists(file))) {
    const root = await demoRoot(dir);
    const keys = (await subtle.generateKey(RSA, true, ['sign', 'verify'])) as CryptoKeyPair;
    const now = Date.now();
    const cert = await x509.X509CertificateGenerator.create({
      serialNumber: '02' + randomBytes(8).toString('hex'),
      subject: [{ CN: [agency.name] }, { O: [agency.name] }, { C: ['VN'] }],
      issuer: root.cert.subject,
      notBefore: new Date(now - 24 * 3600_000),
      notAfter: new Date(now + 5 * YEAR_MS),
      signingAlgorithm: RSA,
      publicKey: keys.publicKey,
      signingKey: root.key,
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(
          x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation,
          true,
        ),
        await x509.AuthorityKeyIdentifierExtension.create(root.cert, false),
      ],
    });
    const pkcs8 = await subtle.exportKey('pkcs8', keys.privateKey);
    await fs.mkdir(sealsDir, { recursive: true });
    await fs.writeFile(file, toPem('PRIVATE KEY', pkcs8) + cert.toString('pem') + '\n' + root.pem, {
      mode: 0o600,
    });
  }
  return pemSigner(await fs.readFile(file, 'utf8'));
}
