// A stand-in for the Government Cipher Committee's signing plugin (Ban Cơ yếu Chính phủ, "VGCA Sign
// Service"): on an officer's PC the plugin is a local WebSocket service (wss://127.0.0.1:8987) that the
// page drives with vgcaplugin.js calls such as vgca_sign_approved(params, callback). The stand-in speaks
// the protocol of docs/integration/vgca-plugin.md — its own implementation of it, sharing no code with
// the browser's client (web/features/signing), so that a mistake on either side shows up:
//   page → plugin   { RequestId, FunctionName: 'vgca_sign_approved', Parameters: '<JSON text>' }
//                   Parameters: { FileUploadHandler, SessionId, FileName (the PDF's URL), MetaData[] }
//   plugin → page   { RequestId, Progress: 'downloading' | 'pin' | 'signing' | 'uploading' } (zero or more)
//                   { RequestId, Result: '<JSON text>' }  Result: { Status, Message, FileServer,
//                   DocumentNumber, DocumentDate } — Status 0 when signed and uploaded (VGCA_STATUS)
// It downloads the file, "asks for the token's PIN" (the PIN the control API says the officer typed),
// signs it (PAdES, through server/platform/signing's signPdf) with the identity it holds for the token,
// and posts the signed file to FileUploadHandler with the SessionId. Faults, over plain HTTP on the same
// port: POST /_sim/fault { mode } (none | no-token | wrong-pin | cancel | download-fails | upload-fails),
// POST /_sim/token { holder, organisation } (a fresh token in that officer's name: vgca-token.ts),
// POST /_sim/reset, GET /_sim/state (the fault, the token's holder and what was signed).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { pkcs12Signer, signPdf, type Signer } from '../server/platform/signing/index.ts';
import type { TokenIssuer } from './vgca-token.ts';

/** The Status codes of the plugin's answer (0: done; the others name what stopped it). */
export const VGCA_STATUS = {
  ok: 0,
  noToken: 1,
  wrongPin: 2,
  cancelled: 3,
  downloadFailed: 4,
  uploadFailed: 5,
  signingFailed: 6,
  badRequest: 9,
} as const;

export const VGCA_FAULTS = [
  'none',
  'no-token',
  'wrong-pin',
  'cancel',
  'download-fails',
  'upload-fails',
] as const;
export type VgcaFault = (typeof VGCA_FAULTS)[number];

export type VgcaPluginOptions = {
  /** 0: any free port. The plugin listens on 127.0.0.1 only, as the real one does. */
  port?: number;
  /** The identity on the officer's token: a signer, or a PKCS#12 with its password; none: no token yet. */
  token?: { signer: Signer; holder: string } | { p12: Uint8Array; password: string; holder: string };
  /** When given, POST /_sim/token { holder, organisation } puts a fresh token in that officer's name (vgca-token.ts). */
  issuer?: TokenIssuer;
  log?: (line: string) => void;
  /** When the signature is made (default: now). */
  now?: () => Date;
};

export type SignedRecord = { fileName: string; sessionId: string; uploadStatus: number; at: string };

export type VgcaPlugin = {
  url: string;
  port: number;
  control: {
    setFault: (mode: VgcaFault) => void;
    fault: () => VgcaFault;
    signed: () => SignedRecord[];
    reset: () => void;
    /** Puts a fresh token in `holder`'s name (needs `issuer`). */
    useToken: (person: { holder: string; organisation: string | null }) => Promise<void>;
    holder: () => string | null;
  };
  close: () => Promise<void>;
};

type Answer = {
  Status: number;
  Message: string;
  FileServer: string;
  DocumentNumber: string;
  DocumentDate: string;
};

const MESSAGES: Record<number, string> = {
  [VGCA_STATUS.ok]: 'Ký số thành công',
  [VGCA_STATUS.noToken]: 'Không tìm thấy thiết bị ký số (USB token)',
  [VGCA_STATUS.wrongPin]: 'Mã PIN không đúng',
  [VGCA_STATUS.cancelled]: 'Người dùng đã hủy thao tác ký số',
  [VGCA_STATUS.downloadFailed]: 'Không tải được tệp cần ký',
  [VGCA_STATUS.uploadFailed]: 'Không gửi được tệp đã ký lên máy chủ',
  [VGCA_STATUS.signingFailed]: 'Ký số không thành công',
  [VGCA_STATUS.badRequest]: 'Tham số ký số không hợp lệ',
};

const MAX_FILE_BYTES = 20 * 1024 * 1024;

function answer(status: number, extra: Partial<Answer> = {}): Answer {
  return {
    Status: status,
    Message: MESSAGES[status] ?? '',
    FileServer: '',
    DocumentNumber: '',
    DocumentDate: '',
    ...extra,
  };
}

