/** Asks an RFC 3161 time-stamp authority to stamp a SHA-256 digest; returns the TimeStampToken (DER of its ContentInfo). */
export async function requestTimestamp(url: string, digest: Uint8Array): Promise<Uint8Array> {
  void url;
  void digest;
  throw new Error('not yet');
}
/** The TSA side: answers a DER TimeStampReq with a DER TimeStampResp signed by `tsa`. */
export async function createTimestampReply(
  request: Uint8Array,
  tsa: { signer: import('./index.ts').Signer; genTime: Date; serial: bigint },
): Promise<Uint8Array> {
  void request;
  void tsa;
  throw new Error('not yet');
}
