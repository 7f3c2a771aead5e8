// Given/when/then helpers for the catalogue's tests.
import type { ActorRole } from '../shared/actor.js';
import { fold } from '../shared/decider.js';
import type { CatalogueCommand, DefineIndicator } from './commands.js';
import { catalogueDecider, decideCatalogue } from './decide.js';
import type { CatalogueEvent } from './events.js';
import type { CatalogueState } from './evolve.js';

export function given(...events: CatalogueEvent[]): CatalogueState {
  return fold(catalogueDecider, events);
}

export function when(state: CatalogueState, command: CatalogueCommand, role: ActorRole = 'ministry'): CatalogueEvent[] {
  const actor = { id: `test-${role}`, role, ...(role === 'province' ? { province: 'kien-giang' } : {}) };
  return decideCatalogue(command, state, {
    actor,
    now: new Date('2026-01-01T00:00:00Z'),
    newId: () => 'id',
    reference: undefined,
  });
}

export { refusal } from '../shared/test-refusal.js';

export const POPULATION: DefineIndicator = {
  type: 'DefineIndicator',
  code: 'population',
  nameVi: 'Dân số',
  nameEn: 'Population',
  unit: 'count',
  direction: 'neutral',
  combine: { rule: 'sum' },
};

export const UNDER5: DefineIndicator = {
  type: 'DefineIndicator',
  code: 'under5_mortality',
  nameVi: 'Tỷ suất tử vong trẻ em dưới 5 tuổi',
  nameEn: 'Under-5 mortality rate',
  unit: 'per_mille',
  direction: 'lower',
  combine: { rule: 'population_weighted_mean', weight: 'population' },
  aliases: ['Dưới 5 tuổi còn'],
  source: '20-NQ/TW',
};

/** The event a definition command produces, as the decider writes it. */
export function definedEvent(command: DefineIndicator): CatalogueEvent {
  const { type: _type, aliases, ...data } = command;
  return { type: 'IndicatorDefined', data: { ...data, aliases: aliases ?? [] } };
}
