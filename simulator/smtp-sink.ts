// An SMTP sink for development, tests, the demo and the bench: a real SMTP server (smtp-server) on
// 127.0.0.1 that keeps what it receives (parsed by mailparser), with an HTTP side:
//   GET  /messages            the messages received, newest last (JSON; ?to= filters by recipient)
//   GET  /                    a small HTML inbox for the demo
//   POST /_sim/faults         { outage?: { durationMs } | null, rejectNext?: number, latencyMs?: number }
//   POST /_sim/reset          forget messages and faults
// Faults: during an outage the server answers 421 (service not available: a temporary failure, the
// client retries); a rejected message gets 550 (permanent). Imports nothing from server/.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';

export type SinkMessage = {
  id: number;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string | null;
  messageId: string | null;
  receivedAt: string;
};

export type SmtpSinkFaults = { outageUntil: number | null; rejectNext: number; latencyMs: number };

export type SmtpSink = {
  smtpPort: number;
  httpUrl: string;
  messages: () => SinkMessage[];
  setFaults: (input: {
    outage?: { durationMs: number } | null;
    rejectNext?: number;
    latencyMs?: number;
  }) => SmtpSinkFaults;
  reset: () => void;
  stats: () => { accepted: number; refused: number };
  close: () => Promise<void>;
};

const escapeHtml = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** The Message-ID and (raw) subject of a message, read from its header without a MIME parser. */
function headersOnly(raw: string): { messageId: string | undefined; subject: string | undefined } {
  const head = raw.slice(0, raw.indexOf('\r\n\r\n') >>> 0);
  return {
    messageId: /^message-id:\s*(.+)$/im.exec(head)?.[1]?.trim(),
    subject: /^subject:\s*(.+)$/im.exec(head)?.[1]?.trim(),
  };
}

