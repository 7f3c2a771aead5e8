import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { DatabaseHandle } from '@chitieu/database';
import { CompiledQuery } from 'kysely';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import { type AppendJob, EVENT_TYPE, metadataFor, PAYLOAD, type Subject } from './workload.js';

/*
 * The floor: rows shaped like `events` in a table with a primary key and nothing else (no unique
 * constraints, no commit-order index, no triggers, no function). transaction_id has a default because
 * COPY cannot call pg_current_xact_id() for each row, and the client cannot know it.
 */
const CREATE_TABLE = `
CREATE TABLE raw_events (
  position bigserial PRIMARY KEY,
  transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
  tenant_id text NOT NULL,
  tenant_seq bigint NOT NULL,
  stream_id text NOT NULL,
  stream_version integer NOT NULL,
  event_id uuid NOT NULL,
  type text NOT NULL,
  schema_version integer NOT NULL,
  data jsonb NOT NULL,
  metadata jsonb NOT NULL,
  recorded_at timestamptz NOT NULL,
  prev_hash bytea NOT NULL,
  hash bytea NOT NULL
)`;

const COLUMNS =
  'tenant_id, tenant_seq, stream_id, stream_version, event_id, type, schema_version, data, metadata, recorded_at, prev_hash, hash';
const PER_ROW = 12;
const INSERT_ONE = `INSERT INTO raw_events (${COLUMNS}) VALUES ${placeholders(1)}`;
const COPY = `COPY raw_events (${COLUMNS}) FROM STDIN (FORMAT csv)`;
const READ_PAGE = 'SELECT * FROM raw_events WHERE position > $1 ORDER BY position LIMIT $2';

type Row = [string, number, string, number, string, string, number, string, string, Date, Buffer, Buffer];

/** `($1, …, $12), ($13, …)`: built from the row count only; every value is a bind parameter. */
function placeholders(rows: number): string {
  return Array.from({ length: rows }, (_, row) => {
    const first = row * PER_ROW + 1;
    const cells = Array.from({ length: PER_ROW }, (_, column) => `$${first + column}`);
    cells[7] += '::jsonb';
    cells[8] += '::jsonb';
    return `(${cells.join(', ')})`;
  }).join(', ');
}

// The same client-side state a writer of a hash-chained log would keep, without the database's help.
function rowMaker() {
  const tenantSeq = new Map<string, number>();
  const streamVersion = new Map<string, number>();
  const prevHash = new Map<string, Buffer>();
  const data = JSON.stringify(PAYLOAD);
  return (job: AppendJob): Row[] => {
    const metadata = JSON.stringify(metadataFor(job.tenant, job.writer));
    const recordedAt = new Date();
    return job.ids.map((id) => {
      const seq = (tenantSeq.get(job.tenant) ?? 0) + 1;
      const version = (streamVersion.get(job.stream) ?? 0) + 1;
      const prev = prevHash.get(job.tenant) ?? Buffer.alloc(32);
      const hash = createHash('sha256').update(prev).update(id).digest();
      tenantSeq.set(job.tenant, seq);
      streamVersion.set(job.stream, version);
      prevHash.set(job.tenant, hash);
      return [job.tenant, seq, job.stream, version, id, EVENT_TYPE, 1, data, metadata, recordedAt, prev, hash];
    });
  };
}

const csvField = (value: string) => `"${value.replaceAll('"', '""')}"`;

function toCsv(rows: Row[]): string {
  return rows
    .map((row) =>
      row
        .map((value) =>
          Buffer.isBuffer(value)
            ? `\\x${value.toString('hex')}`
            : value instanceof Date
              ? value.toISOString()
              : csvField(String(value)),
        )
        .join(','),
    )
    .join('\n')
    .concat('\n');
}

/** On the server: its own pool, one INSERT per event, COPY per batch, keyset-paged SELECT. */
export async function openRawServer(url: string, maxConnections: number): Promise<Subject> {
  const pool = new pg.Pool({ connectionString: url, max: maxConnections });
  pool.on('error', () => {});
  await pool.query(CREATE_TABLE);
  const makeRows = rowMaker();
  return {
    name: 'raw',
    append: async (job) => {
      const rows = makeRows(job);
      if (rows.length === 1) {
        await pool.query(INSERT_ONE, rows[0]);
        return;
      }
      const client = await pool.connect();
      try {
        await pipeline(Readable.from([toCsv(rows)]), client.query(copyStreams.from(COPY)));
      } finally {
        client.release();
      }
    },
    readAll: async (pageSize) => {
      let events = 0;
      let after = '0';
      for (;;) {
        const { rows } = await pool.query<{ position: string }>(READ_PAGE, [after, pageSize]);
        events += rows.length;
        if (rows.length < pageSize) return events;
        after = (rows.at(-1) as { position: string }).position;
      }
    },
    close: () => pool.end(),
  };
}

/** On PGlite, in the store's own instance (it has one connection): multi-row INSERT per batch, no COPY. */
export async function openRawPGlite(handle: DatabaseHandle): Promise<Subject> {
  const query = async (text: string, parameters: unknown[]) =>
    (await handle.db.executeQuery<{ position: bigint }>(CompiledQuery.raw(text, parameters))).rows;
  await query(CREATE_TABLE, []);
  const makeRows = rowMaker();
  const insertMany = new Map<number, string>();
  return {
    name: 'raw',
    append: async (job) => {
      const rows = makeRows(job);
      let text = rows.length === 1 ? INSERT_ONE : insertMany.get(rows.length);
      if (!text) {
        text = `INSERT INTO raw_events (${COLUMNS}) VALUES ${placeholders(rows.length)}`;
        insertMany.set(rows.length, text);
      }
      await query(text, rows.flat());
    },
    readAll: async (pageSize) => {
      let events = 0;
      let after = 0n;
      for (;;) {
        const rows = await query(READ_PAGE, [after.toString(), pageSize]);
        events += rows.length;
        if (rows.length < pageSize) return events;
        after = (rows.at(-1) as { position: bigint }).position;
      }
    },
    close: async () => {},
  };
}
