// The operators' view of background delivery (outbox) and of the sync with the national portal
// (Cổng DVCQG): counts, dead letters, re-drive. See docs/integration/national-portal.md.
import { Type, type Static } from 'typebox';
import { AgencyCode, Closed, Nullable, Paged, PagedQuery } from './common.ts';
import { PortalStatusTopic } from './outbox-topics.ts';

/** Outbox topics, e.g. portal.dossier-status, applicant.notification. */
export const Topic = Type.String({ pattern: '^[a-z][a-z0-9-]*(\\.[a-z0-9-]+)*$', maxLength: 64 });
export const PORTAL_STATUS_TOPIC = PortalStatusTopic.name;

export const OUTBOX_STATUSES = ['pending', 'delivered', 'dead'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export const SyncStatusQuery = Closed({ topic: Type.Optional(Topic) });
export type SyncStatusQuery = Static<typeof SyncStatusQuery>;

const Ratio = Type.Number({ minimum: 0, maximum: 1 });

export const AgencySyncView = Closed({
  agencyCode: Type.String(),
  agencyName: Type.String(),
  /** Dossiers of this receiving agency whose status changed (they have a portal message). */
  changed: Type.Integer({ minimum: 0 }),
  pending: Type.Integer({ minimum: 0 }),
  deadLettered: Type.Integer({ minimum: 0 }),
  syncedRatio: Ratio,
});

export const ReconciliationView = Closed({
  startedAt: Type.String(),
  finishedAt: Nullable(Type.String()),
  checked: Type.Integer({ minimum: 0 }),
  mismatches: Type.Integer({ minimum: 0 }),
  enqueued: Type.Integer({ minimum: 0 }),
  errors: Type.Integer({ minimum: 0 }),
});

export const SyncStatusResponse = Closed({
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
  lastReconciliation: Nullable(ReconciliationView),
});
export type SyncStatusResponse = Static<typeof SyncStatusResponse>;

export const SyncMessagesQuery = PagedQuery({
  status: Type.Optional(Type.Enum(OUTBOX_STATUSES, { default: 'dead' })),
  topic: Type.Optional(Topic),
  key: Type.Optional(Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9.:_-]+$' })),
});
export type SyncMessagesQuery = Static<typeof SyncMessagesQuery>;

export const SyncMessageView = Closed({
  id: Type.String(),
  topic: Type.String(),
  /** The ordering key: the dossier code for dossier messages. */
  key: Type.String(),
  status: Type.Enum(OUTBOX_STATUSES),
  attempts: Type.Integer({ minimum: 0 }),
  createdAt: Type.String(),
  availableAt: Type.String(),
  deliveredAt: Nullable(Type.String()),
  lastError: Nullable(Type.String()),
  /** The dossier status the message carries, when it carries one (no personal data is shown). */
  dossierStatus: Nullable(Type.String()),
  dossierVersion: Nullable(Type.Integer()),
  agencyCode: Nullable(AgencyCode),
});
export type SyncMessageView = Static<typeof SyncMessageView>;

export const SyncMessageList = Paged(SyncMessageView);

export const MessageParams = Closed({ id: Type.String({ pattern: '^[1-9][0-9]{0,17}$', maxLength: 18 }) });

export const RedriveQuery = Closed({ topic: Topic });

export const RedriveResponse = Closed({ topic: Type.String(), redriven: Type.Integer({ minimum: 0 }) });

/**
 * Dossiers fetched from the national portal (E2): new (not yet in intake), held (the province cannot
 * take it yet: a catalogue gap; retried on every run), received (a dossier now), rejected (unreadable,
 * or naming an agency or procedure the province does not have).
 */
export const INBOUND_STATUSES = ['new', 'held', 'received', 'rejected'] as const;
export type InboundStatus = (typeof INBOUND_STATUSES)[number];

export const InboundQuery = PagedQuery({ status: Type.Optional(Type.Enum(INBOUND_STATUSES)) });
export type InboundQuery = Static<typeof InboundQuery>;

/** One fetched portal dossier, without the applicant's personal data. */
export const InboundDossierView = Closed({
  id: Type.String(),
  /** MaHoSo on the national portal. */
  portalCode: Type.String(),
  /** The procedure the portal named (MaTTHC); the name is the province catalogue's, null when it has none. */
  procedure: Closed({ code: Type.String(), name: Nullable(Type.String()) }),
  /** The agency whose desk the portal named (MaDonVi); the name null when the province has no such agency. */
  agency: Closed({ code: Type.String(), name: Nullable(Type.String()) }),
  /** When the citizen submitted it on the portal. */
  submittedAt: Nullable(Type.String()),
  /** When motcua fetched (received) it from the portal. */
  fetchedAt: Type.String(),
  status: Type.Enum(INBOUND_STATUSES),
  /** Why it is held or rejected, or what the desk should check once received (Vietnamese). */
  problems: Type.Array(Closed({ path: Type.String(), message: Type.String() })),
  /** The motcua dossier, once received. */
  dossierCode: Nullable(Type.String()),
});
export type InboundDossierView = Static<typeof InboundDossierView>;

export const InboundDossierList = Paged(InboundDossierView);

export const InboundParams = Closed({ id: Type.String({ pattern: '^[1-9][0-9]{0,17}$', maxLength: 18 }) });
