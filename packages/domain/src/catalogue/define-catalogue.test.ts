import { describe, expect, it } from 'vitest';
import { defineCatalogueCommands } from './define-catalogue.js';
import { evolveCatalogue, initialCatalogueState } from './evolve.js';
import { INDICATORS } from './indicators.js';
import { indicatorDefinitions } from './reference.js';
import { when } from './test-support.js';

const commands = defineCatalogueCommands();
const state = commands.reduce(
  (current, command) => when(current, command, 'system').reduce(evolveCatalogue, current),
  initialCatalogueState(),
);

describe('defineCatalogueCommands', () => {
  it('defines the weight (population) before the indicators weighted by it', () => {
    expect(commands[0]?.code).toBe('population');
    expect(commands).toHaveLength(INDICATORS.length);
  });

  it('defines every indicator of the data, as the data states it', () => {
    expect(state.indicators.size).toBe(INDICATORS.length);
    for (const indicator of INDICATORS) {
      expect(state.indicators.get(indicator.code)?.current).toEqual(indicator);
    }
    expect(
      indicatorDefinitions(state)
        .map((definition) => definition.code)
        .sort(),
    ).toEqual(INDICATORS.map((indicator) => indicator.code).sort());
  });
});
