// The demo's inbox shown (#18 scope 5): in demo mode the SMTP sink runs in the server's process
// (notifications.jobs.ts) and what it received is listed on /quan-tri/thong-bao, "Hộp thư thử nghiệm".
// The route exists only in demo mode outside production (the same condition that starts the sink):
// elsewhere it is not registered, so 404. A province's administrators see the e-mails of their
// province's notifications only, found by the Message-ID we gave each (<tracking id@motcua>).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { sql } from 'kysely';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../platform/actor.ts';
import { errorResponses } from '../../platform/http/route-errors.ts';
import { provinceOfPath } from '../../../common/org/paths.ts';
import {
  DemoInboxResponse,
  ProvinceQuery,
  type NotificationEvent,
} from '../../../common/contracts/notifications.ts';
import { requireActor } from '../auth/index.ts';
import { fail } from './notifications.errors.ts';

/** What the page needs of a received e-mail (simulator/smtp-sink.ts's SinkMessage has it). */
export type InboxMail = {
  to: string[];
  subject: string;
  text: string;
  messageId: string | null;
  receivedAt: string;
};
/** The in-process sink's inbox once the notifications' jobs started it (Deps.demoInbox). */
export type DemoInboxSlot = { inbox: { messages: () => InboxMail[] } | null };

export const DEMO_INBOX_LIMIT = 20;
/** The newest e-mails looked at for one answer: the inbox keeps all provinces' mail. */
const SCAN = 500;
const TEXT_MAX = 4000;

/** Where the demo's inbox exists: demo mode, never in production (as the in-process providers). */
export const demoInboxEnabled = (deps: Deps) => deps.config.demoMode && deps.config.nodeEnv !== 'production';

async function provinceAdminOrFail(deps: Deps, actor: Actor, code: string): Promise<void> {
  const province = await deps.db
    .selectFrom('units')
    .select('code')
    .where('path', '=', `/${code}/`)
    .where('valid_to', 'is', null)
    .executeTakeFirst();
  if (!province) throw fail('NOTIFY_PROVINCE_NOT_FOUND', { params: { code } });
  if (!actor.grants.some((g) => g.role === 'province-admin' && provinceOfPath(g.unitPath) === code))
    throw fail('NOTIFY_DEMO_INBOX_ADMIN_ONLY');
}

export async function demoInbox(deps: Deps, actor: Actor, provinceCode: string): Promise<DemoInboxResponse> {
  await provinceAdminOrFail(deps, actor, provinceCode);
  const inbox = deps.demoInbox?.inbox ?? null;
  if (inbox === null) return { running: false, items: [] };
  const newest = inbox.messages().slice(-SCAN).reverse();
  const tracking = (m: InboxMail) => /^<?(mc\d+e)@motcua>?$/.exec(m.messageId ?? '')?.[1] ?? null;
  const ids = [...new Set(newest.flatMap((m) => tracking(m) ?? []))];
  const rows = ids.length
    ? (
        await sql<{
          tracking_id: string;
          event: string;
          dossier_code: string | null;
          feedback_code: string | null;
        }>`
          SELECT tracking_id, event, dossier_code, feedback_code FROM notification_messages
          WHERE tracking_id = ANY (${ids}::text[]) AND province_code = ${provinceCode}`.execute(deps.db)
      ).rows
    : [];
  const ours = new Map(rows.map((r) => [r.tracking_id, r]));
  const items: DemoInboxResponse['items'] = [];
  for (const m of newest) {
    const row = ours.get(tracking(m) ?? '');
    if (!row) continue;
    items.push({
      to: m.to,
      subject: m.subject,
      text: m.text.slice(0, TEXT_MAX),
      receivedAt: m.receivedAt,
      event: row.event as NotificationEvent,
      dossierCode: row.dossier_code,
      feedbackCode: row.feedback_code,
    });
    if (items.length === DEMO_INBOX_LIMIT) break;
  }
  return { running: true, items };
}

export function registerDemoInboxRoute(root: FastifyInstance, deps: Deps): void {
  if (!demoInboxEnabled(deps)) return;
  root.withTypeProvider<TypeBoxTypeProvider>().get(
    '/api/v1/notifications/demo-inbox',
    {
      schema: {
        tags: ['notifications'],
        summary:
          'Hộp thư thử nghiệm (chỉ ở chế độ trình diễn): các e-mail thông báo của tỉnh mà máy chủ SMTP thử nghiệm đã nhận',
        querystring: ProvinceQuery,
        response: { 200: DemoInboxResponse, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => demoInbox(deps, requireActor(request), request.query.provinceCode),
  );
}
