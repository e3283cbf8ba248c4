// The operators' view of background delivery (outbox) and of the sync with the national portal
// (Cổng DVCQG): counts, dead letters, re-drive. See docs/integration/national-portal.md.
import { Type, type Static } from 'typebox';
import { AgencyCode, Page, PageSize, Paged } from './common.ts';
import { PortalStatusTopic } from './outbox-topics.ts';

/** Outbox topics, e.g. portal.dossier-status, applicant.notification. */
export const Topic = Type.String({ pattern: '^[a-z][a-z0-9-]*(\\.[a-z0-9-]+)*$', maxLength: 64 });
export const PORTAL_STATUS_TOPIC = PortalStatusTopic.name;

export const OUTBOX_STATUSES = ['pending', 'delivered', 'dead'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export const SyncStatusQuery = Type.Object({ topic: Type.Optional(Topic) }, { additionalProperties: false });
export type SyncStatusQuery = Static<typeof SyncStatusQuery>;

const Ratio = Type.Number({ minimum: 0, maximum: 1 });

export const AgencySyncView = Type.Object(
  {
    agencyCode: Type.String(),
    agencyName: Type.String(),
    /** Dossiers of this receiving agency whose status changed (they have a portal message). */
    changed: Type.Integer({ minimum: 0 }),
    pending: Type.Integer({ minimum: 0 }),
    deadLettered: Type.Integer({ minimum: 0 }),
    syncedRatio: Ratio,
  },
  { additionalProperties: false },
);

export const ReconciliationView = Type.Object(
  {
    startedAt: Type.String(),
    finishedAt: Type.Union([Type.String(), Type.Null()]),
    checked: Type.Integer({ minimum: 0 }),
    mismatches: Type.Integer({ minimum: 0 }),
    enqueued: Type.Integer({ minimum: 0 }),
    errors: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false },
);

export const SyncStatusResponse = Type.Object(
  {
    topic: Type.String(),
    /** Waiting for delivery (including retries). */
    pending: Type.Integer({ minimum: 0 }),
    delivered: Type.Integer({ minimum: 0 }),
    /** Pending messages that have failed at least once and wait for a retry. */
    failed: Type.Integer({ minimum: 0 }),
    /** Gave up after SYNC_MAX_ATTEMPTS; an operator re-drives them. */
    deadLettered: Type.Integer({ minimum: 0 }),
    /** Age of the oldest pending message; 0 when none. */
    oldestPendingSeconds: Type.Integer({ minimum: 0 }),
    /** Dossiers whose latest status the portal acknowledged ÷ dossiers changed (1 when none changed). */
    syncedRatio: Ratio,
    dossiersChanged: Type.Integer({ minimum: 0 }),
    dossiersSynced: Type.Integer({ minimum: 0 }),
    /** Per receiving agency within the caller's reach, most behind first. */
    agencies: Type.Array(AgencySyncView),
    lastReconciliation: Type.Union([ReconciliationView, Type.Null()]),
  },
  { additionalProperties: false },
);
export type SyncStatusResponse = Static<typeof SyncStatusResponse>;

export const SyncMessagesQuery = Type.Object(
  {
    status: Type.Optional(Type.Enum(OUTBOX_STATUSES, { default: 'dead' })),
    topic: Type.Optional(Topic),
    /** One dossier's messages (the ordering key). */
    key: Type.Optional(Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9.:_-]+$' })),
    page: Type.Optional(Page),
    pageSize: Type.Optional(PageSize),
  },
  { additionalProperties: false },
);
export type SyncMessagesQuery = Static<typeof SyncMessagesQuery>;

export const SyncMessageView = Type.Object(
  {
    id: Type.String(),
    topic: Type.String(),
    /** The ordering key: the dossier code for dossier messages. */
    key: Type.String(),
    status: Type.Enum(OUTBOX_STATUSES),
    attempts: Type.Integer({ minimum: 0 }),
    createdAt: Type.String(),
    availableAt: Type.String(),
    deliveredAt: Type.Union([Type.String(), Type.Null()]),
    lastError: Type.Union([Type.String(), Type.Null()]),
    /** The dossier status the message carries, when it carries one (no personal data is shown). */
    dossierStatus: Type.Union([Type.String(), Type.Null()]),
    dossierVersion: Type.Union([Type.Integer(), Type.Null()]),
    agencyCode: Type.Union([AgencyCode, Type.Null()]),
  },
  { additionalProperties: false },
);
export type SyncMessageView = Static<typeof SyncMessageView>;

export const SyncMessageList = Paged(SyncMessageView);

export const MessageParams = Type.Object(
  { id: Type.String({ pattern: '^[1-9][0-9]{0,17}$', maxLength: 18 }) },
  { additionalProperties: false },
);

export const RedriveQuery = Type.Object({ topic: Topic }, { additionalProperties: false });

export const RedriveResponse = Type.Object(
  { topic: Type.String(), redriven: Type.Integer({ minimum: 0 }) },
  { additionalProperties: false },
);

/**
 * Dossiers fetched from the national portal (E2): new (not yet in intake), held (the province cannot
 * take it yet: a catalogue gap; retried on every run), received (a dossier now), rejected (unreadable,
 * or naming an agency or procedure the province does not have).
 */
export const INBOUND_STATUSES = ['new', 'held', 'received', 'rejected'] as const;
export type InboundStatus = (typeof INBOUND_STATUSES)[number];

export const InboundQuery = Type.Object(
  {
    status: Type.Optional(Type.Enum(INBOUND_STATUSES)),
    page: Type.Optional(Page),
    pageSize: Type.Optional(PageSize),
  },
  { additionalProperties: false },
);
export type InboundQuery = Static<typeof InboundQuery>;

/** One fetched portal dossier, without the applicant's personal data. */
export const InboundDossierView = Type.Object(
  {
    id: Type.String(),
    /** MaHoSo on the national portal. */
    portalCode: Type.String(),
    /** The procedure the portal named (MaTTHC); the name is the province catalogue's, null when it has none. */
    procedure: Type.Object(
      { code: Type.String(), name: Type.Union([Type.String(), Type.Null()]) },
      { additionalProperties: false },
    ),
    /** The agency whose desk the portal named (MaDonVi); the name null when the province has no such agency. */
    agency: Type.Object(
      { code: Type.String(), name: Type.Union([Type.String(), Type.Null()]) },
      { additionalProperties: false },
    ),
    /** When the citizen submitted it on the portal. */
    submittedAt: Type.Union([Type.String(), Type.Null()]),
    /** When motcua fetched (received) it from the portal. */
    fetchedAt: Type.String(),
    status: Type.Enum(INBOUND_STATUSES),
    /** Why it is held or rejected, or what the desk should check once received (Vietnamese). */
    problems: Type.Array(
      Type.Object({ path: Type.String(), message: Type.String() }, { additionalProperties: false }),
    ),
    /** The motcua dossier, once received. */
    dossierCode: Type.Union([Type.String(), Type.Null()]),
  },
  { additionalProperties: false },
);
export type InboundDossierView = Static<typeof InboundDossierView>;

export const InboundDossierList = Paged(InboundDossierView);

export const InboundParams = Type.Object(
  { id: Type.String({ pattern: '^[1-9][0-9]{0,17}$', maxLength: 18 }) },
  { additionalProperties: false },
);
