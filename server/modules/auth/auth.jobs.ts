// The auth module's background work: sign-in budgets quiet for a day are forgotten hourly by the
// worker (sync.jobs.ts starts it with the others), as they are at each successful sign-in.
import type { Deps } from '../../deps.ts';
import type { JobLog } from '../../platform/jobs/job-log.ts';
import { startPeriodic, type Periodic } from '../../platform/jobs/periodic.ts';
import { forgetQuietBudgets } from './sign-in-budgets.ts';

const PRUNE_INTERVAL_MS = 60 * 60_000;

export function startSignInBudgetPruner(deps: Deps, log: JobLog): Periodic {
  return startPeriodic({
    name: 'sign-in-budget-prune',
    intervalMs: PRUNE_INTERVAL_MS,
    firstDelayMs: 90_000,
    log,
    run: async () => {
      const removed = await forgetQuietBudgets(deps.db, deps.clock.now());
      if (removed > 0) log.info({ removed }, 'sign-in budgets quiet for a day forgotten');
    },
  });
}
