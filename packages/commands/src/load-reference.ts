import {
  buildReference,
  type CatalogueEvent,
  type CatalogueState,
  catalogueDecider,
  NATIONAL_TENANT,
  type Reference,
  type RegistryEvent,
  type RegistryState,
  registryDecider,
  streams,
} from '@chitieu/domain';
import type { EventStore } from '@chitieu/event-store';

interface Folded<TState> {
  version: number;
  state: TState;
}

/**
 * The national reference data (province registry and indicator catalogue) as deciders need it, kept
 * folded in memory and brought up to date on every call by reading only the events appended since:
 * a command costs two index probes here, not a replay of the registry.
 */
export function createReferenceLoader(store: EventStore): () => Promise<Reference> {
  let registry: Folded<RegistryState> = { version: 0, state: registryDecider.initialState() };
  let catalogue: Folded<CatalogueState> = { version: 0, state: catalogueDecider.initialState() };

  async function catchUp<TState, TEvent>(
    folded: Folded<TState>,
    stream: string,
    evolve: (state: TState, event: TEvent) => TState,
  ): Promise<Folded<TState>> {
    const read = await store.readStream({ tenant: NATIONAL_TENANT, stream, fromVersion: folded.version + 1 });
    if (read.events.length === 0) return folded;
    const state = read.events.reduce((current, event) => evolve(current, event as unknown as TEvent), folded.state);
    return { version: read.events.at(-1)?.streamVersion ?? folded.version, state };
  }

  return async () => {
    [registry, catalogue] = await Promise.all([
      catchUp<RegistryState, RegistryEvent>(registry, streams.registry(), registryDecider.evolve),
      catchUp<CatalogueState, CatalogueEvent>(catalogue, streams.catalogue(), catalogueDecider.evolve),
    ]);
    return buildReference(registry.state, catalogue.state);
  };
}
