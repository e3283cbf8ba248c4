// The staff actions on a PAKN (NĐ 20/2008 Điều 9 and 14; docs/domain/feedback.md): each checks who may
// (roles in reach), the status, the version (If-Match), then writes in one transaction the new state,
// the history entry, the audit entry and, when the answer reaches the sender, `feedback.notification`.
import type { Transaction, Updateable } from 'kysely';
import type { Deps } from '../../deps.ts';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import type { ErrorDetail } from '../../platform/errors.ts';
import { findReplay, rememberResponse } from '../../platform/idempotency.ts';
import { enqueue, message } from '../../platform/jobs/outbox.ts';
import {
  FeedbackNotificationTopic,
  StaffNotificationTopic,
} from '../../../common/contracts/outbox-topics.ts';
import {
  FEEDBACK_ACTION_ROLES,
  FEEDBACK_STATUS_LABELS,
  type FeedbackAction,
  type FeedbackActionBody,
  type FeedbackDetail,
  type FeedbackKind,
  type FeedbackStatus,
} from '../../../common/contracts/feedback.ts';
import { ROLE_LABELS, type Role } from '../../../common/auth/roles.ts';
import { loadGrants } from '../auth/index.ts';
import { attachableFiles } from '../files/index.ts';
import { canReachAgency, grantReachesAgency } from '../org/index.ts';
import { fail } from './feedback.errors.ts';
import { publicSearchText } from './feedback-public.service.ts';
import { feedbackDetail } from './feedback-views.service.ts';
import {
  agencyByCode,
  appendHistory,
  dueTimes,
  findFeedback,
  type FeedbackRowRead,
} from './feedback.repository.ts';

type Bodies = { [A in FeedbackAction]: FeedbackActionBody<A> };
const invalid = (details: ErrorDetail[]) => fail('FEEDBACK_INVALID', { details });

/** The statuses each action is taken from (hide/unhide: any, by the flag). */
const FROM: Readonly<Record<FeedbackAction, readonly FeedbackStatus[] | 'any'>> = {
  classify: ['received'],
  transfer: ['received', 'awaiting-transfer', 'processing'],
  assign: ['processing'],
  'draft-answer': ['processing'],
  'submit-answer': ['processing'],
  'return-answer': ['awaiting-approval'],
  approve: ['awaiting-approval'],
  publish: ['approved'],
  'send-to-sender': ['approved'],
  hide: 'any',
  unhide: 'any',
  reopen: ['published', 'answered', 'not-accepted'],
};

const target = (row: FeedbackRowRead) => ({ agencyPath: row.agency_path, unitPath: row.unit_path });

/** The caller may take `action` on the row now (roles in reach, status, the row's own conditions). */
export function mayTake(actor: Actor, row: FeedbackRowRead, action: FeedbackAction): boolean {
  const roles = FEEDBACK_ACTION_ROLES[action] as readonly Role[];
  if (!canReachAgency(actor, target(row), 'write', roles)) return false;
  const from = FROM[action];
  if (from !== 'any' && !from.includes(row.status as FeedbackStatus)) return false;
  if (action === 'hide') return !row.hidden;
  if (action === 'unhide') return row.hidden;
  if (action === 'submit-answer' && row.draft_text === null) return false;
  if ((action === 'draft-answer' || action === 'submit-answer') && !isLeader(actor, row))
    return row.assignee_user_id === null || row.assignee_user_id === actor.userId;
  return true;
}

const isLeader = (actor: Actor, row: FeedbackRowRead) =>
  canReachAgency(actor, target(row), 'write', ['leader']);

/** Why the caller may not: 403 naming who may, or 409 naming the status. */
function refusal(actor: Actor, row: FeedbackRowRead, action: FeedbackAction) {
  const roles = FEEDBACK_ACTION_ROLES[action] as readonly Role[];
  const who = roles.map((r) => ROLE_LABELS[r]).join(', ');
  if (!canReachAgency(actor, target(row), 'write', roles))
    return fail('FEEDBACK_FORBIDDEN', { params: { who } });
  if (
    (action === 'draft-answer' || action === 'submit-answer') &&
    row.assignee_user_id !== null &&
    row.assignee_user_id !== actor.userId &&
    !isLeader(actor, row)
  )
    return fail('FEEDBACK_FORBIDDEN', { params: { who: 'chuyên viên được giao hoặc lãnh đạo' } });
  return fail('FEEDBACK_ACTION_NOT_ALLOWED', {
    params: { status: FEEDBACK_STATUS_LABELS[row.status as FeedbackStatus] },
  });
}

export type ActionRequest<A extends FeedbackAction> = {
  code: string;
  action: A;
  body: Bodies[A];
  ifMatch: number;
  /** `Idempotency-Key`: a retry under it answers the first answer and changes nothing again. */
  idempotencyKey: string | undefined;
  requestId: string;
};

