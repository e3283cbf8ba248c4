import type { TrustStore, VerifiedSignature } from './index.ts';
export async function verifyPdf(
  pdf: Uint8Array,
  trust: TrustStore,
): Promise<{ signatures: VerifiedSignature[] }> {
  void pdf;
  void trust;
  throw new Error('not yet');
}
