// Dossiers submitted on the national portal enter the same intake flow as online submissions here:
// each stored E2 record (inbound.ts) becomes a `submitted` dossier at the desk of the agency it names,
// which accepts it (the clock starts then), asks for a supplement or refuses it. In the mode in force
// since July 2025 this is the only online channel.
//
// Exactly once: the dossier is created under the idempotency key `inbound-<portal code>`, and the
// inbound row is marked afterwards; a crash in between creates nothing twice (the retry replays the
// first answer and marks the row then).
import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import { AppError, type ErrorDetail } from '../../platform/errors.ts';
import type { JobLog } from '../../platform/jobs/job-log.ts';
import { silentLog } from '../../platform/jobs/job-log.ts';
import { submitOnline } from '../dossiers/index.ts';
import type { InboundIntake } from './portal-adapter.ts';

export const NATIONAL_PORTAL_SUBMITTER = 'national-portal';

/**
 * received: now a submitted dossier. rejected: unreadable, or naming what the province does not have.
 * held: the province cannot take it yet (the procedure has no usable workflow or time limit): kept
 * `held` with the reason, taken on a later run once an administrator completes the catalogue.
 * failed: an unexpected error; tried again on the next run.
 */
export type InboundIntakeResult = { received: number; rejected: number; held: number; failed: number };

type InboundRow = Pick<
  Selectable<DB['portal_inbound_dossiers']>,
  'inbound_id' | 'portal_code' | 'intake' | 'problems' | 'status'
>;

export type InboundOutcome = keyof InboundIntakeResult;

export async function receiveInbound(
  deps: Deps,
  options: { limit?: number; log?: JobLog } = {},
): Promise<InboundIntakeResult> {
  const log = options.log ?? silentLog;
  const result: InboundIntakeResult = { received: 0, rejected: 0, held: 0, failed: 0 };
  const rows = await deps.db
    .selectFrom('portal_inbound_dossiers')
    .select(['inbound_id', 'portal_code', 'intake', 'problems', 'status'])
    .where('status', 'in', ['new', 'held'])
    .orderBy('inbound_id')
    .limit(options.limit ?? 100)
    .execute();
  for (const row of rows) result[await intakeInboundRow(deps, row, log)]++;
  if (result.received + result.rejected + result.failed > 0)
    log.info({ ...result }, 'national-portal dossiers entered intake');
  return result;
}

/**
 * One stored row into intake (a `new` one, or a `held` one again): a submitted dossier at the named
 * desk, or the row kept `held` or marked `rejected` with why. The periodic job runs it for every waiting
 * row; an operator runs it for one held row once the catalogue gap is fixed (sync.service.ts).
 */
export async function intakeInboundRow(
  deps: Deps,
  row: InboundRow,
  log: JobLog = silentLog,
): Promise<InboundOutcome> {
  const mark = (
    status: 'held' | 'received' | 'rejected',
    problems: ErrorDetail[],
    dossierCode: string | null,
  ) =>
    deps.db
      .updateTable('portal_inbound_dossiers')
      .set({ status, problems: JSON.stringify(problems), dossier_code: dossierCode })
      .where('inbound_id', '=', row.inbound_id)
      .where('status', '=', row.status)
      .execute();
  if (row.status === 'new' && row.problems.length > 0) {
    // Unreadable, or naming an agency or procedure this province does not have.
    await mark('rejected', row.problems, null);
    return 'rejected';
  }
  const intake = row.intake as InboundIntake;
  try {
    const submitted = await submitOnline(
      deps,
      { kind: 'system', label: NATIONAL_PORTAL_SUBMITTER, applicant: intake.applicant },
      {
        submission: {
          procedureCode: intake.procedureCode,
          agencyCode: intake.agencyCode,
          applicant: { kind: intake.applicant.kind, phone: intake.applicant.phone },
          formData: intake.formData,
          components: intake.components.map((c) => ({
            code: c.code,
            provided: c.provided,
            fileIds: [],
            links: c.files,
          })),
        },
        idempotencyKey: `inbound-${row.portal_code}`,
        requestId: `inbound-${randomUUID()}`,
      },
    );
    const code = submitted.dossier.code;
    await mark('received', submitted.warnings, code);
    return 'received';
  } catch (err) {
    if (err instanceof AppError && err.code === 'UNPROCESSABLE') {
      await mark('held', err.details?.length ? err.details : [{ path: '', message: err.message }], null);
      log.warn({ portalCode: row.portal_code, reason: err.message }, 'inbound dossier held');
      return 'held';
    }
    if (err instanceof AppError && err.status < 500) {
      const problems = err.details?.length ? err.details : [{ path: '', message: err.message }];
      await mark('rejected', problems, null);
      log.warn({ portalCode: row.portal_code, code: err.code }, 'inbound dossier rejected');
      return 'rejected';
    }
    // The database or a bug: left as it was, tried again on the next run.
    log.error({ portalCode: row.portal_code, error: (err as Error).message }, 'inbound intake failed');
    return 'failed';
  }
}
