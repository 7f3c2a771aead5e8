import { Client, cacheExchange, fetchExchange } from '@urql/core';
import { earlyReadsExchange } from './early-reads.js';

/**
 * One client per signed-in token. Subscriptions go over the same fetch as queries, as Server-Sent
 * Events (`fetchSubscriptions`), because EventSource cannot send the Authorization header.
 */
export function createClient(token: string): Client {
  return new Client({
    url: '/graphql',
    exchanges: [earlyReadsExchange(), cacheExchange, fetchExchange],
    fetchSubscriptions: true,
    requestPolicy: 'cache-and-network',
    fetchOptions: () => ({ headers: { authorization: `Bearer ${token}` } }),
  });
}
