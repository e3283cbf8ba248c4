// The notifications' services: a dossier's messages (staff who see it, the applicant), a province's
// templates and channels (its province-admins; audited) and the operators' health view.
import { sql } from 'kysely';
import type { Deps } from '../../deps.ts';
import type { Actor, Caller } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { provinceOfPath } from '../../../common/org/paths.ts';
import type { DELIVERY_STATES } from '../../../common/contracts/notifications.ts';
import {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_EVENTS,
  NotificationEventLabels,
  TEMPLATE_PLACEHOLDERS,
  type ChannelSettings,
  type DossierNotificationsResponse,
  type NotificationChannel,
  type NotificationEvent,
  type NotificationsHealthResponse,
  type PutChannelsBody,
  type RenderedMessage,
  type TemplateBody,
  type TemplateListResponse,
  type TemplateView,
} from '../../../common/contracts/notifications.ts';
import {
  defaultTemplate,
  render,
  SAMPLE_VALUES,
  validateTemplate,
} from '../../../common/notifications/templates.ts';
import { getVisibleDossier } from '../dossiers/index.ts';
import { fail } from './notifications.errors.ts';
import { APPLICANT_TOPIC, FEEDBACK_TOPIC, provinceSettings } from './delivery.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export async function dossierNotifications(
  deps: Deps,
  caller: Caller,
  code: string,
): Promise<DossierNotificationsResponse> {
  const row = await getVisibleDossier(deps.db, caller, code);
  const rows = await deps.db
    .selectFrom('notification_messages as m')
    .leftJoin('notification_messages as z', 'z.message_id', 'm.fallback_of')
    .selectAll('m')
    .select('z.reason as fallback_reason')
    .where('m.dossier_code', '=', row.code)
    .orderBy('m.message_id')
    .execute();
  return {
    items: rows.map((r) => ({
      id: String(r.message_id),
      event: r.event as NotificationEvent,
      eventLabel: NotificationEventLabels[r.event as NotificationEvent] ?? r.event,
      channel: r.channel as NotificationChannel,
      to: r.recipient_masked,
      state: r.state as (typeof DELIVERY_STATES)[number],
      ...(r.reason !== null && r.state !== 'delivered' && r.state !== 'sent' ? { reason: r.reason } : {}),
      at: iso(r.queued_at)!,
      sentAt: iso(r.sent_at),
      deliveredAt: iso(r.delivered_at),
      attempts: r.attempts,
      ...(r.fallback_of !== null
        ? { fallbackFor: { channel: 'zalo' as const, reason: r.fallback_reason ?? '' } }
        : {}),
    })),
  };
}

// ---- the province's administrators ----------------------------------------------------------------

async function provinceOrFail(deps: Deps, actor: Actor, code: string): Promise<void> {
  const province = await deps.db
    .selectFrom('units')
    .select('code')
    .where('path', '=', `/${code}/`)
    .where('valid_to', 'is', null)
    .executeTakeFirst();
  if (!province) throw fail('NOTIFY_PROVINCE_NOT_FOUND', { params: { code } });
  if (!actor.grants.some((g) => g.role === 'province-admin' && provinceOfPath(g.unitPath) === code))
    throw fail('NOTIFY_PROVINCE_ADMIN_ONLY');
}

type StoredTemplate = {
  event: string;
  channel: string;
  template: unknown;
  updated_at: Date;
  updated_by: string | null;
};

function view(
  event: NotificationEvent,
  channel: NotificationChannel,
  stored: StoredTemplate | undefined,
): TemplateView {
  const def = defaultTemplate(event, channel);
  return {
    event,
    eventLabel: NotificationEventLabels[event],
    channel,
    source: stored ? 'override' : 'default',
    template: stored
      ? ((typeof stored.template === 'string'
          ? JSON.parse(stored.template)
          : stored.template) as TemplateBody)
      : def,
    defaultTemplate: def,
    updatedAt: stored ? iso(stored.updated_at) : null,
    updatedBy: stored?.updated_by ?? null,
  };
}

async function storedTemplates(deps: Deps, code: string): Promise<StoredTemplate[]> {
  return (
    await sql<StoredTemplate>`SELECT t.event, t.channel, t.template, t.updated_at, u.username AS updated_by
      FROM notification_templates t LEFT JOIN users u ON u.user_id = t.updated_by
      WHERE t.province_code = ${code}`.execute(deps.db)
  ).rows;
}

export async function listTemplates(deps: Deps, actor: Actor, code: string): Promise<TemplateListResponse> {
  await provinceOrFail(deps, actor, code);
  const stored = await storedTemplates(deps, code);
  return {
    provinceCode: code,
    items: NOTIFICATION_EVENTS.flatMap((e) =>
      NOTIFICATION_CHANNELS.map((c) =>
        view(
          e,
          c,
          stored.find((s) => s.event === e && s.channel === c),
        ),
      ),
    ),
    placeholders: Object.entries(TEMPLATE_PLACEHOLDERS).map(([name, p]) => ({
      name,
      label: p.label,
      sample: p.sample,
    })),
  };
}

