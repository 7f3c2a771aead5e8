import type { Actor, Reference } from '@chitieu/domain';
import { forbidden, NATIONAL_TENANT } from '@chitieu/domain';

/**
 * The first line of defence, before anything is read: may `actor` write to `tenant`? The deciders
 * check again with what they know (a successor filing for a predecessor only for periods before the
 * merger). Throws FORBIDDEN; returns nothing.
 *
 * - ministry: the national tenant only;
 * - province: its own tenant, and the tenants of the provinces merged into it;
 * - auditor: nothing;
 * - system (the seed loader): anything.
 */
export function authorize(actor: Actor, tenant: string, reference: Reference): void {
  switch (actor.role) {
    case 'system':
      return;
    case 'ministry':
      if (tenant === NATIONAL_TENANT) return;
      throw forbidden(`the ministry writes national data only; ${tenant} belongs to its province`, { tenant });
    case 'province': {
      if (!actor.province) throw forbidden('a province actor must name its province', { tenant });
      // A token for a province the registry does not know is not a province's token.
      if (!reference.province(actor.province)) {
        throw forbidden(`${actor.province} is not a registered province`, { tenant, province: actor.province });
      }
      if (actor.province === tenant) return;
      if (reference.province(actor.province)?.predecessors.includes(tenant)) return;
      throw forbidden(`${actor.province} may not write ${tenant}'s data`, { tenant, province: actor.province });
    }
    case 'auditor':
      throw forbidden('auditors read; they write nothing', { tenant });
    default: {
      const role: never = actor.role;
      throw forbidden(`unknown role ${String(role)}`, { tenant });
    }
  }
}
