import type { Client } from '@urql/core';
import { graphql } from '../graphql.js';

const ViewerQuery = graphql(`
  query Viewer {
    viewer { id role province }
  }
`);

export interface Viewer {
  id: string;
  role: 'ministry' | 'province' | 'auditor' | 'system';
  province: string | null;
}

/** Asks the gateway who a token names: the token is checked there, never trusted from its payload. */
export async function whoIs(client: Client): Promise<Viewer | string> {
  const result = await client.query(ViewerQuery, {}, { requestPolicy: 'network-only' }).toPromise();
  if (result.error) return result.error.graphQLErrors[0]?.message ?? result.error.message;
  return result.data?.viewer ?? 'no viewer';
}
