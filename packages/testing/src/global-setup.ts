import { createRequire } from 'node:module';
import { connect, migrateToLatest } from '@chitieu/database';
import type { TestProject } from 'vitest/node';
import { serverUrl } from './engines.js';
import { grantsSql, rolesSql } from './infra.js';

// vitest's global setup cannot resolve pnpm's nested packages by ESM import; Node's require can.
const pg = createRequire(import.meta.url)('pg') as typeof import('pg');

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string | null;
  }
}

/**
 * On the server, builds one migrated template database per test run (roles and grants applied as an
 * operator would); each test then gets a fresh copy of it in milliseconds. Drops them all at the end.
 */
export default async function setup(project: TestProject) {
  if (!process.env.DATABASE_URL) {
    project.provide('templateDatabase', null);
    return;
  }
  const prefix = `chitieu_t${Date.now().toString(36)}${process.pid}`;
  const template = `${prefix}_template`;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(template)}`);
  const handle = await connect({ url: serverUrl(template) });
  await handle.exec(rolesSql);
  await migrateToLatest(handle.db);
  await handle.exec(grantsSql);
  await handle.close();
  project.provide('templateDatabase', template);

  return async () => {
    const { rows } = await admin.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE starts_with(datname, $1)',
      [prefix],
    );
    for (const { datname } of rows) {
      await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(datname)} WITH (FORCE)`);
    }
    await admin.end();
  };
}
