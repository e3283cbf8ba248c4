// A remote signing service (#19), shaped like the NEAC eSign gateway: the officer's key stays here, the
// one-stop system asks for a signature for a user and the user approves on their phone.
//   POST /credentials/info  { user_id } → { status: 0, ca_name, serial_number, certificates: [base64 DER] }
//   POST /sign              { user_id, ca_name, serial_number, transaction_id,
//                             sign_files: [{ doc_id, file_name, file_base64 }] }
//                           → once the user approves: { status: 0, transaction_id,
//                             signed_files: [{ doc_id, signature_base64 }] } (SHA-256 with the user's key
//                             over the bytes given: the CMS signed attributes of the PDF signature);
//                             refused: { status: 2, message }; unknown user: { status: 1, message }
// Control: POST /_sim/remote-signing/mode { mode: 'auto' | 'manual' | 'refuse' | 'timeout', delayMs? }
//   auto: approved after delayMs; manual: waits for POST /_sim/remote-signing/approve/<transaction_id>
//   or /refuse/<transaction_id>; refuse: the user refuses; timeout: never answered (the client gives up).
//   GET /_sim/remote-signing/pending: the transactions waiting for the phone.
// Its own code: nothing from server/, the identities are handed to it (a test-PKI identity's signer).
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type RemoteIdentity = {
  caName: string;
  serialNumber: string;
  /** DER, the user's first. */
  certificates: () => Promise<Uint8Array[]>;
  sign: (data: Uint8Array) => Promise<Uint8Array>;
};
export type RemoteMode = 'auto' | 'manual' | 'refuse' | 'timeout';

export type RemoteSigningSimulator = {
  url: string;
  setMode: (mode: RemoteMode, delayMs?: number) => void;
  /** Transactions asked for, in order. */
  requests: { userId: string; transactionId: string; files: number }[];
  close: () => Promise<void>;
};

type Waiting = { userId: string; decide: (approved: boolean) => void };

export async function startRemoteSigning(options: {
  identities: Record<string, RemoteIdentity>;
  port?: number;
  mode?: RemoteMode;
  delayMs?: number;
}): Promise<RemoteSigningSimulator> {
  let mode: RemoteMode = options.mode ?? 'auto';
  let delayMs = options.delayMs ?? 50;
  const waiting = new Map<string, Waiting>();
  const requests: RemoteSigningSimulator['requests'] = [];
  const held = new Set<http.ServerResponse>();

  const textOf = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
  const body = (req: http.IncomingMessage) =>
    new Promise<Record<string, unknown>>((resolve) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        try {
          const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
          resolve(typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {});
        } catch {
          resolve({});
        }
      });
    });
  const send = (res: http.ServerResponse, status: number, value: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(value));
  };

  const sign = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const b = await body(req);
    const userId = textOf(b.user_id);
    const identity = options.identities[userId];
    const transactionId = textOf(b.transaction_id);
    const files = Array.isArray(b.sign_files) ? (b.sign_files as Record<string, unknown>[]) : [];
    requests.push({ userId, transactionId, files: files.length });
    if (!identity)
      return send(res, 200, {
        status: 1,
        message: 'Người dùng chưa đăng ký dịch vụ ký số từ xa',
        transaction_id: transactionId,
      });
    if (b.serial_number !== identity.serialNumber) {
      return send(res, 200, { status: 1, message: 'Chứng thư số không khớp', transaction_id: transactionId });
    }
    const approved = await new Promise<boolean | null>((resolve) => {
      if (mode === 'refuse') return resolve(false);
      if (mode === 'timeout') {
        held.add(res);
        res.on('close', () => {
          held.delete(res);
          resolve(null);
        });
        return;
      }
      waiting.set(transactionId, { userId, decide: resolve });
      if (mode === 'auto') setTimeout(() => resolve(true), delayMs);
    });
    waiting.delete(transactionId);
    if (approved === null) return;
    if (!approved)
      return send(res, 200, {
        status: 2,
        message: 'Người dùng từ chối ký trên điện thoại',
        transaction_id: transactionId,
      });
    const signed = await Promise.all(
      files.map(async (f) => ({
        doc_id: textOf(f.doc_id),
        signature_base64: Buffer.from(
          await identity.sign(Buffer.from(textOf(f.file_base64), 'base64')),
        ).toString('base64'),
      })),
    );
    send(res, 200, { status: 0, transaction_id: transactionId, signed_files: signed });
  };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://sim');
    const route = `${req.method} ${url.pathname}`;
    void (async () => {
      if (route === 'POST /credentials/info') {
        const b = await body(req);
        const identity = options.identities[textOf(b.user_id)];
        if (!identity)
          return send(res, 200, { status: 1, message: 'Người dùng chưa đăng ký dịch vụ ký số từ xa' });
        const certificates = (await identity.certificates()).map((c) => Buffer.from(c).toString('base64'));
        return send(res, 200, {
          status: 0,
          ca_name: identity.caName,
          serial_number: identity.serialNumber,
          certificates,
        });
      }
      if (route === 'POST /sign') return sign(req, res);
      if (route === 'POST /_sim/remote-signing/mode') {
        const b = await body(req);
        mode = (b.mode as RemoteMode) ?? mode;
        if (typeof b.delayMs === 'number') delayMs = b.delayMs;
        return send(res, 200, { mode, delayMs });
      }
      if (route === 'GET /_sim/remote-signing/pending') {
        return send(
          res,
          200,
          [...waiting.entries()].map(([id, w]) => ({ transactionId: id, userId: w.userId })),
        );
      }
      const decided = /^POST \/_sim\/remote-signing\/(approve|refuse)\/([^/]+)$/.exec(route);
      if (decided) {
        const w = waiting.get(decodeURIComponent(decided[2]!));
        if (!w) return send(res, 404, { message: 'no such transaction' });
        w.decide(decided[1] === 'approve');
        return send(res, 200, { ok: true });
      }
      send(res, 404, { message: 'not found' });
    })().catch(() => send(res, 500, { status: 9, message: 'internal error' }));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    setMode: (m, d) => {
      mode = m;
      if (d !== undefined) delayMs = d;
    },
    requests,
    close: async () => {
      for (const res of held) res.destroy();
      for (const w of waiting.values()) w.decide(false);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
