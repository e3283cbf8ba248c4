// The officer's USB token in the VGCA plugin stand-in (simulator/vgca-plugin.ts): a personal
// certificate in the holder's full name (the Government Cipher Committee issues personal official-duty
// certificates in the holder's name; motcua binds a signature to the officer by that name,
// docs/domain/signatures-product.md), issued by a test hierarchy shaped like the real one (root →
// the Committee's CA for state bodies → person), RSA 2048 / SHA-256. The key never leaves this
// process, as on a token; `rootPem` is what a server trusts to accept its signatures
// (SIGNING_TRUST_ROOTS). Test and demo use only. Built with pkijs (docs/adr/0015-own-pdf-signature-code.md).
import { createHash, randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { Signer } from '../server/platform/signing/index.ts';

const RSA: RsaHashedKeyGenParams = {
  name: 'RSASSA-PKCS1-v1_5',
  modulusLength: 2048,
  publicExponent: new Uint8Array([1, 0, 1]),
  hash: 'SHA-256',
};
const DAY = 86_400_000;
const OID = {
  country: '2.5.4.6',
  organisation: '2.5.4.10',
  commonName: '2.5.4.3',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  subjectKeyId: '2.5.29.14',
  authorityKeyId: '2.5.29.35',
} as const;

export type TokenIdentity = {
  holder: string;
  organisation: string | null;
  signer: Signer;
  /** DER: the person's certificate, then the issuing CA's. */
  chain: Uint8Array[];
};

export type TokenIssuer = {
  rootPem: string;
  rootDer: Uint8Array;
  /** A token for `holder`: a fresh key and a certificate under the issuing CA. */
  issue: (person: { holder: string; organisation: string | null }) => Promise<TokenIdentity>;
};

/** A distinguished name of one attribute per RDN (pkijs would put them all in one multi-valued RDN). */
function name(parts: {
  country?: string;
  organisation?: string | null;
  commonName: string;
}): pkijs.RelativeDistinguishedNames {
  const rdn = (type: string, value: asn1js.BaseStringBlock) =>
    new asn1js.Set({ value: [new pkijs.AttributeTypeAndValue({ type, value }).toSchema()] });
  const sequence = new asn1js.Sequence({
    value: [
      rdn(OID.country, new asn1js.PrintableString({ value: parts.country ?? 'VN' })),
      ...(parts.organisation
        ? [rdn(OID.organisation, new asn1js.Utf8String({ value: parts.organisation }))]
        : []),
      rdn(OID.commonName, new asn1js.Utf8String({ value: parts.commonName })),
    ],
  });
  return new pkijs.RelativeDistinguishedNames({ schema: asn1js.fromBER(sequence.toBER(false)).result });
}

function extension(
  extnID: string,
  critical: boolean,
  value: { toSchema(): asn1js.AsnType } | asn1js.AsnType,
) {
  const schema = 'toSchema' in value ? value.toSchema() : value;
  return new pkijs.Extension({ extnID, critical, extnValue: schema.toBER(false) });
}

/** Key usage bits (RFC 5280 4.2.1.3) as a BIT STRING: digitalSignature is bit 0, the leftmost. */
function keyUsage(bits: number[]): asn1js.BitString {
  const byte = bits.reduce((b, bit) => b | (0x80 >> bit), 0);
  const unused = 7 - Math.max(...bits);
  return new asn1js.BitString({ valueHex: new Uint8Array([byte]).buffer, unusedBits: unused });
}

type Issued = { certificate: pkijs.Certificate; keys: CryptoKeyPair; keyId: ArrayBuffer };

async function issueCertificate(input: {
  subject: pkijs.RelativeDistinguishedNames;
  issuer: Issued | null;
  isCa: boolean;
  notBefore: Date;
  notAfter: Date;
}): Promise<Issued> {
  const keys = await crypto.subtle.generateKey(RSA, false, ['sign', 'verify']);
  const certificate = new pkijs.Certificate();
  certificate.version = 2;
  certificate.serialNumber = new asn1js.Integer({
    valueHex: new Uint8Array([0x01, ...randomBytes(15)]).buffer,
  });
  certificate.subject = input.subject;
  certificate.issuer = input.issuer ? input.issuer.certificate.subject : input.subject;
  certificate.notBefore.value = input.notBefore;
  certificate.notAfter.value = input.notAfter;
  await certificate.subjectPublicKeyInfo.importKey(keys.publicKey);
  const keyId = createHash('sha1')
    .update(new Uint8Array(certificate.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView))
    .digest();
  const ownKeyId = keyId.buffer.slice(keyId.byteOffset, keyId.byteOffset + keyId.byteLength);
  certificate.extensions = [
    extension(OID.basicConstraints, true, new pkijs.BasicConstraints({ cA: input.isCa })),
    extension(OID.keyUsage, true, input.isCa ? keyUsage([5, 6]) : keyUsage([0, 1])),
    extension(OID.subjectKeyId, false, new asn1js.OctetString({ valueHex: ownKeyId })),
    ...(input.issuer
      ? [
          extension(
            OID.authorityKeyId,
            false,
            new pkijs.AuthorityKeyIdentifier({
              keyIdentifier: new asn1js.OctetString({ valueHex: input.issuer.keyId }),
            }),
          ),
        ]
      : []),
  ];
  await certificate.sign((input.issuer?.keys ?? keys).privateKey, 'SHA-256');
  return { certificate, keys, keyId: ownKeyId };
}

const der = (c: pkijs.Certificate) => new Uint8Array(c.toSchema(true).toBER(false));

function pem(bytes: Uint8Array): string {
  const b64 = Buffer.from(bytes)
    .toString('base64')
    .replace(/(.{64})/g, '$1\n');
  return `-----BEGIN CERTIFICATE-----\n${b64.trimEnd()}\n-----END CERTIFICATE-----\n`;
}

/** A root and an intermediate CA (fresh keys), ready to issue tokens; `now` sets the validity window. */
export async function createTokenIssuer(options: { now?: Date } = {}): Promise<TokenIssuer> {
  const now = (options.now ?? new Date()).getTime();
  const from = new Date(now - DAY);
  const root = await issueCertificate({
    subject: name({
      organisation: 'Ban Cơ yếu Chính phủ',
      commonName: 'Cục Chứng thực số và Bảo mật thông tin (VGCA stand-in)',
    }),
    issuer: null,
    isCa: true,
    notBefore: from,
    notAfter: new Date(now + 3650 * DAY),
  });
  const ca = await issueCertificate({
    subject: name({
      organisation: 'Ban Cơ yếu Chính phủ',
      commonName: 'CA phục vụ các cơ quan nhà nước (VGCA stand-in)',
    }),
    issuer: root,
    isCa: true,
    notBefore: from,
    notAfter: new Date(now + 1825 * DAY),
  });
  const rootDer = der(root.certificate);
  return {
    rootDer,
    rootPem: pem(rootDer),
    issue: async ({ holder, organisation }) => {
      const person = await issueCertificate({
        subject: name({ organisation, commonName: holder }),
        issuer: ca,
        isCa: false,
        notBefore: from,
        notAfter: new Date(now + 730 * DAY),
      });
      const chain = [der(person.certificate), der(ca.certificate)];
      const signer: Signer = {
        certificates: async () => chain,
        sign: async (data) =>
          new Uint8Array(
            await crypto.subtle.sign('RSASSA-PKCS1-v1_5', person.keys.privateKey, Buffer.from(data)),
          ),
      };
      return { holder, organisation, signer, chain };
    },
  };
}
