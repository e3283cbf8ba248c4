// CMS SignedData (RFC 5652) as PAdES wants it (ETSI EN 319 142-1 §5.1, CAdES baseline): detached
// content, SHA-256, signed attributes content-type, message-digest and ESS signing-certificate-v2
// (RFC 5035) and no signing-time (the time is in the PDF's /M); optionally an RFC 3161
// signature-time-stamp as an unsigned attribute (PAdES B-T).
import { createHash, X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { Signer } from './index.ts';
import { checkKeyStrength } from './key-strength.ts';
import { signingFail } from './signing.errors.ts';

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  signatureTimeStamp: '1.2.840.113549.1.9.16.2.14',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  sha1: '1.3.14.3.2.26',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  ecPublicKey: '1.2.840.10045.2.1',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
} as const;

export const HASHES: Record<string, string> = {
  [OID.sha256]: 'sha256',
  [OID.sha384]: 'sha384',
  [OID.sha512]: 'sha512',
  [OID.sha1]: 'sha1',
};

const u8 = (b: ArrayBuffer | Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(b);

/** ESS signing-certificate-v2: the SHA-256 of the signer's certificate and its issuer and serial. */
export function signingCertificateV2(cert: pkijs.Certificate, der: Uint8Array): asn1js.Sequence {
  const certHash = createHash('sha256').update(der).digest();
  const issuerSerial = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({
        value: [new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 4 }, value: [cert.issuer.toSchema()] })],
      }),
      cert.serialNumber,
    ],
  });
  const essCertIdV2 = new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: u8(certHash) }), issuerSerial] });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
}

function attribute(type: string, value: asn1js.AsnType): pkijs.Attribute {
  return new pkijs.Attribute({ type, values: [value] });
}

/** The DER of the signed attributes as they are signed: a SET OF (tag 0x31). */
export function signedAttributesForSigning(attrs: pkijs.SignedAndUnsignedAttributes): Uint8Array {
  const der = u8(attrs.encodedValue.byteLength ? attrs.encodedValue : attrs.toSchema().toBER(false));
  const copy = der.slice();
  copy[0] = 0x31;
  return copy;
}

export type CmsSignInput = {
  digest: Uint8Array; // SHA-256 of the signed bytes
  /** Encapsulated content (a time-stamp token's TSTInfo); absent: detached data (PAdES). */
  encapsulated?: { type: string; content: Uint8Array };
  signer: Signer;
  /** The signer's certificates (Signer.certificates(), read once by the caller). */
  chain: Uint8Array[];
  /** Stamps the signature value (PAdES B-T): returns the TimeStampToken's DER. */
  timestamp?: (signatureValue: Uint8Array) => Promise<Uint8Array>;
  /** The time at which the signer's certificate must be valid; null: no check (tests of expired signatures). */
  checkValidityAt: Date | null;
};

/** A CMS SignedData over a detached content whose SHA-256 is `digest`; the DER of its ContentInfo. */
export async function buildCms(input: CmsSignInput): Promise<Uint8Array> {
  const chain = input.chain;
  const first = chain[0];
  if (!first) throw signingFail('SIGNING_CERTIFICATE_MISSING');
  const cert = pkijs.Certificate.fromBER(u8(first));
  const node = new X509Certificate(first);
  checkKeyStrength(node.publicKey);
  if (input.checkValidityAt) {
    const t = input.checkValidityAt.getTime();
    if (t < Date.parse(node.validFrom) || t > Date.parse(node.validTo)) throw signingFail('SIGNING_CERTIFICATE_NOT_VALID_NOW');
  }
  const ec = node.publicKey.asymmetricKeyType === 'ec';
  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({
    type: 0,
    attributes: [
      attribute(OID.contentType, new asn1js.ObjectIdentifier({ value: input.encapsulated?.type ?? OID.data })),
      attribute(OID.messageDigest, new asn1js.OctetString({ valueHex: u8(input.digest) })),
      attribute(OID.signingCertificateV2, signingCertificateV2(cert, first)),
    ],
  });
  const signature = await input.signer.sign(signedAttributesForSigning(signedAttrs));
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
    digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
    signedAttrs,
    signatureAlgorithm: ec
      ? new pkijs.AlgorithmIdentifier({ algorithmId: OID.ecdsaWithSha256 })
      : new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256WithRsa, algorithmParams: new asn1js.Null() }),
    signature: new asn1js.OctetString({ valueHex: u8(signature) }),
  });
  if (input.timestamp) {
    const token = await input.timestamp(signature);
    const parsed = asn1js.fromBER(u8(token));
    if (parsed.offset < 0) throw signingFail('TIMESTAMP_FAILED', { params: { detail: 'unreadable token' } });
    signerInfo.unsignedAttrs = new pkijs.SignedAndUnsignedAttributes({
      type: 1,
      attributes: [attribute(OID.signatureTimeStamp, parsed.result)],
    });
  }
  const signedData = new pkijs.SignedData({
    version: input.encapsulated ? 3 : 1,
    digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 })],
    encapContentInfo: input.encapsulated
      ? new pkijs.EncapsulatedContentInfo({
          eContentType: input.encapsulated.type,
          eContent: new asn1js.OctetString({ valueHex: u8(input.encapsulated.content) }),
        })
      : new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    certificates: chain.map((c) => pkijs.Certificate.fromBER(u8(c))),
    signerInfos: [signerInfo],
  });
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return u8(contentInfo.toSchema().toBER(false));
}
