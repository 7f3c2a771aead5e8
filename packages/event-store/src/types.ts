import type { EventMetadata } from './metadata.js';

/**
 * What a writer expects of the stream before its append: anything, no stream yet, an existing stream,
 * or exactly version N (0 means no stream). Versions start at 1.
 */
export type ExpectedVersion = 'any' | 'no_stream' | 'stream_exists' | number;

/** An event as a writer hands it to the store. */
export interface NewEvent<TData = unknown> {
  /** Makes retries idempotent: the same id appended twice is written once. Generated when absent. */
  id?: string;
  type: string;
  data: TData;
  metadata: EventMetadata;
}

/**
 * Where a reader is in the log: the last event it has handled, in commit order. Readers follow
 * (transactionId, position), not position alone, because positions are allocated before commit and
 * so commit out of order (see docs/event-store.md).
 */
export interface Checkpoint {
  transactionId: bigint;
  position: bigint;
}

/** An event as the store returns it, upcast to the current schema version of its type. */
export interface RecordedEvent<TData = unknown> {
  position: bigint;
  transactionId: bigint;
  tenant: string;
  /** 1, 2, 3 … within the tenant, without gaps: the order of the tenant's hash chain. */
  tenantSeq: bigint;
  stream: string;
  streamVersion: number;
  eventId: string;
  type: string;
  /** The schema version `data` is in now (after upcasting). */
  schemaVersion: number;
  /** The schema version the event was written with. */
  storedSchemaVersion: number;
  data: TData;
  metadata: EventMetadata;
  /** Set by the database, to the millisecond, when the append ran. */
  recordedAt: Date;
  /** Hex SHA-256 link of the tenant's hash chain. */
  hash: string;
}

/** What an append wrote (or, when retried with the same event ids, what it had written). */
export interface AppendResult {
  tenant: string;
  stream: string;
  /** The stream's version after its last event of this append. */
  streamVersion: number;
  /** True when every event id was already in the log: nothing was written this time. */
  replayed: boolean;
  events: Array<{
    eventId: string;
    position: bigint;
    transactionId: bigint;
    tenantSeq: bigint;
    streamVersion: number;
    recordedAt: Date;
    hash: string;
  }>;
}

export const START: Checkpoint = Object.freeze({ transactionId: 0n, position: 0n });

export function checkpointOf(event: Pick<RecordedEvent, 'transactionId' | 'position'>): Checkpoint {
  return { transactionId: event.transactionId, position: event.position };
}

/** `"<transactionId>:<position>"`, for logs, command lines and APIs. */
export function formatCheckpoint(checkpoint: Checkpoint): string {
  return `${checkpoint.transactionId}:${checkpoint.position}`;
}

export function parseCheckpoint(text: string): Checkpoint {
  const match = /^(\d{1,20}):(\d{1,20})$/.exec(text.trim());
  if (!match) throw new TypeError(`not a checkpoint: ${JSON.stringify(text)} (expected "<transactionId>:<position>")`);
  return { transactionId: BigInt(match[1] as string), position: BigInt(match[2] as string) };
}

export function compareCheckpoints(a: Checkpoint, b: Checkpoint): number {
  if (a.transactionId !== b.transactionId) return a.transactionId < b.transactionId ? -1 : 1;
  if (a.position !== b.position) return a.position < b.position ? -1 : 1;
  return 0;
}
