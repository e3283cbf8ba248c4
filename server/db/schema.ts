// Kysely's view of the tables; the meaning of each lives in the migrations' COMMENT ON.
import type { ColumnType, Generated, JSONColumnType } from 'kysely';

/** int8 comes back as a string on both drivers (see client.ts). */
type Id = ColumnType<string, never, never>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** date comes back as 'YYYY-MM-DD' on both drivers (see client.ts). */
type DateOnly = string;

export type UnitsTable = {
  code: string;
  name: string;
  type: string;
  level: number;
  parent_code: string | null;
  path: string;
  search_text: string;
  valid_from: DateOnly | null;
  valid_to: DateOnly | null;
};

export type AgenciesTable = {
  agency_id: Generated<string> & Id;
  code: string;
  name: string;
  unit_code: string;
  kind: string;
  parent_agency_id: string | null;
  path: string;
  search_text: string;
  valid_from: DateOnly | null;
  valid_to: DateOnly | null;
};

export type DesksTable = {
  desk_id: Generated<string> & Id;
  agency_id: string;
  name: string;
};

export type UsersTable = {
  user_id: Generated<string> & Id;
  username: string;
  full_name: string;
  password_hash: string | null;
  active: Generated<boolean>;
  created_at: CreatedTimestamp;
  updated_at: CreatedTimestamp;
};

export type UserRolesTable = {
  user_id: string;
  role: string;
  agency_id: string;
};

export type SessionsTable = {
  session_hash: string;
  user_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
};

export type ApiTokensTable = {
  api_token_id: Generated<string> & Id;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: Timestamp;
  expires_at: Timestamp | null;
  revoked_at: Timestamp | null;
  last_used_at: Timestamp | null;
};

export type LoginFailuresTable = {
  login_failure_id: Generated<string> & Id;
  username: string;
  ip: string;
  at: Timestamp;
};

export type AuditLogTable = {
  audit_id: Generated<string> & Id;
  at: Timestamp;
  actor_user_id: string | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  details: JSONColumnType<Record<string, unknown>>;
  request_id: string | null;
  prev_hash: string;
  hash: string;
};

export type OutboxTable = {
  outbox_id: Generated<string> & Id;
  topic: string;
  ordering_key: string;
  payload: JSONColumnType<Record<string, unknown>>;
  status: Generated<string>;
  attempts: Generated<number>;
  available_at: Timestamp;
  created_at: Timestamp;
  delivered_at: Timestamp | null;
  locked_until: Timestamp | null;
  last_error: string | null;
};

export type SeedStateTable = {
  name: string;
  version: string;
  applied_at: Timestamp;
};

export type CalendarRevisionsTable = {
  revision: number;
  year: number;
  year_version: number;
  provisional: boolean;
  holidays: JSONColumnType<unknown[]>;
  working_days: JSONColumnType<unknown[]>;
  note: string | null;
  created_at: Timestamp;
  created_by: string | null;
};

export type OfficeHoursTable = {
  agency_id: string;
  hours: JSONColumnType<Record<string, unknown>>;
  version: number;
  updated_at: Timestamp;
  updated_by: string | null;
};

export type ProceduresTable = {
  procedure_id: Generated<string> & Id;
  code: string;
  created_at: Timestamp;
};

export type ProcedureVersionsTable = {
  procedure_version_id: Generated<string> & Id;
  procedure_id: string;
  version: number;
  status: string;
  data: JSONColumnType<Record<string, unknown>>;
  form_schema: JSONColumnType<Record<string, unknown>> | null;
  name: string;
  field_name: string | null;
  levels: JSONColumnType<string[]>;
  online_level: string | null;
  search_text: string;
  content_hash: string;
  created_at: Timestamp;
  created_by: string | null;
  published_at: Timestamp | null;
  retired_at: Timestamp | null;
};

export type ProcedureOfferingsTable = {
  procedure_id: string;
  agency_id: string;
  created_at: Timestamp;
};

