import type { ReadModelTable } from '@chitieu/database';
import { sql } from 'kysely';
import { jsonValue } from './json-value.js';
import { JSON_COLUMNS, type Trx } from './sql-store.js';
import type { Key, ReadModelStore, Row, Stamp } from './store.js';

/** The columns that name one thing of each table: what `current` and `close` are keyed on. */
const IDENTITY: Record<ReadModelTable, readonly string[]> = {
  rm_provinces: ['province'],
  rm_indicators: ['code'],
  rm_plans: ['tenant', 'plan'],
  rm_plan_tasks: ['tenant', 'plan', 'task'],
  rm_targets: ['tenant', 'plan', 'target'],
  rm_reports: ['tenant', 'indicator', 'period'],
  rm_rounds: ['tenant', 'round'],
  rm_round_submissions: ['tenant', 'round', 'level', 'unit'],
  rm_progress: ['tenant', 'plan', 'target'],
  rm_comparison: ['tenant', 'indicator', 'year'],
};

/** Rows per INSERT when writing a table in bulk. */
const CHUNK = 2000;

const keyOf = (columns: readonly string[], values: Row): string =>
  columns.map((column) => String(values[column])).join('\u0000');

/** One table's versions: the current ones by identity and by every filter asked so far, the closed ones. */
class MemoryTable {
  readonly current = new Map<string, Row[]>();
  /** Versions closed since the last write: they never change again. */
  closed: Row[] = [];
  readonly #indexes = new Map<string, { columns: string[]; rows: Map<string, Set<Row>> }>();

  constructor(readonly identity: readonly string[]) {}

  identityOf(key: Key): string {
    const names = Object.keys(key);
    if (names.length !== this.identity.length || !this.identity.every((column) => column in key)) {
      throw new Error(`a key of ${names.join(', ')} does not name one thing (${this.identity.join(', ')})`);
    }
    return keyOf(this.identity, key);
  }

  add(row: Row): void {
    const identity = keyOf(this.identity, row);
    const versions = this.current.get(identity);
    if (versions) versions.push(row);
    else this.current.set(identity, [row]);
    for (const index of this.#indexes.values()) {
      const key = keyOf(index.columns, row);
      const rows = index.rows.get(key);
      if (rows) rows.add(row);
      else index.rows.set(key, new Set([row]));
    }
  }

  remove(identity: string, at: Date): number {
    const versions = this.current.get(identity);
    if (!versions) return 0;
    this.current.delete(identity);
    for (const row of versions) {
      row.known_until = at;
      this.closed.push(row);
      for (const index of this.#indexes.values()) index.rows.get(keyOf(index.columns, row))?.delete(row);
    }
    return versions.length;
  }

  /** Current rows whose columns equal `filter`, through an index made on the filter's first use. */
  where(filter: Key): Row[] {
    const columns = Object.keys(filter).sort();
    const name = columns.join(',');
    let index = this.#indexes.get(name);
    if (!index) {
      index = { columns, rows: new Map() };
      for (const versions of this.current.values()) {
        for (const row of versions) {
          const key = keyOf(columns, row);
          const rows = index.rows.get(key);
          if (rows) rows.add(row);
          else index.rows.set(key, new Set([row]));
        }
      }
      this.#indexes.set(name, index);
    }
    return [...(index.rows.get(keyOf(columns, filter)) ?? [])];
  }
}

/**
 * A generation's read models folded in memory, for a rebuild: every apply is a few map operations
 * instead of a dozen statements, and the rows reach the database a table at a time. Closed versions
 * can be written as the fold goes (they never change again), which bounds memory to the current ones.
 */
export class MemoryStore implements ReadModelStore {
  readonly #tables = new Map<ReadModelTable, MemoryTable>();

  constructor(readonly generation: number) {}

  #table(table: ReadModelTable): MemoryTable {
    let found = this.#tables.get(table);
    if (!found) {
      found = new MemoryTable(IDENTITY[table]);
      this.#tables.set(table, found);
    }
    return found;
  }

  async current(table: ReadModelTable, key: Key): Promise<Row | undefined> {
    const memory = this.#table(table);
    return memory.current.get(memory.identityOf(key))?.[0];
  }

  async currentWhere(table: ReadModelTable, filter: Key): Promise<Row[]> {
    return this.#table(table).where(filter);
  }

  async close(table: ReadModelTable, stamp: Stamp, key: Key): Promise<number> {
    const memory = this.#table(table);
    return memory.remove(memory.identityOf(key), stamp.event.recordedAt);
  }

  async insert(table: ReadModelTable, stamp: Stamp, row: Row): Promise<void> {
    this.#table(table).add({
      ...asStored(row),
      generation: this.generation,
      known_from: stamp.event.recordedAt,
      known_until: null,
      position: stamp.event.position.toString(),
    });
  }

  /** Closed versions waiting to be written. */
  get closedRows(): number {
    let count = 0;
    for (const table of this.#tables.values()) count += table.closed.length;
    return count;
  }

  /**
   * Writes the closed versions, and with `everything` the current ones too; returns the rows
   * written. Given a pool rather than a transaction, tables go over two connections at once, so
   * one is serialising JSON while the database stores the other's rows.
   */
  async write(db: Trx, options: { everything: boolean }): Promise<number> {
    const chunks: Array<{ table: ReadModelTable; rows: Row[] }> = [];
    for (const [table, memory] of this.#tables) {
      const rows = memory.closed;
      memory.closed = [];
      if (options.everything) for (const versions of memory.current.values()) rows.push(...versions);
      for (let start = 0; start < rows.length; start += CHUNK)
        chunks.push({ table, rows: rows.slice(start, start + CHUNK) });
    }
    const writer = async () => {
      for (let chunk = chunks.shift(); chunk; chunk = chunks.shift()) await insertRows(db, chunk.table, chunk.rows);
    };
    const written = chunks.reduce((sum, chunk) => sum + chunk.rows.length, 0);
    await Promise.all([writer(), writer()]);
    return written;
  }
}

/** A row as the database would return it: jsonb through JSON, no undefined columns. */
function asStored(row: Row): Row {
  const stored: Row = {};
  for (const column in row) {
    const value = row[column];
    stored[column] = value === undefined ? null : value !== null && JSON_COLUMNS.has(column) ? jsonValue(value) : value;
  }
  return stored;
}

// One JSON parameter per chunk, turned into the table's row type by PostgreSQL itself: every column,
// by name, with the table's own types (text[] from JSON arrays, jsonb as it is), on both engines.
async function insertRows(trx: Trx, table: ReadModelTable, rows: readonly Row[]): Promise<void> {
  await sql`
    INSERT INTO ${sql.table(table)}
    SELECT * FROM jsonb_populate_recordset(NULL::${sql.table(table)}, ${JSON.stringify(rows)}::jsonb)`.execute(trx);
}
