import type { Database, ReadModelTable } from '@chitieu/database';
import type { Kysely, Transaction } from 'kysely';
import type { Key, ReadModelStore, Row, Stamp } from './store.js';

/** A transaction of the projector. */
export type Trx = Transaction<Database> | Kysely<Database>;

/** The jsonb columns of the read models; every other array column is a text[]. */
export const JSON_COLUMNS: ReadonlySet<string> = new Set([
  'names',
  'legal_basis',
  'combine',
  'document',
  'baselines',
  'budget',
  'actor',
  'levels',
  'outline',
  'result',
  'progress',
]);

// Kysely's builders are typed per table; the store works for every read-model table alike, so it
// goes through a table-agnostic view of the same builder. The column names are the tables'.
type Loose = Kysely<any>;

// node-postgres sends a JavaScript array as a PostgreSQL array literal, which a jsonb column refuses;
// JSON text is read the same way by both engines.
function asParameters(row: Row): Row {
  return Object.fromEntries(
    Object.entries(row).map(([column, value]) => [
      column,
      JSON_COLUMNS.has(column) && value !== null && value !== undefined ? JSON.stringify(value) : value,
    ]),
  );
}

/** The read models of `generation` in the database, read and written in `trx`: the live projector's store. */
export function sqlStore(trx: Trx, generation: number): ReadModelStore {
  const db = trx as unknown as Loose;
  const currentOf = (table: ReadModelTable, filter: Key) => {
    let query = db.selectFrom(table).selectAll().where('generation', '=', generation).where('known_until', 'is', null);
    for (const [column, value] of Object.entries(filter)) query = query.where(column, '=', value);
    return query;
  };
  return {
    current: (table, key) => currentOf(table, key).executeTakeFirst(),
    currentWhere: (table, filter) => currentOf(table, filter).execute(),
    async close(table, stamp, key) {
      let query = db
        .updateTable(table)
        .set({ known_until: stamp.event.recordedAt })
        .where('generation', '=', generation)
        .where('known_until', 'is', null);
      for (const [column, value] of Object.entries(key)) query = query.where(column, '=', value);
      const result = await query.executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
    async insert(table, stamp: Stamp, row) {
      await db
        .insertInto(table)
        .values({
          ...asParameters(row),
          generation,
          known_from: stamp.event.recordedAt,
          known_until: null,
          position: stamp.event.position.toString(),
        })
        .execute();
    },
  };
}
