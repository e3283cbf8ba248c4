// RSA ≥ 2048 bits or ECDSA ≥ 256 bits only (TT 15/2025/TT-BKHCN); anything weaker is refused.
import type { KeyObject } from 'node:crypto';
import { signingFail } from './signing.errors.ts';

/** The key's algorithm ("RSA", "ECDSA") and size in bits. */
export function keyDescription(key: KeyObject): { keyAlgorithm: string; keyBits: number } {
  const d = key.asymmetricKeyDetails ?? {};
  if (key.asymmetricKeyType === 'rsa') return { keyAlgorithm: 'RSA', keyBits: d.modulusLength ?? 0 };
  if (key.asymmetricKeyType === 'ec') {
    const curve = d.namedCurve ?? '';
    const bits = {
      prime256v1: 256,
      'P-256': 256,
      secp384r1: 384,
      'P-384': 384,
      secp521r1: 521,
      'P-521': 521,
    }[curve];
    return { keyAlgorithm: 'ECDSA', keyBits: bits ?? 0 };
  }
  return { keyAlgorithm: key.asymmetricKeyType ?? 'unknown', keyBits: 0 };
}

/** Throws SIGNING_KEY_TOO_WEAK unless the key is RSA ≥ 2048 or ECDSA ≥ 256. */
export function checkKeyStrength(key: KeyObject): void {
  const { keyAlgorithm, keyBits } = keyDescription(key);
  const ok = (keyAlgorithm === 'RSA' && keyBits >= 2048) || (keyAlgorithm === 'ECDSA' && keyBits >= 256);
  if (!ok)
    throw signingFail('SIGNING_KEY_TOO_WEAK', { params: { detail: `${keyAlgorithm} ${keyBits} bit` } });
}
