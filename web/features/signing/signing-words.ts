// The signing panel's words: each step and each failure (with the plugin's install help, the server's
// reason when it gave one), and the summary of a signed file's signatures.
import { errorText } from '../../app/errors.ts';
import type { Messages } from '../../app/i18n/vi.ts';
import { formatInstant } from '../calendar/vn-time.ts';
import type { SigningSessionView } from './signing-api.ts';
import type { SigningResult, SigningStep } from './signing-flow.ts';

export function stepText(t: Messages, step: SigningStep): string {
  const w = t.signing.steps;
  if (step === 'remote-waiting') return w.remoteWaiting;
  if (step === 'seal-signing') return w.sealSigning;
  if (step === 'checking') return w.checking;
  return w[step];
}

/** The lines that say why signing stopped and what to do. */
export function failureLines(t: Messages, failure: Extract<SigningResult, { ok: false }>): string[] {
  const s = t.signing;
  if (failure.failure === 'server') {
    const said = failure.error ? errorText(t, failure.error) : failure.detail;
    return [s.failures.server ?? '', ...(said ? [s.reason(said)] : [])];
  }
  const lines = [s.failures[failure.failure] ?? s.failures['signing-failed'] ?? ''];
  if (failure.failure === 'not-running') lines.push(s.installHelp);
  // The server's reason (a refusal, a failed session) is worth saying; the plugin's own words for a
  // failure we already name add nothing.
  if (failure.detail && (failure.failure === 'refused' || failure.failure.startsWith('remote')))
    lines.push(s.reason(failure.detail));
  return lines;
}

/** "Ký bởi Trần Thị Hằng, lúc 14:05 07/12/2026" for each signature of the signed file. */
export function signedSummary(t: Messages, session: SigningSessionView): string {
  return session.signatures
    .map((sig) =>
      t.signing.signedBy(sig.signer, sig.signedAt ? formatInstant(t, sig.signedAt) : t.verify.noTime),
    )
    .join('; ');
}
