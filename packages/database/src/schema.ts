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

export interface Database {
  events: EventsTable;
  tenants: TenantsTable;
  subscription_checkpoints: SubscriptionCheckpointsTable;
}

export type EventRow = Selectable<EventsTable>;
export type TenantRow = Selectable<TenantsTable>;
export type NewTenantRow = Insertable<TenantsTable>;
