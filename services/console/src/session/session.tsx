import type { Client } from '@urql/core';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { Provider } from 'urql';
import { createClient } from '../client.js';
import { STORAGE_KEY, type StoredSession } from './stored-session.js';
import { type Viewer, whoIs } from './who-is.js';

export type { Viewer } from './who-is.js';

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

/** `stored`: the token kept in this tab, whose check main.tsx started before the first render. */
export function SessionProvider({ stored, children }: { stored: StoredSession | undefined; children: ReactNode }) {
  const [state, setState] = useState<{ client: Client; viewer: Viewer; token: string } | undefined>();
  const [restoring, setRestoring] = useState(stored !== undefined);

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
    if (!stored) return;
    void stored.viewer.then((viewer) => {
      if (typeof viewer === 'string') sessionStorage.removeItem(STORAGE_KEY);
      else setState({ client: stored.client, viewer, token: stored.token });
      setRestoring(false);
    });
  }, [stored]);

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
