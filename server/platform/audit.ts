// Append-only, hash-chained audit trail in chains: one per agency (the agency a write concerns) and
// 'deployment' for writes that concern no agency. Every change writes its entry in the same
// transaction (STYLE.md). A chain's head (audit_chain_heads) is locked FOR UPDATE while the entry is
// hashed onto it, so writers of one chain queue and writers of different chains do not; the head
// anchors the chain's length and last hash where the runtime role cannot rewrite them
// (docs/adr/0003-audit-hash-chain.md).
import { createHash, randomBytes } from 'node:crypto';
import { sql, type Kysely, type RawBuilder, type Selectable, type Transaction } from 'kysely';
import type { PendingValue } from '../db/pending-value.ts';
import type { DB } from '../db/schema.ts';
import type { Actor } from './actor.ts';

export const GENESIS_HASH = '0'.repeat(64);
export const DEPLOYMENT_CHAIN = 'deployment';

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
  /**
   * The chain: the agency_id the write concerns (a dossier's receiving agency), or 'deployment'.
   * Default: the staff actor's agency when all their grants sit in one agency, else 'deployment'.
   */
  chain?: string;
};

/** The chain an entry goes to when its caller does not name one. */
export function defaultChain(who: AuditActor | Actor): string {
  if (!('grants' in who)) return DEPLOYMENT_CHAIN;
  const agencies = new Set(who.grants.map((g) => g.agencyId));
  return agencies.size === 1 ? [...agencies][0]! : DEPLOYMENT_CHAIN;
}

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

export type HashInput = {
  chainKey: string;
  seq: number;
  /** `at` to the microsecond, as PostgreSQL stores it: YYYY-MM-DDTHH:MI:SS.ffffffZ (atText). */
  at: string;
  actorUserId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string | null;
  details: Record<string, unknown>;
  requestId: string | null;
};

/** A JS time (milliseconds) in the microsecond text verify reads back with AT_TEXT. */
export function atText(at: Date): string {
  return at.toISOString().replace('Z', '000Z');
}

