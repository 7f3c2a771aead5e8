import { type Kysely, sql } from 'kysely';

// Frozen in time: this file never imports application code, so it runs the same way forever.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE tenants (
      id text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      registered_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  await sql`CREATE SEQUENCE events_position_seq AS bigint`.execute(db);

  // No foreign key to tenants: the append function checks the tenant once per call, and a key
  // check per row would take a share lock on the tenant row that every writer then contends for.
  await sql`
    CREATE TABLE events (
      position bigint PRIMARY KEY,
      transaction_id xid8 NOT NULL,
      tenant_id text NOT NULL,
      tenant_seq bigint NOT NULL CHECK (tenant_seq > 0),
      stream_id text NOT NULL,
      stream_version integer NOT NULL CHECK (stream_version > 0),
      event_id uuid NOT NULL,
      type text NOT NULL,
      schema_version integer NOT NULL CHECK (schema_version > 0),
      data jsonb NOT NULL,
      metadata jsonb NOT NULL,
      recorded_at timestamptz NOT NULL,
      prev_hash bytea NOT NULL CHECK (length(prev_hash) = 32),
      hash bytea NOT NULL CHECK (length(hash) = 32),
      CONSTRAINT events_event_id_key UNIQUE (event_id),
      CONSTRAINT events_tenant_seq_key UNIQUE (tenant_id, tenant_seq),
      CONSTRAINT events_stream_version_key UNIQUE (stream_id, stream_version)
    )`.execute(db);

  // Readers follow commit order, (transaction_id, position), never position alone: see docs/event-store.md.
  await sql`CREATE INDEX events_commit_order ON events (transaction_id, position)`.execute(db);
  await sql`CREATE INDEX events_tenant_commit_order ON events (tenant_id, transaction_id, position)`.execute(db);
  // No index on recorded_at: "as of" reads follow a commit-order index and filter on it, and within a
  // tenant recorded_at rises with tenant_seq (appends are serialised). Each index on the log costs every
  // append; seven of them made a 100-event insert 2.6 times slower than one (docs/benchmarks.md).

  await sql`
    CREATE FUNCTION reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION '% on % is not allowed: the table is append-only', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'CT405';
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
    FOR EACH STATEMENT EXECUTE FUNCTION reject_change()`.execute(db);
  await sql`
    CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
    FOR EACH STATEMENT EXECUTE FUNCTION reject_change()`.execute(db);
  await sql`
    CREATE TRIGGER tenants_keep BEFORE DELETE OR TRUNCATE ON tenants
    FOR EACH STATEMENT EXECUTE FUNCTION reject_change()`.execute(db);

  await sql`
    CREATE TABLE subscription_checkpoints (
      name text PRIMARY KEY,
      transaction_id xid8 NOT NULL,
      position bigint NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  await sql.raw(APPEND_EVENTS).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP FUNCTION append_events(text, text, text, integer, jsonb)`.execute(db);
  await sql`DROP TABLE subscription_checkpoints`.execute(db);
  await sql`DROP TABLE events`.execute(db);
  await sql`DROP FUNCTION reject_change() CASCADE`.execute(db);
  await sql`DROP SEQUENCE events_position_seq`.execute(db);
  await sql`DROP TABLE tenants`.execute(db);
}

/*
 * One round trip per append. The tenant's advisory lock is taken before anything writes, so the
 * transaction id, the positions, the tenant sequence and the hash chain are all allocated in lock
 * order: within a tenant, commit order, position order and chain order agree.
 * p_events: [{ eventId, type, schemaVersion, data, metadata, contentHash (hex sha-256) }, …]
 * p_expected: 'any' | 'no_stream' | 'stream_exists' | 'exact' (with p_expected_version).
 * Errors carry a JSON DETAIL and an SQLSTATE of class CT that the store maps to typed errors.
 */
