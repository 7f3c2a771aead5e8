import type { Logger } from '@chitieu/logging';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import type { GatewayContext } from '../context.js';
import { createRequestReads, type RequestReads } from '../read/request-reads.js';
import { getOperationAST } from './graphql-js.js';

/**
 * One read transaction per query: the plugin gives the context of every query operation its
 * `reads` and ends them once the operation has been executed, failed or not, so that a request
 * never leaves a connection behind. A query's reads thus cost one BEGIN, one setup and one COMMIT
 * however many loaders and instants it uses, and its answers come from one snapshot.
 *
 * Mutations are left out: a mutation waits until its events are projected, and whatever it reads
 * must see them, not a snapshot taken before it wrote. Subscriptions too: a stream lives for hours
 * and must hold no transaction. Their reads each run in a transaction of their own.
 */
export function oneReadTransaction(logger: Logger): Plugin<GatewayContext> {
  return {
    onExecute: ({ args, executeFn, setExecuteFn }) => {
      if (getOperationAST(args.document, args.operationName)?.operation !== 'query') return;
      setExecuteFn(async (executionArgs) => {
        const context = executionArgs.contextValue as GatewayContext;
        const reads = createRequestReads(context.services.db, context.actor, (error) =>
          logger.error({ err: error, requestId: context.requestId }, 'ending the read transaction failed'),
        );
        context.reads = reads;
        let result: Awaited<ReturnType<typeof executeFn>>;
        try {
          result = await executeFn(executionArgs);
        } catch (error) {
          await reads.finish(true);
          throw error;
        }
        if (isAsyncIterable(result)) return finishAfter(result, reads);
        await reads.finish(false);
        return result;
      });
    },
  };
}

/**
 * An incremental result (@defer, @stream; the schema has neither today) is done when its last part
 * has been read, or when the server drops it.
 */
function finishAfter<T>(parts: AsyncIterable<T>, reads: RequestReads): AsyncIterableIterator<T> {
  const iterator = parts[Symbol.asyncIterator]();
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    next: async () => {
      try {
        const step = await iterator.next();
        if (step.done) await reads.finish(false);
        return step;
      } catch (error) {
        await reads.finish(true);
        throw error;
      }
    },
    return: async (value?: unknown) => {
      await reads.finish(false);
      return (await iterator.return?.(value)) ?? { done: true, value: undefined };
    },
  };
}
