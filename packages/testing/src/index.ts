export { engines, serverUrl } from './engines.js';
export type { TestDatabase } from './fresh-database.js';
export { freshDatabase } from './fresh-database.js';
export { grantsSql, rolesSql } from './infra.js';
export { untilReadable } from './readable.js';
