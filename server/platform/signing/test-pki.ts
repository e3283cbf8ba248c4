import type { TestPki } from './index.ts';
export async function createTestPki(options?: {
  now?: Date;
  keyAlgorithm?: 'RSA-2048' | 'ECDSA-P256';
}): Promise<TestPki> {
  void options;
  throw new Error('not yet');
}
