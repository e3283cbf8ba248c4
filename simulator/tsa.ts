// An RFC 3161 time-stamp authority on 127.0.0.1 for development and tests (PAdES B-T signatures):
//   POST /                 application/timestamp-query → application/timestamp-reply, signed with a TSA
//                          certificate (extendedKeyUsage timeStamping) of the test PKI
// and a control API that faults never touch:
//   GET  /_sim/tsa/faults  the faults in force;  PUT /_sim/tsa/faults {mode, delayMs}
//   GET  /_sim/tsa/stats   requests answered;  POST /_sim/tsa/reset
// Faults: down (HTTP 503), slow (the answer after delayMs), bad-reply (HTTP 200 with bytes that are no
// TimeStampResp). Unlike the portal simulator it reuses motcua's own RFC 3161 encoder
// (createTimestampReply): the tokens are checked by the verifier, which decodes them independently.
// `node simulator/tsa.ts` runs one (TSA_PORT, default 3910) with a fresh test PKI and writes its root
// to .tmp/tsa-test-root.pem for the trust store.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createTestPki, createTimestampReply, type Signer } from '../server/platform/signing/index.ts';

export type TsaFaults = { mode: 'none' | 'down' | 'slow' | 'bad-reply'; delayMs: number };
const NO_FAULTS: TsaFaults = { mode: 'none', delayMs: 0 };
const MODES = ['none', 'down', 'slow', 'bad-reply'] as const;

export type TsaSimulator = {
  url: string;
  control: { faults(): TsaFaults; setFaults(f: Partial<TsaFaults>): TsaFaults; stats(): { answered: number; faulted: number } };
  close(): Promise<void>;
};

export async function startTsa(options: {
  signer: Signer;
  port?: number;
  /** The time written in tokens (tests pass their clock). */
  now?: () => Date;
  log?: (line: string) => void;
}): Promise<TsaSimulator> {
  let faults: TsaFaults = { ...NO_FAULTS };
  let serial = 0n;
  const stats = { answered: 0, faulted: 0 };
  const now = options.now ?? (() => new Date());
  const log = options.log ?? (() => {});
  const control: TsaSimulator['control'] = {
    faults: () => ({ ...faults }),
    setFaults(f) {
      const mode = f.mode ?? faults.mode;
      if (!MODES.includes(mode)) throw new Error(`mode must be one of ${MODES.join(', ')}`);
      const delayMs = f.delayMs ?? faults.delayMs;
      if (!Number.isFinite(delayMs) || delayMs < 0) throw new Error('delayMs must be ≥ 0');
      faults = { mode, delayMs };
      return { ...faults };
    },
    stats: () => ({ ...stats }),
  };

  const body = (req: http.IncomingMessage) =>
    new Promise<Buffer>((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size > 65_536) req.destroy(new Error('too large'));
        else chunks.push(c);
      });
      req.on('end', () => resolve(Buffer.concat(chunks)));
      req.on('error', reject);
    });
  const json = (res: http.ServerResponse, status: number, value: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
  };

  const server = http.createServer((req, res) => {
    void (async () => {
      const path = (req.url ?? '/').split('?')[0];
      if (path === '/_sim/tsa/faults') {
        if (req.method === 'PUT' || req.method === 'POST') {
          try {
            json(res, 200, control.setFaults(JSON.parse((await body(req)).toString('utf8') || '{}') as Partial<TsaFaults>));
          } catch (e) {
            json(res, 400, { error: e instanceof Error ? e.message : 'bad request' });
          }
        } else json(res, 200, control.faults());
        return;
      }
      if (path === '/_sim/tsa/stats') return json(res, 200, control.stats());
      if (path === '/_sim/tsa/reset' && req.method === 'POST') {
        faults = { ...NO_FAULTS };
        stats.answered = 0;
        stats.faulted = 0;
        return json(res, 200, { ok: true });
      }
      if (path !== '/' || req.method !== 'POST') return json(res, 404, { error: 'POST / with application/timestamp-query' });
      if (req.headers['content-type'] !== 'application/timestamp-query') {
        return json(res, 415, { error: 'application/timestamp-query expected' });
      }
      const query = await body(req);
      if (faults.mode === 'down') {
        stats.faulted++;
        log('request refused (down)');
        return json(res, 503, { error: 'down (fault)' });
      }
      if (faults.mode === 'slow') await new Promise((r) => setTimeout(r, faults.delayMs));
      if (faults.mode === 'bad-reply') {
        stats.faulted++;
        res.writeHead(200, { 'content-type': 'application/timestamp-reply' }).end(Buffer.from('not a TimeStampResp'));
        return;
      }
      serial++;
      const reply = await createTimestampReply(query, { signer: options.signer, genTime: now(), serial });
      stats.answered++;
      log(`token ${serial} issued`);
      res.writeHead(200, { 'content-type': 'application/timestamp-reply' }).end(Buffer.from(reply));
    })().catch((e: unknown) => {
      log(`error: ${e instanceof Error ? e.message : String(e)}`);
      if (!res.headersSent) json(res, 500, { error: 'internal' });
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    control,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

if (import.meta.main) {
  const pki = await createTestPki();
  const tsa = await startTsa({ signer: pki.tsa.signer, port: Number(process.env.TSA_PORT ?? '3910'), log: (l) => console.log(`[tsa] ${l}`) });
  mkdirSync('.tmp', { recursive: true });
  const pem = `-----BEGIN CERTIFICATE-----\n${Buffer.from(pki.roots[0]!).toString('base64').replace(/.{64}/g, '$&\n')}\n-----END CERTIFICATE-----\n`;
  writeFileSync('.tmp/tsa-test-root.pem', pem);
  console.log(`[tsa] listening at ${tsa.url} (test root in .tmp/tsa-test-root.pem)`);
  const stop = () => void tsa.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