/**
 * Takes one action and answers the record as the caller now sees it, read in the action's transaction
 * and kept there for a retry under the same Idempotency-Key (the dossier actions' mechanism,
 * platform/idempotency.ts: the same request answers the kept answer, another body under the key 409).
 */
export async function takeAction<A extends FeedbackAction>(
  deps: Deps,
  actor: Actor,
  req: ActionRequest<A>,
): Promise<FeedbackDetail> {
  const idempotent = {
    scope: `staff:${actor.userId}:feedback-action:${req.code}`,
    key: req.idempotencyKey,
    body: { action: req.action, body: req.body, ifMatch: req.ifMatch },
  };
  const replay = await findReplay<FeedbackDetail>(deps.db, idempotent);
  if (replay) return replay.body;
  const row = await findFeedback(deps.db, req.code);
  if (!row || !canReachAgency(actor, target(row), 'read'))
    throw fail('FEEDBACK_NOT_FOUND', { params: { code: req.code } });
  if (!mayTake(actor, row, req.action)) throw refusal(actor, row, req.action);
  if (row.version !== req.ifMatch)
    throw fail('FEEDBACK_STALE_VERSION', {
      details: [{ path: 'headers/if-match', message: `Phiên bản hiện tại là ${row.version}.` }],
    });
  const now = deps.clock.now();
  const plan = await planAction(deps, actor, { row, action: req.action, body: req.body as never, now });
  return deps.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('feedback')
      .set({ ...plan.set, version: row.version + 1 })
      .where('feedback_id', '=', row.feedback_id)
      .where('version', '=', row.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1)
      throw fail('FEEDBACK_STALE_VERSION', {
        details: [{ path: 'headers/if-match', message: 'Đã có người khác cập nhật.' }],
      });
    await plan.also?.(trx);
    await appendHistory(trx, {
      feedbackId: row.feedback_id,
      action: req.action,
      userId: actor.userId,
      label: actor.username,
      at: now,
      details: plan.details,
    });
    await appendAudit(
      trx,
      actor,
      {
        action: `feedback.${req.action}`,
        entityType: 'feedback',
        entityId: row.feedback_id,
        details: { code: row.code, ...plan.details },
        requestId: req.requestId,
        chain: row.agency_id,
      },
      now,
    );
    const assignee = req.action === 'assign' ? plan.set.assignee_user_id : undefined;
    // Handed to an officer: they are told, if they chose to be (notifications' staff.notification, #18).
    if (typeof assignee === 'string' && assignee !== actor.userId)
      await enqueue(
        trx,
        [
          message(StaffNotificationTopic, row.code, {
            subject: 'feedback',
            code: row.code,
            arrival: 'assigned',
            assigneeId: assignee,
            agencyId: row.agency_id,
            role: 'specialist',
            byUserId: actor.userId,
            at: now.toISOString(),
          }),
        ],
        now,
      );
    if (plan.answered)
      await enqueue(
        trx,
        [
          message(FeedbackNotificationTopic, row.code, {
            feedbackCode: row.code,
            event: 'answered',
            at: now.toISOString(),
          }),
        ],
        now,
      );
    const view = await feedbackDetail(deps, actor, row.code, {
      justTransferred: req.action === 'transfer',
      db: trx,
    });
    await rememberResponse(trx, idempotent, { statusCode: 200, body: view, at: now });
    return view;
  });
}

type Plan = {
  set: Updateable<DB['feedback']>;
  details: Record<string, unknown>;
  also?: (trx: Transaction<DB>) => Promise<void>;
  answered?: boolean;
};

type PlanInput = { row: FeedbackRowRead; action: FeedbackAction; body: never; now: Date };