type Params = {
  FileUploadHandler: string;
  SessionId: string;
  FileName: string;
  MetaData: { Key: string; Value: string }[];
};

function readParams(text: unknown): Params | null {
  if (typeof text !== 'string') return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (!raw || typeof raw !== 'object') return null;
  const p = raw as Record<string, unknown>;
  const isUrl = (v: unknown) =>
    typeof v === 'string' && URL.canParse(v) && /^https?:$/.test(new URL(v).protocol);
  if (!isUrl(p.FileUploadHandler) || !isUrl(p.FileName)) return null;
  const meta: unknown[] = Array.isArray(p.MetaData) ? (p.MetaData as unknown[]) : [];
  return {
    FileUploadHandler: p.FileUploadHandler as string,
    SessionId: typeof p.SessionId === 'string' ? p.SessionId : '',
    FileName: p.FileName as string,
    MetaData: meta
      .filter((m): m is { Key: string; Value: string } => {
        const e = m as { Key?: unknown; Value?: unknown } | null;
        return typeof e?.Key === 'string' && typeof e.Value === 'string';
      })
      .map((m) => ({ Key: m.Key, Value: m.Value })),
  };
}

type Token = { signer: Signer; holder: string };

async function tokenOf(token: VgcaPluginOptions['token']): Promise<Token | null> {
  if (!token) return null;
  if ('signer' in token) return token;
  return { signer: await pkcs12Signer(token.p12, token.password), holder: token.holder };
}

function readBody(req: http.IncomingMessage): Promise<unknown> {
  return new Promise((resolve) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      try {
        resolve(JSON.parse(body));
      } catch {
        resolve(null);
      }
    });
  });
}

