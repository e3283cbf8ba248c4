import type { Signer, SignOptions } from './index.ts';
export async function signPdf(pdf: Uint8Array, signer: Signer, options: SignOptions): Promise<Uint8Array> {
  void pdf;
  void signer;
  void options;
  throw new Error('not yet');
}