export type WorkflowsTable = {
  workflow_id: Generated<string> & Id;
  procedure_version_id: string;
  agency_id: string | null;
  channel: string;
  steps: JSONColumnType<unknown[]>;
  version: number;
  updated_at: Timestamp;
  updated_by: string | null;
};

export type FilesTable = {
  file_id: string;
  sha256: string;
  size: string | number;
  media_type: string;
  original_name: string | null;
  uploaded_by_user_id: string | null;
  uploaded_by_citizen_id: Generated<string | null>;
  created_at: Timestamp;
};

export type DossiersTable = {
  dossier_id: Generated<string> & Id;
  code: string;
  procedure_version_id: string;
  procedure_code: string;
  case_key: string | null;
  channel: string;
  receiving_agency_id: string;
  competent_agency_id: string;
  current_agency_id: string;
  step_agencies: JSONColumnType<{ key: string; agencyId: string; agencyCode: string }[]>;
  workflow: JSONColumnType<Record<string, unknown>>;
  applicant: JSONColumnType<Record<string, unknown>>;
  applicant_search: string;
  form_data: JSONColumnType<Record<string, unknown>>;
  components: JSONColumnType<unknown[]>;
  state: JSONColumnType<Record<string, unknown>>;
  status: string;
  version: number;
  assignee_user_id: string | null;
  submitted_at: Timestamp;
  received_at: Timestamp | null;
  due_at: Timestamp | null;
  extended_due_at: Timestamp | null;
  calendar_version: number | null;
  result_at: Timestamp | null;
  returned_at: Timestamp | null;
  closed_at: Timestamp | null;
  created_by: string | null;
  updated_at: Timestamp;
  applicant_id_number: string;
  submitted_by_citizen_id: string | null;
};

export type DossierAgenciesTable = { dossier_id: string; agency_id: string };

export type DossierActionsTable = {
  dossier_action_id: Generated<string> & Id;
  dossier_id: string;
  version: number;
  kind: string;
  actor_kind: string;
  actor_user_id: string | null;
  actor_label: string;
  actor_roles: JSONColumnType<string[]>;
  agency_id: string | null;
  at: Timestamp;
  from_status: string;
  to_status: string;
  from_step: number;
  to_step: number;
  note: string | null;
  record: JSONColumnType<Record<string, unknown>>;
  actor_citizen_id: Generated<string | null>;
};

export type DossierCodeCountersTable = { agency_id: string; day: string; last_value: number };

export type IdempotencyKeysTable = {
  scope: string;
  key: string;
  request_hash: string;
  status_code: number;
  response: JSONColumnType<Record<string, unknown>>;
  created_at: Timestamp;
};

export type PortalSyncStateTable = {
  dossier_code: string;
  agency_id: string | null;
  latest_outbox_id: string;
  latest_status_code: number | null;
  changed_at: Timestamp;
  acked_outbox_id: string | null;
  acked_status_code: number | null;
  acked_at: Timestamp | null;
};

export type PortalInboundDossiersTable = {
  inbound_id: Generated<string> & Id;
  portal_code: string;
  procedure_code: string;
  agency_code: string;
  agency_id: string | null;
  submitted_at: Timestamp | null;
  record: JSONColumnType<Record<string, unknown>>;
  intake: JSONColumnType<Record<string, unknown>>;
  problems: JSONColumnType<{ path: string; message: string }[], string | undefined, string>;
  status: Generated<string>;
  dossier_code: string | null;
  fetched_at: Timestamp;
};

export type SyncReconciliationsTable = {
  reconciliation_id: Generated<string> & Id;
  started_at: Timestamp;
  finished_at: Timestamp | null;
  window_from: Timestamp;
  checked: Generated<number>;
  mismatches: Generated<number>;
  enqueued: Generated<number>;
  errors: Generated<number>;
  details: JSONColumnType<Record<string, unknown>[], string | undefined, string>;
};

