// A staff member's own choice of being told of what lands in their worklist (issue #18, scope 4):
// read and set only by the person, audited. No row: off. docs/domain/notifications.md, "Staff".
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import {
  DEFAULT_DAILY_AT,
  type NotificationPreferences,
  type NotificationPreferencesBody,
  type WorklistEmailChoice,
} from '../../../common/contracts/staff-notifications.ts';
import { fail } from './notifications.errors.ts';

export async function getPreferences(deps: Deps, actor: Actor): Promise<NotificationPreferences> {
  const row = await deps.db
    .selectFrom('staff_notification_preferences')
    .select(['worklist_email', 'daily_at', 'email'])
    .where('user_id', '=', actor.userId)
    .executeTakeFirst();
  if (!row) return { worklistEmail: 'off', dailyAt: DEFAULT_DAILY_AT, email: null };
  return {
    worklistEmail: row.worklist_email as WorklistEmailChoice,
    dailyAt: row.daily_at,
    email: row.email,
  };
}

export async function putPreferences(
  deps: Deps,
  actor: Actor,
  body: NotificationPreferencesBody,
  requestId: string,
): Promise<NotificationPreferences> {
  const email = body.email?.trim() || null;
  if (body.worklistEmail !== 'off' && email === null)
    throw fail('NOTIFY_PREFERENCES_INVALID', {
      details: [{ path: 'body/email', message: 'Cần địa chỉ thư điện tử để nhận thông báo công việc.' }],
    });
  const current = await getPreferences(deps, actor);
  const next: NotificationPreferences = {
    worklistEmail: body.worklistEmail,
    dailyAt: body.dailyAt ?? current.dailyAt,
    email,
  };
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('staff_notification_preferences')
      .values({
        user_id: actor.userId,
        worklist_email: next.worklistEmail,
        daily_at: next.dailyAt,
        email: next.email,
        updated_at: now,
      })
      .onConflict((oc) =>
        oc.column('user_id').doUpdateSet({
          worklist_email: next.worklistEmail,
          daily_at: next.dailyAt,
          email: next.email,
          updated_at: now,
        }),
      )
      .execute();
    await appendAudit(
      trx,
      actor,
      {
        action: 'notifications.preferences-set',
        entityType: 'user',
        entityId: actor.userId,
        details: { worklistEmail: next.worklistEmail, dailyAt: next.dailyAt, email: next.email !== null },
        requestId,
      },
      now,
    );
  });
  return next;
}
