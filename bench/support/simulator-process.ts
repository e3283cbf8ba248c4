// The national-portal simulator in a process of its own, as the portal is in production: its work
// (signature checks, validation, JSON) does not share a thread with the worker it measures. The parent
// forks this file and talks to it over the IPC channel; the receipt time of every message (the
// simulator's receivedAt, wall clock) comes back for the lag figures.
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { startSimulator, type FaultsInput, type SimStats } from '../../simulator/simulator.ts';

type Ask = { type: 'reset'; faults: FaultsInput } | { type: 'stats' } | { type: 'receipts' };
type Request = Ask & { id: number };

/** messageId → receipt time (ms since the epoch) of every message the simulator stored. */
export type Receipts = Map<string, number>;

export type SimulatorProcess = {
  url: string;
  pid: number;
  reset: (faults?: FaultsInput) => Promise<void>;
  stats: () => Promise<SimStats>;
  receipts: () => Promise<Receipts>;
  close: () => Promise<void>;
};

export async function startSimulatorProcess(secret: string): Promise<SimulatorProcess> {
  const child: ChildProcess = fork(path.join(import.meta.dirname, 'simulator-process.ts'), [], {
    env: { PATH: process.env.PATH, BENCH_SIMULATOR_SECRET: secret },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const waiting = new Map<number, (v: unknown) => void>();
  let nextId = 0;
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`simulator exited with ${code}`)));
    child.on('message', (m: { id?: number; url?: string; value?: unknown }) => {
      if (m.url) resolve(m.url);
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
    url,
    pid: child.pid!,
    reset: async (faults = {}) => {
      await ask({ type: 'reset', faults });
    },
    stats: () => ask<SimStats>({ type: 'stats' }),
    receipts: async () => new Map(await ask<[string, number][]>({ type: 'receipts' })),
    close: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

// The child's side.
if (process.env.BENCH_SIMULATOR_SECRET && process.send) {
  const sim = await startSimulator({ port: 0, secret: process.env.BENCH_SIMULATOR_SECRET });
  process.send({ url: sim.url });
  process.on('message', (req: Request) => {
    let value: unknown = null;
    if (req.type === 'reset') {
      sim.control.reset();
      sim.control.setFaults(req.faults);
    } else if (req.type === 'stats') value = sim.control.stats();
    else
      value = sim.control
        .dossiers()
        .flatMap((d) => d.history.map((h) => [h.messageId, Date.parse(h.receivedAt)] as const));
    process.send!({ id: req.id, value });
  });
  const close = () => {
    void sim.close().then(() => process.exit(0));
  };
  process.on('SIGTERM', close);
  // The parent died without closing it: go too.
  process.on('disconnect', close);
}
