import { type Kysely, sql } from 'kysely';

// Frozen in time: this file never imports application code, so it runs the same way forever.
//
// Read models are projections of the log: rebuildable, so unlike `events` they are updated and
// deleted. Every row is a version of something as the platform knew it: `known_from` is the
// recorded time of the event that produced it, `known_until` that of the event that replaced it
// (NULL: current). "As of T" is `known_from <= T AND (known_until IS NULL OR known_until > T)`.
// `generation` lets a rebuild fill new rows beside the live ones and switch in one update.

const VERSIONED = sql`
  known_from timestamptz NOT NULL,
  known_until timestamptz,
  position bigint NOT NULL`;

/** Tables holding one province's data: row-level security keys them on the request's tenant. */
const TENANT_TABLES = [
  'rm_plans',
  'rm_plan_tasks',
  'rm_targets',
  'rm_reports',
  'rm_rounds',
  'rm_round_submissions',
  'rm_progress',
];

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE projection_generations (
      generation integer PRIMARY KEY,
      status text NOT NULL CHECK (status IN ('building', 'live', 'retired')),
      transaction_id xid8 NOT NULL DEFAULT '0',
      position bigint NOT NULL DEFAULT 0,
      events bigint NOT NULL DEFAULT 0,
      started_at timestamptz NOT NULL DEFAULT now(),
      live_at timestamptz,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  // At most one live generation: readers look it up in their own snapshot.
  await sql`CREATE UNIQUE INDEX projection_generations_one_live ON projection_generations (status) WHERE status = 'live'`.execute(
    db,
  );

  await sql`
    CREATE TABLE rm_provinces (
      generation integer NOT NULL,
      province text NOT NULL,
      code text NOT NULL,
      name text NOT NULL,
      valid_from date,
      valid_to date,
      successor text,
      predecessors text[] NOT NULL DEFAULT '{}',
      legal_basis jsonb,
      ${VERSIONED}
    )`.execute(db);
  await sql`CREATE INDEX rm_provinces_key ON rm_provinces (generation, province, known_from)`.execute(db);

  await sql`
    CREATE TABLE rm_indicators (
      generation integer NOT NULL,
      code text NOT NULL,
      name_vi text NOT NULL,
      name_en text NOT NULL,
      unit text NOT NULL,
      direction text NOT NULL,
      combine jsonb NOT NULL,
      description text,
      aliases text[] NOT NULL DEFAULT '{}',
      revision integer NOT NULL,
      reason text,
      document jsonb,
      ${VERSIONED}
    )`.execute(db);
  await sql`CREATE INDEX rm_indicators_key ON rm_indicators (generation, code, known_from)`.execute(db);

  await sql`
    CREATE TABLE rm_plans (
      generation integer NOT NULL,
      tenant text NOT NULL,
      plan text NOT NULL,
      stream text NOT NULL,
      document jsonb NOT NULL,
      implements text[] NOT NULL,
      period_from integer NOT NULL,
      period_to integer NOT NULL,
      baselines jsonb NOT NULL,
      budget jsonb NOT NULL,
      effective_from date,
      superseded_by text,
      superseded_on date,
      event_id uuid NOT NULL,
      ${VERSIONED}
    )`.execute(db);
  await sql`CREATE INDEX rm_plans_key ON rm_plans (generation, tenant, plan, known_from)`.execute(db);

  await sql`
    CREATE TABLE rm_plan_tasks (
      generation integer NOT NULL,
      tenant text NOT NULL,
      plan text NOT NULL,
      task text NOT NULL,
      title text NOT NULL,
      lead text NOT NULL,
      partners text[] NOT NULL,
      product text NOT NULL,
      deadline text NOT NULL,
      due_by date,
      status text NOT NULL,
      reported_on date,
      note text,
      ${VERSIONED}
    )`.execute(db);
  await sql`CREATE INDEX rm_plan_tasks_key ON rm_plan_tasks (generation, tenant, plan, task, known_from)`.execute(db);

  // One row per version of a target: adoption, each revision, the withdrawal.
  await sql`
    CREATE TABLE rm_targets (
      generation integer NOT NULL,
      tenant text NOT NULL,
      plan text NOT NULL,
      target text NOT NULL,
      indicator text NOT NULL,
      kind text NOT NULL,
      year integer NOT NULL,
      comparator text,
      value double precision,
      unit text,
      change double precision,
      change_unit text,
      baseline_year integer,
      text text,
      written text,
      withdrawn boolean NOT NULL DEFAULT false,
      revision integer NOT NULL,
      change_kind text NOT NULL,
      effective_on date,
      reason text,
      document jsonb,
      event_id uuid NOT NULL,
      actor jsonb NOT NULL,
      ${VERSIONED}
    )`.execute(db);
  await sql`CREATE INDEX rm_targets_key ON rm_targets (generation, tenant, plan, target, known_from)`.execute(db);
  await sql`CREATE INDEX rm_targets_indicator ON rm_targets (generation, indicator, tenant) WHERE known_until IS NULL`.execute(
    db,
  );

  // One row per version of a reported figure: the report, then each correction.
  await sql`
    CREATE TABLE rm_reports (
      generation integer NOT NULL,
      tenant text NOT NULL,
      indicator text NOT NULL,
      period text NOT NULL,
      period_kind text NOT NULL,
      year integer NOT NULL,
      value double precision NOT NULL,
      unit text NOT NULL,
      written text,
      status text NOT NULL,
      source text NOT NULL,
      numerator double precision,
      denominator double precision,
      filed_by text,
      revision integer NOT NULL,
      corrects uuid,
      reason text,
      event_id uuid NOT NULL,
      actor jsonb NOT NULL,
      ${VERSIONED}
    )`.execute(db);
  await sql`CREATE INDEX rm_reports_key ON rm_reports (generation, tenant, indicator, period, known_from)`.execute(db);

  await sql`
    CREATE TABLE rm_rounds (
      generation integer NOT NULL,
      tenant text NOT NULL,
      round text NOT NULL,
      document jsonb NOT NULL,
      implements text[] NOT NULL,
      levels jsonb NOT NULL,
      outline jsonb NOT NULL,
      closed_on date,
      ${VERSIONED}
    )`.execute(db);
  await sql`CREATE INDEX rm_rounds_key ON rm_rounds (generation, tenant, round, known_from)`.execute(db);

  await sql`
    CREATE TABLE rm_round_submissions (
      generation integer NOT NULL,
      tenant text NOT NULL,
      round text NOT NULL,
      level text NOT NULL,
      unit text NOT NULL,
      reports_to text,
      submitted_on date NOT NULL,
      late boolean NOT NULL,
      days_late integer NOT NULL,
      event_id uuid NOT NULL,
      ${VERSIONED}
    )`.execute(db);
  await sql`CREATE INDEX rm_round_submissions_key ON rm_round_submissions (generation, tenant, round, known_from)`.execute(
    db,
  );

  // Progress of each target, and the national comparison: derived from targets, baselines and
  // reports by the documented method; `log_position` is the event after which it was computed.
  await sql`
    CREATE TABLE rm_progress (
      generation integer NOT NULL,
      tenant text NOT NULL,
      plan text NOT NULL,
      target text NOT NULL,
      indicator text NOT NULL,
      year integer NOT NULL,
      result jsonb NOT NULL,
      status text NOT NULL,
      method text NOT NULL,
      log_position text NOT NULL,
      ${VERSIONED}
    )`.execute(db);
  await sql`CREATE INDEX rm_progress_key ON rm_progress (generation, tenant, plan, target, known_from)`.execute(db);

  await sql`
    CREATE TABLE rm_comparison (
      generation integer NOT NULL,
      tenant text NOT NULL,
      indicator text NOT NULL,
      year integer NOT NULL,
      value double precision NOT NULL,
      unit text NOT NULL,
      report_status text NOT NULL,
      report_event_id uuid NOT NULL,
      filed_by text,
      plan text,
      target text,
      target_year integer,
      comparator text,
      target_value double precision,
      document_number text,
      progress jsonb,
      status text NOT NULL,
      method text NOT NULL,
      log_position text NOT NULL,
      ${VERSIONED}
    )`.execute(db);
  await sql`CREATE INDEX rm_comparison_key ON rm_comparison (generation, indicator, year, tenant, known_from)`.execute(
    db,
  );

  for (const table of TENANT_TABLES) await enableTenantSecurity(db, table, 'tenant');
  await enableTenantSecurity(db, 'events', 'tenant_id');
}

