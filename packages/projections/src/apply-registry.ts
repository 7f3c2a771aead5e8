import { assertNever, dayBefore, type RegistryEvent } from '@chitieu/domain';
import type { ReadModelStore, Stamp } from './store.js';
import { replaceVersion, without } from './versioned.js';

/** The province registry: one row per version of a province (registration, rename, merger). */
export async function applyRegistry(store: ReadModelStore, stamp: Stamp, event: RegistryEvent): Promise<void> {
  switch (event.type) {
    case 'ProvinceRegistered': {
      const { province, code, name, validFrom, legalBasis } = event.data;
      await store.insert('rm_provinces', stamp, {
        province,
        code,
        name,
        valid_from: validFrom,
        valid_to: null,
        successor: null,
        predecessors: [],
        legal_basis: legalBasis ?? null,
        names: [{ name, from: validFrom }],
      });
      return;
    }
    case 'ProvinceRenamed': {
      const { province, name, effectiveOn } = event.data;
      const current = await store.current('rm_provinces', { province });
      const names = [...((current?.names as ProvinceName[] | undefined) ?? []), { name, from: effectiveOn }];
      // `name` is the latest name decided; readers pick the one in force on their day from `names`.
      await change(store, stamp, province, { name, names });
      return;
    }
    case 'ProvincesMerged': {
      const { successor, predecessors, effectiveOn } = event.data;
      for (const predecessor of predecessors) {
        await change(store, stamp, predecessor, { valid_to: dayBefore(effectiveOn), successor });
      }
      await change(store, stamp, successor, { predecessors });
      return;
    }
    default:
      assertNever(event);
  }
}

interface ProvinceName {
  name: string;
  from: string | null;
}

async function change(store: ReadModelStore, stamp: Stamp, province: string, fields: Record<string, unknown>) {
  const current = await store.current('rm_provinces', { province });
  // The decider never emits a change to an unknown province; a log that holds one is left as it is.
  if (!current) return;
  await replaceVersion(store, 'rm_provinces', stamp, { province }, { ...without(current), ...fields });
}
