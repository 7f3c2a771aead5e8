export type { ConnectOptions, DatabaseHandle, Engine } from './connect.js';
export { connect } from './connect.js';
export { ensureSchema, migrateToLatest, pendingMigrations } from './migrate.js';
export { migrations } from './migrations/index.js';
export { type DatabaseLocation, DEFAULT_DATA_DIR, openDatabase } from './open-from-env.js';
export { ensureRequestRole, grantsSql, rolesSql } from './request-role.js';
export type {
  ComparisonReadTable,
  Database,
  EventRow,
  EventsTable,
  IndicatorsReadTable,
  NewTenantRow,
  PlansReadTable,
  PlanTasksReadTable,
  ProgressReadTable,
  ProvincesReadTable,
  ReadModelTable,
  ReportsReadTable,
  RoundSubmissionsReadTable,
  RoundsReadTable,
  SubscriptionCheckpointsTable,
  TargetsReadTable,
  TenantRow,
  TenantsTable,
  Versioned,
} from './schema.js';
