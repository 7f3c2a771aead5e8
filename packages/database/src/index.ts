export type { ConnectOptions, DatabaseHandle, Engine } from './connect.js';
export { connect } from './connect.js';
export { ensureSchema, migrateToLatest, pendingMigrations } from './migrate.js';
export { migrations } from './migrations/index.js';
export type {
  Database,
  EventRow,
  EventsTable,
  NewTenantRow,
  SubscriptionCheckpointsTable,
  TenantRow,
  TenantsTable,
} from './schema.js';