export type CitizensTable = {
  citizen_id: Generated<string> & Id;
  issuer: string;
  subject: string;
  id_number: string;
  full_name: string;
  birth_date: DateOnly | null;
  phone: string | null;
  email: string | null;
  created_at: Timestamp;
  last_sign_in_at: Timestamp;
};

export type CitizenSessionsTable = {
  token_hash: string;
  citizen_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
};

export type OidcSignInsTable = {
  state: string;
  code_verifier: string;
  nonce: string;
  return_to: string;
  created_at: Timestamp;
};

export type PaymentsTable = {
  payment_id: Generated<string> & Id;
  dossier_id: string;
  agency_id: string;
  reference: string;
  /** int8: a string when read. */
  amount: ColumnType<string, string | number, string | number>;
  currency: Generated<string>;
  items: JSONColumnType<PaymentItemRow[], string, string>;
  channel: string;
  status: string;
  pay_url: string | null;
  platform_transaction_id: string | null;
  bank_code: string | null;
  payer_name: string;
  transfer_reference: string | null;
  note: string | null;
  created_by_user_id: string | null;
  created_by_citizen_id: string | null;
  created_by_label: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  paid_at: Timestamp | null;
  settled_by: string | null;
  failure_reason: string | null;
  last_queried_at: Timestamp | null;
  receipt_year: number | null;
  receipt_seq: number | null;
};

/** One item of payments.items. */
export type PaymentItemRow = { key: string; name: string; amountVnd: number; source: string };

export type ReceiptCountersTable = { agency_id: string; year: number; last_value: number };

export type PaymentCallbacksTable = {
  callback_id: Generated<string> & Id;
  received_at: Timestamp;
  source: string;
  raw_body: string;
  reference: string | null;
  payment_id: string | null;
  transaction_id: string | null;
  result_code: string | null;
  verdict: string;
  reason: string | null;
  request_id: string | null;
};

/** The applicant's digitised records (migrations/20261123000000_create-applicant-documents.ts). */
export type ApplicantDocumentsTable = {
  applicant_document_id: Generated<string> & Id;
  applicant_kind: string;
  applicant_id_number: string;
  kind: string;
  name: string;
  file_id: string;
  dossier_id: string;
  dossier_code: string;
  position: number;
  procedure_code: string;
  procedure_name: string;
  issuing_agency_id: string;
  issued_at: Timestamp;
  created_at: Timestamp;
};

export type DossierRatingsTable = {
  dossier_id: string;
  level: string;
  comment: string | null;
  channel: string;
  citizen_id: string | null;
  recorded_by_user_id: string | null;
  rated_at: Timestamp;
};

export type DB = {
  applicant_documents: ApplicantDocumentsTable;
  dossier_ratings: DossierRatingsTable;
  payments: PaymentsTable;
  receipt_counters: ReceiptCountersTable;
  payment_callbacks: PaymentCallbacksTable;
  citizens: CitizensTable;
  citizen_sessions: CitizenSessionsTable;
  oidc_sign_ins: OidcSignInsTable;
  portal_sync_state: PortalSyncStateTable;
  portal_inbound_dossiers: PortalInboundDossiersTable;
  sync_reconciliations: SyncReconciliationsTable;
  files: FilesTable;
  dossiers: DossiersTable;
  dossier_agencies: DossierAgenciesTable;
  dossier_actions: DossierActionsTable;
  dossier_code_counters: DossierCodeCountersTable;
  idempotency_keys: IdempotencyKeysTable;
  procedures: ProceduresTable;
  procedure_versions: ProcedureVersionsTable;
  procedure_offerings: ProcedureOfferingsTable;
  workflows: WorkflowsTable;
  calendar_revisions: CalendarRevisionsTable;
  office_hours: OfficeHoursTable;
  seed_state: SeedStateTable;
  units: UnitsTable;
  agencies: AgenciesTable;
  desks: DesksTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  login_failures: LoginFailuresTable;
  audit_log: AuditLogTable;
  outbox: OutboxTable;
};
