export type { Logger } from './logger.js';
export { createLogger } from './logger.js';
export type { Progress } from './progress.js';
export { createProgress } from './progress.js';