export async function startVgcaPlugin(options: VgcaPluginOptions): Promise<VgcaPlugin> {
  const log = options.log ?? (() => {});
  const now = options.now ?? (() => new Date());
  let token = await tokenOf(options.token);
  let fault: VgcaFault = 'none';
  const signed: SignedRecord[] = [];

  const server = http.createServer((req, res) => {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(body));
    };
    const url = new URL(req.url ?? '/', 'http://plugin.invalid');
    if (req.method === 'GET' && url.pathname === '/_sim/state')
      return reply(200, { fault, holder: token?.holder ?? null, signed });
    if (req.method === 'POST' && url.pathname === '/_sim/reset') {
      fault = 'none';
      signed.length = 0;
      return reply(200, { fault });
    }
    if (req.method === 'POST' && url.pathname === '/_sim/fault') {
      void readBody(req).then((body) => {
        const mode = (body as { mode?: unknown } | null)?.mode;
        if (!VGCA_FAULTS.includes(mode as VgcaFault))
          return reply(400, { error: `mode must be one of ${VGCA_FAULTS.join(', ')}` });
        fault = mode as VgcaFault;
        log(`fault: ${fault}`);
        reply(200, { fault });
      });
      return;
    }
    if (req.method === 'POST' && url.pathname === '/_sim/token') {
      void readBody(req).then(async (body) => {
        const b = (body ?? {}) as { holder?: unknown; organisation?: unknown };
        if (!options.issuer) return reply(409, { error: 'this stand-in was given a fixed token' });
        if (typeof b.holder !== 'string' || b.holder.trim() === '')
          return reply(400, { error: 'holder is required' });
        const organisation =
          typeof b.organisation === 'string' && b.organisation.trim() ? b.organisation : null;
        await useToken({ holder: b.holder.trim(), organisation });
        reply(200, { holder: token?.holder ?? null });
      });
      return;
    }
    reply(404, { error: 'not found' });
  });

  const wss = new WebSocketServer({ server, maxPayload: 64 * 1024 });

  async function useToken(person: { holder: string; organisation: string | null }): Promise<void> {
    if (!options.issuer) throw new Error('the stand-in has no issuer: it was given a fixed token');
    const identity = await options.issuer.issue(person);
    token = { signer: identity.signer, holder: identity.holder };
    log(`token of ${identity.holder}`);
  }

  async function sign(params: Params, progress: (step: string) => void): Promise<Answer> {
    const current = token;
    if (fault === 'no-token' || !current) return answer(VGCA_STATUS.noToken);
    progress('downloading');
    if (fault === 'download-fails') return answer(VGCA_STATUS.downloadFailed);
    let pdf: Uint8Array;
    try {
      const response = await fetch(params.FileName, { signal: AbortSignal.timeout(30_000) });
      if (!response.ok)
        return answer(VGCA_STATUS.downloadFailed, { Message: `${MESSAGES[4]} (HTTP ${response.status})` });
      pdf = new Uint8Array(await response.arrayBuffer());
    } catch {
      return answer(VGCA_STATUS.downloadFailed);
    }
    if (pdf.byteLength > MAX_FILE_BYTES || new TextDecoder().decode(pdf.subarray(0, 5)) !== '%PDF-')
      return answer(VGCA_STATUS.downloadFailed, { Message: 'Tệp cần ký không phải PDF' });
    // The real plugin opens its PIN dialog here; the stand-in's officer types the right PIN unless told otherwise.
    progress('pin');
    if (fault === 'wrong-pin') return answer(VGCA_STATUS.wrongPin);
    if (fault === 'cancel') return answer(VGCA_STATUS.cancelled);
    progress('signing');
    let signedPdf: Uint8Array;
    const at = now();
    try {
      signedPdf = await signPdf(pdf, current.signer, {
        signedAt: at,
        reason: 'Ký duyệt',
        name: current.holder,
      });
    } catch (err) {
      log(`signing failed: ${err instanceof Error ? err.message : String(err)}`);
      return answer(VGCA_STATUS.signingFailed);
    }
    progress('uploading');
    const record = (uploadStatus: number) =>
      signed.push({
        fileName: params.FileName,
        sessionId: params.SessionId,
        uploadStatus,
        at: at.toISOString(),
      });
    if (fault === 'upload-fails') {
      record(0);
      return answer(VGCA_STATUS.uploadFailed);
    }
    // As FileUploadHandler.aspx receives it: a multipart form with the file and the session's id.
    const form = new FormData();
    form.set('SessionId', params.SessionId);
    const name = decodeURIComponent(new URL(params.FileName).pathname.split('/').pop() || 'signed.pdf');
    form.set(
      'file',
      new Blob([Buffer.from(signedPdf)], { type: 'application/pdf' }),
      name.endsWith('.pdf') ? name : `${name}.pdf`,
    );
    try {
      const response = await fetch(params.FileUploadHandler, {
        method: 'POST',
        body: form,
        headers: { 'x-session-id': params.SessionId },
        signal: AbortSignal.timeout(30_000),
      });
      const text = await response.text();
      record(response.status);
      // The handler answers as the plugin's own callback does ({ Status, Message, FileServer, … }); the
      // plugin hands a refusal on whole in FileServer, so the page can read the server's reason.
      let handler: Partial<Answer> | null = null;
      try {
        handler = JSON.parse(text) as Partial<Answer>;
      } catch {
        handler = null;
      }
      if (!response.ok || !handler || handler.Status !== 0)
        return answer(VGCA_STATUS.uploadFailed, { FileServer: text });
      return answer(VGCA_STATUS.ok, {
        FileServer: typeof handler.FileServer === 'string' ? handler.FileServer : '',
        DocumentNumber: typeof handler.DocumentNumber === 'string' ? handler.DocumentNumber : '',
        DocumentDate: typeof handler.DocumentDate === 'string' ? handler.DocumentDate : at.toISOString(),
      });
    } catch {
      record(0);
      return answer(VGCA_STATUS.uploadFailed);
    }
  }

  wss.on('connection', (socket: WebSocket) => {
    socket.on('message', (data: Buffer) => {
      let message: { RequestId?: unknown; FunctionName?: unknown; Parameters?: unknown };
      try {
        message = JSON.parse(data.toString()) as typeof message;
      } catch {
        return socket.send(
          JSON.stringify({ RequestId: null, Result: JSON.stringify(answer(VGCA_STATUS.badRequest)) }),
        );
      }
      const id = typeof message.RequestId === 'string' ? message.RequestId : null;
      const send = (body: object) => {
        if (socket.readyState === socket.OPEN) socket.send(JSON.stringify({ RequestId: id, ...body }));
      };
      const params = readParams(message.Parameters);
      if (message.FunctionName !== 'vgca_sign_approved' || !params)
        return send({ Result: JSON.stringify(answer(VGCA_STATUS.badRequest)) });
      log(`vgca_sign_approved ${params.FileName}`);
      void sign(params, (step) => send({ Progress: step })).then((result) => {
        log(`answer ${result.Status} ${result.Message}`);
        send({ Result: JSON.stringify(result) });
      });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `ws://127.0.0.1:${port}`,
    port,
    control: {
      setFault: (mode) => {
        fault = mode;
      },
      fault: () => fault,
      signed: () => [...signed],
      reset: () => {
        fault = 'none';
        signed.length = 0;
      },
      useToken,
      holder: () => token?.holder ?? null,
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close(() => server.close(() => resolve()));
      }),
  };
}