const APPEND_EVENTS = `
CREATE FUNCTION append_events(
  p_tenant text, p_stream text, p_expected text, p_expected_version integer, p_events jsonb
) RETURNS TABLE (
  out_position bigint, out_transaction_id xid8, out_tenant_seq bigint, out_stream_version integer,
  out_event_id uuid, out_recorded_at timestamptz, out_hash bytea, out_replayed boolean
) LANGUAGE plpgsql
-- Every statement here is an index probe. On a new or never-analysed table the planner would pick
-- sequential scans and keep them in the function's cached plans: 4,000 appends read 8 million rows.
SET enable_seqscan = off
AS $fn$
DECLARE
  v_count integer := jsonb_array_length(p_events);
  v_ids uuid[];
  v_existing integer;
  v_matching integer;
  v_stream_tenant text;
  v_version integer;
  v_seq bigint;
  v_prev bytea;
  v_tx xid8;
  v_tx_bytes bytea;
  v_now timestamptz;
  v_ms_bytes bytea;
  v_event jsonb;
  v_position bigint;
  v_hash bytea;
  a_position bigint[] := '{}';
  a_seq bigint[] := '{}';
  a_version integer[] := '{}';
  a_prev bytea[] := '{}';
  a_hash bytea[] := '{}';
BEGIN
  PERFORM pg_advisory_xact_lock(1667459377, hashtext(p_tenant));

  -- The chain's tail first: a tenant with events exists (tenants are never deleted), so the tenant
  -- table is consulted only for a tenant's first append.
  SELECT ev.tenant_seq, ev.hash INTO v_seq, v_prev
    FROM events ev WHERE ev.tenant_id = p_tenant ORDER BY ev.tenant_seq DESC LIMIT 1;
  IF NOT FOUND THEN
    IF NOT EXISTS (SELECT 1 FROM tenants WHERE id = p_tenant) THEN
      RAISE EXCEPTION 'unknown tenant %', p_tenant USING ERRCODE = 'CT404',
        DETAIL = json_build_object('tenant', p_tenant)::text;
    END IF;
    v_seq := 0;
    v_prev := sha256(convert_to('chitieu:genesis:' || p_tenant, 'UTF8'));
  END IF;

  SELECT array_agg((e->>'eventId')::uuid ORDER BY ord) INTO v_ids
    FROM jsonb_array_elements(p_events) WITH ORDINALITY AS x(e, ord);
  -- An index probe decides; the comparison of contents runs only for a retry (it cost 0.1 ms a call).
  IF EXISTS (SELECT 1 FROM events ev WHERE ev.event_id = ANY (v_ids)) THEN
    SELECT count(*), count(*) FILTER (WHERE ev.tenant_id = p_tenant AND ev.stream_id = p_stream
             AND ev.type = x.e->>'type' AND ev.data = x.e->'data')
      INTO v_existing, v_matching
      FROM events ev JOIN jsonb_array_elements(p_events) AS x(e) ON ev.event_id = (x.e->>'eventId')::uuid
      WHERE ev.event_id = ANY (v_ids);
    IF v_existing = v_count AND v_matching = v_count THEN
      RETURN QUERY SELECT ev.position, ev.transaction_id, ev.tenant_seq, ev.stream_version,
          ev.event_id, ev.recorded_at, ev.hash, true
        FROM events ev WHERE ev.event_id = ANY (v_ids) ORDER BY ev.position;
      RETURN;
    END IF;
    RAISE EXCEPTION 'event ids already used by other events' USING ERRCODE = 'CT422',
      DETAIL = json_build_object('stream', p_stream, 'existing', v_existing,
        'matching', v_matching, 'count', v_count)::text;
  END IF;

  SELECT ev.tenant_id, ev.stream_version INTO v_stream_tenant, v_version
    FROM events ev WHERE ev.stream_id = p_stream ORDER BY ev.stream_version DESC LIMIT 1;
  IF v_stream_tenant IS NOT NULL AND v_stream_tenant <> p_tenant THEN
    RAISE EXCEPTION 'stream % belongs to another tenant', p_stream USING ERRCODE = 'CT403',
      DETAIL = json_build_object('stream', p_stream, 'tenant', p_tenant)::text;
  END IF;
  v_version := coalesce(v_version, 0);
  IF NOT (p_expected = 'any'
       OR (p_expected = 'no_stream' AND v_version = 0)
       OR (p_expected = 'stream_exists' AND v_version > 0)
       OR (p_expected = 'exact' AND v_version = p_expected_version)) THEN
    RAISE EXCEPTION 'stream % is at version %, expected %', p_stream, v_version,
        coalesce(p_expected_version::text, p_expected)
      USING ERRCODE = 'CT409',
      DETAIL = json_build_object('stream', p_stream, 'expected', p_expected,
        'expectedVersion', p_expected_version, 'actualVersion', v_version)::text;
  END IF;

  v_tx := pg_current_xact_id();
  v_tx_bytes := int8send(v_tx::text::bigint);
  v_now := date_trunc('milliseconds', clock_timestamp());
  v_ms_bytes := int8send((extract(epoch FROM v_now) * 1000)::bigint);

  FOR v_event IN SELECT e FROM jsonb_array_elements(p_events) WITH ORDINALITY AS x(e, ord) ORDER BY ord LOOP
    v_position := nextval('events_position_seq');
    v_seq := v_seq + 1;
    v_version := v_version + 1;
    v_hash := sha256(v_prev || decode(v_event->>'contentHash', 'hex') || int8send(v_position)
      || v_tx_bytes || int4send(v_version) || v_ms_bytes);
    a_position := a_position || v_position;
    a_seq := a_seq || v_seq;
    a_version := a_version || v_version;
    a_prev := a_prev || v_prev;
    a_hash := a_hash || v_hash;
    v_prev := v_hash;
  END LOOP;

  INSERT INTO events (position, transaction_id, tenant_id, tenant_seq, stream_id, stream_version,
      event_id, type, schema_version, data, metadata, recorded_at, prev_hash, hash)
    SELECT a_position[i], v_tx, p_tenant, a_seq[i], p_stream, a_version[i],
      (p_events->(i - 1)->>'eventId')::uuid, p_events->(i - 1)->>'type',
      (p_events->(i - 1)->>'schemaVersion')::integer, p_events->(i - 1)->'data',
      p_events->(i - 1)->'metadata', v_now, a_prev[i], a_hash[i]
    FROM generate_subscripts(a_position, 1) AS i;

  RETURN QUERY SELECT a_position[i], v_tx, a_seq[i], a_version[i],
      (p_events->(i - 1)->>'eventId')::uuid, v_now, a_hash[i], false
    FROM generate_subscripts(a_position, 1) AS i ORDER BY i;
END
$fn$`;
