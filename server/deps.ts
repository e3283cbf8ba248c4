// Composition root: everything a service needs from the outside world, injected.
import type { Config } from './config.ts';
import type { Database, DbHandle } from './db/client.ts';
import type { Clock } from './platform/clock.ts';
import type { FileStore } from './platform/file-store.ts';
import type { SigningKit } from './modules/signatures/index.ts';
import type { DemoInboxSlot } from './modules/notifications/index.ts';

export type Deps = {
  config: Config;
  db: Database;
  driver: DbHandle['driver'];
  clock: Clock;
  files: FileStore;
  /**
   * This process's writes, table by table: what the short caches follow (db/write-watch.ts,
   * db/watched-cache.ts). Absent: nothing is cached.
   */
  writes?: DbHandle['writes'];
  /** Trust store, seals and remote signing (#19); absent: built from the configuration. */
  signing?: SigningKit;
  /**
   * Demo mode outside production: where the in-process SMTP sink's inbox is put once the notifications'
   * jobs start it, for GET /api/v1/notifications/demo-inbox. Absent: no demo inbox.
   */
  demoInbox?: DemoInboxSlot;
};
