import type { Kysely } from 'kysely';
import { type MigrationResultSet, Migrator } from 'kysely/migration';
import { migrations } from './migrations/index.js';

const migratorFor = (db: Kysely<any>) => new Migrator({ db, provider: { getMigrations: async () => migrations } });

/** Brings the database to the latest migration; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<any>): Promise<MigrationResultSet> {
  const result = await migratorFor(db).migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(`migration ${failed ?? '(unknown)'} failed`, { cause: result.error });
  }
  return result;
}

/** The names of the migrations not yet applied. Needs only SELECT on kysely_migration. */
export async function pendingMigrations(db: Kysely<any>): Promise<string[]> {
  const all = await migratorFor(db).getMigrations();
  return all.filter((migration) => migration.executedAt === undefined).map((migration) => migration.name);
}

/**
 * What a process does at start: nothing when the schema is current; otherwise it migrates, which
 * works on PGlite and for a schema owner. The application role of a server cannot (infra/grants.sql)
 * and gets an error that says what to run instead of a permission error from deep inside.
 */
export async function ensureSchema(db: Kysely<any>): Promise<{ applied: string[] }> {
  const pending = await pendingMigrations(db);
  if (pending.length === 0) return { applied: [] };
  try {
    await migrateToLatest(db);
  } catch (error) {
    const code = (error as { cause?: { code?: string } }).cause?.code;
    if (code === '42501') {
      throw new Error(
        `the database schema lacks ${pending.length} migration(s) (${pending.join(', ')}) and this role may not ` +
          'apply them: run `pnpm db:migrate -- --grants` with DATABASE_URL of the schema owner (README, "On a server")',
        { cause: error },
      );
    }
    throw error;
  }
  return { applied: pending };
}
