// pkijs runs on Node's WebCrypto; set once.
import { webcrypto } from 'node:crypto';
import * as pkijs from 'pkijs';

let set = false;
export function ensureEngine(): void {
  if (set) return;
  pkijs.setEngine('node', new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as Crypto }));
  set = true;
}
