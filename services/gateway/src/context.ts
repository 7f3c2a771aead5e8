import type { CommandBus } from '@chitieu/commands';
import type { Database } from '@chitieu/database';
import type { Actor } from '@chitieu/domain';
import type { EventStore } from '@chitieu/event-store';
import type { Projector } from '@chitieu/projections';
import type { Kysely } from 'kysely';
import { readActor } from './auth/read-actor.js';
import type { TokenKeys } from './auth/tokens.js';
import type { RequestReads } from './read/request-reads.js';

/**
 * What every resolver receives. Built once per GraphQL request by the context factory passed to
 * `createGatewayYoga`; `actor` is undefined for an anonymous caller.
 */
export interface GatewayContext {
  actor: Actor | undefined;
  /** The request's `x-request-id` (given by the caller or generated), for logs and error reports. */
  requestId: string;
  /** The read models, command handler, loaders … the resolvers use. */
  services: GatewayServices;
  /**
   * A query's one read transaction, set by the `oneReadTransaction` plugin. Absent for mutations
   * and subscriptions, whose reads each run in a transaction of their own.
   */
  reads?: RequestReads;
}

/** What resolvers reach through the context: the database, the store, the command bus, the projector. */
export interface GatewayServices {
  db: Kysely<Database>;
  store: EventStore;
  bus: CommandBus;
  projector: Projector;
  /** How long a mutation waits for its events to reach the read models before answering anyway. */
  readYourWritesMs: number;
  /** Told the types of the events each mutation appended (the metrics count them). */
  onAppended?: (types: readonly string[]) => void;
}

/**
 * The usual context factory for `createGatewayYoga`: the actor from the bearer token (anonymous
 * without one; UNAUTHENTICATED, hence HTTP 401, with a bad one) and the same services for every request.
 */
export function createContextFactory(options: {
  keys: TokenKeys;
  services: GatewayServices;
}): (request: Request, server: { requestId: string }) => Promise<GatewayContext> {
  return async (request, { requestId }) => ({
    actor: await readActor(request, options.keys),
    requestId,
    services: options.services,
  });
}
