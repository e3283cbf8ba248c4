// The staff's daily summary (issue #18, scope 4): once a working day of the person's province, at the
// time they chose (Vietnam time), one e-mail listing what landed in their worklist since their last
// summary — codes, procedures or PAKN subjects, due times, links to the staff app — and how many of
// their dossiers, and of the PAKN assigned to them, are due soon and overdue. Claimed by inserting the (user, day) row, unique, so that
// two workers running at once send one; the rendered e-mail is kept on the row, sent under a lease and
// retried after a temporary failure. docs/domain/notifications.md, "Staff".
import { sql } from 'kysely';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../platform/actor.ts';
import type { JobLog } from '../../platform/jobs/job-log.ts';
import { loadGrants } from '../auth/index.ts';
import { loadCalendar } from '../calendar/index.ts';
import { countWorklists } from '../dossiers/index.ts';
import { assignedFeedbackDue } from '../feedback/index.ts';
import type { RenderedMessage } from '../../../common/contracts/notifications.ts';
import type { StaffArrival } from '../../../common/contracts/staff-notifications.ts';
import { renderDigest } from '../../../common/notifications/staff-templates.ts';
import { vnCivil, vnDate } from '../../../common/time/vn-time.ts';
import type { ChannelMonitor } from './delivery.ts';
import type { Senders } from './senders.ts';
import { arrivalDetails, arrivalItem, subjectOf } from './staff-delivery.ts';

export type DigestRun = { claimed: number; sent: number; failed: number };

type Due = { user_id: string; username: string; full_name: string; email: string };

const pad = (n: number) => String(n).padStart(2, '0');

/** Who chose a daily summary, whose time has come today, and has none for today yet. */
async function dueToday(deps: Deps, day: string, time: string): Promise<Due[]> {
  const rows = await sql<Due>`
    SELECT p.user_id::text AS user_id, u.username, u.full_name, p.email
    FROM staff_notification_preferences p JOIN users u ON u.user_id = p.user_id AND u.active
    WHERE p.worklist_email = 'daily' AND p.email IS NOT NULL AND p.daily_at <= ${time}
      AND NOT EXISTS (SELECT 1 FROM staff_digests g WHERE g.user_id = p.user_id AND g.day = ${day}::date)
    ORDER BY p.user_id`.execute(deps.db);
  return rows.rows;
}

/** Whether `day` is a working day in the person's province (their first grant's); no grant: no summary. */
async function worksOn(deps: Deps, actor: Actor, day: string): Promise<boolean> {
  const province = actor.grants[0]?.unitPath.split('/')[1];
  if (!province) return false;
  const { calendar } = await loadCalendar(deps, { province });
  return calendar.covers(day) && calendar.isWorkingDay(day);
}

/** Claims today's summary of one person and writes it; false when another worker claimed it first. */
async function claim(deps: Deps, person: Due, at: { day: string; now: Date }): Promise<boolean> {
  const actor: Actor = {
    userId: person.user_id,
    username: person.username,
    fullName: person.full_name,
    grants: await loadGrants(deps.db, person.user_id),
    via: 'session',
  };
  if (!(await worksOn(deps, actor, at.day))) return false;
  const counts = await countWorklists(deps, actor, ['due-soon', 'overdue']);
  const feedbackDue = await assignedFeedbackDue(deps, actor);
  return deps.db.transaction().execute(async (trx) => {
    const claimed = await trx
      .insertInto('staff_digests')
      .values({
        user_id: person.user_id,
        day: at.day,
        recipient: person.email,
        state: 'queued',
        content: '{}',
        items: 0,
        next_attempt_at: at.now,
        created_at: at.now,
      })
      .onConflict((oc) => oc.columns(['user_id', 'day']).doNothing())
      .returning('digest_id')
      .executeTakeFirst();
    if (!claimed) return false;
    const arrivals = await trx
      .updateTable('staff_notifications')
      .set({ state: 'summarised', digest_id: claimed.digest_id })
      .where('user_id', '=', person.user_id)
      .where('state', '=', 'pending-digest')
      .where('arrived_at', '<=', at.now)
      .returning(['subject', 'code', 'arrival', 'arrived_at'])
      .execute();
    arrivals.sort((a, b) => new Date(a.arrived_at).getTime() - new Date(b.arrived_at).getTime());
    const named = arrivals.map((a) => ({
      subject: subjectOf(a.subject),
      code: a.code,
      arrival: a.arrival as StaffArrival,
    }));
    const details = await arrivalDetails(deps, named, trx);
    const content = renderDigest({
      fullName: person.full_name,
      day: at.day,
      items: named.map((a) => arrivalItem(deps, a, details)),
      dueSoon: counts['due-soon'],
      overdue: counts.overdue,
      feedbackDueSoon: feedbackDue.dueSoon,
      feedbackOverdue: feedbackDue.overdue,
      worklistLink: `${deps.config.publicUrl}/ho-so`,
    });
    await trx
      .updateTable('staff_digests')
      .set({ content: JSON.stringify(content), items: named.length })
      .where('digest_id', '=', claimed.digest_id)
      .execute();
    return true;
  });
}

