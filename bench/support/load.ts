// A small closed-loop load generator: `concurrency` workers, each sending its next request as soon as
// the previous one answered, until `total` requests are done. Used for HTTP (keep-alive sockets, one
// per worker) and for the raw pg ceilings (one pooled connection per worker), so both sides of a
// comparison are driven the same way.
import http from 'node:http';
import net from 'node:net';

export type RunResult = {
  requests: number;
  errors: number;
  firstError: string | null;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
};

/**
 * Runs task(i) for i in [0, total) on `concurrency` workers (a task throws to count as an error), each
 * starting its next task when its last one ended (after `think()` milliseconds, if given: a user
 * reading what they asked for; each worker then also starts that long in). Latency is the task's own time; throughput counts the thinking too.
 */
export async function runClosedLoop(
  concurrency: number,
  total: number,
  task: (i: number) => Promise<void>,
  think?: () => number,
): Promise<RunResult> {
  const latencies = new Float64Array(total);
  let next = 0;
  let errors = 0;
  let firstError: string | null = null;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      // Users reading do not all start at once: each starts a reading time in.
      if (think) await new Promise((r) => setTimeout(r, think()));
      for (let i = next++; i < total; i = next++) {
        const s = performance.now();
        try {
          await task(i);
        } catch (err) {
          errors++;
          firstError ??= err instanceof Error ? err.message : String(err);
        }
        latencies[i] = performance.now() - s;
        if (think && next < total) await new Promise((r) => setTimeout(r, think()));
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  latencies.sort();
  const at = (q: number) => latencies[Math.min(total - 1, Math.floor(q * total))]!;
  return {
    requests: total,
    errors,
    firstError,
    seconds,
    perSecond: total / seconds,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
  };
}

export type HttpAnswer = { status: number; body: string; headers: http.IncomingHttpHeaders };

/** Keep-alive HTTP/1.1 to one origin, at most `connections` sockets. */
export function httpClient(origin: string, connections: number) {
  const url = new URL(origin);
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });
  const request = (
    method: string,
    path: string,
    headers: Record<string, string> = {},
    body?: string,
  ): Promise<HttpAnswer> =>
    new Promise((resolve, reject) => {
      const req = http.request(
        {
          agent,
          host: url.hostname,
          port: url.port,
          method,
          path,
          headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              body: Buffer.concat(chunks).toString('utf8'),
              headers: res.headers,
            }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  return { request, close: () => agent.destroy() };
}

/** A seeded generator, so a run's choices can be repeated from its printed seed (the tests' own). */
export { mulberry32 as seededRandom } from '../../server/test/random.ts';

export const fmtRate = (r: RunResult) => `${Math.round(r.perSecond).toLocaleString('en-US')}/s`;
/** Two decimals, truncated: a printed 0.50 is at least 0.5. */
export const fmtRatio = (r: number) => (Math.floor(r * 100) / 100).toFixed(2);
export const fmtMs = (ms: number) => `${ms < 10 ? ms.toFixed(2) : ms.toFixed(1)} ms`;
export const fmtRun = (r: RunResult) =>
  `${fmtRate(r).padStart(9)}  p50 ${fmtMs(r.p50).padStart(8)}  p99 ${fmtMs(r.p99).padStart(8)}` +
  (r.errors > 0 ? `  ERRORS ${r.errors}/${r.requests}: ${r.firstError}` : '');

/**
 * The same keep-alive HTTP/1.1 requests over plain sockets, for GETs whose answers carry a
 * content-length: a third of node:http's client CPU per request. The load generator shares the
 * machine's cores with the server and PostgreSQL, so what it spends is taken from them.
 */
export function leanHttpClient(origin: string, connections: number) {
  const url = new URL(origin);
  const idle: net.Socket[] = [];
  const all = new Set<net.Socket>();
  const waiting: ((s: net.Socket) => void)[] = [];
  const take = (): Promise<net.Socket> => {
    const s = idle.pop();
    if (s) return Promise.resolve(s);
    if (all.size < connections) {
      const socket = net.connect({ host: url.hostname, port: Number(url.port), noDelay: true });
      all.add(socket);
      return new Promise((resolve, reject) => {
        socket.once('connect', () => resolve(socket));
        socket.once('error', reject);
      });
    }
    return new Promise((resolve) => waiting.push(resolve));
  };
  const give = (s: net.Socket) => {
    const next = waiting.shift();
    if (next) next(s);
    else idle.push(s);
  };
  const get = async (path: string, headers: Record<string, string> = {}): Promise<HttpAnswer> => {
    const socket = await take();
    return new Promise((resolve, reject) => {
      let buffer: Buffer = Buffer.alloc(0);
      let headerEnd = -1;
      let length = -1;
      const onData = (chunk: Buffer) => {
        buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
        if (headerEnd < 0) {
          headerEnd = buffer.indexOf('\r\n\r\n');
          if (headerEnd < 0) return;
          const m = /\r\ncontent-length: *(\d+)/i.exec(buffer.subarray(0, headerEnd).toString('latin1'));
          if (!m) return done(new Error('answer without content-length'));
          length = Number(m[1]);
        }
        if (buffer.length < headerEnd + 4 + length) return;
        done(null);
      };
      const done = (err: Error | null) => {
        socket.off('data', onData);
        socket.off('error', done);
        if (err) {
          all.delete(socket);
          socket.destroy();
          return reject(err);
        }
        give(socket);
        const head = buffer.subarray(0, headerEnd).toString('latin1');
        resolve({
          status: Number(head.slice(9, 12)),
          body: buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'),
          headers: {},
        });
      };
      socket.on('data', onData);
      socket.once('error', done);
      const lines = Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`);
      socket.write(`GET ${path} HTTP/1.1\r\nhost: ${url.host}\r\n${lines.join('')}\r\n`, 'latin1');
    });
  };
  return {
    get,
    close: () => {
      for (const s of all) s.destroy();
    },
  };
}
