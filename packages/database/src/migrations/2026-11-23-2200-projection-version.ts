import { type Kysely, sql } from 'kysely';

// Frozen in time: this file never imports application code, so it runs the same way forever.
//
// Which version of the projection code built a generation: when the code changes what it writes,
// a process that finds an older live generation rebuilds beside it and switches.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE projection_generations ADD COLUMN version text NOT NULL DEFAULT ''`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE projection_generations DROP COLUMN version`.execute(db);
}
