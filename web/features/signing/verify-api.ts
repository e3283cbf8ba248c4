// The public verification (no sign-in): a PDF uploaded, or a result motcua issued opened by the token
// its QR code carries. The answer's shape is the contract (common/contracts/signing.ts).
import type { VerifyAnswer, VerifyResultAnswer } from '../../../common/contracts/signing.ts';
import { apiErrorOf, apiGet, ApiError, isAbort } from '../../app/http.ts';

export function verifyResultByToken(token: string, signal?: AbortSignal): Promise<VerifyResultAnswer> {
  return apiGet<VerifyResultAnswer>(
    `/api/v1/public/verify/results/${encodeURIComponent(token)}`,
    undefined,
    signal,
  );
}

/** The file as the form's one part (multipart/form-data); errors in the one envelope. */
export async function verifyUploadedPdf(file: File): Promise<VerifyAnswer> {
  const form = new FormData();
  form.append('file', file, file.name);
  let response: Response;
  try {
    response = await fetch('/api/v1/public/verify', {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
    });
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new ApiError({ status: 0, code: 'NETWORK_ERROR', message: '' });
  }
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON: described by the status alone.
  }
  if (response.ok) return body as VerifyAnswer;
  throw apiErrorOf(response.status, body, response.headers.get('retry-after'));
}
