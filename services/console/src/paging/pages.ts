/** One page of a Relay connection, as the list that asked for it keeps it. */
export interface Page<T> {
  nodes: readonly T[];
  hasNextPage: boolean;
  endCursor: string | null;
}

/** A Relay connection's page: its nodes and where it ends. */
export function pageOf<T>(connection: {
  edges: readonly { node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}): Page<T> {
  return { nodes: connection.edges.map((edge) => edge.node), ...connection.pageInfo };
}

export interface Joined<T> {
  nodes: T[];
  /** More exist past what is shown (or a page is still on its way): the list must not look complete. */
  partial: boolean;
  /** Where the next page starts, when the last page asked for has arrived and says there is more. */
  next: string | null;
}

/** The pages asked for so far, in order, joined; a page not yet arrived ends what can be shown. */
export function joinPages<T>(pages: readonly (Page<T> | undefined)[]): Joined<T> {
  const nodes: T[] = [];
  for (const page of pages) {
    if (!page) return { nodes, partial: true, next: null };
    nodes.push(...page.nodes);
  }
  const last = pages.at(-1);
  if (!last?.hasNextPage) return { nodes, partial: false, next: null };
  return { nodes, partial: true, next: last.endCursor };
}
