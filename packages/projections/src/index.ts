export {
  ensureLiveGeneration,
  liveGeneration,
  PROJECTION_VERSION,
  READ_MODEL_TABLES,
  staleLiveGeneration,
} from './generations.js';
export { type ProjectionLag, projectionLag } from './lag.js';
export { projectEvents } from './project-batch.js';
export { catchUp, type Projector, type ProjectorOptions, startProjector } from './projector.js';
export { type RebuildResult, rebuildReadModels } from './rebuild.js';
