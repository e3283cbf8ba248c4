// The server's side of signing a draft result before the approval records it (common/contracts/
// signing.ts, docs/domain/signatures-product.md): what the caller may use for a dossier, a signing
// session for one uploaded PDF, and the session read again until it is done.
import type {
  CreateSigningSession,
  SigningOptions,
  SigningSessionView,
} from '../../../common/contracts/signing.ts';
import { apiGet, apiPost } from '../../app/http.ts';

export type { SigningOptions, SigningSessionView };

const dossier = (code: string) => `/api/v1/dossiers/${encodeURIComponent(code)}`;

export function getSigningOptions(code: string, signal?: AbortSignal): Promise<SigningOptions> {
  return apiGet<SigningOptions>(`${dossier(code)}/signing-options`, undefined, signal);
}

export function createSigningSession(code: string, body: CreateSigningSession): Promise<SigningSessionView> {
  return apiPost<SigningSessionView>(`${dossier(code)}/signing-sessions`, body);
}

export function getSigningSession(id: string): Promise<SigningSessionView> {
  return apiGet<SigningSessionView>(`/api/v1/signing/sessions/${encodeURIComponent(id)}`);
}
