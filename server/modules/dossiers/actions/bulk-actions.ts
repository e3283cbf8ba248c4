// Bulk actions of the worklist (claim, assign, forward, return the result): the same action on several
// dossiers, each performed on its own as the single action is (performAction: its own row lock, its own
// If-Match version, its own lifecycle check, transaction, audit entry). Nothing is all-or-nothing: the
// answer says, per dossier, whether it was done and, if not, why.
import type { Deps } from '../../../deps.ts';
import type { FastifyBaseLogger } from 'fastify';
import type { Actor } from '../../../platform/actor.ts';
import { AppError } from '../../../platform/errors.ts';
import type { BulkActionBody, BulkActionResult } from '../../../../common/contracts/worklists.ts';
import type { BulkAction } from '../../../../common/dossiers/worklists.ts';
import { fail } from '../dossiers.errors.ts';
import { performAction } from './actions.service.ts';

export async function performBulkAction(
  deps: Deps,
  actor: Actor,
  request: {
    action: BulkAction;
    body: BulkActionBody;
    idempotencyKey: string | undefined;
    requestId: string;
    log: FastifyBaseLogger;
  },
): Promise<BulkActionResult> {
  const { items, input } = request.body;
  const seen = new Set<string>();
  const twice = items.flatMap((item, i) => {
    if (seen.has(item.code))
      return [{ path: `body/items/${i}/code`, message: `Hồ sơ ${item.code} đã có trong danh sách.` }];
    seen.add(item.code);
    return [];
  });
  if (twice.length > 0) throw fail('DOSSIER_BULK_DUPLICATE', { details: twice });
  const results: BulkActionResult['results'] = [];
  for (const item of items) {
    try {
      const view = await performAction(
        deps,
        { kind: 'staff', actor },
        {
          code: item.code,
          kind: request.action,
          input,
          ifMatch: item.version,
          // The idempotency scope is per dossier: the request's key serves every dossier of it.
          idempotencyKey: request.idempotencyKey,
          requestId: request.requestId,
        },
      );
      results.push({ code: item.code, ok: true, version: view.version, status: view.status });
    } catch (error) {
      if (error instanceof AppError) {
        results.push({
          code: item.code,
          ok: false,
          error: {
            code: error.code,
            reason: error.reason ?? null,
            message: error.message,
            details: (error.details ?? []).map((d) => ({ path: d.path, message: d.message })),
          },
        });
      } else {
        // The action's transaction was rolled back: this dossier is unchanged; the others stand.
        request.log.error({ err: error, dossier: item.code }, 'bulk action failed on one dossier');
        results.push({
          code: item.code,
          ok: false,
          error: {
            code: 'INTERNAL_ERROR',
            reason: null,
            message: 'Lỗi hệ thống khi thực hiện với hồ sơ này; hồ sơ không thay đổi.',
            details: [],
          },
        });
      }
    }
  }
  const succeeded = results.filter((r) => r.ok).length;
  return { succeeded, refused: results.length - succeeded, results };
}
