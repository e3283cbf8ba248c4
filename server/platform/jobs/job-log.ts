// The logger background jobs write to: Fastify's pino logger in the API process satisfies it; the
// worker process (--role=worker) has no Fastify instance and uses jsonLineLog.
export type JobLog = {
  info: (obj: Record<string, unknown>, msg: string) => void;
  warn: (obj: Record<string, unknown>, msg: string) => void;
  error: (obj: Record<string, unknown>, msg: string) => void;
};

const LEVELS = { error: 50, warn: 40, info: 30 } as const;
const THRESHOLDS: Record<string, number> = {
  fatal: 60,
  error: 50,
  warn: 40,
  info: 30,
  debug: 20,
  trace: 10,
  silent: Infinity,
};

/** pino-compatible JSON lines on stdout, at or above `level`. */
export function jsonLineLog(level: string, name = 'worker'): JobLog {
  const threshold = THRESHOLDS[level] ?? 30;
  const write = (lvl: keyof typeof LEVELS) => (obj: Record<string, unknown>, msg: string) => {
    if (LEVELS[lvl] < threshold) return;
    process.stdout.write(
      `${JSON.stringify({ level: LEVELS[lvl], time: Date.now(), pid: process.pid, name, ...obj, msg })}\n`,
    );
  };
  return { info: write('info'), warn: write('warn'), error: write('error') };
}

export const silentLog: JobLog = { info: () => {}, warn: () => {}, error: () => {} };
