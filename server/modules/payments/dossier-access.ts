// What payments needs of the dossiers module, in one place: reading a dossier (locked or not) as its
// caller may see it, the desk officer's check, and the confirm-payment action.
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Database } from '../../db/client.ts';
import type { Deps } from '../../deps.ts';
import type { Actor, Caller, PersonCaller } from '../../platform/actor.ts';
import {
  callerCanSee,
  getVisibleDossier as getDossierAsSeen,
  isReceivingDeskOfficer,
  loadRow,
  performAction,
} from '../dossiers/index.ts';

export type DossierRow = NonNullable<Awaited<ReturnType<typeof loadRow>>>;

/** The dossier, read (and row-locked, in a transaction) by its code; undefined when there is none. */
export function findDossier(
  db: Database | Transaction<DB>,
  code: string,
  forUpdate = false,
): Promise<DossierRow | undefined> {
  return loadRow(db, code, forUpdate);
}

/** The dossier when the caller may see it; undefined when there is none or it is out of their sight. */
export async function findVisibleDossier(
  db: Database,
  caller: PersonCaller,
  code: string,
): Promise<DossierRow | undefined> {
  const row = await loadRow(db, code);
  return row && (await callerCanSee(db, caller, row)) ? row : undefined;
}

export function receivesAtDesk(db: Database, actor: Actor, agencyId: string): Promise<boolean> {
  return isReceivingDeskOfficer(db, actor, agencyId);
}

/** confirm-payment on the dossier at the version read, keyed by the receipt so a retry is one action. */
export async function confirmPaymentAction(
  deps: Deps,
  caller: Caller,
  input: { row: DossierRow; receiptRef: string; requestId: string },
): Promise<void> {
  const { row, receiptRef } = input;
  await performAction(deps, caller, {
    code: row.code,
    kind: 'confirm-payment',
    input: { receiptRef, note: 'Đã nộp đủ các khoản theo yêu cầu (biên lai điện tử).' },
    ifMatch: row.version,
    idempotencyKey: `payment-${receiptRef.replace(/[^A-Za-z0-9]/g, '')}-v${row.version}`,
    requestId: input.requestId,
  });
}

/** The dossier when the caller may see it; 404 otherwise (one answer: no probing for codes). */
export function getVisibleDossier(deps: Deps, caller: PersonCaller, code: string): Promise<DossierRow> {
  return getDossierAsSeen(deps.db, caller, code);
}

export const applicantOf = (row: DossierRow) =>
  row.applicant as { fullName?: string; idNumber?: string; address?: { line?: string } };
