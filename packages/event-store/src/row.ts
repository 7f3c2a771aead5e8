import type { EventRow } from '@chitieu/database';
import type { EventMetadata } from './metadata.js';
import type { EventRegistry } from './registry.js';
import type { RecordedEvent } from './types.js';

/** A stored row in the shape readers get, its data upcast to the current version of its type. */
export function toRecordedEvent(row: EventRow, registry: EventRegistry): RecordedEvent {
  const { schemaVersion, data } = registry.upcast(row.type, row.schema_version, row.data);
  return {
    position: row.position,
    transactionId: row.transaction_id,
    tenant: row.tenant_id,
    tenantSeq: row.tenant_seq,
    stream: row.stream_id,
    streamVersion: row.stream_version,
    eventId: row.event_id,
    type: row.type,
    schemaVersion,
    storedSchemaVersion: row.schema_version,
    data,
    metadata: row.metadata as EventMetadata,
    recordedAt: row.recorded_at,
    hash: Buffer.from(row.hash).toString('hex'),
  };
}
