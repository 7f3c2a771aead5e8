import type { Database } from '@chitieu/database';
import { ChitieuError } from '@chitieu/errors';
import type { Kysely } from 'kysely';
import type { EventRegistry } from './registry.js';
import { toRecordedEvent } from './row.js';
import type { RecordedEvent } from './types.js';

export interface ReadStreamInput {
  tenant: string;
  stream: string;
  /** First version to return; 1 by default. */
  fromVersion?: number;
  /** Most events to return; all by default. */
  limit?: number;
}

export interface ReadStreamResult {
  /** The stream's current version; 0 when it does not exist. */
  streamVersion: number;
  events: RecordedEvent[];
}

/**
 * Reads one tenant's stream in version order. Versions are allocated under the tenant lock, so the
 * committed versions are always a prefix 1…n: a stream reader cannot see gaps.
 */
export async function readStream(
  db: Kysely<Database>,
  registry: EventRegistry,
  input: ReadStreamInput,
): Promise<ReadStreamResult> {
  const head = await db
    .selectFrom('events')
    .select(['tenant_id', 'stream_version'])
    .where('stream_id', '=', input.stream)
    .orderBy('stream_version', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!head) return { streamVersion: 0, events: [] };
  if (head.tenant_id !== input.tenant) {
    throw new ChitieuError(
      'STREAM_TENANT_MISMATCH',
      `stream ${input.stream} belongs to another tenant`,
      {
        stream: input.stream,
        tenant: input.tenant,
      },
      [{ path: 'stream', message: 'belongs to another tenant' }],
    );
  }
  const rows = await db
    .selectFrom('events')
    .selectAll()
    .where('stream_id', '=', input.stream)
    .where('stream_version', '>=', input.fromVersion ?? 1)
    .where('stream_version', '<=', head.stream_version)
    .orderBy('stream_version')
    .$if(input.limit !== undefined, (query) => query.limit(input.limit as number))
    .execute();
  return { streamVersion: head.stream_version, events: rows.map((row) => toRecordedEvent(row, registry)) };
}
