// Remote signing (#19) through the Signer interface: a service shaped like the NEAC eSign gateway
// (simulator/remote-signing.ts in development and tests). The officer's key stays with the service;
// the request names the user, their certificate and a transaction, carries what is to be signed, and is
// answered once the user approves on their phone (or refuses, or lets it time out).
import { randomUUID } from 'node:crypto';
import type { Signer } from '../../platform/signing/index.ts';
import { fail } from './signatures.errors.ts';

/** How long the officer has to approve on the phone. */
export const REMOTE_TIMEOUT_MS = 120_000;

type Credentials = { status: number; message?: string; ca_name: string; serial_number: string; certificates: string[] };
type SignAnswer = {
  status: number;
  message?: string;
  transaction_id: string;
  signed_files?: { doc_id: string; signature_base64: string }[];
};

async function post<T>(url: string, body: unknown, timeoutMs: number): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch {
    throw fail('SIGNATURES_REMOTE_TIMEOUT');
  }
  if (res.status >= 500) throw fail('SIGNATURES_REMOTE_TIMEOUT');
  const answer = (await res.json().catch(() => null)) as (T & { status?: number; message?: string }) | null;
  if (answer === null || typeof answer !== 'object') throw fail('SIGNATURES_REMOTE_TIMEOUT');
  if (answer.status !== 0) {
    throw fail('SIGNATURES_REMOTE_REFUSED', { params: { detail: String(answer.message ?? 'bị từ chối') } });
  }
  return answer;
}

export function remoteSigner(
  baseUrl: string,
  user: { userId: string },
  options: { timeoutMs?: number; fileName?: string } = {},
): Signer {
  const timeoutMs = options.timeoutMs ?? REMOTE_TIMEOUT_MS;
  let credentials: Promise<Credentials> | null = null;
  const info = () => {
    credentials ??= post<Credentials>(`${baseUrl}/credentials/info`, { user_id: user.userId }, 15_000);
    return credentials;
  };
  return {
    certificates: async () =>
      (await info()).certificates.map((c) => new Uint8Array(Buffer.from(c, 'base64'))),
    sign: async (data) => {
      const cred = await info();
      const docId = randomUUID();
      const answer = await post<SignAnswer>(
        `${baseUrl}/sign`,
        {
          user_id: user.userId,
          ca_name: cred.ca_name,
          serial_number: cred.serial_number,
          transaction_id: randomUUID(),
          sign_files: [
            { doc_id: docId, file_name: options.fileName ?? 'ket-qua.pdf', file_base64: Buffer.from(data).toString('base64') },
          ],
        },
        timeoutMs,
      );
      const signed = answer.signed_files?.find((f) => f.doc_id === docId);
      if (!signed) throw fail('SIGNATURES_REMOTE_REFUSED', { params: { detail: 'không có chữ ký trong câu trả lời' } });
      return new Uint8Array(Buffer.from(signed.signature_base64, 'base64'));
    },
  };
}
