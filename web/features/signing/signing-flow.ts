// One signing of one draft result, whichever way: a session asked of the server, then for the USB token
// the VGCA plugin driven with it (vgca-client.ts), for remote signing the officer's confirmation on the
// phone awaited, for the seal nothing more; and in every case the session read back, because only the
// server says whether the signed file was accepted (and why not). Its effects come in as `deps` so the
// steps can be tested without a server, a plugin or a clock.
import type { SigningMethod } from '../../../common/contracts/signing.ts';
import type { SigningSessionView } from './signing-api.ts';
import { signWithPlugin, type PluginFailure, type PluginSocket, type PluginStep } from './vgca-client.ts';

export type SigningStep = PluginStep | 'remote-waiting' | 'seal-signing' | 'checking';

export type SigningFailure = PluginFailure | 'remote-refused' | 'remote-expired' | 'server';

export type SigningResult =
  | { ok: true; session: SigningSessionView }
  /** `detail`: the plugin's or the server's own words, when there are any. `error`: a failed request. */
  | { ok: false; failure: SigningFailure; detail: string | null; error?: unknown };

export type SigningDeps = {
  createSession: (body: { fileId: string; method: SigningMethod }) => Promise<SigningSessionView>;
  readSession: (id: string) => Promise<SigningSessionView>;
  openSocket: (url: string) => PluginSocket;
  pluginUrl: string;
  /** Waits between two reads of a pending session. */
  pause: () => Promise<void>;
  now: () => number;
};

/** Reads a pending session again (at most `tries` times, or until it expires). */
async function settle(
  deps: SigningDeps,
  session: SigningSessionView,
  tries: number,
): Promise<SigningSessionView> {
  let current = session;
  for (let i = 0; i < tries && current.status === 'pending'; i++) {
    if (Date.parse(current.expiresAt) <= deps.now()) break;
    await deps.pause();
    current = await deps.readSession(current.id);
  }
  return current;
}

function outcome(session: SigningSessionView, method: SigningMethod): SigningResult {
  if (session.status === 'signed' && session.signedFileId) return { ok: true, session };
  if (session.status === 'expired' || session.status === 'pending')
    return { ok: false, failure: method === 'remote' ? 'remote-expired' : 'server', detail: session.failure };
  if (method === 'remote') return { ok: false, failure: 'remote-refused', detail: session.failure };
  return { ok: false, failure: method === 'plugin' ? 'refused' : 'server', detail: session.failure };
}

export async function signDocument(
  deps: SigningDeps,
  input: { fileId: string; method: SigningMethod; documentNumber: string },
  report: (step: SigningStep) => void,
): Promise<SigningResult> {
  let last: SigningStep | null = null;
  const onStep = (step: SigningStep) => {
    if (step !== last) report(step);
    last = step;
  };
  let session: SigningSessionView;
  try {
    onStep(
      input.method === 'seal' ? 'seal-signing' : input.method === 'remote' ? 'remote-waiting' : 'connecting',
    );
    session = await deps.createSession({ fileId: input.fileId, method: input.method });
    if (input.method === 'plugin' && session.status === 'pending') {
      const plugin = await signWithPlugin({
        url: deps.pluginUrl,
        open: deps.openSocket,
        onStep,
        params: {
          FileUploadHandler: session.uploadUrl,
          SessionId: session.sessionToken,
          FileName: session.fileUrl,
          MetaData: [{ Key: 'DocumentNumber', Value: input.documentNumber }],
        },
      });
      // The plugin never reached the server (or was stopped before): its own reason is the one to tell.
      if (!plugin.ok && plugin.failure !== 'refused' && plugin.failure !== 'upload-failed') return plugin;
      onStep('checking');
      const read = await settle(deps, await deps.readSession(session.id), 5);
      if (read.status === 'pending' && !plugin.ok) return plugin;
      return outcome(read, 'plugin');
    }
    // Remote signing waits for the phone until the session expires; the seal is done at once.
    const read = await settle(deps, session, input.method === 'remote' ? Number.POSITIVE_INFINITY : 5);
    return outcome(read, input.method);
  } catch (error) {
    return { ok: false, failure: 'server', detail: null, error };
  }
}
