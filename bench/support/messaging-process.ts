// The messaging providers' simulators (SMS/Zalo over HTTP, the SMTP sink) in a process of their own,
// as the providers are elsewhere in production: their work does not share a thread with the worker
// measured. The parent forks this file and talks to it over IPC; the receipt time of every message
// (wall clock, by our tracking id) comes back for the lag figures.
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { startMessaging } from '../../simulator/messaging.ts';
import { startSmtpSink } from '../../simulator/smtp-sink.ts';

type Ask = { type: 'reset' } | { type: 'receipts' };
type Request = Ask & { id: number };

export type MessagingProcess = {
  url: string;
  smtpPort: number;
  /** Forgets receipts and the SMS RequestIds seen (so the same messages may be sent again). */
  reset: () => Promise<void>;
  /** tracking id → receipt time (ms since the epoch). */
  receipts: () => Promise<Map<string, number>>;
  close: () => Promise<void>;
};

export async function startMessagingProcess(): Promise<MessagingProcess> {
  const child: ChildProcess = fork(path.join(import.meta.dirname, 'messaging-process.ts'), [], {
    env: { PATH: process.env.PATH, BENCH_MESSAGING: '1' },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const waiting = new Map<number, (v: unknown) => void>();
  let nextId = 0;
  const ready = await new Promise<{ url: string; smtpPort: number }>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`messaging simulators exited with ${code}`)));
    child.on('message', (m: { id?: number; url?: string; smtpPort?: number; value?: unknown }) => {
      if (m.url) resolve({ url: m.url, smtpPort: m.smtpPort! });
      else if (m.id !== undefined) {
        waiting.get(m.id)?.(m.value);
        waiting.delete(m.id);
      }
    });
  });
  const ask = <T>(req: Ask): Promise<T> =>
    new Promise((resolve) => {
      const id = nextId++;
      waiting.set(id, resolve as (v: unknown) => void);
      child.send({ ...req, id });
    });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return {
    ...ready,
    reset: async () => {
      await ask({ type: 'reset' });
    },
    receipts: async () => new Map(await ask<[string, number][]>({ type: 'receipts' })),
    close: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

// The child's side.
if (process.env.BENCH_MESSAGING && process.send) {
  let receipts = new Map<string, number>();
  const sim = await startMessaging({ port: 0 });
  // No delivery reports: the bench measures sending (nothing listens for them).
  sim.control.setFaults('all', { dropCallbacks: 1 });
  const sink = await startSmtpSink({
    smtpPort: 0,
    httpPort: 0,
    keep: 0,
    parse: false,
    onReceive: (m) => {
      const id = /^<?([^@>]+)@/.exec(m.messageId ?? '')?.[1];
      if (id) receipts.set(id, Date.parse(m.receivedAt));
    },
  });
  process.send({ url: sim.url, smtpPort: sink.smtpPort });
  process.on('message', (req: Request) => {
    let value: unknown = null;
    if (req.type === 'reset') {
      sim.control.reset();
      sim.control.setFaults('all', { dropCallbacks: 1 });
      receipts = new Map();
    } else {
      const all = [...receipts];
      for (const m of sim.control.sent()) all.push([m.requestId, Date.parse(m.at)]);
      value = all;
    }
    process.send!({ id: req.id, value });
  });
  const close = () => {
    void Promise.all([sim.close(), sink.close()]).then(() => process.exit(0));
  };
  process.on('SIGTERM', close);
  process.on('disconnect', close);
}
