import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import type { Plugin } from 'graphql-yoga';

type ArmorConfig = NonNullable<Parameters<typeof EnvelopArmorPlugin>[0]>;
type RejectCallback = NonNullable<NonNullable<ArmorConfig['maxDepth']>['onReject']>[number];

/** The code of every query graphql-armor refuses, whichever limit it broke. */
export const QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX';

/** The limits on one GraphQL document. The defaults fit every query the UI sends, with room. */
export interface ArmorOptions {
  maxDepth?: number;
  maxAliases?: number;
  maxCost?: number;
  maxTokens?: number;
  maxDirectives?: number;
  /** Hide "Did you mean …?" suggestions, which reveal the schema; on by default in production. */
  blockFieldSuggestions?: boolean;
}

/**
 * graphql-armor as yoga plugins: limits on depth (12), aliases (15), cost (5000), tokens (2000) and
 * directives (20), so that one request cannot make the server walk the read models without end.
 * A refused query gets a plain message (`Query depth limit of 12 exceeded, found 14.`), code
 * QUERY_TOO_COMPLEX and HTTP 400 where the GraphQL-over-HTTP spec allows it.
 */
export function armorPlugins(options: ArmorOptions = {}): Plugin[] {
  const onReject = [markRefused];
  const common = { exposeLimits: true, onReject, propagateOnRejection: true };
  return [
    EnvelopArmorPlugin({
      maxDepth: { n: options.maxDepth ?? 12, ignoreIntrospection: true, ...common },
      maxAliases: { n: options.maxAliases ?? 15, ...common },
      costLimit: { maxCost: options.maxCost ?? 5000, ignoreIntrospection: true, ...common },
      maxTokens: { n: options.maxTokens ?? 2000, ...common },
      maxDirectives: { n: options.maxDirectives ?? 20, ...common },
      blockFieldSuggestion: { enabled: options.blockFieldSuggestions ?? process.env.NODE_ENV === 'production' },
    }) as Plugin,
  ];
}

/**
 * Armor throws `GraphQLError("Syntax Error: <limit> exceeded …")` without a code; the error is the
 * one it is about to throw, so it is given a code and a message without the misleading prefix.
 */
const markRefused: RejectCallback = (_context, error) => {
  error.message = error.message.replace(/^Syntax Error: /, '');
  const extensions = error.extensions as Record<string, unknown>;
  extensions.code = QUERY_TOO_COMPLEX;
  extensions.http = { spec: true, status: 400 };
};
