export type { AppendInput } from './append.js';
export { appendToStream } from './append.js';
export { contentHash, genesisHash, linkHash, rowContentHash, rowPlacement } from './chain.js';
export { loadCheckpoint, saveCheckpoint } from './checkpoints.js';
export type { EventStore } from './event-store.js';
export { createEventStore } from './event-store.js';
export { LIMITS } from './limits.js';
export type { ActorRole, EventMetadata, LegalDocument } from './metadata.js';
export { actorRoleSchema, eventMetadataSchema, legalDocumentSchema } from './metadata.js';
export { EVENTS_CHANNEL, notifyAppended } from './notify.js';
export type { ReadAllOptions, ReadAllResult } from './read-all.js';
export { readAll, readAllBatches, readAsOf } from './read-all.js';
export type { ReadStreamInput, ReadStreamResult } from './read-stream.js';
export { readStream } from './read-stream.js';
export type { EventDefinition, Upcaster } from './registry.js';
export { defineEvent, EventRegistry } from './registry.js';
export type { SubscribeOptions, Subscription } from './subscribe.js';
export { subscribe } from './subscribe.js';
export { listTenants, registerTenant } from './tenants.js';
export type { AppendResult, Checkpoint, ExpectedVersion, NewEvent, RecordedEvent } from './types.js';
export {
  checkpointOf,
  compareCheckpoints,
  formatCheckpoint,
  parseCheckpoint,
  START,
} from './types.js';
export type { ChainHead, TamperKind, VerifyOptions, VerifyResult } from './verify.js';
export { verifyTenant } from './verify.js';
export { createWaker, type Waker } from './waker.js';
