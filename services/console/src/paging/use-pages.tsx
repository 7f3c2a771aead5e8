import type { AnyVariables, DocumentInput } from '@urql/core';
import { useCallback, useEffect, useState } from 'react';
import { QueryProblem } from '../layout/QueryProblem.js';
import { useLiveQuery } from '../live/use-live-query.js';
import { joinPages, type Page } from './pages.js';

/**
 * A list asked a page at a time (the gateway's cost limit multiplies by `first`, so one big page
 * is no option). Pages come one "more" at a time rather than all at once: each page is a live
 * query read again on every event, and a province's whole history would be many of them. `reset`
 * (the list's variables) starts again from the first page.
 */
export function usePages<T>(reset: string) {
  const [state, setState] = useState<{ reset: string; after: (string | null)[]; pages: (Page<T> | undefined)[] }>({
    reset,
    after: [null],
    pages: [],
  });
  const current = state.reset === reset ? state : { reset, after: [null], pages: [] };
  if (current !== state) setState(current);
  const joined = joinPages(current.after.map((_, index) => current.pages[index]));
  const { next } = joined;
  const more = useCallback(() => {
    if (next === null) return;
    setState((old) => ({ ...old, after: [...old.after, next] }));
  }, [next]);
  const receive = useCallback(
    (index: number, page: Page<T>) =>
      setState((old) => {
        if (old.reset !== reset) return old;
        const pages = [...old.pages];
        pages[index] = page;
        return { ...old, pages };
      }),
    [reset],
  );
  return { ...joined, after: current.after, more, receive, loaded: current.pages[0] !== undefined };
}

/** What `usePages` gives a list: its pages so far, and how to ask for or take in the next. */
export type Pages<T> = ReturnType<typeof usePages<T>>;

/**
 * One reader per page asked for, from page `from` on (a page may read the first itself, to head the
 * page with its name or refusal), each handing its page to `pages`.
 */
export function PageReaders<Data, Variables extends AnyVariables, T>({
  pages,
  query,
  variables,
  asOf,
  select,
  from = 0,
}: {
  pages: Pages<T>;
  query: DocumentInput<Data, Variables & { after: string | null }>;
  variables: Variables;
  asOf: string | undefined;
  select: (data: Data) => Page<T>;
  from?: number;
}) {
  return (
    <>
      {pages.after.slice(from).map((after, index) => (
        <PageReader
          key={after ?? ''}
          query={query}
          variables={{ ...variables, after }}
          asOf={asOf}
          select={select}
          onPage={(page) => pages.receive(index + from, page)}
        />
      ))}
    </>
  );
}

/** Reads one page and hands it up; renders nothing but its error. */
export function PageReader<Data, Variables extends AnyVariables, T>({
  query,
  variables,
  asOf,
  select,
  onPage,
}: {
  query: DocumentInput<Data, Variables>;
  variables: Variables;
  asOf: string | undefined;
  select: (data: Data) => Page<T>;
  onPage: (page: Page<T>) => void;
}) {
  const [{ data, error }] = useLiveQuery(query, variables, { asOf });
  // select and onPage are new on each render; the data is what changes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the data is the trigger
  useEffect(() => {
    if (data) onPage(select(data));
  }, [data]);
  return error ? <QueryProblem error={error} /> : null;
}
