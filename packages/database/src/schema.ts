import type { ColumnType, Insertable, Selectable } from 'kysely';

/**
 * The log. Rows are written only by the `append_events` function and never changed: triggers reject
 * UPDATE, DELETE and TRUNCATE, and the application role holds only INSERT and SELECT.
 * int8 and xid8 columns are read as `bigint` on both engines (see connect.ts).
 */
export interface EventsTable {
  position: bigint;
  transaction_id: ColumnType<bigint, string, never>;
  tenant_id: string;
  tenant_seq: bigint;
  stream_id: string;
  stream_version: number;
  event_id: string;
  type: string;
  schema_version: number;
  data: unknown;
  metadata: unknown;
  recorded_at: Date;
  prev_hash: Uint8Array;
  hash: Uint8Array;
}

/** The tenants a stream may belong to: the national tenant and one per province. */
export interface TenantsTable {
  id: string;
  name: string;
  registered_at: ColumnType<Date, Date | undefined, never>;
}

/** Where a named subscription has got to: the last event it finished handling. */
export interface SubscriptionCheckpointsTable {
  name: string;
  transaction_id: ColumnType<bigint, string, string>;
  position: ColumnType<bigint, string, string>;
  updated_at: ColumnType<Date, Date | undefined, Date | undefined>;
}

/** The projector's progress per generation of the read models; one is live, one may be building. */
export interface ProjectionGenerationsTable {
  generation: number;
  status: 'building' | 'live' | 'retired';
  /** The projection code's version that built it (PROJECTION_VERSION). */
  version: ColumnType<string, string | undefined, string>;
  transaction_id: ColumnType<bigint, string | undefined, string>;
  position: ColumnType<bigint, string | undefined, string>;
  events: ColumnType<bigint, string | undefined, string>;
  started_at: ColumnType<Date, Date | undefined, never>;
  live_at: Date | null;
  updated_at: ColumnType<Date, Date | undefined, Date | undefined>;
}

/**
 * Every read-model row is one version of something as the platform knew it, from the recorded time
 * of the event that produced it (`known_from`) until the one that replaced it (`known_until`).
 */
export interface Versioned {
  generation: number;
  known_from: Date;
  known_until: Date | null;
  /** The position of the event that produced this version. */
  position: ColumnType<bigint, string, never>;
}

type Json = unknown;

export interface ProvincesReadTable extends Versioned {
  province: string;
  code: string;
  name: string;
  valid_from: ColumnType<string | null, string | null, never>;
  valid_to: ColumnType<string | null, string | null, never>;
  successor: string | null;
  predecessors: string[];
  legal_basis: Json | null;
  /** Every name with the day it took effect (`from`, null: since before records), oldest first. */
  names: Json;
}

export interface IndicatorsReadTable extends Versioned {
  code: string;
  name_vi: string;
  name_en: string;
  unit: string;
  direction: string;
  combine: Json;
  description: string | null;
  aliases: string[];
  revision: number;
  reason: string | null;
  document: Json | null;
}

export interface PlansReadTable extends Versioned {
  tenant: string;
  plan: string;
  stream: string;
  document: Json;
  implements: string[];
  period_from: number;
  period_to: number;
  baselines: Json;
  budget: Json;
  effective_from: string | null;
  superseded_by: string | null;
  superseded_on: string | null;
  event_id: string;
}

export interface PlanTasksReadTable extends Versioned {
  tenant: string;
  plan: string;
  task: string;
  title: string;
  lead: string;
  partners: string[];
  product: string;
  deadline: string;
  due_by: string | null;
  status: string;
  reported_on: string | null;
  note: string | null;
}

export interface TargetsReadTable extends Versioned {
  tenant: string;
  plan: string;
  target: string;
  indicator: string;
  kind: string;
  year: number;
  comparator: string | null;
  value: number | null;
  unit: string | null;
  change: number | null;
  change_unit: string | null;
  baseline_year: number | null;
  text: string | null;
  written: string | null;
  withdrawn: boolean;
  revision: number;
  change_kind: string;
  effective_on: string | null;
  reason: string | null;
  document: Json | null;
  event_id: string;
  actor: Json;
}

export interface ReportsReadTable extends Versioned {
  tenant: string;
  indicator: string;
  period: string;
  period_kind: string;
  year: number;
  value: number;
  unit: string;
  written: string | null;
  status: string;
  source: string;
  numerator: number | null;
  denominator: number | null;
  filed_by: string | null;
  revision: number;
  corrects: string | null;
  reason: string | null;
  event_id: string;
  actor: Json;
}

export interface RoundsReadTable extends Versioned {
  tenant: string;
  round: string;
  document: Json;
  implements: string[];
  levels: Json;
  outline: Json;
  closed_on: string | null;
}

export interface RoundSubmissionsReadTable extends Versioned {
  tenant: string;
  round: string;
  level: string;
  unit: string;
  reports_to: string | null;
  submitted_on: string;
  late: boolean;
  days_late: number;
  event_id: string;
}

export interface ProgressReadTable extends Versioned {
  tenant: string;
  plan: string;
  target: string;
  indicator: string;
  year: number;
  result: Json;
  status: string;
  method: string;
  log_position: string;
}

export interface ComparisonReadTable extends Versioned {
  tenant: string;
  indicator: string;
  year: number;
  value: number;
  unit: string;
  report_status: string;
  report_event_id: string;
  filed_by: string | null;
  plan: string | null;
  target: string | null;
  target_year: number | null;
  comparator: string | null;
  target_value: number | null;
  document_number: string | null;
  progress: Json | null;
  status: string;
  method: string;
  log_position: string;
}

export interface Database {
  events: EventsTable;
  tenants: TenantsTable;
  subscription_checkpoints: SubscriptionCheckpointsTable;
  projection_generations: ProjectionGenerationsTable;
  rm_provinces: ProvincesReadTable;
  rm_indicators: IndicatorsReadTable;
  rm_plans: PlansReadTable;
  rm_plan_tasks: PlanTasksReadTable;
  rm_targets: TargetsReadTable;
  rm_reports: ReportsReadTable;
  rm_rounds: RoundsReadTable;
  rm_round_submissions: RoundSubmissionsReadTable;
  rm_progress: ProgressReadTable;
  rm_comparison: ComparisonReadTable;
}

/** The read-model tables, all versioned the same way. */
export type ReadModelTable = Exclude<
  keyof Database,
  'events' | 'tenants' | 'subscription_checkpoints' | 'projection_generations'
>;

export type EventRow = Selectable<EventsTable>;
export type TenantRow = Selectable<TenantsTable>;
export type NewTenantRow = Insertable<TenantsTable>;
