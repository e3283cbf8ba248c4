// Kysely's view of the tables: schema.generated.ts (`npm run db:types`, from the migrations) plus, here,
// the shapes of the JSON columns, which SQL does not know. The meaning of each column lives in the
// migrations' COMMENT ON.
import type { ColumnType, InsertType } from 'kysely';
import type { Procedure } from '../../common/catalog/procedure.ts';
import type { ProcedureFlag } from '../../common/catalog/flags.ts';
import type { Workflow } from '../../common/catalog/workflow.ts';
import type { ActionRecord, DossierState } from '../../common/dossiers/model.ts';
import type { OfficeHours } from '../../common/working-time/types.ts';
import type * as Generated from './schema.generated.ts';

/** One item of payments.items. */
export type PaymentItemRow = { key: string; name: string; amountVnd: number; source: string };

type JsonShapes = {
  audit_log: { details: Record<string, unknown> };
  outbox: { payload: Record<string, unknown> };
  calendar_revisions: { holidays: unknown[]; working_days: unknown[] };
  office_hours: { hours: OfficeHours };
  procedure_versions: {
    data: Procedure;
    form_schema: Record<string, unknown>;
    levels: string[];
    flags: ProcedureFlag[];
  };
  workflows: { steps: unknown[] };
  dossiers: {
    step_agencies: { key: string; agencyId: string; agencyCode: string }[];
    workflow: Workflow;
    applicant: Record<string, unknown>;
    form_data: Record<string, unknown>;
    components: unknown[];
    state: DossierState;
  };
  dossier_actions: { actor_roles: string[]; record: ActionRecord };
  idempotency_keys: { response: Record<string, unknown> };
  portal_inbound_dossiers: {
    record: Record<string, unknown>;
    intake: Record<string, unknown>;
    problems: { path: string; message: string }[];
  };
  sync_reconciliations: { details: Record<string, unknown>[] };
  payments: { items: PaymentItemRow[] };
  imports: { scope: ImportScopeGrant[] };
  dossier_imports: { history: Record<string, unknown>[]; fees: Record<string, unknown>[] };
};

/** An administrator grant an import was started with (imports.scope). */
export type ImportScopeGrant = { role: string; agencyId: string; agencyPath: string; unitPath: string };

/** A generated JSON column read as T; written as JSON text, nullable and defaulted as generated. */
type Json<Column, T> =
  | ColumnType<T, undefined extends InsertType<Column> ? string | undefined : string, string>
  | (null extends Column ? null : never);

type Shaped<Table, Shapes> = {
  [C in keyof Table]: C extends keyof Shapes ? Json<Table[C], Shapes[C]> : Table[C];
};

export type DB = {
  [T in keyof Generated.DB]: T extends keyof JsonShapes
    ? Shaped<Generated.DB[T], JsonShapes[T]>
    : Generated.DB[T];
};
