import { authorize, SEED_ACTOR } from '@chitieu/commands';
import {
  buildReference,
  catalogueDecider,
  type DomainEvent,
  defineCatalogueCommands,
  loadProvincesCsv,
  type Reference,
  readProvincesCsv,
  registryDecider,
} from '@chitieu/domain';
import type { GeneratedCommand } from './generate.js';
import { routeOf } from './route.js';

/**
 * The national reference the seed loader builds (the registry CSV and the catalogue), decided and
 * folded in memory: for generating and checking a dataset without a database.
 */
export async function nationalReference(): Promise<Reference> {
  // "Now" is the day the merger took effect: the latest date anything in the registry is dated.
  const context = { actor: SEED_ACTOR, now: new Date('2025-07-01T00:00:00Z'), newId: () => '', reference: undefined };
  let registry = registryDecider.initialState();
  for (const command of loadProvincesCsv(await readProvincesCsv())) {
    registry = registryDecider.decide(command, registry, context).reduce(registryDecider.evolve, registry);
  }
  let catalogue = catalogueDecider.initialState();
  for (const command of defineCatalogueCommands()) {
    catalogue = catalogueDecider.decide(command, catalogue, context).reduce(catalogueDecider.evolve, catalogue);
  }
  return buildReference(registry, catalogue);
}

/**
 * Runs the dataset through the handler's checks and the deciders in memory, as `handleCommand` would
 * on an empty log over `reference` (the seeds' own streams aside): authorisation, then each stream's
 * state folded from the events decided before. Throws at the first refusal, naming the command.
 * Returns the number of events decided. Seconds at scale 1, where loading takes minutes.
 */
export function decideDataset(reference: Reference, commands: readonly GeneratedCommand[]): number {
  const states = new Map<string, unknown>();
  const eventIds: Array<string | undefined> = [];
  let next = 0;
  const newId = () => `00000000-0000-4000-8000-${(++next).toString(16).padStart(12, '0')}`;
  let events = 0;
  commands.forEach((item, index) => {
    const { route, tenant, stream } = routeOf(item.command);
    let command = item.command;
    if (item.correctsResultOf !== undefined && command.type === 'CorrectReport') {
      command = { ...command, data: { ...command.data, corrects: eventIds[item.correctsResultOf] ?? '' } };
    }
    try {
      authorize(item.actor, tenant, reference);
      const state = states.get(stream) ?? route.decider.initialState();
      const decided: Array<DomainEvent & { eventId?: string }> = route.decider.decide(command, state, {
        actor: item.actor,
        now: item.at,
        newId,
        reference,
      });
      const recorded = decided.map((event) => ({ ...event, eventId: event.eventId ?? newId(), recordedAt: item.at }));
      states.set(stream, recorded.reduce(route.decider.evolve, state));
      eventIds[index] = recorded[0]?.eventId;
      events += recorded.length;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const issues = (error as { issues?: unknown }).issues;
      throw new Error(
        `dataset command ${index} (${command.type} in ${tenant}) refused: ${reason} ${issues ? JSON.stringify(issues) : ''}`,
        { cause: error },
      );
    }
  });
  return events;
}
