import { assertNever, type CatalogueEvent } from '@chitieu/domain';
import type { ReadModelStore, Stamp } from './store.js';
import { replaceVersion } from './versioned.js';

/** The indicator catalogue: one row per version of an indicator. */
export async function applyCatalogue(store: ReadModelStore, stamp: Stamp, event: CatalogueEvent): Promise<void> {
  switch (event.type) {
    case 'IndicatorDefined': {
      const data = event.data;
      await store.insert('rm_indicators', stamp, {
        code: data.code,
        name_vi: data.nameVi,
        name_en: data.nameEn,
        unit: data.unit,
        direction: data.direction,
        combine: data.combine,
        description: data.description ?? null,
        aliases: data.aliases,
        revision: 1,
        reason: null,
        document: null,
      });
      return;
    }
    case 'IndicatorRevised': {
      const data = event.data;
      const current = await store.current('rm_indicators', { code: data.code });
      if (!current) return;
      await replaceVersion(
        store,
        'rm_indicators',
        stamp,
        { code: data.code },
        {
          name_vi: data.nameVi ?? current.name_vi,
          name_en: data.nameEn ?? current.name_en,
          unit: data.unit ?? current.unit,
          direction: data.direction ?? current.direction,
          combine: data.combine ?? current.combine,
          description: data.description ?? current.description,
          aliases: data.aliases ?? current.aliases,
          revision: (current.revision as number) + 1,
          reason: data.reason,
          document: data.document,
        },
      );
      return;
    }
    default:
      assertNever(event);
  }
}