type TemplateKey = {
  code: string;
  event: NotificationEvent;
  channel: NotificationChannel;
  requestId: string;
};

export async function putTemplate(
  deps: Deps,
  actor: Actor,
  key: TemplateKey,
  body: TemplateBody,
): Promise<TemplateView> {
  await provinceOrFail(deps, actor, key.code);
  const problems = validateTemplate(key.channel, body);
  if (problems.length > 0) throw fail('NOTIFY_TEMPLATE_INVALID', { details: problems });
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await sql`INSERT INTO notification_templates (province_code, event, channel, template, updated_at, updated_by)
      VALUES (${key.code}, ${key.event}, ${key.channel}, ${JSON.stringify(body)}::jsonb, ${now}, ${actor.userId})
      ON CONFLICT (province_code, event, channel) DO UPDATE SET template = EXCLUDED.template,
        updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`.execute(trx);
    await appendAudit(
      trx,
      actor,
      {
        action: 'notifications.template-set',
        entityType: 'notification_template',
        entityId: `${key.code}/${key.event}/${key.channel}`,
        details: { template: body },
        requestId: key.requestId,
      },
      now,
    );
  });
  const stored = await storedTemplates(deps, key.code);
  return view(
    key.event,
    key.channel,
    stored.find((s) => s.event === key.event && s.channel === key.channel),
  );
}

export async function deleteTemplate(deps: Deps, actor: Actor, key: TemplateKey): Promise<TemplateView> {
  await provinceOrFail(deps, actor, key.code);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const gone = await sql`DELETE FROM notification_templates
      WHERE province_code = ${key.code} AND event = ${key.event} AND channel = ${key.channel}`.execute(trx);
    if (Number(gone.numAffectedRows ?? 0) > 0)
      await appendAudit(
        trx,
        actor,
        {
          action: 'notifications.template-removed',
          entityType: 'notification_template',
          entityId: `${key.code}/${key.event}/${key.channel}`,
          requestId: key.requestId,
        },
        now,
      );
  });
  return view(key.event, key.channel, undefined);
}

export async function previewTemplate(
  deps: Deps,
  actor: Actor,
  input: {
    provinceCode: string;
    event: NotificationEvent;
    channel: NotificationChannel;
    template?: TemplateBody | undefined;
  },
): Promise<{ rendered: RenderedMessage }> {
  await provinceOrFail(deps, actor, input.provinceCode);
  let template = input.template;
  if (template === undefined) {
    const stored = await storedTemplates(deps, input.provinceCode);
    template = view(
      input.event,
      input.channel,
      stored.find((s) => s.event === input.event && s.channel === input.channel),
    ).template;
  } else {
    const problems = validateTemplate(input.channel, template, 'body/template');
    if (problems.length > 0) throw fail('NOTIFY_TEMPLATE_INVALID', { details: problems });
  }
  return { rendered: render(input.channel, template, SAMPLE_VALUES) };
}

async function channelsView(deps: Deps, code: string): Promise<ChannelSettings> {
  const s = (await provinceSettings(deps, [code])).get(code)!;
  const row = await deps.db
    .selectFrom('notification_channel_settings')
    .select(['updated_at', 'sms_brandname'])
    .where('province_code', '=', code)
    .executeTakeFirst();
  return {
    provinceCode: code,
    channels: NOTIFICATION_CHANNELS.map((channel) => ({ channel, enabled: s.enabled.has(channel) })),
    smsBrandname: row ? row.sms_brandname : null,
    updatedAt: row ? iso(row.updated_at) : null,
  };
}

export async function getChannels(deps: Deps, actor: Actor, code: string): Promise<ChannelSettings> {
  await provinceOrFail(deps, actor, code);
  return channelsView(deps, code);
}

