// A job run every so often, never overlapping itself; stop() waits for a run in progress.
import type { JobLog } from './job-log.ts';

export type Periodic = { stop: () => Promise<void>; runNow: () => Promise<void> };

export function startPeriodic(options: {
  name: string;
  intervalMs: number;
  run: () => Promise<unknown>;
  log: JobLog;
  /** First run after this delay (default: one interval). */
  firstDelayMs?: number;
}): Periodic {
  const { name, intervalMs, run, log } = options;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let current: Promise<void> | null = null;

  const once = (): Promise<void> => {
    if (current) return current;
    current = (async () => {
      try {
        await run();
      } catch (err) {
        log.error({ job: name, err: err instanceof Error ? err.message : String(err) }, `${name} failed`);
      } finally {
        current = null;
      }
    })();
    return current;
  };
  const schedule = (delay: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      void once().then(() => schedule(intervalMs));
    }, delay);
    timer.unref();
  };
  schedule(options.firstDelayMs ?? intervalMs);

  return {
    runNow: once,
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (current) await current;
    },
  };
}
