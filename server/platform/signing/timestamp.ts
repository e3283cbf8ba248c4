// RFC 3161 time-stamps: asking a time-stamp authority for a token over the signature value (PAdES B-T,
// ETSI EN 319 142-1 §5.3), answering such requests (the TSA simulator uses it), checking a token.
import { createHash, randomBytes, X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { buildCms, HASHES, OID } from './cms.ts';
import type { Signer } from './index.ts';
import type { TrustCerts } from './pdf-verify.ts';
import { checkChain, checkCms } from './pdf-verify.ts';
import { signingFail } from './signing.errors.ts';

const u8 = (b: ArrayBuffer | Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(b);
const TIME_STAMPING = '1.3.6.1.5.5.7.3.8';
/** The test TSA's policy (an arbitrary arc; a real TSA names its own). */
export const TEST_TSA_POLICY = '1.3.6.1.4.1.55555.1.1';

const fail = (detail: string) => signingFail('TIMESTAMP_FAILED', { params: { detail } });

/** Asks an RFC 3161 time-stamp authority to stamp a SHA-256 digest; returns the TimeStampToken (DER of its ContentInfo). */
export async function requestTimestamp(url: string, digest: Uint8Array): Promise<Uint8Array> {
  const nonce = randomBytes(8);
  nonce[0]! &= 0x7f;
  const req = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
      hashedMessage: new asn1js.OctetString({ valueHex: u8(digest) }),
    }),
    nonce: new asn1js.Integer({ valueHex: u8(nonce) }),
    certReq: true,
  });
  let body: Uint8Array;
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/timestamp-query' },
      body: u8(req.toSchema().toBER(false)),
      signal: AbortSignal.timeout(10_000),
    });
    if (!res.ok) throw fail(`HTTP ${res.status}`);
    body = new Uint8Array(await res.arrayBuffer());
  } catch (e) {
    if (e instanceof Error && e.name === 'AppError') throw e;
    throw fail(e instanceof Error && e.name === 'TimeoutError' ? 'no answer within 10 s' : 'unreachable');
  }
  let resp: pkijs.TimeStampResp;
  try {
    resp = pkijs.TimeStampResp.fromBER(u8(body));
  } catch {
    throw fail('unreadable reply');
  }
  if (resp.status.status !== 0 && resp.status.status !== 1) throw fail(`refused (status ${resp.status.status})`);
  if (!resp.timeStampToken) throw fail('no token in the reply');
  const token = u8(resp.timeStampToken.toSchema().toBER(false));
  const info = tstInfoOf(token);
  if (!info) throw fail('unreadable token');
  if (!Buffer.from(info.messageImprint.hashedMessage.valueBlock.valueHexView).equals(Buffer.from(digest))) {
    throw fail('the token stamps another digest');
  }
  if (!info.nonce || !Buffer.from(info.nonce.valueBlock.valueHexView).equals(nonce)) throw fail('the nonce differs');
  return token;
}

function tstInfoOf(token: Uint8Array): pkijs.TSTInfo | null {
  try {
    const ci = pkijs.ContentInfo.fromBER(u8(token));
    const sd = new pkijs.SignedData({ schema: ci.content });
    if (sd.encapContentInfo.eContentType !== OID.tstInfo || !sd.encapContentInfo.eContent) return null;
    return pkijs.TSTInfo.fromBER(u8(sd.encapContentInfo.eContent.getValue()));
  } catch {
    return null;
  }
}

/** A non-negative integer's DER content bytes (a leading zero when the high bit is set). */
function integerBytes(n: bigint): Uint8Array<ArrayBuffer> {
  let hex = n.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  if (/^[89a-f]/.test(hex)) hex = `00${hex}`;
  return u8(Buffer.from(hex, 'hex'));
}

/** The TSA side: answers a DER TimeStampReq with a DER TimeStampResp signed by `tsa`. */
export async function createTimestampReply(
  request: Uint8Array,
  tsa: { signer: Signer; genTime: Date; serial: bigint },
): Promise<Uint8Array> {
  const rejection = (text: string) =>
    u8(
      new pkijs.TimeStampResp({
        status: new pkijs.PKIStatusInfo({ status: 2, statusStrings: [new asn1js.Utf8String({ value: text })] }),
      })
        .toSchema()
        .toBER(false),
    );
  let req: pkijs.TimeStampReq;
  try {
    req = pkijs.TimeStampReq.fromBER(u8(request));
  } catch {
    return rejection('bad request');
  }
  const alg = HASHES[req.messageImprint.hashAlgorithm.algorithmId];
  if (!alg || alg === 'sha1') return rejection('unsupported hash algorithm');
  const info = new pkijs.TSTInfo({
    version: 1,
    policy: TEST_TSA_POLICY,
    messageImprint: req.messageImprint,
    serialNumber: new asn1js.Integer({ valueHex: integerBytes(tsa.serial) }),
    genTime: tsa.genTime,
    accuracy: new pkijs.Accuracy({ seconds: 1 }),
    ...(req.nonce ? { nonce: req.nonce } : {}),
  });
  const content = u8(info.toSchema().toBER(false));
  const chain = await tsa.signer.certificates();
  const token = await buildCms({
    digest: createHash('sha256').update(content).digest(),
    encapsulated: { type: OID.tstInfo, content },
    signer: tsa.signer,
    chain: req.certReq ? chain : chain.slice(0, 1),
    checkValidityAt: tsa.genTime,
  });
  return u8(
    new pkijs.TimeStampResp({
      status: new pkijs.PKIStatusInfo({ status: 0 }),
      timeStampToken: pkijs.ContentInfo.fromBER(u8(token)),
    })
      .toSchema()
      .toBER(false),
  );
}

/**
 * Checks a signature-time-stamp token over `signatureValue`: its CMS, its imprint, a TSA certificate
 * for time-stamping with a chain to the store valid at the stamped time. The time, or null.
 */
export function verifyTimestampToken(token: Uint8Array, signatureValue: Uint8Array, store: TrustCerts): Date | null {
  const info = tstInfoOf(token);
  if (!info) return null;
  const hash = HASHES[info.messageImprint.hashAlgorithm.algorithmId];
  if (!hash) return null;
  const expected = createHash(hash).update(signatureValue).digest();
  if (!Buffer.from(info.messageImprint.hashedMessage.valueBlock.valueHexView).equals(expected)) return null;
  const ci = pkijs.ContentInfo.fromBER(u8(token));
  const sd = new pkijs.SignedData({ schema: ci.content });
  const content = u8(sd.encapContentInfo.eContent!.getValue());
  const check = checkCms(token, [content]);
  if (!check.intact || !check.signerCert) return null;
  const eku = new X509Certificate(check.signerCert.der).keyUsage ?? [];
  if (!eku.includes(TIME_STAMPING)) return null;
  const genTime = info.genTime;
  const { allValid } = checkChain(check.signerCert, check.certificates, store, genTime.getTime());
  return allValid ? genTime : null;
}
