import type { ReadModelTable } from '@chitieu/database';
import type { RecordedEvent } from '@chitieu/event-store';

/** The event a write comes from: its recorded time opens and closes versions. */
export interface Stamp {
  event: Pick<RecordedEvent, 'recordedAt' | 'position' | 'transactionId'>;
}

/** Equality conditions on a table's columns (a target: tenant, plan, target). */
export type Key = Record<string, string | number>;

/** A read-model row as the projection code sees it: columns by name, jsonb parsed. */
export type Row = Record<string, unknown>;

/**
 * Where the apply functions keep the versions of read-model rows of one generation. The live
 * projector writes through SQL, one event at a time (`sqlStore`); a rebuild folds the whole log in
 * memory and writes each table in bulk (`MemoryStore`). Both answer every call the same way, so a
 * rebuilt generation is the one the live projector would have built.
 */
export interface ReadModelStore {
  /** The current version of one thing, named by its table's identity columns; undefined if none. */
  current(table: ReadModelTable, key: Key): Promise<Row | undefined>;
  /** Every current version whose columns equal `filter`. */
  currentWhere(table: ReadModelTable, filter: Key): Promise<Row[]>;
  /** Ends the current version of a thing at the event's recorded time; returns how many ended. */
  close(table: ReadModelTable, stamp: Stamp, key: Key): Promise<number>;
  /** Starts a new current version (close the previous one first). */
  insert(table: ReadModelTable, stamp: Stamp, row: Row): Promise<void>;
}
