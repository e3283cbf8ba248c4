// Where uploaded bytes live: a directory by default (DATA_DIR/files); an S3-compatible store can
// implement the same two calls.
import fs from 'node:fs/promises';
import path from 'node:path';

export type FileStore = {
  put: (fileId: string, bytes: Buffer) => Promise<void>;
  get: (fileId: string) => Promise<Buffer | null>;
};

const SAFE_ID = /^[0-9a-f-]{36}$/;

export function directoryFileStore(dir: string): FileStore {
  const fileOf = (id: string) => {
    if (!SAFE_ID.test(id)) throw new Error('invalid file id');
    return path.join(dir, id.slice(0, 2), id);
  };
  return {
    put: async (id, bytes) => {
      const file = fileOf(id);
      await fs.mkdir(path.dirname(file), { recursive: true });
      // Write then rename: a crash never leaves a half-written file under the final name.
      await fs.writeFile(`${file}.part`, bytes);
      await fs.rename(`${file}.part`, file);
    },
    get: async (id) => {
      try {
        return await fs.readFile(fileOf(id));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
    },
  };
}
