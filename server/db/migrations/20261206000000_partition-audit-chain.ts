// Frozen: never edit a migration that has shipped; add a new one.
// Issue #20: the audit chain is partitioned (one chain per agency, plus 'deployment'), each chain's
// length and head hash are anchored in audit_chain_heads, written only through SECURITY DEFINER
// functions, and the hash covers `at` to the microsecond. The tamper bypass is gone.
// Existing entries (one deployment-wide chain) are checked with the old rule, then moved, in id
// order, into the 'deployment' chain as seq 1..n and re-hashed with the new rule (docs/adr/0003).
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';

const GENESIS = '0'.repeat(64);

/** The hashing rule as of this migration (a frozen copy of platform/audit.ts's). */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}
const sha = (prev: string, e: unknown) =>
  createHash('sha256').update(prev).update('\n').update(canonical(e)).digest('hex');

type Row = {
  audit_id: string;
  at: Date;
  at_text: string;
  actor_user_id: string | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  details: Record<string, unknown>;
  request_id: string | null;
  prev_hash: string;
  hash: string;
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const run = async (q: ReturnType<typeof sql>) => {
    await q.execute(db);
  };
  await run(sql`DROP TRIGGER audit_log_no_update ON audit_log`);
  await run(sql`DROP FUNCTION audit_log_append_only()`);
  await run(sql`ALTER TABLE audit_log ADD COLUMN chain_key text, ADD COLUMN seq bigint`);

  // Re-chain what is there: verify with the old rule (a broken chain must not be laundered), then
  // rewrite each entry as seq i of 'deployment' with the new rule.
  const { rows } = await sql<Row>`
    SELECT *, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at_text
    FROM audit_log ORDER BY audit_id`.execute(db);
  let oldPrev = GENESIS;
  let newPrev = GENESIS;
  let seq = 0;
  for (const r of rows) {
    const base = {
      actorUserId: r.actor_user_id,
      actorLabel: r.actor_label,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      details: r.details,
      requestId: r.request_id,
    };
    const oldHash = sha(oldPrev, { ...base, at: new Date(r.at).toISOString() });
    if (r.prev_hash !== oldPrev || r.hash !== oldHash) {
      throw new Error(
        `audit_log entry ${r.audit_id} does not verify (npm run cli -- audit:verify on the previous release); ` +
          'the chain is not re-hashed over a broken entry',
      );
    }
    oldPrev = r.hash;
    seq++;
    const hash = sha(newPrev, { ...base, at: r.at_text, chainKey: 'deployment', seq });
    await run(sql`UPDATE audit_log SET chain_key = 'deployment', seq = ${seq}, prev_hash = ${newPrev},
      hash = ${hash} WHERE audit_id = ${r.audit_id}`);
    newPrev = hash;
  }

  await run(sql`ALTER TABLE audit_log ALTER COLUMN chain_key SET NOT NULL, ALTER COLUMN seq SET NOT NULL`);
  await run(
    sql`ALTER TABLE audit_log ADD CONSTRAINT audit_log_chain_key_check CHECK (chain_key ~ '^(deployment|[0-9]{1,18})$')`,
  );
  await run(sql`ALTER TABLE audit_log ADD CONSTRAINT audit_log_seq_check CHECK (seq >= 1)`);
  await run(sql`ALTER TABLE audit_log ADD CONSTRAINT audit_log_chain_seq_key UNIQUE (chain_key, seq)`);
  await run(
    sql`COMMENT ON TABLE audit_log IS 'Append-only audit trail in chains (one per agency, plus deployment), written in the same transaction as each change through audit_append(). hash = sha256(prev_hash + canonical entry); audit:verify walks each chain against its anchored head.'`,
  );
  await run(
    sql`COMMENT ON COLUMN audit_log.chain_key IS 'The chain: the agency_id the write concerns, or deployment for writes that concern no agency (sign-ins, the catalogue, system jobs).'`,
  );
  await run(sql`COMMENT ON COLUMN audit_log.seq IS 'Position in the chain, 1..n without gaps.'`);

  await run(sql`
    CREATE TABLE audit_chain_heads (
      chain_key text PRIMARY KEY,
      length bigint NOT NULL CHECK (length >= 0),
      head_hash text NOT NULL,
      updated_at timestamptz NOT NULL
    )`);
  await run(
    sql`COMMENT ON TABLE audit_chain_heads IS 'The anchor of each audit chain: its length and last hash. The runtime role can only read it; audit_append() advances it by one entry.'`,
  );
  if (seq > 0) {
    await run(sql`
      INSERT INTO audit_chain_heads (chain_key, length, head_hash, updated_at)
      VALUES ('deployment', ${seq}, ${newPrev}, now())`);
  }

  // Appending: audit_chain_head() locks the chain's head (creating it at the genesis), the caller
  // hashes its entry onto it, audit_append() inserts the entry and moves the head, refusing anything
  // that does not continue it. Both run as their owner (the migrator), so the runtime role needs no
  // write privilege on either table (migration 20261206010000).
  // The functions run as their owner: their search path is pinned to this schema, with pg_temp last
  // so a caller's temporary table cannot stand in for the log or the heads.
  const { rows: schema } = await sql<{ s: string }>`SELECT quote_ident(current_schema()) AS s`.execute(db);
  const pinned = sql.raw(`SET search_path = ${schema[0]!.s}, pg_temp`);
  await run(sql`
    CREATE FUNCTION audit_chain_head(p_chain text, OUT length bigint, OUT head_hash text)
    LANGUAGE plpgsql SECURITY DEFINER ${pinned} AS $$
    BEGIN
      INSERT INTO audit_chain_heads (chain_key, length, head_hash, updated_at)
      VALUES (p_chain, 0, repeat('0', 64), now()) ON CONFLICT (chain_key) DO NOTHING;
      SELECT h.length, h.head_hash INTO length, head_hash
      FROM audit_chain_heads h WHERE h.chain_key = p_chain FOR UPDATE;
    END $$`);
  await run(sql`
    CREATE FUNCTION audit_append(
      p_chain text, p_seq bigint, p_at timestamptz, p_actor_user_id bigint, p_actor_label text,
      p_action text, p_entity_type text, p_entity_id text, p_details jsonb, p_request_id text,
      p_prev_hash text, p_hash text
    ) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER ${pinned} AS $$
    BEGIN
      UPDATE audit_chain_heads SET length = p_seq, head_hash = p_hash, updated_at = now()
      WHERE chain_key = p_chain AND length = p_seq - 1 AND head_hash = p_prev_hash;
      IF NOT FOUND THEN
        RAISE EXCEPTION 'audit entry % of chain % does not continue the chain''s head', p_seq, p_chain;
      END IF;
      INSERT INTO audit_log (chain_key, seq, at, actor_user_id, actor_label, action, entity_type,
        entity_id, details, request_id, prev_hash, hash)
      VALUES (p_chain, p_seq, p_at, p_actor_user_id, p_actor_label, p_action, p_entity_type,
        p_entity_id, p_details, p_request_id, p_prev_hash, p_hash);
    END $$`);

  // No bypass: UPDATE, DELETE and TRUNCATE are refused for everyone. The owner can still disable
  // the trigger; what it then changes is caught by audit:verify against the heads.
  await run(sql`
    CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
    END $$`);
  await run(sql`
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`);
  await run(sql`
    CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`);
  await run(sql`
    CREATE TRIGGER audit_chain_heads_no_delete BEFORE DELETE ON audit_chain_heads
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`);
  await run(sql`
    CREATE TRIGGER audit_chain_heads_no_truncate BEFORE TRUNCATE ON audit_chain_heads
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`);
}
