// Writes a PKCS#12 (RFC 7292) holding one private key and its certificates: the key in a
// PKCS8ShroudedKeyBag (PBES2: PBKDF2-HMAC-SHA256, AES-256-CBC), the certificates in a password-encrypted
// SafeContents, and an HMAC-SHA256 integrity MAC — what `openssl pkcs12 -export` writes by default.
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { ensureEngine } from './engine.ts';

const KEY_BAG = '1.2.840.113549.1.12.10.1.2';
const CERT_BAG = '1.2.840.113549.1.12.10.1.3';
const X509_CERTIFICATE = '1.2.840.113549.1.9.22.1';

export async function buildPkcs12(input: {
  privateKey: Uint8Array /* PKCS#8 DER */;
  certificates: Uint8Array[] /* DER, the key's certificate first */;
  password: string;
  iterations?: number;
}): Promise<Uint8Array> {
  ensureEngine();
  const password = new TextEncoder().encode(input.password).buffer as ArrayBuffer;
  const iterationCount = input.iterations ?? 10_000;
  const encryption = {
    password,
    contentEncryptionAlgorithm: { name: 'AES-CBC', length: 256 } as pkijs.ContentEncryptionAlgorithm,
    hmacHashAlgorithm: 'SHA-256',
    iterationCount,
  };
  const keyBag = new pkijs.PKCS8ShroudedKeyBag({
    parsedValue: pkijs.PrivateKeyInfo.fromBER(new Uint8Array(input.privateKey)),
  });
  const certBags = input.certificates.map(
    (der) =>
      new pkijs.SafeBag({
        bagId: CERT_BAG,
        bagValue: new pkijs.CertBag({
          certId: X509_CERTIFICATE,
          parsedValue: pkijs.Certificate.fromBER(new Uint8Array(der)),
        }),
      }),
  );
  const pfx = new pkijs.PFX({
    parsedValue: {
      integrityMode: 0,
      authenticatedSafe: new pkijs.AuthenticatedSafe({
        parsedValue: {
          safeContents: [
            {
              privacyMode: 0,
              value: new pkijs.SafeContents({
                safeBags: [new pkijs.SafeBag({ bagId: KEY_BAG, bagValue: keyBag })],
              }),
            },
            { privacyMode: 1, value: new pkijs.SafeContents({ safeBags: certBags }) },
          ],
        },
      }),
    },
  });
  await keyBag.makeInternalValues(encryption);
  await pfx.parsedValue!.authenticatedSafe!.makeInternalValues({ safeContents: [{}, encryption] });
  await pfx.makeInternalValues({
    password,
    iterations: iterationCount,
    pbkdf2HashAlgorithm: 'SHA-256' as unknown as Algorithm,
    hmacHashAlgorithm: 'SHA-256',
  });
  return new Uint8Array(pfx.toSchema().toBER(false));
}

void asn1js;
