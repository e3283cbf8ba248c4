// The page's side of the Government Cipher Committee's signing plugin (the VGCA plugin on the officer's
// PC, a local WebSocket service): our own typed client of the protocol in docs/integration/vgca-plugin.md,
// instead of the vendor's vgcaplugin.js. One request per connection: vgca_sign_approved with the
// server's signing session (the file to sign, the upload handler, the session's id); the plugin reports
// its steps, then answers once with the callback's JSON. Every way it can end becomes one outcome the
// page words (signing-words.ts).

/** Where the plugin listens on an officer's PC. */
export const VGCA_PLUGIN_URL = 'wss://127.0.0.1:8987';

/** What vgca_sign_approved takes (FileName: the URL of the PDF to sign). */
export type SignApprovedParams = {
  FileUploadHandler: string;
  SessionId: string;
  FileName: string;
  MetaData: { Key: string; Value: string }[];
};

/** The plugin's answer, as its callback receives it. */
export type PluginAnswer = {
  Status: number;
  Message: string;
  FileServer: string;
  DocumentNumber: string;
  DocumentDate: string;
};

export const PLUGIN_STEPS = ['connecting', 'downloading', 'pin', 'signing', 'uploading'] as const;
export type PluginStep = (typeof PLUGIN_STEPS)[number];

export const PLUGIN_FAILURES = [
  'not-running',
  'no-token',
  'wrong-pin',
  'cancelled',
  'download-failed',
  'upload-failed',
  'refused',
  'signing-failed',
  'protocol',
] as const;
export type PluginFailure = (typeof PLUGIN_FAILURES)[number];

export type PluginOutcome =
  | { ok: true; answer: PluginAnswer }
  /** `detail`: the plugin's own words, or the server's reason when it refused the signed file. */
  | { ok: false; failure: PluginFailure; detail: string | null };

/** The part of a WebSocket the client uses, so tests can hand it a fake. */
export type PluginSocket = {
  send: (data: string) => void;
  close: () => void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  onclose: ((event: unknown) => void) | null;
};

const STATUS_FAILURE: Record<number, PluginFailure> = {
  1: 'no-token',
  2: 'wrong-pin',
  3: 'cancelled',
  4: 'download-failed',
  5: 'upload-failed',
  6: 'signing-failed',
  9: 'protocol',
};

/**
 * The server's reason when its upload handler refused the signed file: its answer in the plugin's
 * shape (`{ Status: non-zero, Message }`, common/contracts/signing.ts PluginUploadAnswer) or an error
 * envelope (`{ error: { message } }`), handed back whole by the plugin in FileServer.
 */
export function serverReason(text: string): string | null {
  try {
    const body = JSON.parse(text) as { error?: { message?: unknown }; Status?: unknown; Message?: unknown };
    if (typeof body.error?.message === 'string') return body.error.message;
    if (typeof body.Status === 'number' && body.Status !== 0 && typeof body.Message === 'string')
      return body.Message;
    return null;
  } catch {
    return null;
  }
}

function readAnswer(text: unknown): PluginAnswer | null {
  if (typeof text !== 'string') return null;
  try {
    const a = JSON.parse(text) as Partial<PluginAnswer>;
    if (typeof a.Status !== 'number') return null;
    const str = (v: unknown) => (typeof v === 'string' ? v : '');
    return {
      Status: a.Status,
      Message: str(a.Message),
      FileServer: str(a.FileServer),
      DocumentNumber: str(a.DocumentNumber),
      DocumentDate: str(a.DocumentDate),
    };
  } catch {
    return null;
  }
}

/** What an answer means: signed, or the failure its Status names (a refusal when the server said why). */
export function outcomeOf(answer: PluginAnswer): PluginOutcome {
  if (answer.Status === 0) return { ok: true, answer };
  const failure = STATUS_FAILURE[answer.Status] ?? 'signing-failed';
  if (failure === 'upload-failed') {
    const reason = serverReason(answer.FileServer);
    if (reason) return { ok: false, failure: 'refused', detail: reason };
  }
  return { ok: false, failure, detail: answer.Message || null };
}

/**
 * Asks the plugin at `url` to sign: resolves with the outcome, never rejects. A socket that fails
 * before it opens means the plugin is not running (or not installed); one that closes before the
 * answer, a broken exchange.
 */
export function signWithPlugin(input: {
  url: string;
  params: SignApprovedParams;
  open: (url: string) => PluginSocket;
  onStep?: (step: PluginStep) => void;
  requestId?: string;
}): Promise<PluginOutcome> {
  const requestId = input.requestId ?? crypto.randomUUID();
  return new Promise((resolve) => {
    let opened = false;
    let settled = false;
    let socket: PluginSocket;
    const finish = (outcome: PluginOutcome) => {
      if (settled) return;
      settled = true;
      socket.onopen = socket.onmessage = socket.onerror = socket.onclose = null;
      socket.close();
      resolve(outcome);
    };
    input.onStep?.('connecting');
    try {
      socket = input.open(input.url);
    } catch {
      resolve({ ok: false, failure: 'not-running', detail: null });
      return;
    }
    socket.onopen = () => {
      opened = true;
      socket.send(
        JSON.stringify({
          RequestId: requestId,
          FunctionName: 'vgca_sign_approved',
          Parameters: JSON.stringify(input.params),
        }),
      );
    };
    socket.onmessage = (event) => {
      let message: { RequestId?: unknown; Progress?: unknown; Result?: unknown };
      try {
        message = JSON.parse(String(event.data)) as typeof message;
      } catch {
        return finish({ ok: false, failure: 'protocol', detail: null });
      }
      // An answer to another request (or to a request it could not read) is not ours, unless it is the
      // plugin refusing what we sent.
      if (message.RequestId !== requestId && message.RequestId !== null) return;
      if (typeof message.Progress === 'string') {
        const step = PLUGIN_STEPS.find((s) => s === message.Progress);
        if (step) input.onStep?.(step);
        return;
      }
      const answer = readAnswer(message.Result);
      finish(answer ? outcomeOf(answer) : { ok: false, failure: 'protocol', detail: null });
    };
    socket.onerror = () => {
      if (!opened) finish({ ok: false, failure: 'not-running', detail: null });
    };
    socket.onclose = () => finish({ ok: false, failure: opened ? 'protocol' : 'not-running', detail: null });
  });
}

/** The browser's WebSocket as a PluginSocket. */
export function openBrowserSocket(url: string): PluginSocket {
  return new WebSocket(url) as unknown as PluginSocket;
}
