import type { Signer } from './index.ts';
export async function pkcs12Signer(p12: Uint8Array, password: string): Promise<Signer> {
  void p12;
  void password;
  throw new Error('not yet');
}