/** The stored `at` at its full precision, in atText's form. */
export const AT_TEXT = sql<string>`to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export function entryHash(prevHash: string, e: HashInput): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(e)).digest('hex');
}

/** A stored entry as verify reads it: its row and `at` at full precision (AT_TEXT). */
export type StoredEntry = Selectable<DB['audit_log']> & { at_text: string };

/** The hash a stored entry must carry as entry `seq` of its chain, after `prevHash`. */
export function storedEntryHash(prevHash: string, r: StoredEntry, seq: number): string {
  return entryHash(prevHash, {
    chainKey: r.chain_key,
    seq,
    at: r.at_text,
    actorUserId: r.actor_user_id,
    actorLabel: r.actor_label,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    details: r.details,
    requestId: r.request_id,
  });
}

/** A chain's head as audit_chain_head() returns it, locked to the end of the transaction. */
export type ChainHead = { length: string | number; head_hash: string };

/** A chain's head that the statement being built locks: its length and hash as expressions. */
export type LockedHead = { length: RawBuilder<unknown>; hash: RawBuilder<string> };

/** Reads and locks the chain's head; writers of one chain queue here until they commit. */
export const CHAIN_HEAD = (chainKey: string): RawBuilder<ChainHead> =>
  sql<ChainHead>`audit_chain_head(${chainKey})`;

/** The chain an entry goes to: the one it names, else its actor's (defaultChain). */
export function chainOf(who: AuditActor | Actor, entry: AuditEntry): string {
  return entry.chain ?? defaultChain(who);
}

/**
 * The call that appends `entry` onto `head`, the head of its chain read (and locked) by this
 * transaction with CHAIN_HEAD: `SELECT` it, alone or inside a larger statement.
 */
function auditAppendCall(
  who: AuditActor | Actor,
  entry: AuditEntry,
  at: Date,
  head: ChainHead,
): { call: RawBuilder<unknown>; next: ChainHead } {
  const actor = auditActorOf(who);
  const chainKey = chainOf(who, entry);
  const input: HashInput = {
    chainKey,
    seq: Number(head.length) + 1,
    at: atText(at),
    actorUserId: actor.userId,
    actorLabel: actor.label,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    details: entry.details ?? {},
    requestId: entry.requestId ?? null,
  };
  const hash = entryHash(head.head_hash, input);
  return {
    call: sql`audit_append(${chainKey}, ${input.seq}, ${at}, ${actor.userId}, ${actor.label},
    ${input.action}, ${input.entityType}, ${input.entityId}, ${JSON.stringify(input.details)}::jsonb,
    ${input.requestId}, ${head.head_hash}, ${hash})`,
    next: { length: input.seq, head_hash: hash },
  };
}

/**
 * The call that appends `entry` onto `head`, an expression of the chain's head that the same statement
 * locks (CHAIN_HEAD), for an entry that names a value only that statement knows (`pending`: the
 * entity id and details may hold its placeholder). The entry's seq and hash are computed by SQL from
 * the locked head, as entryHash computes them: sha256 of the head's hash, a newline and the entry's
 * canonical JSON, with the value and the seq in their places.
 */
export function auditAppendOnto(
  who: AuditActor | Actor,
  entry: AuditEntry,
  at: Date,
  onto: { head: LockedHead; pending: PendingValue },
): RawBuilder<unknown> {
  const { head, pending } = onto;
  const actor = auditActorOf(who);
  const chainKey = chainOf(who, entry);
  // The seq stands in the canonical text as a JSON string of its own, replaced by the number.
  const seqMark = `seq${randomBytes(12).toString('hex')}`;
  const details = entry.details ?? {};
  const canonical = canonicalJson({
    chainKey,
    seq: seqMark,
    at: atText(at),
    actorUserId: actor.userId,
    actorLabel: actor.label,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    details,
    requestId: entry.requestId ?? null,
  } satisfies Record<keyof HashInput, unknown>);
  const [before, after, ...more] = canonical.split(JSON.stringify(seqMark));
  if (after === undefined || more.length > 0) throw new Error('the audit entry holds its seq mark');
  const seq = sql<string>`(${head.length} + 1)`;
  const hashed = sql<string>`${pending.text(before!)} || ${seq}::text || ${pending.text(after)}`;
  const hash = sql<string>`encode(sha256(convert_to(${head.hash} || E'\\n' || ${hashed}, 'UTF8')), 'hex')`;
  const entityId = entry.entityId == null ? null : pending.text(entry.entityId);
  return sql`audit_append(${chainKey}, ${seq}, ${at}, ${actor.userId}, ${actor.label},
    ${entry.action}, ${entry.entityType}, ${entityId}, ${pending.json(details)},
    ${entry.requestId ?? null}, ${head.hash}, ${hash})`;
}

export async function appendAudit(
  trx: Transaction<DB>,
  who: AuditActor | Actor,
  entry: AuditEntry,
  at: Date,
): Promise<void> {
  const { rows } = await sql<ChainHead>`
    SELECT length, head_hash FROM ${CHAIN_HEAD(chainOf(who, entry))}`.execute(trx);
  await sql`SELECT ${auditAppendCall(who, entry, at, rows[0]!).call}`.execute(trx);
}

/**
 * Entries of one actor appended in order, each chain's head read (and locked) once: an import of a
 * national catalogue writes thousands, and reading the head again for each doubled its statements.
 */
export async function appendAudits(
  trx: Transaction<DB>,
  who: AuditActor | Actor,
  entries: AuditEntry[],
  at: Date,
): Promise<void> {
  const heads = new Map<string, ChainHead>();
  for (const entry of entries) {
    const chain = chainOf(who, entry);
    let head = heads.get(chain);
    if (head === undefined) {
      const { rows } = await sql<ChainHead>`SELECT length, head_hash FROM ${CHAIN_HEAD(chain)}`.execute(trx);
      head = rows[0]!;
    }
    const { call, next } = auditAppendCall(who, entry, at, head);
    await sql`SELECT ${call}`.execute(trx);
    heads.set(chain, next);
  }
}

export type ChainProblem = { chain: string; reason: string; auditId: string | null };

export type AuditVerification = {
  ok: boolean;
  /** Entries checked and found linked and intact, over all chains. */
  checked: number;
  chains: number;
  /** At most one per chain: the first thing wrong with it. */
  problems: ChainProblem[];
};

type Head = { length: number; hash: string } | null;

/** Walks one chain in seq order, in pages, against its anchored head; the first fault or null. */
async function verifyChain(
  db: Kysely<DB>,
  chain: string,
  head: Head,
  pageSize: number,
): Promise<{ checked: number; problem: Omit<ChainProblem, 'chain'> | null }> {
  let prevHash = GENESIS_HASH;
  let seq = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .select(AT_TEXT.as('at_text'))
      .where('chain_key', '=', chain)
      .where('seq', '>', String(seq))
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    for (const r of rows) {
      const fault = (reason: string) => ({ checked: seq, problem: { reason, auditId: r.audit_id } });
      if (Number(r.seq) !== seq + 1) return fault(`gap at seq ${seq + 1} (next entry found is seq ${r.seq})`);
      if (r.prev_hash !== prevHash)
        return fault(`link broken at seq ${r.seq}: prev_hash is not the hash of seq ${seq}`);
      const expected = storedEntryHash(prevHash, r, seq + 1);
      if (expected !== r.hash)
        return fault(`hash mismatch at seq ${r.seq}: the content does not match its hash`);
      prevHash = r.hash;
      seq++;
    }
    if (rows.length < pageSize) break;
  }
  const none = (reason: string) => ({ checked: seq, problem: { reason, auditId: null } });
  if (!head) return none(`no anchored head for ${seq} entries`);
  if (seq === 0 && head.length > 0) return none(`truncated: head says ${head.length}, found 0`);
  if (seq < head.length) return none(`tail removed: head says ${head.length}, found ${seq}`);
  if (seq > head.length) return none(`entries beyond the head: head says ${head.length}, found ${seq}`);
  if (prevHash !== head.hash)
    return none(`head hash mismatch: the last entry (seq ${seq}) is not the anchored head`);
  return { checked: seq, problem: null };
}

/** Checks every chain (every head, every chain with entries) and names what is wrong with each. */
export async function verifyAuditChain(db: Kysely<DB>, pageSize = 5000): Promise<AuditVerification> {
  const heads = new Map<string, Head>();
  for (const h of await db.selectFrom('audit_chain_heads').selectAll().execute()) {
    heads.set(h.chain_key, { length: Number(h.length), hash: h.head_hash });
  }
  const logged = await db.selectFrom('audit_log').select('chain_key').distinct().execute();
  const chains = [...new Set([...heads.keys(), ...logged.map((r) => r.chain_key)])].sort();
  const problems: ChainProblem[] = [];
  let checked = 0;
  for (const chain of chains) {
    const r = await verifyChain(db, chain, heads.get(chain) ?? null, pageSize);
    checked += r.checked;
    if (r.problem) problems.push({ chain, ...r.problem });
  }
  return { ok: problems.length === 0, checked, chains: chains.length, problems };
}
