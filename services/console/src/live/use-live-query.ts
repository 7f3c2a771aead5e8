import type { AnyVariables, DocumentInput } from '@urql/core';
import { useEffect, useRef } from 'react';
import { type UseQueryResponse, useQuery } from 'urql';
import { useLive } from './live-events.js';

/**
 * `useQuery` that reads again, past the cache, whenever an event arrives or this page wrote: what
 * the page shows follows the log. A query as of a past instant never changes, so it is left alone.
 */
export function useLiveQuery<Data, Variables extends AnyVariables>(
  query: DocumentInput<Data, Variables>,
  variables: Variables,
  options: { pause?: boolean; asOf?: string | undefined } = {},
): UseQueryResponse<Data, Variables> {
  const response = useQuery<Data, Variables>({ query, variables, pause: options.pause ?? false });
  const { version } = useLive();
  const seen = useRef(version);
  const reexecute = response[1];
  useEffect(() => {
    if (version === seen.current) return;
    seen.current = version;
    if (!options.asOf) reexecute({ requestPolicy: 'network-only' });
  }, [version, options.asOf, reexecute]);
  return response;
}
