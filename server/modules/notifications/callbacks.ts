// The providers' delivery reports. eSMS: GET with SMSID, SendStatus, SendSuccess/SendFailed and our
// RequestId, authenticated by the shared secret we put in the callback URL. Zalo ZNS: POST webhook,
// X-ZEvent-Signature = mac=sha256(appId + body + timestamp + OA secret). Duplicated, late and
// out-of-order reports never move a message backwards nor count twice: delivered is final, failed
// after delivered is ignored, an intermediate status only lifts queued to sent; a report for an unknown
// message is answered 200, ignored and logged.
import { createHash, timingSafeEqual } from 'node:crypto';
import { sql } from 'kysely';
import type { Deps } from '../../deps.ts';
import { fail } from './notifications.errors.ts';

type Log = { info: (o: object, m: string) => void; warn: (o: object, m: string) => void };

export type CallbackOutcome = 'delivered' | 'failed' | 'sent' | 'unchanged' | 'unknown';

const same = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

async function findMessage(deps: Deps, channel: 'sms' | 'zalo', trackingId: string, providerId: string) {
  const row = await sql<{ message_id: string }>`SELECT message_id FROM notification_messages
    WHERE channel = ${channel} AND (tracking_id = ${trackingId} OR provider_id = ${providerId})
    ORDER BY (tracking_id = ${trackingId}) DESC LIMIT 1`.execute(deps.db);
  return row.rows[0]?.message_id ?? null;
}

/** Applies one report, forward only. */
async function apply(
  deps: Deps,
  id: string,
  report: { state: 'delivered' | 'failed' | 'sent'; reason: string | null; providerId: string },
): Promise<CallbackOutcome> {
  const now = deps.clock.now();
  const res =
    report.state === 'delivered'
      ? await sql`UPDATE notification_messages SET state = 'delivered', delivered_at = ${now}, reason = NULL,
            sent_at = coalesce(sent_at, ${now}), provider_id = coalesce(provider_id, ${report.providerId})
          WHERE message_id = ${id} AND state <> 'delivered'`.execute(deps.db)
      : report.state === 'failed'
        ? await sql`UPDATE notification_messages SET state = 'failed', failed_at = ${now}, reason = ${report.reason},
              provider_id = coalesce(provider_id, ${report.providerId})
            WHERE message_id = ${id} AND state IN ('queued', 'sent')`.execute(deps.db)
        : await sql`UPDATE notification_messages SET state = 'sent', sent_at = coalesce(sent_at, ${now}),
              provider_id = coalesce(provider_id, ${report.providerId})
            WHERE message_id = ${id} AND state = 'queued'`.execute(deps.db);
  return Number(res.numAffectedRows ?? 0) > 0 ? report.state : 'unchanged';
}

export async function smsCallback(
  deps: Deps,
  query: Record<string, string | undefined>,
  log: Log,
): Promise<CallbackOutcome> {
  if (!same(query.secret ?? '', deps.config.notify.callbackSecret))
    throw fail('NOTIFY_CALLBACK_UNAUTHORISED');
  const smsId = query.SMSID ?? '';
  const requestId = query.RequestId ?? '';
  if (smsId === '' && requestId === '')
    throw fail('NOTIFY_CALLBACK_INVALID', {
      details: [{ path: 'querystring/SMSID', message: 'SMSID or RequestId is required' }],
    });
  const id = await findMessage(deps, 'sms', requestId, smsId);
  if (id === null) {
    log.warn({ smsId, requestId }, 'SMS delivery report for an unknown message: ignored');
    return 'unknown';
  }
  const status = query.SendStatus ?? '';
  const success = Number(query.SendSuccess ?? '0') > 0;
  const failed = Number(query.SendFailed ?? '0') > 0;
  if (status === '5' && success)
    return apply(deps, id, { state: 'delivered', reason: null, providerId: smsId });
  if (status === '5' && failed)
    return apply(deps, id, {
      state: 'failed',
      reason: 'eSMS: gửi không thành công (SendFailed)',
      providerId: smsId,
    });
  if (status === '4')
    return apply(deps, id, {
      state: 'failed',
      reason: 'eSMS: tin nhắn bị từ chối (SendStatus 4)',
      providerId: smsId,
    });
  return apply(deps, id, { state: 'sent', reason: null, providerId: smsId });
}

export function znsMac(appId: string, body: string, timestamp: string, secret: string): string {
  return `mac=${createHash('sha256').update(`${appId}${body}${timestamp}${secret}`).digest('hex')}`;
}

export async function zaloCallback(
  deps: Deps,
  raw: string,
  signature: string,
  log: Log,
): Promise<CallbackOutcome> {
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(raw) as Record<string, unknown>;
  } catch {
    throw fail('NOTIFY_CALLBACK_INVALID', { details: [{ path: 'body', message: 'JSON required' }] });
  }
  const timestamp =
    typeof body.timestamp === 'string' || typeof body.timestamp === 'number' ? String(body.timestamp) : '';
  const { zaloAppId, zaloSecret } = deps.config.notify;
  if (!same(signature, znsMac(zaloAppId, raw, timestamp, zaloSecret)))
    throw fail('NOTIFY_CALLBACK_UNAUTHORISED');
  const message = (body.message ?? {}) as Record<string, unknown>;
  const msgId = typeof message.msg_id === 'string' ? message.msg_id : '';
  const trackingId = typeof message.tracking_id === 'string' ? message.tracking_id : '';
  if (msgId === '' && trackingId === '')
    throw fail('NOTIFY_CALLBACK_INVALID', {
      details: [{ path: 'body/message/msg_id', message: 'msg_id is required' }],
    });
  const id = await findMessage(deps, 'zalo', trackingId, msgId);
  if (id === null) {
    log.warn({ msgId, trackingId }, 'ZNS delivery report for an unknown message: ignored');
    return 'unknown';
  }
  if (body.event_name === 'user_received_message')
    return apply(deps, id, { state: 'delivered', reason: null, providerId: msgId });
  return apply(deps, id, { state: 'sent', reason: null, providerId: msgId });
}