type Leased = { digest_id: string; recipient: string; content: unknown; attempts: number };

/** Leases the queued summaries whose time has come (SKIP LOCKED: another worker takes others). */
async function lease(deps: Deps, now: Date): Promise<Leased[]> {
  const until = new Date(now.getTime() + 30 * deps.config.notify.timeoutMs + 30_000);
  const rows = await sql<Leased>`
    UPDATE staff_digests SET next_attempt_at = ${until}, attempts = attempts + 1
    WHERE digest_id IN (SELECT digest_id FROM staff_digests
      WHERE state = 'queued' AND next_attempt_at <= ${now}
      ORDER BY next_attempt_at LIMIT 50 FOR UPDATE SKIP LOCKED)
    RETURNING digest_id::text AS digest_id, recipient, content, attempts`.execute(deps.db);
  return rows.rows;
}

/**
 * One round: claims and writes the summaries due now, then sends every queued one. The notifications'
 * worker runs it every minute; tests call it with their clock.
 */
export async function runStaffDigests(
  deps: Deps,
  senders: Senders,
  options: { monitor: ChannelMonitor; log: JobLog },
): Promise<DigestRun> {
  const now = deps.clock.now();
  const day = vnDate(now);
  const c = vnCivil(now);
  const run: DigestRun = { claimed: 0, sent: 0, failed: 0 };
  for (const person of await dueToday(deps, day, `${pad(c.hour)}:${pad(c.minute)}`)) {
    try {
      if (await claim(deps, person, { day, now })) run.claimed++;
    } catch (err) {
      options.log.error({ userId: person.user_id, err: (err as Error).message }, 'staff summary not written');
    }
  }
  const send = senders.email;
  if (!send) return run;
  const { maxAttempts, backoffBaseMs, backoffMaxMs } = deps.config.notify;
  for (const d of await lease(deps, now)) {
    const content = (typeof d.content === 'string' ? JSON.parse(d.content) : d.content) as RenderedMessage;
    const result = await send({
      recipient: d.recipient,
      content,
      trackingId: `mcd${d.digest_id}`,
      brandname: deps.config.notify.smsBrandname,
    });
    const at = deps.clock.now();
    options.monitor.record('email', result, at);
    const giveUp = !result.ok && (!result.temporary || d.attempts >= maxAttempts);
    const backoff = Math.min(backoffMaxMs, backoffBaseMs * 2 ** (d.attempts - 1));
    await deps.db
      .updateTable('staff_digests')
      .set({
        state: result.ok ? 'sent' : giveUp ? 'failed' : 'queued',
        sent_at: result.ok ? at : null,
        reason: result.ok ? null : result.error.slice(0, 500),
        next_attempt_at: new Date(at.getTime() + backoff),
      })
      .where('digest_id', '=', d.digest_id)
      .execute();
    if (result.ok) run.sent++;
    else if (giveUp) run.failed++;
  }
  return run;
}
