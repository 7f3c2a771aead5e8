import type { Actor } from './actor.js';

/** A domain event before the store gives it a place: its type and its data, nothing else. */
export interface DomainEvent<TType extends string = string, TData = unknown> {
  type: TType;
  data: TData;
}

/**
 * What a decision may know besides the command and the stream's state: who asks, when, fresh ids,
 * and the national reference data (registry of provinces, indicator catalogue) as of now. Passed in,
 * so that `decide` stays pure.
 */
export interface DecisionContext<TReference = unknown> {
  actor: Actor;
  now: Date;
  newId: () => string;
  reference: TReference;
}

/**
 * Emmett's decider: `decide(command, state, context) → events` and `evolve(state, event) → state`,
 * both pure. A command handler loads the stream, folds it with `evolve` from `initialState()`,
 * decides, and appends the events with the stream's version as the expected version.
 */
export interface Decider<TCommand, TState, TEvent extends DomainEvent, TReference = unknown> {
  initialState: () => TState;
  decide: (command: TCommand, state: TState, context: DecisionContext<TReference>) => TEvent[];
  evolve: (state: TState, event: TEvent) => TState;
}

/** Folds events into a state: what a handler does after reading a stream, and what tests replay. */
export function fold<TState, TEvent>(
  decider: { initialState: () => TState; evolve: (state: TState, event: TEvent) => TState },
  events: readonly TEvent[],
): TState {
  return events.reduce(decider.evolve, decider.initialState());
}

/** The data type of an event definition: `EventData<typeof planAdopted>`. */
export type EventData<T> = T extends { schema: { _zod: { output: infer D } } } ? D : never;
