export function readCertificates(bytes: Uint8Array): Uint8Array[] {
  void bytes;
  throw new Error('not yet');
}
