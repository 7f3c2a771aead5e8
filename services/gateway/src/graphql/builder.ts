import { ChitieuError } from '@chitieu/errors';
import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import type { GraphQLObjectType, GraphQLResolveInfo } from 'graphql';
import type { GatewayContext } from '../context.js';
import { tenantsInView } from '../schema/reads.js';
import { GraphQLSchema } from './graphql-js.js';
import { addScalars } from './scalars.js';
import { addViewer } from './viewer.js';

/** The type parameters of the one builder: context, scopes, scalars, non-null fields by default. */
export interface GatewaySchemaTypes {
  Context: GatewayContext;
  AuthScopes: {
    /** Any signed-in actor. */
    authenticated: boolean;
    ministry: boolean;
    province: boolean;
    auditor: boolean;
    /** A province actor acting on its own province: `authScopes: { ownProvince: tenant }`. */
    ownProvince: string;
  };
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    Date: { Input: string; Output: string };
    JSON: { Input: unknown; Output: unknown };
    Position: { Input: string; Output: string };
  };
  DefaultFieldNullability: false;
}

/** The builder's type, for functions that add types to it (`addViewer(builder)`). */
export type GatewayBuilder = PothosSchemaTypes.SchemaBuilder<PothosSchemaTypes.ExtendDefaultTypes<GatewaySchemaTypes>>;

/**
 * A builder with the plugins, scalars, root types and `Query.viewer`. The application uses the one
 * `builder` below; tests call this to get a builder of their own, since types cannot be removed
 * from a builder once added.
 */
export function createBuilder(): GatewayBuilder {
  const builder = new SchemaBuilder<GatewaySchemaTypes>({
    // scope-auth first, so that its checks wrap every other plugin's resolvers.
    plugins: [ScopeAuthPlugin, RelayPlugin, DataloaderPlugin],
    defaultFieldNullability: false,
    scopeAuth: {
      authScopes: (context) => {
        const actor = context.actor;
        return {
          authenticated: actor !== undefined,
          ministry: actor?.role === 'ministry',
          province: actor?.role === 'province',
          auditor: actor?.role === 'auditor',
          ownProvince: async (province) => {
            if (actor?.role !== 'province' || !actor.province) return false;
            if (actor.province === province) return true;
            // A successor reads the provinces merged into it, as row-level security lets it. Read
            // through the request like every read of a query (see schema/reads.ts).
            return (await tenantsInView(context, undefined, actor.province)).includes(province);
          },
        };
      },
      unauthorizedError: (_parent, context, info) => unauthorized(context, info),
      // Refuse a subscription when it opens, not event by event once the stream is running.
      authorizeOnSubscribe: true,
    },
    relay: { clientMutationId: 'omit', cursorType: 'String' },
  });
  addScalars(builder);
  builder.queryType({});
  builder.mutationType({});
  builder.subscriptionType({});
  addViewer(builder);
  return builder;
}

const VERBS: Readonly<Record<string, string>> = { Mutation: 'run', Subscription: 'subscribe to' };

/** UNAUTHENTICATED when nobody signed in (a token would help), FORBIDDEN when the actor may not. */
function unauthorized(context: GatewayContext, info: GraphQLResolveInfo): ChitieuError {
  const coordinate = `${info.parentType.name}.${info.fieldName}`;
  const verb = VERBS[info.parentType.name] ?? 'read';
  if (context.actor === undefined) {
    return new ChitieuError('UNAUTHENTICATED', `sign in to ${verb} ${coordinate}`, { coordinate });
  }
  const { role, id } = context.actor;
  return new ChitieuError('FORBIDDEN', `${role} ${id} may not ${verb} ${coordinate}`, { coordinate });
}

/**
 * The executable schema of a builder. Mutation and Subscription are dropped while they have no
 * fields, because GraphQL refuses an object type without fields at the first request.
 */
export function buildSchema(from: GatewayBuilder = builder): GraphQLSchema {
  const schema = from.toSchema();
  const config = schema.toConfig();
  const empty = (type: GraphQLObjectType | null | undefined) =>
    type !== null && type !== undefined && Object.keys(type.getFields()).length === 0;
  const dropped = [config.mutation, config.subscription].filter(empty);
  if (dropped.length === 0) return schema;
  return new GraphQLSchema({
    ...config,
    mutation: empty(config.mutation) ? undefined : config.mutation,
    subscription: empty(config.subscription) ? undefined : config.subscription,
    types: config.types.filter((type) => !dropped.includes(type as GraphQLObjectType)),
  });
}

/** The application's one builder. Types register on it by being imported (see schema/index.ts). */
export const builder = createBuilder();
