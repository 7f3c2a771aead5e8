import { isDeepStrictEqual } from 'node:util';
import type { Database, ReadModelTable } from '@chitieu/database';
import type { RecordedEvent } from '@chitieu/event-store';
import type { Kysely, Transaction } from 'kysely';

/** A transaction of the projector. */
export type Trx = Transaction<Database> | Kysely<Database>;

/** Which generation a write goes to and which event it comes from. */
export interface Stamp {
  generation: number;
  event: Pick<RecordedEvent, 'recordedAt' | 'position' | 'transactionId'>;
}

/** Equality conditions naming one thing of a table (a target: tenant, plan, target). */
export type Key = Record<string, string | number>;

// Kysely's builders are typed per table; the helpers below work for every read-model table alike,
// so they go through a table-agnostic view of the same builder. The column names are the tables'.
type Loose = Kysely<any>;
const loose = (trx: Trx) => trx as unknown as Loose;

/** The current version of a thing, or undefined. */
export async function currentVersion<T extends ReadModelTable>(
  trx: Trx,
  table: T,
  generation: number,
  key: Key,
): Promise<Record<string, unknown> | undefined> {
  let query = loose(trx)
    .selectFrom(table)
    .selectAll()
    .where('generation', '=', generation)
    .where('known_until', 'is', null);
  for (const [column, value] of Object.entries(key)) query = query.where(column, '=', value);
  return query.executeTakeFirst();
}

/** Ends the current version of a thing at the event's recorded time; returns how many ended. */
export async function closeVersion(trx: Trx, table: ReadModelTable, stamp: Stamp, key: Key): Promise<number> {
  let query = loose(trx)
    .updateTable(table)
    .set({ known_until: stamp.event.recordedAt })
    .where('generation', '=', stamp.generation)
    .where('known_until', 'is', null);
  for (const [column, value] of Object.entries(key)) query = query.where(column, '=', value);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The jsonb columns of the read models; every other array column is a text[]. */
const JSON_COLUMNS = new Set([
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

// node-postgres sends a JavaScript array as a PostgreSQL array literal, which a jsonb column refuses;
// JSON text is read the same way by both engines.
function asParameters(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(row).map(([column, value]) => [
      column,
      JSON_COLUMNS.has(column) && value !== null && value !== undefined ? JSON.stringify(value) : value,
    ]),
  );
}

/** Starts a new current version of a thing (close the previous one first). */
export async function insertVersion(trx: Trx, table: ReadModelTable, stamp: Stamp, row: Record<string, unknown>) {
  await loose(trx)
    .insertInto(table)
    .values({
      ...asParameters(row),
      generation: stamp.generation,
      known_from: stamp.event.recordedAt,
      known_until: null,
      position: stamp.event.position.toString(),
    })
    .execute();
}

/** Replaces the current version of a thing with `row`. */
export async function replaceVersion(
  trx: Trx,
  table: ReadModelTable,
  stamp: Stamp,
  key: Key,
  row: Record<string, unknown>,
): Promise<void> {
  await closeVersion(trx, table, stamp, key);
  await insertVersion(trx, table, stamp, { ...key, ...row });
}

/**
 * Replaces the current version only when `row` differs from it in some column it names, other than
 * the `ignore`d ones (where it was computed is not a change of what was computed).
 */
export async function putIfChanged(
  trx: Trx,
  table: ReadModelTable,
  stamp: Stamp,
  key: Key,
  row: Record<string, unknown>,
  ignore: readonly string[] = [],
  /** The current version when the caller has already read it (undefined: there is none). */
  known?: { current: Record<string, unknown> | undefined },
): Promise<boolean> {
  const current = known ? known.current : await currentVersion(trx, table as never, stamp.generation, key);
  const same = (column: string, value: unknown) => ignore.includes(column) || sameValue(current?.[column], value);
  if (current && Object.entries(row).every(([column, value]) => same(column, value))) return false;
  await replaceVersion(trx, table, stamp, key, row);
  return true;
}

function sameValue(stored: unknown, next: unknown): boolean {
  if (stored === next) return true;
  if ((stored === null || stored === undefined) && (next === null || next === undefined)) return true;
  // jsonb reorders keys and drops none; the value about to be written drops undefined ones.
  return isDeepStrictEqual(stored, next === undefined ? null : JSON.parse(JSON.stringify(next)));
}

/** A row without its version columns, to carry into the next version. */
export function without(row: Record<string, unknown>): Record<string, unknown> {
  const { generation, known_from, known_until, position, ...rest } = row;
  return rest;
}
