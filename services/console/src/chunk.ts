import { useEffect, useReducer } from 'react';

/** A module in a chunk of its own: loaded once, on demand, and known once it has arrived. */
export interface Chunk<T> {
  load(): Promise<T>;
  loaded(): T | undefined;
}

export function chunk<T>(importer: () => Promise<T>): Chunk<T> {
  let loaded: T | undefined;
  let loading: Promise<T> | undefined;
  const load = () => {
    loading ??= importer().then(
      (value) => {
        loaded = value;
        return value;
      },
      (error: unknown) => {
        loading = undefined; // the next render asks again
        throw error;
      },
    );
    return loading;
  };
  return { load, loaded: () => loaded };
}

/**
 * What the chunk exports once it has arrived, undefined until then; asking starts the load. Not
 * React's lazy and Suspense: a Suspense fallback, once shown, stays at least 300 ms (React throttles
 * the reveal), and lazy suspends on its first render even when its chunk is already here.
 */
export function useChunk<T>(wanted: Chunk<T>, when = true): T | undefined {
  const [, arrived] = useReducer((count: number) => count + 1, 0);
  useEffect(() => {
    if (!when || wanted.loaded() !== undefined) return;
    wanted.load().then(
      () => arrived(),
      () => {},
    );
  }, [wanted, when]);
  return when ? wanted.loaded() : undefined;
}
