// A Signer over a PKCS#12 held by the server (the organisation seal in development and small
// deployments): the key is opened once and signs through node:crypto (OpenSSL), not WebCrypto.
import { createPrivateKey, createPublicKey, sign as cryptoSign, type KeyObject } from 'node:crypto';
import * as pkijs from 'pkijs';
import { orderChain } from './certificates.ts';
import { ensureEngine } from './engine.ts';
import type { Signer } from './index.ts';
import { signingFail } from './signing.errors.ts';
import { checkKeyStrength } from './key-strength.ts';

const ENCRYPTED_DATA = '1.2.840.113549.1.7.6';

type Opened = { privateKey: Uint8Array /* PKCS#8 DER */; certificates: Uint8Array[] };

async function openPkcs12(p12: Uint8Array, password: string): Promise<Opened> {
  ensureEngine();
  const pw = new TextEncoder().encode(password).buffer as ArrayBuffer;
  const pfx = pkijs.PFX.fromBER(new Uint8Array(p12));
  await pfx.parseInternalValues({ password: pw, checkIntegrity: true });
  const safe = pfx.parsedValue?.authenticatedSafe;
  if (!safe) throw new Error('no authenticated safe');
  await safe.parseInternalValues({
    safeContents: safe.safeContents.map((ci) => (ci.contentType === ENCRYPTED_DATA ? { password: pw } : {})),
  });
  let privateKey: Uint8Array | null = null;
  const certificates: Uint8Array[] = [];
  for (const sc of safe.parsedValue?.safeContents ?? []) {
    for (const bag of (sc.value as pkijs.SafeContents).safeBags) {
      if (bag.bagValue instanceof pkijs.PKCS8ShroudedKeyBag) {
        const shrouded = bag.bagValue as unknown as {
          parseInternalValues(p: { password: ArrayBuffer }): Promise<void>;
          parsedValue?: pkijs.PrivateKeyInfo;
        };
        await shrouded.parseInternalValues({ password: pw });
        if (shrouded.parsedValue) privateKey = new Uint8Array(shrouded.parsedValue.toSchema().toBER(false));
      } else if (bag.bagValue instanceof pkijs.PrivateKeyInfo) {
        privateKey = new Uint8Array(bag.bagValue.toSchema().toBER(false));
      } else if (
        bag.bagValue instanceof pkijs.CertBag &&
        bag.bagValue.parsedValue instanceof pkijs.Certificate
      ) {
        certificates.push(new Uint8Array(bag.bagValue.parsedValue.toSchema().toBER(false)));
      }
    }
  }
  if (!privateKey) throw new Error('no private key');
  return { privateKey, certificates };
}

/** The certificate whose public key is the key's, first; then its issuers, as far as the file has them. */
function keyFirst(key: KeyObject, certificates: Uint8Array[]): Uint8Array[] {
  const pub = createPublicKey(key).export({ format: 'der', type: 'spki' });
  const own = certificates.find((der) => {
    const cert = pkijs.Certificate.fromBER(new Uint8Array(der));
    return Buffer.from(cert.subjectPublicKeyInfo.toSchema().toBER(false)).equals(pub);
  });
  if (!own) throw signingFail('SIGNING_CERTIFICATE_MISSING');
  return orderChain(own, certificates);
}

export async function pkcs12Signer(p12: Uint8Array, password: string): Promise<Signer> {
  let opened: Opened;
  try {
    opened = await openPkcs12(p12, password);
  } catch {
    throw signingFail('SIGNING_PKCS12_UNREADABLE');
  }
  const key = createPrivateKey({ key: Buffer.from(opened.privateKey), format: 'der', type: 'pkcs8' });
  checkKeyStrength(key);
  const chain = keyFirst(key, opened.certificates);
  return {
    certificates: () => Promise.resolve(chain.map((c) => c.slice())),
    sign: (data) => Promise.resolve(new Uint8Array(cryptoSign('sha256', data, key))),
  };
}
