import type { Database } from '@chitieu/database';
import { ChitieuError, type FieldIssue, fieldIssuesOf } from '@chitieu/errors';
import canonicalize from 'canonicalize';
import { type Kysely, sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { contentHash } from './chain.js';
import { collectJsonIssues, normaliseJson } from './json-value.js';
import { LIMITS, STREAM_ID_PATTERN, TENANT_ID_PATTERN } from './limits.js';
import { mapDatabaseError } from './map-database-error.js';
import { eventMetadataSchema } from './metadata.js';
import { notifyAppended } from './notify.js';
import type { EventRegistry } from './registry.js';
import type { AppendResult, ExpectedVersion, NewEvent } from './types.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface AppendInput {
  tenant: string;
  stream: string;
  /** Defaults to 'any'. */
  expected?: ExpectedVersion;
  events: readonly NewEvent[];
}

interface PreparedEvent {
  eventId: string;
  type: string;
  schemaVersion: number;
  data: unknown;
  metadata: unknown;
  contentHash: string;
}

interface AppendRow {
  out_position: bigint;
  out_transaction_id: bigint;
  out_tenant_seq: bigint;
  out_stream_version: number;
  out_event_id: string;
  out_recorded_at: Date;
  out_hash: Uint8Array;
  out_replayed: boolean;
}

/**
 * Appends events to one stream of one tenant, atomically, in one round trip. Fails with a typed
 * error and writes nothing on bad input (VALIDATION_FAILED, EVENT_TOO_LARGE), an unknown tenant,
 * a stream of another tenant, or a version conflict. Retried with the same event ids, returns the
 * first result and writes nothing more. Works inside a caller's transaction (pass it as `db`); the
 * caller then calls `notifyAppended(db)` after commit, or subscribers find the events by polling.
 *
 * @example
 * await appendToStream(db, registry, { tenant: 'kien-giang', stream: 'report-1', expected: 'no_stream',
 *   events: [{ type: 'IndicatorValueReported', data, metadata: { actor: { id: 'u1', role: 'province' } } }] });
 */
export async function appendToStream(
  db: Kysely<Database>,
  registry: EventRegistry,
  input: AppendInput,
): Promise<AppendResult> {
  const expected = input.expected ?? 'any';
  const prepared = prepare(registry, input, expected);
  const exact = typeof expected === 'number';
  let rows: AppendRow[];
  try {
    const result = await sql<AppendRow>`
      SELECT * FROM append_events(${input.tenant}, ${input.stream}, ${exact ? 'exact' : expected},
        ${exact ? expected : null}::integer, ${JSON.stringify(prepared)}::jsonb)`.execute(db);
    rows = result.rows;
  } catch (error) {
    throw mapDatabaseError(error);
  }
  const replayed = rows.every((row) => row.out_replayed);
  // Inside a caller's transaction the events are not visible yet: the caller notifies after commit.
  if (!replayed && !db.isTransaction) notifyAppended(db);
  const events = rows.map((row) => ({
    eventId: row.out_event_id,
    position: row.out_position,
    transactionId: row.out_transaction_id,
    tenantSeq: row.out_tenant_seq,
    streamVersion: row.out_stream_version,
    recordedAt: row.out_recorded_at,
    hash: Buffer.from(row.out_hash).toString('hex'),
  }));
  return {
    tenant: input.tenant,
    stream: input.stream,
    streamVersion: Math.max(...events.map((event) => event.streamVersion)),
    replayed,
    events,
  };
}

function prepare(registry: EventRegistry, input: AppendInput, expected: ExpectedVersion): PreparedEvent[] {
  const issues: FieldIssue[] = [];
  if (typeof input.tenant !== 'string' || !TENANT_ID_PATTERN.test(input.tenant)) {
    issues.push({ path: 'tenant', message: 'must be a tenant id: lower-case letters, digits and -, at most 63' });
  }
  if (
    typeof input.stream !== 'string' ||
    input.stream.length > LIMITS.maxStreamIdLength ||
    !STREAM_ID_PATTERN.test(input.stream)
  ) {
    issues.push({ path: 'stream', message: `must be 1–${LIMITS.maxStreamIdLength} printable characters` });
  }
  if (
    !(expected === 'any' || expected === 'no_stream' || expected === 'stream_exists') &&
    !(typeof expected === 'number' && Number.isInteger(expected) && expected >= 0 && expected < 2 ** 31)
  ) {
    issues.push({ path: 'expected', message: "must be 'any', 'no_stream', 'stream_exists' or a version ≥ 0" });
  }
  if (!Array.isArray(input.events) || input.events.length === 0) {
    issues.push({ path: 'events', message: 'must hold at least one event' });
  } else if (input.events.length > LIMITS.maxEventsPerAppend) {
    issues.push({ path: 'events', message: `at most ${LIMITS.maxEventsPerAppend} events per append` });
  }
  if (issues.length > 0) throw invalid(issues);

  const seen = new Set<string>();
  const prepared: PreparedEvent[] = [];
  input.events.forEach((event, index) => {
    const path = `events.${index}`;
    // Time-ordered ids keep inserts into the event-id index at its right edge instead of all over it.
    const eventId = (event.id ?? uuidv7()).toLowerCase();
    if (!UUID.test(eventId)) issues.push({ path: `${path}.id`, message: 'must be a UUID' });
    else if (seen.has(eventId)) issues.push({ path: `${path}.id`, message: 'appears twice in this append' });
    seen.add(eventId);

    const metadata = eventMetadataSchema.safeParse(event.metadata, { reportInput: true });
    if (!metadata.success) {
      issues.push(...fieldIssuesOf(metadata.error, `${path}.metadata`));
    }
    const jsonIssues: FieldIssue[] = [];
    collectJsonIssues(event.data, `${path}.data`, jsonIssues);
    issues.push(...jsonIssues);
    if (jsonIssues.length > 0 || !metadata.success) return;

    const parsed = registry.parse(event.type, normaliseJson(event.data), path);
    if (!parsed.ok) {
      issues.push(...parsed.issues);
      return;
    }
    const data = normaliseJson(parsed.data);
    const meta = normaliseJson(metadata.data);
    const size = Buffer.byteLength(canonicalize(data) ?? '') + Buffer.byteLength(canonicalize(meta) ?? '');
    if (size > LIMITS.maxEventBytes) {
      throw new ChitieuError(
        'EVENT_TOO_LARGE',
        `event ${index} is ${size} bytes of canonical JSON; the limit is ${LIMITS.maxEventBytes}`,
        { index, size, limit: LIMITS.maxEventBytes },
        [{ path: `${path}.data`, message: `${size} bytes, over the limit of ${LIMITS.maxEventBytes}` }],
      );
    }
    const hash = contentHash({
      eventId,
      tenant: input.tenant,
      stream: input.stream,
      type: event.type,
      schemaVersion: parsed.schemaVersion,
      data,
      metadata: meta,
    }).toString('hex');
    prepared.push({
      eventId,
      type: event.type,
      schemaVersion: parsed.schemaVersion,
      data,
      metadata: meta,
      contentHash: hash,
    });
  });
  if (issues.length > 0) throw invalid(issues);
  return prepared;
}

function invalid(issues: FieldIssue[]): ChitieuError {
  const first = issues[0] as FieldIssue;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return new ChitieuError('VALIDATION_FAILED', `${first.path}: ${first.message}${more}`, {}, issues);
}
