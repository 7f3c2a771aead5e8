import { performance } from 'node:perf_hooks';
import type { DatabaseHandle } from '@chitieu/database';
import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';

/** Statements a piece of work sent and how long they took from sending to the result, in total. */
export interface StatementCount {
  statements: number;
  /** Summed round trips (waiting for a connection included), milliseconds. */
  databaseMs: number;
}

/**
 * A handle whose queries are counted and timed, to tell database time from the Node side's work
 * without a profiler: the projection under test takes a handle, so it gets this one.
 */
export function countStatements(handle: DatabaseHandle): { handle: DatabaseHandle; count: StatementCount } {
  const count: StatementCount = { statements: 0, databaseMs: 0 };
  const started = new WeakMap<object, number>();
  const plugin: KyselyPlugin = {
    // Kysely also transforms the subqueries a statement is built from; only a result is one statement.
    transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
      if (!started.has(args.queryId)) started.set(args.queryId, performance.now());
      return args.node;
    },
    async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
      count.statements++;
      const at = started.get(args.queryId);
      if (at !== undefined) count.databaseMs += performance.now() - at;
      return args.result;
    },
  };
  return { handle: { ...handle, db: handle.db.withPlugin(plugin) }, count };
}
