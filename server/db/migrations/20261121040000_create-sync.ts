// Frozen: never edit a migration that has shipped; add a new one.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const run = async (q: ReturnType<typeof sql>) => {
    await q.execute(db);
  };

  await run(sql`
    CREATE TABLE portal_sync_state (
      dossier_code text PRIMARY KEY,
      agency_id bigint REFERENCES agencies(agency_id),
      latest_outbox_id bigint NOT NULL,
      latest_status_code integer,
      changed_at timestamptz NOT NULL,
      acked_outbox_id bigint,
      acked_status_code integer,
      acked_at timestamptz
    )`);
  await run(
    sql`COMMENT ON TABLE portal_sync_state IS 'Per dossier: the latest status message written for the national portal (kept by a trigger on outbox) and the latest one the portal acknowledged (kept by the sync worker). Synced when acked_outbox_id >= latest_outbox_id.'`,
  );
  await run(
    sql`COMMENT ON COLUMN portal_sync_state.agency_id IS 'Receiving agency of the dossier (the agency whose code starts the dossier code): the unit of the per-agency sync figures. NULL when the key is not a dossier.'`,
  );
  await run(
    sql`COMMENT ON COLUMN portal_sync_state.latest_status_code IS 'TrangThaiHoSo (1-10) carried by the latest message.'`,
  );
  await run(
    sql`COMMENT ON COLUMN portal_sync_state.acked_outbox_id IS 'Latest message the portal answered error_code "0" to; NULL until the first.'`,
  );
  await run(sql`CREATE INDEX portal_sync_state_agency_idx ON portal_sync_state (agency_id)`);
  await run(sql`CREATE INDEX portal_sync_state_changed_idx ON portal_sync_state (changed_at)`);

  // A trigger rather than a write in the dossier module: every producer of portal.dossier-status
  // messages (actions, reconciliation, future imports) is tracked without knowing about it.
  await run(sql`
    CREATE FUNCTION outbox_track_portal_sync() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      code_text text := NEW.payload->>'statusCode';
      status_code integer := CASE WHEN code_text ~ '^[0-9]{1,2}$' THEN code_text::integer END;
    BEGIN
      INSERT INTO portal_sync_state AS s (dossier_code, agency_id, latest_outbox_id, latest_status_code, changed_at)
      VALUES (
        NEW.ordering_key,
        (SELECT d.receiving_agency_id FROM dossiers d WHERE d.code = NEW.ordering_key),
        NEW.outbox_id,
        status_code,
        NEW.created_at)
      ON CONFLICT (dossier_code) DO UPDATE SET
        latest_outbox_id = GREATEST(s.latest_outbox_id, EXCLUDED.latest_outbox_id),
        latest_status_code = CASE WHEN EXCLUDED.latest_outbox_id > s.latest_outbox_id
          THEN EXCLUDED.latest_status_code ELSE s.latest_status_code END,
        changed_at = GREATEST(s.changed_at, EXCLUDED.changed_at),
        agency_id = COALESCE(s.agency_id, EXCLUDED.agency_id);
      RETURN NULL;
    END $$`);
  await run(sql`
    CREATE TRIGGER outbox_portal_sync AFTER INSERT ON outbox
    FOR EACH ROW WHEN (NEW.topic = 'portal.dossier-status')
    EXECUTE FUNCTION outbox_track_portal_sync()`);
  // Messages written before this migration.
  await run(sql`
    INSERT INTO portal_sync_state (dossier_code, agency_id, latest_outbox_id, latest_status_code, changed_at,
                                   acked_outbox_id, acked_status_code, acked_at)
    SELECT DISTINCT ON (o.ordering_key)
      o.ordering_key,
      d.receiving_agency_id,
      o.outbox_id,
      CASE WHEN o.payload->>'statusCode' ~ '^[0-9]{1,2}$' THEN (o.payload->>'statusCode')::integer END,
      o.created_at,
      a.outbox_id,
      CASE WHEN a.payload->>'statusCode' ~ '^[0-9]{1,2}$' THEN (a.payload->>'statusCode')::integer END,
      a.delivered_at
    FROM outbox o
    LEFT JOIN dossiers d ON d.code = o.ordering_key
    LEFT JOIN LATERAL (
      SELECT x.outbox_id, x.payload, x.delivered_at FROM outbox x
      WHERE x.topic = o.topic AND x.ordering_key = o.ordering_key AND x.status = 'delivered'
      ORDER BY x.outbox_id DESC LIMIT 1
    ) a ON true
    WHERE o.topic = 'portal.dossier-status'
    ORDER BY o.ordering_key, o.outbox_id DESC`);

  // The worker finds the head (oldest undelivered message) of every key with this index: one ordered
  // scan of the pending and dead messages, whatever the planner's statistics (PGlite has no autovacuum).
  await run(
    sql`CREATE INDEX outbox_head_idx ON outbox (topic, ordering_key, outbox_id) WHERE status IN ('pending', 'dead')`,
  );
  await run(
    sql`COMMENT ON COLUMN outbox.attempts IS 'Delivery attempts so far; incremented when a worker claims the message, so a crash mid-delivery counts. At SYNC_MAX_ATTEMPTS a failed message becomes dead.'`,
  );
  await run(
    sql`COMMENT ON COLUMN outbox.locked_until IS 'Lease of the worker delivering the message; after it the message may be claimed again (at-least-once).'`,
  );
  await run(
    sql`COMMENT ON COLUMN outbox.available_at IS 'Not delivered before this time: the retry backoff (exponential, full jitter).'`,
  );

  await run(sql`
    CREATE TABLE portal_inbound_dossiers (
      inbound_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      portal_code text NOT NULL UNIQUE CHECK (length(portal_code) BETWEEN 1 AND 100),
      procedure_code text NOT NULL,
      agency_code text NOT NULL,
      agency_id bigint REFERENCES agencies(agency_id),
      submitted_at timestamptz,
      record jsonb NOT NULL,
      intake jsonb NOT NULL,
      problems jsonb NOT NULL DEFAULT '[]'::jsonb,
      status text NOT NULL DEFAULT 'new' CHECK (status IN ('new','received','rejected')),
      dossier_code text,
      fetched_at timestamptz NOT NULL
    )`);
  await run(
    sql`COMMENT ON TABLE portal_inbound_dossiers IS 'Dossiers submitted on the national portal (E2) fetched for the province, one row per portal dossier code: a record fetched twice is stored once. A desk receives them into dossiers.'`,
  );
  await run(
    sql`COMMENT ON COLUMN portal_inbound_dossiers.record IS 'The portal record as received (holds the applicant''s personal data).'`,
  );
  await run(
    sql`COMMENT ON COLUMN portal_inbound_dossiers.intake IS 'The record mapped to motcua''s intake input (server/modules/sync/portal-adapter.ts).'`,
  );
  await run(
    sql`COMMENT ON COLUMN portal_inbound_dossiers.problems IS 'What the mapping could not resolve (unknown agency, unknown procedure …) as [{ path, message }].'`,
  );
  await run(
    sql`COMMENT ON COLUMN portal_inbound_dossiers.dossier_code IS 'The motcua dossier created when a desk received it; NULL while new.'`,
  );
  await run(sql`CREATE INDEX portal_inbound_status_idx ON portal_inbound_dossiers (status, agency_id)`);

  await run(sql`
    CREATE TABLE sync_reconciliations (
      reconciliation_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      started_at timestamptz NOT NULL,
      finished_at timestamptz,
      window_from timestamptz NOT NULL,
      checked integer NOT NULL DEFAULT 0,
      mismatches integer NOT NULL DEFAULT 0,
      enqueued integer NOT NULL DEFAULT 0,
      errors integer NOT NULL DEFAULT 0,
      details jsonb NOT NULL DEFAULT '[]'::jsonb
    )`);
  await run(
    sql`COMMENT ON TABLE sync_reconciliations IS 'Runs of the reconciliation job: dossiers changed since window_from whose status the portal holds differently are re-sent.'`,
  );
  await run(
    sql`COMMENT ON COLUMN sync_reconciliations.details IS 'The differences found: [{ dossierCode, portalStatusCode, statusCode }] (no personal data).'`,
  );
}