export async function putChannels(
  deps: Deps,
  actor: Actor,
  input: { code: string; body: PutChannelsBody; requestId: string },
): Promise<ChannelSettings> {
  const { code, body } = input;
  await provinceOrFail(deps, actor, code);
  const seen = new Set<string>();
  const problems = body.channels.flatMap((c, i) => {
    if (seen.has(c.channel))
      return [{ path: `body/channels/${i}/channel`, message: `Kênh ${c.channel} bị lặp.` }];
    seen.add(c.channel);
    return [];
  });
  if (problems.length > 0) throw fail('NOTIFY_TEMPLATE_INVALID', { details: problems });
  const current = (await provinceSettings(deps, [code])).get(code)!;
  const on = (c: NotificationChannel) =>
    body.channels.find((x) => x.channel === c)?.enabled ?? current.enabled.has(c);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await sql`INSERT INTO notification_channel_settings (province_code, email, sms, zalo, sms_brandname, updated_at, updated_by)
      VALUES (${code}, ${on('email')}, ${on('sms')}, ${on('zalo')}, ${body.smsBrandname}, ${now}, ${actor.userId})
      ON CONFLICT (province_code) DO UPDATE SET email = EXCLUDED.email, sms = EXCLUDED.sms, zalo = EXCLUDED.zalo,
        sms_brandname = EXCLUDED.sms_brandname, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`.execute(
      trx,
    );
    await appendAudit(
      trx,
      actor,
      {
        action: 'notifications.channels-set',
        entityType: 'notification_channels',
        entityId: code,
        details: { email: on('email'), sms: on('sms'), zalo: on('zalo'), smsBrandname: body.smsBrandname },
        requestId: input.requestId,
      },
      now,
    );
  });
  return channelsView(deps, code);
}

// ---- operators ----------------------------------------------------------------------------------------

const HEALTH_ROLES = new Set(['province-admin', 'auditor']);

export async function notificationsHealth(deps: Deps, actor: Actor): Promise<NotificationsHealthResponse> {
  if (!actor.grants.some((g) => HEALTH_ROLES.has(g.role))) throw fail('NOTIFY_HEALTH_OPERATORS_ONLY');
  return channelsHealth(deps);
}

/** Each channel's state and the operators' alert, from the attempts whichever process made them (also /metrics). */
export async function channelsHealth(deps: Deps): Promise<NotificationsHealthResponse> {
  const { alertFailures, alertMinutes } = deps.config.notify;
  const now = deps.clock.now();
  // Per channel, through the partial indexes: the last success, the last failure of the channel (not a
  // refusal of its recipient), and the failures since that success.
  const attempts = await sql<{
    channel: string;
    last_success: Date | null;
    last_failure: Date | null;
    last_error: string | null;
    in_row: number;
    first_in_row: Date | null;
  }>`
    SELECT c.channel, s.last_success, f.at AS last_failure, f.error AS last_error, r.in_row, r.first_in_row
    FROM unnest(${[...NOTIFICATION_CHANNELS]}::text[]) AS c(channel)
    CROSS JOIN LATERAL (SELECT max(at) AS last_success FROM notification_attempts a
                        WHERE a.channel = c.channel AND a.ok) s
    LEFT JOIN LATERAL (SELECT at, error FROM notification_attempts a
                       WHERE a.channel = c.channel AND NOT a.ok AND NOT a.recipient_refused
                       ORDER BY at DESC, attempt_id DESC LIMIT 1) f ON true
    CROSS JOIN LATERAL (SELECT count(*)::int AS in_row, min(at) AS first_in_row FROM notification_attempts a
                        WHERE a.channel = c.channel AND NOT a.ok AND NOT a.recipient_refused
                          AND a.at > coalesce(s.last_success, '-infinity'::timestamptz)) r`.execute(deps.db);
  const counts = await sql<{ channel: string; state: string; n: number }>`
    SELECT channel, state, count(*)::int AS n FROM notification_messages GROUP BY channel, state`.execute(
    deps.db,
  );
  const pending = await sql<{ n: number }>`SELECT count(*)::int AS n FROM outbox
    WHERE status = 'pending' AND topic IN (${APPLICANT_TOPIC}, ${FEEDBACK_TOPIC})`.execute(deps.db);
  return {
    pendingEvents: pending.rows[0]?.n ?? 0,
    channels: NOTIFICATION_CHANNELS.map((channel) => {
      const a = attempts.rows.find((r) => r.channel === channel);
      const n = (state: string) =>
        counts.rows.find((r) => r.channel === channel && r.state === state)?.n ?? 0;
      const inRow = a?.in_row ?? 0;
      // Failing since the first failure after the last success, for at least M minutes.
      const since = a?.first_in_row ? new Date(a.first_in_row).getTime() : null;
      const stale = inRow > 0 && since !== null && now.getTime() - since >= alertMinutes * 60_000;
      const alertReason =
        inRow >= alertFailures
          ? `${inRow} lần gửi lỗi liên tiếp`
          : stale
            ? `Không gửi được tin nào trong ${alertMinutes} phút`
            : null;
      return {
        channel,
        status: alertReason === null ? ('ok' as const) : ('alert' as const),
        consecutiveFailures: inRow,
        lastSuccessAt: iso(a?.last_success ?? null),
        lastFailureAt: iso(a?.last_failure ?? null),
        lastFailureReason: a?.last_error ?? null,
        queued: n('queued'),
        sent: n('sent'),
        delivered: n('delivered'),
        failed: n('failed'),
        alertReason,
      };
    }),
  };
}
