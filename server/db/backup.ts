// Backups of the embedded database (docs/operations.md). PGlite serves one process, so a backup is
// taken by that process: the server writes one to DATA_DIR/backups on a schedule
// (BACKUP_EVERY_MINUTES), and `npm run cli -- db:backup` writes one while the server is stopped.
// A backup is PGlite's data dir as a gzipped tarball, taken after a CHECKPOINT: committed
// transactions are in it (their WAL is flushed at commit), one still open is rolled back on restore,
// as after a crash. PostgreSQL is backed up with its own tools (pg_dump, pg_basebackup).
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { openDatabase, type DbHandle } from './client.ts';

export class BackupError extends Error {}

/** Writes the embedded database to `file` (atomically: a .part file renamed when complete). */
export async function backupEmbedded(
  handle: DbHandle,
  file: string,
): Promise<{ file: string; bytes: number }> {
  if (!handle.pglite) {
    throw new BackupError(
      'db:backup is for the embedded database; back PostgreSQL up with pg_dump (docs/operations.md)',
    );
  }
  await sql`CHECKPOINT`.execute(handle.db);
  const blob = await handle.pglite.dumpDataDir('gzip');
  const bytes = Buffer.from(await blob.arrayBuffer());
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const part = `${file}.part`;
  const fd = fs.openSync(part, 'w');
  try {
    fs.writeSync(fd, bytes);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(part, file);
  return { file, bytes: bytes.length };
}

/** Restores a backup into a data dir that holds no database yet; refuses to overwrite one. */
export async function restoreEmbedded(file: string, dataDir: string): Promise<void> {
  const pgdata = path.join(dataDir, 'pgdata');
  if (fs.existsSync(pgdata) && fs.readdirSync(pgdata).length > 0) {
    throw new BackupError(`${dataDir} already holds a database; restore into a fresh DATA_DIR`);
  }
  const data = fs.readFileSync(file);
  const gzip = data[0] === 0x1f && data[1] === 0x8b;
  const handle = await openDatabase({
    dataDir,
    loadDataDir: new Blob([data], { type: gzip ? 'application/x-gzip' : 'application/x-tar' }),
  });
  try {
    await sql`SELECT 1`.execute(handle.db);
  } finally {
    await handle.close();
  }
}

/** backups/motcua-YYYYMMDDTHHMMSSZ.tar.gz under `dir`, keeping the newest `keep`. */
export async function scheduledBackup(handle: DbHandle, dir: string, now: Date, keep = 7): Promise<string> {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  const { file } = await backupEmbedded(handle, path.join(dir, `motcua-${stamp}.tar.gz`));
  const old = fs
    .readdirSync(dir)
    .filter((f) => /^motcua-\d{8}T\d{6}Z\.tar\.gz$/.test(f))
    .sort()
    .reverse()
    .slice(keep);
  for (const f of old) fs.rmSync(path.join(dir, f), { force: true });
  return file;
}
