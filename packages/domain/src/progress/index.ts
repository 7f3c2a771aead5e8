// Progress of a target towards its value (docs/progress.md), for the package index.

export { assessProgress, resolveRelativeTarget } from './assess-progress.js';
export { PROGRESS_THRESHOLDS } from './rates.js';
export {
  type Observation,
  PROGRESS_METHOD,
  type ProgressInput,
  type ProgressResult,
  type ProgressStatus,
  type ProgressTarget,
} from './types.js';
