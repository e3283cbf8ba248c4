import { createHmac, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

// argon2id with the OWASP minimum (m = 19 MiB, t = 2, p = 1); @node-rs/argon2's default algorithm is argon2id.
const ARGON = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON);
}

let verifications = 0;
/** Passwords this process has checked: the argon2 work a guesser can make the server do (the tests count it). */
export function passwordVerifications(): number {
  return verifications;
}

export async function verifyPassword(phc: string, password: string): Promise<boolean> {
  verifications += 1;
  try {
    return await verify(phc, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the user does not exist, so both answers take the same time. */
let dummyHash: Promise<string> | null = null;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return dummyHash;
}

export function newSecret(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

export function keyedHash(secretKey: string, value: string): string {
  return createHmac('sha256', secretKey).update(value).digest('hex');
}
