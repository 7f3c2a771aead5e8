import type { Client } from '@urql/core';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { Provider } from 'urql';
import { createClient } from '../client.js';
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

interface Session {
  viewer: Viewer | undefined;
  /** For the few requests that are not GraphQL (the import's dry run). */
  token: string | undefined;
  /** True until a stored token has been checked with the gateway. */
  restoring: boolean;
  /** Checks the token with the gateway; the refusal's message when it is not accepted. */
  signIn(token: string): Promise<string | undefined>;
  signOut(): void;
}

const SessionContext = createContext<Session | undefined>(undefined);
const STORAGE_KEY = 'chitieu.token';

/** Asks the gateway who a token names: the token is checked there, never trusted from its payload. */
async function whoIs(client: Client): Promise<Viewer | string> {
  const result = await client.query(ViewerQuery, {}, { requestPolicy: 'network-only' }).toPromise();
  if (result.error) return result.error.graphQLErrors[0]?.message ?? result.error.message;
  return result.data?.viewer ?? 'no viewer';
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<{ client: Client; viewer: Viewer; token: string } | undefined>();
  const [restoring, setRestoring] = useState(() => sessionStorage.getItem(STORAGE_KEY) !== null);

  const signIn = useCallback(async (token: string) => {
    const client = createClient(token.trim());
    const viewer = await whoIs(client);
    if (typeof viewer === 'string') return viewer;
    sessionStorage.setItem(STORAGE_KEY, token.trim());
    setState({ client, viewer, token: token.trim() });
    return undefined;
  }, []);
  const signOut = useCallback(() => {
    sessionStorage.removeItem(STORAGE_KEY);
    setState(undefined);
  }, []);

  useEffect(() => {
    const stored = sessionStorage.getItem(STORAGE_KEY);
    if (stored === null) return;
    void signIn(stored).then((refused) => {
      if (refused) sessionStorage.removeItem(STORAGE_KEY);
      setRestoring(false);
    });
  }, [signIn]);

  const value = useMemo(
    () => ({ viewer: state?.viewer, token: state?.token, restoring, signIn, signOut }),
    [state, restoring, signIn, signOut],
  );
  return (
    <SessionContext.Provider value={value}>
      {state ? <Provider value={state.client}>{children}</Provider> : children}
    </SessionContext.Provider>
  );
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