export async function startSmtpSink(
  options: {
    smtpPort?: number;
    httpPort?: number;
    keep?: number;
    log?: (line: string) => void;
    /** false: keep the headers' Message-ID and subject only, without parsing the MIME body (the bench). */
    parse?: boolean;
    /** Called with every message accepted (the bench takes receipt times from it). */
    onReceive?: (m: SinkMessage) => void;
  } = {},
): Promise<SmtpSink> {
  const keep = options.keep ?? 10_000;
  const log = options.log ?? (() => {});
  let messages: SinkMessage[] = [];
  let nextId = 1;
  let faults: SmtpSinkFaults = { outageUntil: null, rejectNext: 0, latencyMs: 0 };
  const counts = { accepted: 0, refused: 0 };
  const inOutage = () => faults.outageUntil !== null && Date.now() < faults.outageUntil;
  const temporary = (message: string) => Object.assign(new Error(message), { responseCode: 421 });

  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 10 * 1024 * 1024,
    onConnect(_session, callback) {
      if (inOutage()) {
        counts.refused++;
        return callback(temporary('Service not available (simulated outage)'));
      }
      callback();
    },
    onMailFrom(_address, _session, callback) {
      if (inOutage()) return callback(temporary('Service not available (simulated outage)'));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        void (async () => {
          if (faults.latencyMs > 0) await new Promise((r) => setTimeout(r, faults.latencyMs));
          if (inOutage()) {
            counts.refused++;
            return callback(temporary('Service not available (simulated outage)'));
          }
          if (faults.rejectNext > 0) {
            faults.rejectNext--;
            counts.refused++;
            return callback(
              Object.assign(new Error('Mailbox unavailable (simulated rejection)'), { responseCode: 550 }),
            );
          }
          try {
            const raw = Buffer.concat(chunks);
            const parsed =
              options.parse === false
                ? { ...headersOnly(raw.toString('latin1')), text: '', html: false as const }
                : await simpleParser(raw);
            const id = nextId++;
            messages.push({
              id,
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              to: session.envelope.rcptTo.map((r) => r.address),
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : null,
              messageId: parsed.messageId ?? null,
              receivedAt: new Date().toISOString(),
            });
            options.onReceive?.(messages.at(-1)!);
            if (messages.length > keep) messages = messages.slice(messages.length - keep);
            counts.accepted++;
            callback(null, `Queued as sink-${id}`);
          } catch (err) {
            callback(err as Error);
          }
        })();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    smtp.once('error', reject);
    smtp.listen(options.smtpPort ?? 0, '127.0.0.1', () => resolve());
  });
  smtp.on('error', (err) => log(`smtp error ${err.message}`));
  const smtpPort = (smtp.server.address() as AddressInfo).port;

  const setFaults: SmtpSink['setFaults'] = (input) => {
    const next = { ...faults };
    if (input.outage === null) next.outageUntil = null;
    else if (input.outage !== undefined) next.outageUntil = Date.now() + Math.max(0, input.outage.durationMs);
    if (input.rejectNext !== undefined) next.rejectNext = Math.max(0, Math.floor(input.rejectNext));
    if (input.latencyMs !== undefined) next.latencyMs = Math.max(0, input.latencyMs);
    faults = next;
    log(`faults ${JSON.stringify(faults)}`);
    return { ...faults };
  };
  const reset = () => {
    messages = [];
    faults = { outageUntil: null, rejectNext: 0, latencyMs: 0 };
    counts.accepted = 0;
    counts.refused = 0;
  };

  const web = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://sink');
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'GET' && url.pathname === '/messages') {
      const to = url.searchParams.get('to');
      return json(200, { items: to ? messages.filter((m) => m.to.includes(to)) : messages, ...counts });
    }
    if (req.method === 'GET' && url.pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      const rows = [...messages]
        .reverse()
        .slice(0, 200)
        .map(
          (m) =>
            `<article><h2>${escapeHtml(m.subject)}</h2><p><small>${escapeHtml(m.receivedAt)} · ${escapeHtml(m.to.join(', '))}</small></p><pre>${escapeHtml(m.text)}</pre></article>`,
        );
      return res.end(
        `<!doctype html><html lang="vi"><meta charset="utf-8"><title>Hộp thư thử nghiệm</title><body><h1>Hộp thư thử nghiệm (${messages.length})</h1>${rows.join('') || '<p>Chưa có thư.</p>'}</body></html>`,
      );
    }
    if (req.method === 'POST' && (url.pathname === '/_sim/faults' || url.pathname === '/_sim/reset')) {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if (url.pathname === '/_sim/reset') {
          reset();
          return json(200, { ok: true });
        }
        try {
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Parameters<
            SmtpSink['setFaults']
          >[0];
          return json(200, setFaults(body));
        } catch {
          return json(400, { error: 'body must be JSON' });
        }
      });
      return;
    }
    json(404, { error: 'not found' });
  });
  try {
    await new Promise<void>((resolve, reject) => {
      web.once('error', reject);
      web.listen(options.httpPort ?? 0, '127.0.0.1', () => resolve());
    });
  } catch (err) {
    await new Promise<void>((r) => smtp.close(() => r()));
    throw err;
  }
  const httpUrl = `http://127.0.0.1:${(web.address() as AddressInfo).port}`;
  log(`SMTP on 127.0.0.1:${smtpPort}, inbox on ${httpUrl}`);

  return {
    smtpPort,
    httpUrl,
    messages: () => [...messages],
    setFaults,
    reset,
    stats: () => ({ ...counts }),
    close: async () => {
      web.closeAllConnections();
      await new Promise<void>((r) => web.close(() => r()));
      await new Promise<void>((r) => smtp.close(() => r()));
    },
  };
}

if (import.meta.main) {
  const sink = await startSmtpSink({
    smtpPort: Number(process.env.SMTP_SINK_PORT ?? '2525'),
    httpPort: Number(process.env.SMTP_SINK_HTTP_PORT ?? '2580'),
    log: (l) => console.log(`[smtp-sink] ${l}`),
  });
  console.log(`[smtp-sink] set NOTIFY_SMTP_URL=smtp://127.0.0.1:${sink.smtpPort} for motcua`);
  const stop = () => void sink.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
