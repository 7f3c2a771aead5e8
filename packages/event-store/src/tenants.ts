import type { Database, TenantRow } from '@chitieu/database';
import { ChitieuError } from '@chitieu/errors';
import type { Kysely } from 'kysely';
import { TENANT_ID_PATTERN } from './limits.js';

/**
 * Registers a tenant a stream may belong to. Registering the same id and name again is a no-op;
 * the same id with another name is refused, since ids are identities and are never reused.
 */
export async function registerTenant(
  db: Kysely<Database>,
  tenant: { id: string; name: string },
): Promise<{ created: boolean }> {
  if (!TENANT_ID_PATTERN.test(tenant.id)) {
    throw new ChitieuError('VALIDATION_FAILED', 'tenant id must be lower-case letters, digits and -, at most 63', {}, [
      { path: 'id', message: 'lower-case letters, digits and -, at most 63' },
    ]);
  }
  const name = tenant.name.trim();
  if (name.length === 0 || name.length > 200) {
    throw new ChitieuError('VALIDATION_FAILED', 'tenant name must be 1–200 characters', {}, [
      { path: 'name', message: '1–200 characters' },
    ]);
  }
  const inserted = await db
    .insertInto('tenants')
    .values({ id: tenant.id, name })
    .onConflict((conflict) => conflict.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return { created: true };
  const existing = await db.selectFrom('tenants').select('name').where('id', '=', tenant.id).executeTakeFirstOrThrow();
  if (existing.name !== name) {
    throw new ChitieuError(
      'VALIDATION_FAILED',
      `tenant ${tenant.id} is already registered as ${existing.name}`,
      {
        tenant: tenant.id,
      },
      [{ path: 'name', message: `already registered as ${existing.name}` }],
    );
  }
  return { created: false };
}

export async function listTenants(db: Kysely<Database>): Promise<TenantRow[]> {
  return db.selectFrom('tenants').selectAll().orderBy('id').execute();
}
