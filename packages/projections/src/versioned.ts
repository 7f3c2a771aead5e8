import { isDeepStrictEqual } from 'node:util';
import type { ReadModelTable } from '@chitieu/database';
import { jsonValue } from './json-value.js';
import type { Key, ReadModelStore, Row, Stamp } from './store.js';

/** Replaces the current version of a thing with `row`. */
export async function replaceVersion(
  store: ReadModelStore,
  table: ReadModelTable,
  stamp: Stamp,
  key: Key,
  row: Row,
): Promise<void> {
  await store.close(table, stamp, key);
  await store.insert(table, stamp, { ...key, ...row });
}

/**
 * Replaces the current version only when `row` differs from it in some column it names, other than
 * the `ignore`d ones (where it was computed is not a change of what was computed).
 */
export async function putIfChanged(
  store: ReadModelStore,
  table: ReadModelTable,
  stamp: Stamp,
  key: Key,
  row: Row,
  ignore: readonly string[] = [],
  /** The current version when the caller has already read it (undefined: there is none). */
  known?: { current: Row | undefined },
): Promise<boolean> {
  const current = known ? known.current : await store.current(table, key);
  const same = (column: string, value: unknown) => ignore.includes(column) || sameValue(current?.[column], value);
  if (current && Object.entries(row).every(([column, value]) => same(column, value))) return false;
  await replaceVersion(store, table, stamp, key, row);
  return true;
}

function sameValue(stored: unknown, next: unknown): boolean {
  if (stored === next) return true;
  if ((stored === null || stored === undefined) && (next === null || next === undefined)) return true;
  // jsonb reorders keys and drops none; the value about to be written drops undefined ones.
  return isDeepStrictEqual(stored, next === undefined ? null : jsonValue(next));
}

/** A row without its version columns, to carry into the next version. */
export function without(row: Row): Row {
  const { generation, known_from, known_until, position, ...rest } = row;
  return rest;
}
