import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { useSubscription } from 'urql';
import { graphql } from '../graphql.js';

const EventsSubscription = graphql(`
  subscription LiveEvents {
    events { eventId type tenant actor recordedAt }
  }
`);

export interface LiveEvent {
  eventId: string;
  type: string;
  tenant: string;
  actor: string;
  recordedAt: string;
}

interface Live {
  events: LiveEvent[];
  /** Grows with every new event and every write of this page: queries read again when it changes. */
  version: number;
  /** After a write of this page: read again at once, without waiting for the event to arrive. */
  refresh(): void;
}

const LiveContext = createContext<Live>({ events: [], version: 0, refresh: () => {} });

/** Follows the gateway's `events` subscription (Server-Sent Events) while the user is signed in. */
export function LiveProvider({ children }: { children: ReactNode }) {
  const [writes, setWrites] = useState(0);
  const [{ data }] = useSubscription(
    { query: EventsSubscription },
    (previous: { count: number; events: LiveEvent[] } = { count: 0, events: [] }, response) => ({
      // The newest twenty for the header's list; the count makes the pages read again.
      count: previous.count + 1,
      events: [response.events, ...previous.events].slice(0, 20),
    }),
  );
  const refresh = useCallback(() => setWrites((current) => current + 1), []);
  const version = writes + (data?.count ?? 0);
  const value = useMemo(() => ({ events: data?.events ?? [], version, refresh }), [data, version, refresh]);
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}

export function useLive(): Live {
  return useContext(LiveContext);
}
