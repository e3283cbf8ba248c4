// CPU time spent per request by each side (server process, PostgreSQL backends of the bench database,
// this process), read from /proc: unlike throughput, it hardly moves when something else shares the
// machine, so it says where the time goes. Linux only; elsewhere the figures are left out.
import fs from 'node:fs';
import pg from 'pg';

const TICKS_PER_SECOND = 100;

export function cpuMsOf(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): utime is the 14th, stime the 15th.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(rest[11]) + Number(rest[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

type CpuSnapshot = { server: number; self: number; backends: Map<number, number> };
type CpuSpent = { server: number; database: number; self: number };

export function cpuMeter(databaseUrl: string, database: string, serverPid: number) {
  const available = fs.existsSync(`/proc/${process.pid}/stat`);
  const backends = async (): Promise<Map<number, number>> => {
    const c = new pg.Client({ connectionString: databaseUrl });
    await c.connect();
    try {
      const rows = await c.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND backend_type = 'client backend' AND pid <> pg_backend_pid()`,
        [database],
      );
      const out = new Map<number, number>();
      for (const { pid } of rows.rows) {
        const ms = cpuMsOf(pid);
        if (ms !== null) out.set(pid, ms);
      }
      return out;
    } finally {
      await c.end();
    }
  };
  const selfMs = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  return {
    available,
    async snapshot(): Promise<CpuSnapshot> {
      return {
        server: cpuMsOf(serverPid) ?? 0,
        self: selfMs(),
        backends: available ? await backends() : new Map<number, number>(),
      };
    },
    /** CPU ms spent since `from` (backends that started since count from zero). */
    async since(from: CpuSnapshot): Promise<CpuSpent> {
      const now = await this.snapshot();
      let database = 0;
      for (const [pid, ms] of now.backends) database += ms - (from.backends.get(pid) ?? 0);
      return { server: now.server - from.server, database, self: now.self - from.self };
    },
  };
}
