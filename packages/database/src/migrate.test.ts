import { engines, freshDatabase, serverUrl } from '@chitieu/testing';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { connect } from './connect.js';
import { ensureSchema, pendingMigrations } from './migrate.js';
import { migrations } from './migrations/index.js';

describe('ensureSchema', () => {
  it('migrates an empty PGlite database once, then finds nothing pending', async () => {
    const handle = await connect();
    try {
      expect(await pendingMigrations(handle.db)).toEqual(Object.keys(migrations));
      expect((await ensureSchema(handle.db)).applied).toEqual(Object.keys(migrations));
      expect((await ensureSchema(handle.db)).applied).toEqual([]);
    } finally {
      await handle.close();
    }
  });

  it.runIf(engines.includes('postgres'))('lets the application role start on a current schema', async () => {
    const database = await freshDatabase('postgres');
    try {
      expect(await ensureSchema(database.app.db)).toEqual({ applied: [] });
    } finally {
      await database.close();
    }
  });

  it.runIf(engines.includes('postgres'))(
    'tells the application role what to run when the schema is behind, instead of a permission error',
    async () => {
      const name = `chitieu_empty_${process.pid}_${Date.now().toString(36)}`;
      const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
      const app = await connect({ url: serverUrl(name, 'chitieu_app') });
      try {
        await expect(ensureSchema(app.db)).rejects.toThrow(
          new RegExp(`lacks ${Object.keys(migrations).length} migration\\(s\\).*pnpm db:migrate`),
        );
      } finally {
        await app.close();
        await admin.query(`DROP DATABASE ${pg.escapeIdentifier(name)} WITH (FORCE)`);
        await admin.end();
      }
    },
  );
});
