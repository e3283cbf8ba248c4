// Where uploaded bytes live: a directory by default (DATA_DIR/files); an S3-compatible store can
// implement the same calls. An upload is staged first (written where nothing reads it), published
// (moved under its id) as the last step of the transaction that records its row, and discarded when
// that transaction fails: refused uploads leave no bytes. What a crash leaves between the steps — staged
// bytes, or published bytes whose row never committed — the sweeper removes once it is old enough that
// no transaction can still be committing it (files module, sweepFiles).
import fs from 'node:fs/promises';
import path from 'node:path';

export type FileStore = {
  /** Writes the bytes of a new file where `get` does not find them yet. */
  stage: (fileId: string, bytes: Buffer) => Promise<void>;
  /** Moves staged bytes under their id, where `get` finds them. */
  publish: (fileId: string) => Promise<void>;
  /** Removes the bytes of a file, staged or published; nothing when there are none. */
  discard: (fileId: string) => Promise<void>;
  get: (fileId: string) => Promise<Buffer | null>;
  /**
   * Removes what was written before `before` and is left over: staged bytes (and half-written ones),
   * and published bytes of the ids `orphans` names among those it is asked about (the ids without a row).
   */
  sweep: (
    before: Date,
    orphans: (fileIds: string[]) => Promise<Set<string>>,
  ) => Promise<{ staged: number; orphans: number }>;
};

const SAFE_ID = /^[0-9a-f-]{36}$/;
/** The staging area: inside the store's directory, so that publishing is a rename on one filesystem. */
const STAGING = '.tmp';
/** Ids asked about at once when sweeping. */
const SWEEP_BATCH = 500;

export function directoryFileStore(dir: string): FileStore {
  const check = (id: string) => {
    if (!SAFE_ID.test(id)) throw new Error('invalid file id');
    return id;
  };
  const fileOf = (id: string) => path.join(dir, check(id).slice(0, 2), id);
  const stagedOf = (id: string) => path.join(dir, STAGING, check(id));
  const removeQuietly = async (file: string) => {
    await fs.rm(file, { force: true });
  };
  return {
    stage: async (id, bytes) => {
      const staged = stagedOf(id);
      await fs.mkdir(path.dirname(staged), { recursive: true });
      try {
        await fs.writeFile(staged, bytes, { flag: 'wx' });
      } catch (err) {
        await removeQuietly(staged);
        throw err;
      }
    },
    publish: async (id) => {
      const file = fileOf(id);
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.rename(stagedOf(id), file);
    },
    discard: async (id) => {
      await Promise.all([removeQuietly(stagedOf(id)), removeQuietly(fileOf(id))]);
    },
    get: async (id) => {
      try {
        return await fs.readFile(fileOf(id));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
    },
    sweep: async (before, orphans) => {
      const old = async (file: string) => {
        try {
          return (await fs.stat(file)).mtime < before;
        } catch {
          return false;
        }
      };
      let staged = 0;
      let orphaned = 0;
      for (const folder of await listDir(dir)) {
        const inFolder = path.join(dir, folder);
        if (folder === STAGING) {
          for (const name of await listDir(inFolder)) {
            if (!(await old(path.join(inFolder, name)))) continue;
            await removeQuietly(path.join(inFolder, name));
            staged++;
          }
          continue;
        }
        if (!/^[0-9a-f]{2}$/.test(folder)) continue;
        const candidates: string[] = [];
        for (const name of await listDir(inFolder)) {
          const file = path.join(inFolder, name);
          if (!(await old(file))) continue;
          if (SAFE_ID.test(name) && name.startsWith(folder)) {
            candidates.push(name);
          } else if (name.endsWith('.part')) {
            // Half-written by an earlier version of this store (write then rename in place).
            await removeQuietly(file);
            staged++;
          }
        }
        for (let i = 0; i < candidates.length; i += SWEEP_BATCH) {
          const batch = candidates.slice(i, i + SWEEP_BATCH);
          for (const id of await orphans(batch)) {
            if (!batch.includes(id)) continue;
            await removeQuietly(fileOf(id));
            orphaned++;
          }
        }
      }
      return { staged, orphans: orphaned };
    },
  };
}

async function listDir(dir: string): Promise<string[]> {
  try {
    return await fs.readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}
