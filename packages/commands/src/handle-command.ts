import type { Actor, Decider, DomainEvent, Reference } from '@chitieu/domain';
import { isChitieuError } from '@chitieu/errors';
import type { AppendResult, EventStore, LegalDocument } from '@chitieu/event-store';
import { v7 as uuidv7 } from 'uuid';
import { authorize } from './authorize.js';

/** A recorded event as deciders' `evolve` sees it: type and data, with the store's id alongside. */
export type Evolving<TEvent extends DomainEvent> = TEvent & { eventId: string; recordedAt: Date };

/** Where a command goes: its decider, the tenant and stream it writes, and what its events rest on. */
export interface Route<TCommand, TState, TEvent extends DomainEvent> {
  decider: Decider<TCommand, TState, TEvent, Reference>;
  tenant(command: TCommand): string;
  stream(command: TCommand): string;
  /** The legal document the events rest on, recorded in their metadata. */
  document?(command: TCommand): LegalDocument | undefined;
  /** Work the store needs before the events can be appended (a new province's tenant). */
  beforeAppend?(events: TEvent[], store: EventStore): Promise<void>;
}

export interface CommandOptions {
  actor: Actor;
  /** The decision's "now"; the clock by default. */
  now?: Date;
  correlationId?: string;
  causationId?: string;
  /** Where the command came from: a form, an import file and line, a seed document. */
  source?: string;
  /** Overrides the route's document for metadata. */
  document?: LegalDocument;
}

export interface CommandResult<TEvent extends DomainEvent> {
  events: TEvent[];
  appended: AppendResult | null;
}

/** How often a command is decided again after another writer moved its stream. */
const ATTEMPTS = 3;

/**
 * The command handler: authorises the actor for the tenant, loads the national reference data and the
 * stream, decides, and appends with the stream's version as the expected version. When another writer
 * got there first the command is decided again on the new state — which is also how a duplicate (a
 * second plan with the same number) turns into the decider's own validation error rather than a
 * conflict. A decision that produces no events appends nothing.
 */
export async function handleCommand<TCommand, TState, TEvent extends DomainEvent>(
  store: EventStore,
  loadReference: () => Promise<Reference>,
  route: Route<TCommand, TState, TEvent>,
  command: TCommand,
  options: CommandOptions,
): Promise<CommandResult<TEvent>> {
  const tenant = route.tenant(command);
  const stream = route.stream(command);
  for (let attempt = 1; ; attempt++) {
    const reference = await loadReference();
    authorize(options.actor, tenant, reference);
    const { streamVersion, events: recorded } = await store.readStream({ tenant, stream });
    const state = recorded.reduce(
      (current, event) =>
        route.decider.evolve(current, {
          type: event.type,
          data: event.data,
          eventId: event.eventId,
          recordedAt: event.recordedAt,
        } as Evolving<TEvent>),
      route.decider.initialState(),
    );
    const events = route.decider.decide(command, state, {
      actor: options.actor,
      now: options.now ?? new Date(),
      newId: uuidv7,
      reference,
    });
    if (events.length === 0) return { events, appended: null };
    await route.beforeAppend?.(events, store);
    const document = options.document ?? route.document?.(command);
    try {
      const appended = await store.append({
        tenant,
        stream,
        expected: streamVersion === 0 ? 'no_stream' : streamVersion,
        events: events.map((event) => ({
          // Deciders that name their events (reports, whose corrections point at an event id) keep that id.
          ...((event as { eventId?: string }).eventId && { id: (event as { eventId?: string }).eventId }),
          type: event.type,
          data: event.data,
          metadata: {
            actor: options.actor,
            ...(options.correlationId && { correlationId: options.correlationId }),
            ...(options.causationId && { causationId: options.causationId }),
            ...(document && { document }),
            ...(options.source && { source: options.source }),
          },
        })),
      });
      return { events, appended };
    } catch (error) {
      if (attempt < ATTEMPTS && isChitieuError(error, 'CONCURRENCY_CONFLICT')) continue;
      throw error;
    }
  }
}
