// Append-only, hash-chained audit trail. Every change writes its entry in the same transaction
// (STYLE.md). The chain is serialised with a transaction-scoped advisory lock so two writers can
// never both link to the same previous entry.
import { createHash } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Actor } from './actor.ts';

const AUDIT_LOCK = 7_357_001;
export const GENESIS_HASH = '0'.repeat(64);

export type AuditActor = { userId: string | null; label: string };

/** A signed-in officer is logged under their account and username. */
function auditActorOf(actor: AuditActor | Actor): AuditActor {
  return 'username' in actor ? { userId: actor.userId, label: actor.username } : actor;
}

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId?: string | null;
  details?: Record<string, unknown>;
  requestId?: string | null;
};

/** Stable JSON: object keys sorted, so the same entry always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

type HashInput = {
  at: string;
  actorUserId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string | null;
  details: Record<string, unknown>;
  requestId: string | null;
};

export function entryHash(prevHash: string, e: HashInput): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(e)).digest('hex');
}

export async function appendAudit(
  trx: Transaction<DB>,
  who: AuditActor | Actor,
  entry: AuditEntry,
  at: Date,
): Promise<void> {
  const actor = auditActorOf(who);
  await sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK})`.execute(trx);
  const last = await trx
    .selectFrom('audit_log')
    .select('hash')
    .orderBy('audit_id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const prevHash = last?.hash ?? GENESIS_HASH;
  const input: HashInput = {
    at: at.toISOString(),
    actorUserId: actor.userId,
    actorLabel: actor.label,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    details: entry.details ?? {},
    requestId: entry.requestId ?? null,
  };
  await trx
    .insertInto('audit_log')
    .values({
      at,
      actor_user_id: actor.userId,
      actor_label: actor.label,
      action: input.action,
      entity_type: input.entityType,
      entity_id: input.entityId,
      details: JSON.stringify(input.details),
      request_id: input.requestId,
      prev_hash: prevHash,
      hash: entryHash(prevHash, input),
    })
    .execute();
}

export type AuditVerification =
  { ok: true; checked: number } | { ok: false; checked: number; brokenAuditId: string; reason: string };

/** Walks the chain in id order, in pages, and names the first entry that does not match. */
export async function verifyAuditChain(db: Kysely<DB>, pageSize = 5000): Promise<AuditVerification> {
  let prevHash = GENESIS_HASH;
  let afterId = '0';
  let checked = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('audit_id', '>', afterId)
      .orderBy('audit_id')
      .limit(pageSize)
      .execute();
    if (rows.length === 0) return { ok: true, checked };
    for (const r of rows) {
      if (r.prev_hash !== prevHash) {
        return {
          ok: false,
          checked,
          brokenAuditId: r.audit_id,
          reason: 'prev_hash does not match the entry before it',
        };
      }
      const expected = entryHash(prevHash, {
        at: new Date(r.at).toISOString(),
        actorUserId: r.actor_user_id,
        actorLabel: r.actor_label,
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        details: r.details,
        requestId: r.request_id,
      });
      if (expected !== r.hash) {
        return { ok: false, checked, brokenAuditId: r.audit_id, reason: 'content does not match its hash' };
      }
      prevHash = r.hash;
      checked++;
      afterId = r.audit_id;
    }
  }
}