async function planAction(deps: Deps, actor: Actor, input: PlanInput): Promise<Plan> {
  const { row, now } = input;
  const body = input.body as Bodies[FeedbackAction];
  switch (input.action) {
    case 'classify': {
      const b = body as Bodies['classify'];
      if (b.category === 'not-accepted' && !b.reason)
        throw invalid([
          { path: 'body/reason', message: 'Cần nêu lý do không tiếp nhận (NĐ 20/2008 Điều 9).' },
        ]);
      const status: FeedbackStatus =
        b.category === 'not-accepted'
          ? 'not-accepted'
          : b.category === 'outside-competence'
            ? 'awaiting-transfer'
            : 'processing';
      const urgent = b.urgent ?? row.urgent;
      const due =
        urgent === row.urgent
          ? {}
          : {
              due_at: (
                await dueTimes(deps, deps.db, {
                  agencyId: row.agency_id,
                  kind: row.kind as FeedbackKind,
                  urgent,
                  start: new Date(row.clock_started_at),
                })
              ).dueAt,
            };
      return {
        set: { status, category: b.category, category_reason: b.reason ?? null, urgent, ...due },
        details: { category: b.category, urgent },
      };
    }
    case 'transfer': {
      const b = body as Bodies['transfer'];
      const to = await agencyByCode(deps.db, b.toAgencyCode);
      if (!to || to.agency_id === row.agency_id)
        throw invalid([
          {
            path: 'body/toAgencyCode',
            message: to ? 'Phải là một cơ quan khác cơ quan đang xử lý.' : 'Không có cơ quan này.',
          },
        ]);
      const late = now > new Date(row.transfer_due_at);
      // The answer limit restarts at the new agency (its province's settings and calendar).
      const { dueAt, transferDueAt } = await dueTimes(deps, deps.db, {
        agencyId: to.agency_id,
        kind: row.kind as FeedbackKind,
        urgent: row.urgent,
        start: now,
      });
      return {
        set: {
          agency_id: to.agency_id,
          status: 'received',
          category: null,
          category_reason: null,
          assignee_user_id: null,
          draft_text: null,
          draft_by_user_id: null,
          draft_at: null,
          clock_started_at: now,
          due_at: dueAt,
          transfer_due_at: transferDueAt,
        },
        details: { from: row.agency_code, to: to.code, late },
        also: async (trx) => {
          await trx
            .insertInto('feedback_transfers')
            .values({
              feedback_id: row.feedback_id,
              from_agency_id: row.agency_id,
              to_agency_id: to.agency_id,
              note: b.note.trim(),
              by_user_id: actor.userId,
              at: now,
              late,
            })
            .execute();
          await dropAnswerFiles(trx, row.feedback_id);
        },
      };
    }
    case 'assign': {
      const b = body as Bodies['assign'];
      const user = await deps.db
        .selectFrom('users')
        .select(['user_id', 'username'])
        .where('username', '=', b.username)
        .where('active', '=', true)
        .executeTakeFirst();
      const grants = user ? await loadGrants(deps.db, user.user_id) : [];
      const fit = grants.some(
        (g) => (g.role === 'specialist' || g.role === 'leader') && grantReachesAgency(g, target(row)),
      );
      if (!user || !fit)
        throw invalid([
          { path: 'body/username', message: 'Không phải chuyên viên hoặc lãnh đạo của cơ quan xử lý.' },
        ]);
      return { set: { assignee_user_id: user.user_id }, details: { assignee: user.username } };
    }
    case 'draft-answer': {
      const b = body as Bodies['draft-answer'];
      const ids = b.fileIds ?? [];
      const ok = await attachableFiles(deps.db, ids, { kind: 'staff', userId: actor.userId });
      const bad = ids.flatMap((id, i) =>
        ok.has(id)
          ? []
          : [{ path: `body/fileIds/${i}`, message: 'Tệp không tồn tại hoặc không phải của bạn.' }],
      );
      if (bad.length > 0) throw invalid(bad);
      return {
        set: { draft_text: b.text.trim(), draft_by_user_id: actor.userId, draft_at: now },
        details: { files: ids.length },
        also: async (trx) => {
          await dropAnswerFiles(trx, row.feedback_id);
          if (ids.length > 0)
            await trx
              .insertInto('feedback_files')
              .values(ids.map((file_id) => ({ feedback_id: row.feedback_id, file_id, role: 'answer' })))
              .execute();
        },
      };
    }
    case 'submit-answer':
      return { set: { status: 'awaiting-approval' }, details: {} };
    case 'return-answer':
      return {
        set: { status: 'processing' },
        details: { reason: (body as Bodies['return-answer']).reason.trim() },
      };
    case 'approve': {
      // The verdict is fixed once: a reopened PAKN answered again keeps its first one.
      const verdict = row.verdict ?? (now <= new Date(row.due_at) ? 'on-time' : 'late');
      return {
        set: {
          status: 'approved',
          answer_text: row.draft_text,
          answer_agency_id: row.agency_id,
          approved_by_user_id: actor.userId,
          approved_at: now,
          verdict,
        },
        details: { verdict },
      };
    }
    case 'publish': {
      const b = body as Bodies['publish'];
      return {
        set: {
          status: 'published',
          delivered_as: 'published',
          delivered_at: now,
          publish_sender_data: b.publishSenderData !== false,
          public_search_text: publicSearchText(row),
        },
        details: { publishSenderData: b.publishSenderData !== false },
        answered: true,
      };
    }
    case 'send-to-sender':
      return {
        set: { status: 'answered', delivered_as: 'sent-to-sender', delivered_at: now },
        details: {},
        answered: true,
      };
    case 'hide':
      return {
        set: { hidden: true, hidden_reason: (body as Bodies['hide']).reason.trim() },
        details: { reason: (body as Bodies['hide']).reason.trim() },
      };
    case 'unhide':
      return { set: { hidden: false, hidden_reason: null }, details: {} };
    case 'reopen':
      return {
        set: { status: 'processing', delivered_as: null, delivered_at: null },
        details: { reason: (body as Bodies['reopen']).reason ?? null },
      };
  }
}

const dropAnswerFiles = (trx: Transaction<DB>, feedbackId: string) =>
  trx
    .deleteFrom('feedback_files')
    .where('feedback_id', '=', feedbackId)
    .where('role', '=', 'answer')
    .execute();
