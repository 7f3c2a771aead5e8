import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { DatabaseHandle } from './connect.js';

const infra = (name: string) => readFileSync(fileURLToPath(new URL(`../../../infra/${name}`, import.meta.url)), 'utf8');

/** infra/roles.sql and infra/grants.sql, as an operator applies them. */
export const rolesSql = infra('roles.sql');
export const grantsSql = infra('grants.sql');

/**
 * Makes sure requests can run as chitieu_api, the role row-level security restricts. On PGlite and
 * for a superuser the roles and grants are applied here (idempotent); an application role of a
 * server must have been set up by the operator (README, "On a server"), and gets an error saying so.
 */
export async function ensureRequestRole(handle: DatabaseHandle): Promise<void> {
  const { rows } = await sql<{ superuser: boolean; member: boolean | null }>`
    SELECT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser,
           (SELECT pg_has_role(current_user, oid, 'MEMBER') FROM pg_roles WHERE rolname = 'chitieu_api') AS member`.execute(
    handle.db,
  );
  const row = rows[0];
  if (row?.superuser) {
    await handle.exec(rolesSql);
    await handle.exec(grantsSql);
    return;
  }
  if (!row?.member) {
    throw new Error(
      'requests run as the role chitieu_api, which this database lacks or this user may not use: apply infra/roles.sql ' +
        'as a superuser and infra/grants.sql as the owner (README, "On a server")',
    );
  }
}
