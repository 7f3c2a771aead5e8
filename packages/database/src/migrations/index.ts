import type { Migration } from 'kysely/migration';
import * as eventLog from './2026-11-23-0900-event-log.js';
import * as readModels from './2026-11-23-2000-read-models.js';
import * as writePolicy from './2026-11-23-2100-write-policy.js';
import * as projectionVersion from './2026-11-23-2200-projection-version.js';
import * as provinceNames from './2026-11-23-2300-province-names.js';

/** Every migration, keyed by a name that sorts in the order they must run. Append only. */
export const migrations: Record<string, Migration> = {
  '2026-11-23-0900-event-log': eventLog,
  '2026-11-23-2000-read-models': readModels,
  '2026-11-23-2100-write-policy': writePolicy,
  '2026-11-23-2200-projection-version': projectionVersion,
  '2026-11-23-2300-province-names': provinceNames,
};
