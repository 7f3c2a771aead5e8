import { describe, expect, it } from 'vitest';
import { decideCatalogue } from './catalogue/decide.js';
import { defineCatalogueCommands } from './catalogue/define-catalogue.js';
import { evolveCatalogue, initialCatalogueState } from './catalogue/evolve.js';
import { INDICATORS } from './catalogue/indicators.js';
import { buildReference } from './reference.js';
import { decideRegistry } from './registry/decide.js';
import { evolveRegistry, initialRegistryState } from './registry/evolve.js';
import { loadProvincesCsv } from './registry/load-provinces-csv.js';
import { readProvincesCsv } from './registry/read-provinces-csv.js';
import type { DecisionContext } from './shared/decider.js';
import { TEST_PROVINCES, testReference } from './shared/test-reference.js';

const context: DecisionContext = {
  actor: { id: 'seed', role: 'system' },
  now: new Date('2026-01-01T00:00:00Z'),
  newId: () => 'id',
  reference: undefined,
};

// The national reference data as the seed loader will build it: the CSV and the catalogue data.
let registry = initialRegistryState();
for (const command of loadProvincesCsv(await readProvincesCsv())) {
  registry = decideRegistry(command, registry, context).reduce(evolveRegistry, registry);
}
let catalogue = initialCatalogueState();
for (const command of defineCatalogueCommands()) {
  catalogue = decideCatalogue(command, catalogue, context).reduce(evolveCatalogue, catalogue);
}
const reference = buildReference(registry, catalogue);

describe('buildReference', () => {
  it('answers for the provinces as the hand-written test reference of the other deciders does', () => {
    for (const province of TEST_PROVINCES) {
      expect(reference.province(province.id)).toEqual({ validTo: undefined, successor: undefined, ...province });
    }
  });

  it('answers for the indicators as the test reference does', () => {
    const expected = testReference();
    for (const { code } of INDICATORS) {
      expect(expected.indicator(code)).toMatchObject(reference.indicator(code) ?? { missing: code });
    }
  });

  it('knows nothing it was not told', () => {
    expect(reference.province('atlantis')).toBeUndefined();
    expect(reference.indicator('happiness')).toBeUndefined();
    const empty = buildReference(initialRegistryState(), initialCatalogueState());
    expect(empty.province('kien-giang')).toBeUndefined();
  });
});
