// The outbox topics and their payloads, each schema declared once beside its topic name: producers
// enqueue through server/platform/jobs/outbox.ts (typed by the schema), consumers read the same shape.
import { Type, type Static, type TSchema } from 'typebox';
import { Closed } from './common.ts';

/** A topic of the transactional outbox: its name and the schema of its payload. */
export type OutboxTopic<S extends TSchema = TSchema> = { readonly name: string; readonly payload: S };

const topic = <S extends TSchema>(name: string, payload: S): OutboxTopic<S> => ({ name, payload });

/** A dossier's status as the national portal must learn it (E1); the key is the dossier code. */
export const PortalStatusTopic = topic(
  'portal.dossier-status',
  Closed({
    dossierCode: Type.String({ minLength: 1 }),
    status: Type.String(),
    /** The national status code (1–10) of `status`. */
    statusCode: Type.Integer({ minimum: 1, maximum: 10 }),
    version: Type.Integer({ minimum: 0 }),
    at: Type.String({ format: 'date-time' }),
    /** Why it was sent again, when it was: the reconciliation found the portal behind. */
    reason: Type.Optional(Type.Literal('reconciliation')),
  }),
);
export type PortalStatusPayload = Static<typeof PortalStatusTopic.payload>;

/** A change the applicant is told of (notifications); the key is the dossier code. */
export const ApplicantNotificationTopic = topic(
  'applicant.notification',
  Closed({ dossierCode: Type.String({ minLength: 1 }), action: Type.String(), status: Type.String() }),
);
export type ApplicantNotificationPayload = Static<typeof ApplicantNotificationTopic.payload>;

/** A PAKN event its sender is told of (notifications); the key is the feedback code. */
export const FeedbackNotificationTopic = topic(
  'feedback.notification',
  Closed({
    feedbackCode: Type.String({ minLength: 1 }),
    event: Type.Enum(['received', 'answered']),
    at: Type.String({ format: 'date-time' }),
  }),
);
export type FeedbackNotificationPayload = Static<typeof FeedbackNotificationTopic.payload>;

/**
 * A dossier or a PAKN landed in a staff worklist (notifications: the staff told of it, #18): handed to
 * `assigneeId`, or, when none, waiting for the holders of `role` at `agencyId`; `byUserId` acted (and is
 * not told of their own act). The key is the dossier's or PAKN's code.
 */
export const StaffNotificationTopic = topic(
  'staff.notification',
  Closed({
    subject: Type.Enum(['dossier', 'feedback']),
    code: Type.String({ minLength: 1 }),
    arrival: Type.Enum(['submitted', 'assigned', 'transferred', 'returned', 'supplemented']),
    assigneeId: Type.Union([Type.String(), Type.Null()]),
    agencyId: Type.String(),
    role: Type.String(),
    byUserId: Type.Union([Type.String(), Type.Null()]),
    at: Type.String({ format: 'date-time' }),
  }),
);
export type StaffNotificationPayload = Static<typeof StaffNotificationTopic.payload>;
