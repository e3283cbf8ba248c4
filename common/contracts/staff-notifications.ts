// A staff member's own choice of being told of what lands in their worklist (issue #18, scope 4):
// GET/PUT /api/v1/me/notification-preferences. docs/domain/notifications.md, "Staff".
import { Type, type Static } from 'typebox';
import { Closed, Nullable } from './common.ts';

/** off: nothing; immediate: one e-mail per arrival; daily: one summary per working day at `dailyAt`. */
export const WORKLIST_EMAIL_CHOICES = ['off', 'immediate', 'daily'] as const;
export type WorklistEmailChoice = (typeof WORKLIST_EMAIL_CHOICES)[number];
export const DEFAULT_DAILY_AT = '07:30';
/** HH:mm, 00:00–23:59 (Vietnam time). */
export const DAILY_AT_PATTERN = '^([01][0-9]|2[0-3]):[0-5][0-9]$';

export const NotificationPreferencesBody = Closed({
  worklistEmail: Type.Enum(WORKLIST_EMAIL_CHOICES, { description: 'off | immediate | daily' }),
  dailyAt: Type.Optional(
    Type.String({ pattern: DAILY_AT_PATTERN, description: 'HH:mm giờ Việt Nam; mặc định 07:30' }),
  ),
  /** Where the e-mails go (staff accounts hold no e-mail); required unless `off`. */
  email: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 200 }))),
});
export type NotificationPreferencesBody = Static<typeof NotificationPreferencesBody>;

export const NotificationPreferences = Closed({
  worklistEmail: Type.Enum(WORKLIST_EMAIL_CHOICES),
  dailyAt: Type.String(),
  email: Nullable(Type.String()),
});
export type NotificationPreferences = Static<typeof NotificationPreferences>;

/** What brought a dossier or a PAKN into someone's worklist. */
export const STAFF_ARRIVALS = ['submitted', 'assigned', 'transferred', 'returned', 'supplemented'] as const;
export type StaffArrival = (typeof STAFF_ARRIVALS)[number];
