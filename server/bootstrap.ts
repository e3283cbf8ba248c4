// Opens the database, migrates, seeds: shared by the server, the CLI and the tests.
import type { Config } from './config.ts';
import { openDatabase, type DbHandle } from './db/client.ts';
import { migrateToLatest } from './db/migrate.ts';
import { seedReference } from './db/seeds/reference.ts';
import { seedDemo } from './db/seeds/demo.ts';
import { seedDemoHistory } from './db/seeds/demo/demo-history.ts';
import { seedCatalogue } from './db/seeds/catalogue.ts';
import { seedNationalCatalogue } from './db/seeds/national-catalogue.ts';
import { recordShippedNationalSchedule } from './modules/calendar/index.ts';
import type { Deps } from './deps.ts';
import { systemClock, type Clock } from './platform/clock.ts';
import { directoryFileStore, type FileStore } from './platform/file-store.ts';
import path from 'node:path';

export type Runtime = { deps: Deps; handle: DbHandle; close: () => Promise<void> };

/**
 * Migrates as the schema owner: MIGRATION_DATABASE_URL when it names another role than the runtime
 * connection's (DATABASE_URL), else through `handle` itself (PGlite, development, tests).
 */
export async function migrateAsOwner(config: Config, handle: DbHandle): Promise<string[]> {
  const owner = config.migrationDatabaseUrl;
  if (owner === null || owner === config.databaseUrl || handle.driver !== 'pg') {
    return migrateToLatest(handle.db);
  }
  const migrator = await openDatabase({ databaseUrl: owner, poolSize: 1 });
  try {
    return await migrateToLatest(migrator.db);
  } finally {
    await migrator.close();
  }
}

export async function openRuntime(
  config: Config,
  options: { migrate?: boolean; seed?: boolean; clock?: Clock; handle?: DbHandle; files?: FileStore } = {},
): Promise<Runtime> {
  const handle =
    options.handle ??
    (config.databaseUrl !== null
      ? await openDatabase({ databaseUrl: config.databaseUrl })
      : await openDatabase({ dataDir: config.dataDir }));
  const deps: Deps = {
    config,
    db: handle.db,
    driver: handle.driver,
    writes: handle.writes,
    clock: options.clock ?? systemClock,
    files: options.files ?? directoryFileStore(path.join(config.dataDir, 'files')),
    // The demo's SMTP sink is started with the notifications' jobs; its inbox is shown to the API here.
    ...(config.demoMode && config.nodeEnv !== 'production' ? { demoInbox: { inbox: null } } : {}),
  };
  try {
    if (options.migrate !== false) await migrateAsOwner(config, handle);
    if (options.seed !== false) {
      await seedReference(handle.db, deps.clock.now());
      // The national schedule is the release's (docs/adr/0013-province-calendars.md).
      await recordShippedNationalSchedule(deps);
      await seedCatalogue(deps);
      if (config.demoMode) await seedDemo(deps);
      // The demo's history across the 2025 reform: a running demo's, not the tests' shared template
      // (tests that need it seed it: server/db/seeds/demo/demo-history.test.ts).
      if (config.demoMode && config.nodeEnv !== 'test') await seedDemoHistory(deps);
      // The national catalogue a demo province runs (issue #17): a running demo's; the tests' shared
      // template keeps the 47 (server/db/seeds/national-catalogue.test.ts seeds it on its own copy).
      if (config.demoMode && config.nodeEnv !== 'test') await seedNationalCatalogue(deps);
    }
  } catch (err) {
    await handle.close();
    throw err;
  }
  return { deps, handle, close: () => handle.close() };
}
