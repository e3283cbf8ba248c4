// The sync module's face: what the rest of the server (and the sync bench) uses of it.
export { registerSyncRoutes } from './sync.routes.ts';
export { startSyncJobs, syncHandlers, type SyncJobs } from './sync.jobs.ts';
export { PORTAL_STATUS_TOPIC } from './portal-status.handler.ts';
export { formatPortalDate, parsePortalDate, toE1Record, type E1Record } from './portal-adapter.ts';
export { createPortalClient } from './portal-client.ts';
export { loadE1Contexts } from './sync.repository.ts';
