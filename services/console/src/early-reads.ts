import { type Exchange, makeOperation, mapExchange } from '@urql/core';

/** How long an early read's answer stands in for the page's own first read. */
const EARLY_READ_MS = 10_000;

/** The context of a query asked for before its page renders (the first page's, as the entry runs). */
export const EARLY = { early: true } as const;

/**
 * The page's own reads of a query asked for early take the early answer rather than asking again:
 * the client's default policy, cache-and-network, would send every first-page query twice. While
 * the early read is in flight the client already shares it; once answered, the cache serves it.
 * Reads past the cache (network-only: a new event, a write) are left alone.
 */
export function earlyReadsExchange(): Exchange {
  const asked = new Map<number, number>();
  return mapExchange({
    onOperation(operation) {
      if (operation.kind !== 'query') return;
      if (operation.context.early) {
        asked.set(operation.key, Date.now());
        return;
      }
      const when = asked.get(operation.key);
      if (when === undefined || operation.context.requestPolicy !== 'cache-and-network') return;
      if (Date.now() - when > EARLY_READ_MS) {
        asked.delete(operation.key);
        return;
      }
      return makeOperation(operation.kind, operation, { ...operation.context, requestPolicy: 'cache-first' });
    },
  });
}
