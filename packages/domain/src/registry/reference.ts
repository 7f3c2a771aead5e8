import type { ProvinceInfo } from '../shared/reference.js';
import type { ProvinceRecord, RegistryState } from './evolve.js';
import { validOn } from './validity.js';

/** The name in force on `date`, or the current name without a date. */
export function nameOn(record: ProvinceRecord, date?: string): string {
  let name = record.names[0]?.name ?? record.id;
  for (const entry of record.names) {
    if (date === undefined || entry.from === null || entry.from <= date) name = entry.name;
  }
  return name;
}

function toInfo(record: ProvinceRecord, date?: string): ProvinceInfo {
  return {
    id: record.id,
    code: record.code,
    name: nameOn(record, date),
    validFrom: record.validFrom,
    validTo: record.validTo,
    successor: record.successor,
    predecessors: [...record.predecessors],
  };
}

/** A province as the registry knows it now (its latest name), or undefined when never registered. */
export function provinceInfo(state: RegistryState, id: string): ProvinceInfo | undefined {
  const record = state.provinces.get(id);
  return record && toInfo(record);
}

/** The province as it was on `date` (the name then in force), or undefined when it did not exist that day. */
export function provinceAt(state: RegistryState, id: string, date: string): ProvinceInfo | undefined {
  const record = state.provinces.get(id);
  return record && validOn(record, date) ? toInfo(record, date) : undefined;
}

/** Every province that existed on `date`, in registration order. */
export function provincesOn(state: RegistryState, date: string): ProvinceInfo[] {
  return [...state.provinces.values()].filter((record) => validOn(record, date)).map((record) => toInfo(record, date));
}

/** The province that held statistical `code` on `date`: codes are reused, so a code alone names no one. */
export function provinceWithCode(state: RegistryState, code: string, date: string): ProvinceInfo | undefined {
  for (const record of state.provinces.values()) {
    if (record.code === code && validOn(record, date)) return toInfo(record, date);
  }
  return undefined;
}

/**
 * The chain of successors of a province, nearest first: `['an-giang-2025']` for Kiên Giang, longer
 * if a successor is itself merged later. Empty for a province that was never merged.
 */
export function successorsOf(state: RegistryState, id: string): string[] {
  const chain: string[] = [];
  let next = state.provinces.get(id)?.successor;
  // A cycle cannot come from `decide`; the guard keeps a hand-made stream from looping for ever.
  while (next !== undefined && !chain.includes(next) && next !== id) {
    chain.push(next);
    next = state.provinces.get(next)?.successor;
  }
  return chain;
}

/**
 * Every province merged into this one, directly or through earlier mergers, nearest generation first:
 * `['bac-kan', 'thai-nguyen']` for `thai-nguyen-2025`.
 */
export function predecessorsOf(state: RegistryState, id: string): string[] {
  const found: string[] = [];
  const queue = [...(state.provinces.get(id)?.predecessors ?? [])];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    if (found.includes(next) || next === id) continue;
    found.push(next);
    queue.push(...(state.provinces.get(next)?.predecessors ?? []));
  }
  return found;
}
