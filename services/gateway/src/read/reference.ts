import type { IndicatorsReadTable, ProvincesReadTable } from '@chitieu/database';
import type { Selectable } from 'kysely';
import type { ReadScope } from './scope.js';
import { visibleIn } from './visible.js';

export type ProvinceRow = Selectable<ProvincesReadTable>;
export type IndicatorRow = Selectable<IndicatorsReadTable>;

/** Provinces as known at the scope's instant, by id; `validOn` keeps those in force on a day. */
export async function listProvinces(scope: ReadScope, filter: { validOn?: string; ids?: readonly string[] } = {}) {
  let query = scope.trx.selectFrom('rm_provinces').selectAll().where(visibleIn(scope));
  if (filter.ids) query = query.where('province', 'in', filter.ids.length > 0 ? [...filter.ids] : ['']);
  if (filter.validOn) {
    const day = filter.validOn;
    query = query
      .where((eb) => eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', day)]))
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', day)]));
  }
  return query.orderBy('province').execute();
}

/** Every version of a province, oldest first: registration, renames, the merger. */
export async function provinceHistory(scope: ReadScope, province: string) {
  return scope.trx
    .selectFrom('rm_provinces')
    .selectAll()
    .where('generation', '=', scope.generation)
    .where('province', '=', province)
    .$if(scope.asOf !== undefined, (query) => query.where('known_from', '<=', scope.asOf as Date))
    .orderBy('known_from')
    .execute();
}

/** The catalogue as known at the scope's instant. */
export async function listIndicators(scope: ReadScope, codes?: readonly string[]) {
  return scope.trx
    .selectFrom('rm_indicators')
    .selectAll()
    .where(visibleIn(scope))
    .$if(codes !== undefined, (query) => query.where('code', 'in', codes && codes.length > 0 ? [...codes] : ['']))
    .orderBy('code')
    .execute();
}

/** A name of a province and the day it took effect (null: since before anything recorded). */
export interface ProvinceName {
  name: string;
  from: string | null;
}

/** The name in force on `day`: a rename decided ahead applies from its day, not from when it was recorded. */
export function nameOn(row: { name: string; names: unknown }, day: string): string {
  const names = Array.isArray(row.names) ? (row.names as ProvinceName[]) : [];
  let chosen: string | undefined;
  for (const entry of names) {
    if (entry.from === null || entry.from <= day) chosen = entry.name;
  }
  return chosen ?? names[0]?.name ?? row.name;
}
