// The files module's background work: the sweeper of what refused or interrupted uploads left in the
// store (file-store.ts), and of anonymous PAKN uploads whose token expired unused (expired-uploads.ts),
// run hourly by the worker (sync.jobs.ts starts it with the others).
import type { Deps } from '../../deps.ts';
import type { JobLog } from '../../platform/jobs/job-log.ts';
import { startPeriodic, type Periodic } from '../../platform/jobs/periodic.ts';
import { sweepFiles } from './files.service.ts';
import { sweepExpiredFeedbackUploads } from './expired-uploads.ts';

const SWEEP_INTERVAL_MS = 60 * 60_000;

export function startFileSweeper(deps: Deps, log: JobLog): Periodic {
  return startPeriodic({
    name: 'file-sweep',
    intervalMs: SWEEP_INTERVAL_MS,
    firstDelayMs: 60_000,
    log,
    run: async () => {
      const removed = await sweepFiles(deps);
      if (removed.staged + removed.orphans > 0)
        log.info(removed, 'file sweep: bytes of unrecorded uploads removed');
      const expired = await sweepExpiredFeedbackUploads(deps);
      if (expired.removed + expired.kept > 0)
        log.info(expired, 'file sweep: PAKN uploads whose token expired unused removed');
    },
  });
}
