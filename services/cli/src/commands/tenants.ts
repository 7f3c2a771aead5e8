import { listTenants } from '@chitieu/event-store';
import type { Command } from '../context.js';

/** `tenants`: the registered tenants, one per line. */
export const tenants: Command = async ({ handle, out }) => {
  for (const tenant of await listTenants(handle.db)) {
    out(`${tenant.id}\t${tenant.name}\t${tenant.registered_at.toISOString()}`);
  }
  return 0;
};
