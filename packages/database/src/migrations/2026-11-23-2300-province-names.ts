import { type Kysely, sql } from 'kysely';

// Frozen in time: this file never imports application code, so it runs the same way forever.
//
// A province's names with the day each took effect: a rename is often decided before it applies
// (Thừa Thiên Huế became Huế on 2025-07-01 by a resolution of 2025-06-12), so the name to show
// depends on the day asked about, not on when the rename was recorded.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE rm_provinces ADD COLUMN names jsonb NOT NULL DEFAULT '[]'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE rm_provinces DROP COLUMN names`.execute(db);
}
