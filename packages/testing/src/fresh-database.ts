import { randomBytes } from 'node:crypto';
import { connect, type DatabaseHandle, type Engine, migrateToLatest } from '@chitieu/database';
import pg from 'pg';
import { inject } from 'vitest';
import { serverUrl } from './engines.js';
import { grantsSql, rolesSql } from './infra.js';

/** A database of its own for one test. */
export interface TestDatabase {
  engine: Engine;
  /**
   * The application's connection: on the server it logs in as chitieu_app (INSERT and SELECT on the
   * log, nothing more); on PGlite, which has one connection, it is the superuser.
   */
  app: DatabaseHandle;
  /** A superuser connection, for tests that must do what the application cannot (tampering). */
  admin: DatabaseHandle;
  /** On the server: a new connection as `user` (another writer, a held-open transaction). */
  connectAs(user: 'app' | 'admin', options?: { maxConnections?: number }): Promise<DatabaseHandle>;
  close(): Promise<void>;
}

/** Migrated, with roles and grants applied, holding nothing else. */
export async function freshDatabase(engine: Engine): Promise<TestDatabase> {
  return engine === 'pglite' ? freshPGlite() : freshServer();
}

// Starting PGlite and migrating costs about a second; loading a migrated data directory costs less.
let pgliteTemplate: Promise<Blob | File> | undefined;

async function buildPGliteTemplate(): Promise<Blob | File> {
  const handle = await connect();
  await handle.exec(rolesSql);
  await migrateToLatest(handle.db);
  await handle.exec(grantsSql);
  const dump = await (handle.dumpDataDir as () => Promise<Blob | File>)();
  await handle.close();
  return dump;
}

async function freshPGlite(): Promise<TestDatabase> {
  pgliteTemplate ??= buildPGliteTemplate();
  const handle = await connect({ loadDataDir: await pgliteTemplate });
  return {
    engine: 'pglite',
    app: handle,
    admin: handle,
    connectAs: async () => {
      throw new Error('PGlite has a single connection');
    },
    close: () => handle.close(),
  };
}

async function freshServer(): Promise<TestDatabase> {
  const template = inject('templateDatabase');
  if (!template) throw new Error('no template database: is the global setup in vitest.config.ts?');
  const name = `${template.replace(/_template$/, '')}_${randomBytes(5).toString('hex')}`;
  const maintenance = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await maintenance.connect();
  try {
    await maintenance.query(`CREATE DATABASE ${pg.escapeIdentifier(name)} TEMPLATE ${pg.escapeIdentifier(template)}`);
  } finally {
    await maintenance.end();
  }
  const opened: DatabaseHandle[] = [];
  const connectAs = async (user: 'app' | 'admin', options: { maxConnections?: number } = {}) => {
    const handle = await connect({
      url: serverUrl(name, user === 'app' ? 'chitieu_app' : undefined),
      maxConnections: options.maxConnections ?? 10,
    });
    opened.push(handle);
    return handle;
  };
  const app = await connectAs('app');
  const admin = await connectAs('admin', { maxConnections: 2 });
  return {
    engine: 'postgres',
    app,
    admin,
    connectAs,
    close: async () => {
      await Promise.all(opened.map((handle) => handle.close()));
      const drop = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await drop.connect();
      await drop.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
      await drop.end();
    },
  };
}
