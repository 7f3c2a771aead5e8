import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

/** Which engine a handle talks to. The same migrations and queries serve both. */
export type Engine = 'pglite' | 'postgres';

/** A database connection: Kysely for queries, plus what Kysely does not do (SQL files, LISTEN). */
export interface DatabaseHandle {
  readonly engine: Engine;
  readonly db: Kysely<Database>;
  /** Runs a static SQL script of several statements (the files in infra/); never user input. */
  exec(script: string): Promise<void>;
  /** Calls `onNotify` for every NOTIFY on `channel` until the returned function is called. */
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
  /** PGlite only: the data directory as a tarball, to start other instances from. */
  dumpDataDir?: () => Promise<Blob | File>;
}

export interface ConnectOptions {
  /** A PostgreSQL server (`postgres://…`). Without it the embedded PGlite engine is used. */
  url?: string | undefined;
  /** PGlite's data directory; in memory when absent. Ignored with `url`. */
  dataDir?: string | undefined;
  /** PGlite only: start from this dump of a data directory (a migrated template, in tests). */
  loadDataDir?: Blob | File | undefined;
  /** Pool size on the server. */
  maxConnections?: number;
}

// int8 and xid8 as bigint on both engines: positions outgrow 2^53 long before the log is "big".
const INT8_OID = 20;
const XID8_OID = 5069;
// Dates as 'YYYY-MM-DD' strings: a JavaScript Date would put a calendar day at a local midnight.
const DATE_OID = 1082;
const toBigInt = (value: string) => BigInt(value);
const asText = (value: string) => value;

/** Opens a connection to the server named by `url`, or to PGlite when there is none. */
export async function connect(options: ConnectOptions = {}): Promise<DatabaseHandle> {
  return options.url
    ? connectServer(options.url, options.maxConnections ?? 10)
    : connectPGlite(options.dataDir, options.loadDataDir);
}

async function connectPGlite(
  dataDir: string | undefined,
  loadDataDir: Blob | File | undefined,
): Promise<DatabaseHandle> {
  const client = await PGlite.create(dataDir, {
    parsers: { [INT8_OID]: toBigInt, [XID8_OID]: toBigInt, [DATE_OID]: asText },
    ...(loadDataDir && { loadDataDir }),
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite: client }) });
  return {
    engine: 'pglite',
    db,
    dumpDataDir: () => client.dumpDataDir('none'),
    exec: async (script) => {
      await client.exec(script);
    },
    listen: async (channel, onNotify) => client.listen(channel, onNotify),
    close: async () => {
      await db.destroy();
      // Kysely's driver closes the instance only once a query has initialised it; a command that ran
      // none (`import --dry-run`) left it open, and on a reused data directory the process never exited.
      if (!client.closed) await client.close();
    },
  };
}

async function connectServer(url: string, max: number): Promise<DatabaseHandle> {
  const types = {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
      oid === INT8_OID || oid === XID8_OID
        ? toBigInt
        : oid === DATE_OID
          ? asText
          : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
  };
  const pool = new pg.Pool({ connectionString: url, max, types });
  // An idle client that loses its server must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const listeners = new Set<pg.Client>();
  return {
    engine: 'postgres',
    db,
    exec: async (script) => {
      await pool.query(script);
    },
    listen: async (channel, onNotify) => {
      const client = new pg.Client({ connectionString: url });
      client.on('error', () => {});
      await client.connect();
      client.on('notification', (message) => {
        if (message.channel === channel) onNotify(message.payload ?? '');
      });
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      listeners.add(client);
      return async () => {
        listeners.delete(client);
        await client.end().catch(() => {});
      };
    },
    close: async () => {
      await Promise.all([...listeners].map((client) => client.end().catch(() => {})));
      await db.destroy();
    },
  };
}
