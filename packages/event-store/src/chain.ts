import { createHash } from 'node:crypto';
import type { EventRow } from '@chitieu/database';
import canonicalize from 'canonicalize';

/**
 * The tenant hash chain (docs/event-store.md). Two halves, computed on two sides:
 * - the content hash, here, before the append: SHA-256 of the RFC 8785 canonical JSON (JCS) of what
 *   the writer chose — ids, type, schema version, data, metadata;
 * - the link, in `append_events` under the tenant lock, over what the database chose:
 *   sha256(prev ‖ content ‖ int8 position ‖ int8 transaction id ‖ int4 stream version ‖ int8 epoch ms).
 * `verify` recomputes both from the stored row; `linkHash` must stay byte-identical to the SQL.
 */
export interface ChainedContent {
  eventId: string;
  tenant: string;
  stream: string;
  type: string;
  schemaVersion: number;
  data: unknown;
  metadata: unknown;
}

export interface ChainedPlacement {
  position: bigint;
  transactionId: bigint;
  streamVersion: number;
  recordedAt: Date;
}

export function contentHash(content: ChainedContent): Buffer {
  const canonical = canonicalize({
    eventId: content.eventId,
    tenant: content.tenant,
    stream: content.stream,
    type: content.type,
    schemaVersion: content.schemaVersion,
    data: content.data,
    metadata: content.metadata,
  });
  if (canonical === undefined) throw new TypeError('event content has no JSON form');
  return createHash('sha256').update(canonical, 'utf8').digest();
}

export function genesisHash(tenant: string): Buffer {
  return createHash('sha256').update(`chitieu:genesis:${tenant}`, 'utf8').digest();
}

export function linkHash(prev: Uint8Array, content: Uint8Array, placement: ChainedPlacement): Buffer {
  const fixed = Buffer.alloc(28);
  fixed.writeBigInt64BE(placement.position, 0);
  fixed.writeBigInt64BE(placement.transactionId, 8);
  fixed.writeInt32BE(placement.streamVersion, 16);
  fixed.writeBigInt64BE(BigInt(placement.recordedAt.getTime()), 20);
  return createHash('sha256').update(prev).update(content).update(fixed).digest();
}

/** The content half of a stored row's link: what the writer chose, as stored. */
export function rowContentHash(row: EventRow): Buffer {
  return contentHash({
    eventId: row.event_id,
    tenant: row.tenant_id,
    stream: row.stream_id,
    type: row.type,
    schemaVersion: row.schema_version,
    data: row.data,
    metadata: row.metadata,
  });
}

/** Where the database placed a stored row: the other half of its link. */
export function rowPlacement(row: EventRow): ChainedPlacement {
  return {
    position: row.position,
    transactionId: row.transaction_id,
    streamVersion: row.stream_version,
    recordedAt: row.recorded_at,
  };
}
