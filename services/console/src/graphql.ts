import { initGraphQLTada } from 'gql.tada';
import type { introspection } from './graphql-env.d.ts';

/**
 * `graphql(...)` types every operation against docs/schema.graphql (src/graphql-env.d.ts is
 * generated from it by the build: `gql.tada generate output`).
 */
export const graphql = initGraphQLTada<{
  introspection: introspection;
  scalars: { Date: string; DateTime: string; JSON: unknown; Position: string };
}>();

export type { ResultOf, VariablesOf } from 'gql.tada';
