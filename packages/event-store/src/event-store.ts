import type { DatabaseHandle } from '@chitieu/database';
import { type AppendInput, appendToStream } from './append.js';
import { loadCheckpoint, saveCheckpoint } from './checkpoints.js';
import { type ReadAllOptions, readAll, readAllBatches, readAsOf } from './read-all.js';
import { type ReadStreamInput, readStream } from './read-stream.js';
import type { EventRegistry } from './registry.js';
import { type SubscribeOptions, subscribe } from './subscribe.js';
import { listTenants, registerTenant } from './tenants.js';
import type { Checkpoint } from './types.js';
import { type VerifyOptions, verifyTenant } from './verify.js';

/**
 * The store bound to one database and one event registry. Each method is a plain function of this
 * package too, taking `db` (or a transaction) first, for callers that compose their own transaction.
 */
export function createEventStore(handle: DatabaseHandle, registry: EventRegistry) {
  const { db } = handle;
  return {
    handle,
    registry,
    registerTenant: (tenant: { id: string; name: string }) => registerTenant(db, tenant),
    listTenants: () => listTenants(db),
    append: (input: AppendInput) => appendToStream(db, registry, input),
    readStream: (input: ReadStreamInput) => readStream(db, registry, input),
    readAll: (options?: ReadAllOptions) => readAll(db, registry, options),
    readAllBatches: (options?: ReadAllOptions) => readAllBatches(db, registry, options),
    readAsOf: (options: Omit<ReadAllOptions, 'recordedUpTo'> & { at: Date }) => readAsOf(db, registry, options),
    subscribe: (options: SubscribeOptions) => subscribe(handle, registry, options),
    verify: (tenant: string, options?: VerifyOptions) => verifyTenant(db, tenant, options),
    loadCheckpoint: (name: string) => loadCheckpoint(db, name),
    saveCheckpoint: (name: string, checkpoint: Checkpoint) => saveCheckpoint(db, name, checkpoint),
  };
}

export type EventStore = ReturnType<typeof createEventStore>;
