// Composition root: everything a service needs from the outside world, injected.
import type { Config } from './config.ts';
import type { Database, DbHandle } from './db/client.ts';
import type { Clock } from './platform/clock.ts';
import type { FileStore } from './platform/file-store.ts';

export type Deps = {
  config: Config;
  db: Database;
  driver: DbHandle['driver'];
  clock: Clock;
  files: FileStore;
  /**
   * This process's writes to the tables an actor is read from: what the session cache follows
   * (db/write-watch.ts). Absent: nothing is cached.
   */
  writes?: DbHandle['writes'];
};