/*
 * Requests run under the role chitieu_api (SET LOCAL ROLE, see infra/roles.sql); the settings
 * chitieu.role and chitieu.tenants are set in the same transaction from the verified token. Every
 * other role (the application's own work: appending, projecting) is not restricted here; owners and
 * superusers bypass row-level security anyway. The policy names the role by `current_user` rather
 * than `TO chitieu_api` so that migrating does not need the role to exist.
 */
async function enableTenantSecurity(db: Kysely<any>, table: string, column: string): Promise<void> {
  await sql`ALTER TABLE ${sql.table(table)} ENABLE ROW LEVEL SECURITY`.execute(db);
  await sql`
    CREATE POLICY tenant_scope ON ${sql.table(table)} USING (
      current_user <> 'chitieu_api'
      OR current_setting('chitieu.role', true) IN ('ministry', 'auditor')
      OR ${sql.ref(column)} = ANY (string_to_array(current_setting('chitieu.tenants', true), ','))
    )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP POLICY tenant_scope ON events`.execute(db);
  await sql`ALTER TABLE events DISABLE ROW LEVEL SECURITY`.execute(db);
  for (const table of [...TENANT_TABLES, 'rm_provinces', 'rm_indicators', 'rm_comparison', 'projection_generations']) {
    await sql`DROP TABLE ${sql.table(table)}`.execute(db);
  }
}
