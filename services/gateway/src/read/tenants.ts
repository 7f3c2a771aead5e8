import type { Database } from '@chitieu/database';
import { type Expression, type QueryCreator, sql } from 'kysely';
import { type Visibility, visibleIn } from './visible.js';

/**
 * A province and the provinces merged into it, as known at an instant in a generation: the tenants
 * whose data its view holds, its own first. The one definition of it: row-level security for a
 * province's token, the `ownProvince` scope, the subscription's filter and the lists of plans and
 * reports all come here, so they cannot disagree (nor, during a rebuild, mix two generations).
 * One row per province that the read models know.
 */
export function tenantsOfProvinces(db: QueryCreator<Database>, provinces: readonly string[], at: Visibility) {
  return db
    .selectFrom('rm_provinces')
    .select(['province', sql<string[]>`array_prepend(province, predecessors)`.as('tenants')])
    .where(visibleIn(at))
    .where('province', 'in', provinces.length > 0 ? [...provinces] : ['']);
}

/**
 * The tenants of each province asked for, in order. A province the read models do not know (yet)
 * holds its own tenant alone.
 */
export async function tenantsInViewOf(
  db: QueryCreator<Database>,
  provinces: readonly string[],
  at: Visibility,
): Promise<string[][]> {
  const rows = await tenantsOfProvinces(db, provinces, at).execute();
  const byProvince = new Map(rows.map((row) => [row.province, row.tenants]));
  return provinces.map((province) => byProvince.get(province) ?? [province]);
}

/** The same for one province, as an expression inside a statement: the setup of a read scope. */
export function tenantsInViewExpression(
  db: QueryCreator<Database>,
  province: string,
  at: Visibility,
): Expression<string[]> {
  const known = db.selectFrom(tenantsOfProvinces(db, [province], at).as('known')).select('known.tenants');
  return sql<string[]>`coalesce((${known}), array[${province}]::text[])`;
}
