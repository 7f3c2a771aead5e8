import type { Database } from '@chitieu/database';
import type { Actor } from '@chitieu/domain';
import type { ControlledTransaction, Kysely } from 'kysely';
import { enterReadScope, READ_TRANSACTION, type ReadScope } from './scope.js';

/**
 * The reads of one GraphQL query: every loader, every instant and every root field in one read
 * transaction, opened on the first read and ended by `finish` when the operation has been executed.
 */
export interface RequestReads {
  /** Runs `read` in the request's transaction, as of `asOf` (now when undefined). */
  run<T>(asOf: Date | undefined, read: (scope: ReadScope) => Promise<T>): Promise<T>;
  /**
   * Waits for the reads under way, then commits the transaction (rolls it back when `failed`, when a
   * read failed or when the commit fails), so that its connection goes back to the pool whatever happened. Reads asked
   * for afterwards are refused. Never throws; idempotent.
   */
  finish(failed: boolean): Promise<void>;
}

interface Opened {
  trx: ControlledTransaction<Database>;
  generation: number;
}

/**
 * The reads of one request for `actor`. Nothing touches the database until the first read; reads
 * asked for at once share the transaction, and Kysely runs them one after the other on its
 * connection (a connection takes one statement at a time, on either engine).
 */
export function createRequestReads(
  db: Kysely<Database>,
  actor: Actor | undefined,
  onFinishError: (error: unknown) => void = () => {},
): RequestReads {
  let opening: Promise<Opened> | undefined;
  let finished: Promise<void> | undefined;
  // A failed statement leaves the transaction aborted: nothing to commit then.
  let aReadFailed = false;
  const underWay = new Set<Promise<unknown>>();

  const open = async (): Promise<Opened> => {
    const trx = await db
      .startTransaction()
      .setIsolationLevel(READ_TRANSACTION.isolationLevel)
      .setAccessMode(READ_TRANSACTION.accessMode)
      .execute();
    try {
      return { trx, generation: await enterReadScope(trx, actor) };
    } catch (error) {
      await trx.rollback().execute();
      throw error;
    }
  };

  const end = async (failed: boolean) => {
    await Promise.allSettled([...underWay]);
    const opened = await opening?.catch(() => undefined);
    if (!opened) return;
    try {
      if (failed || aReadFailed) await opened.trx.rollback().execute();
      else await opened.trx.commit().execute();
    } catch (error) {
      // A commit that failed (an aborted transaction, a lost connection) still has to release.
      await opened.trx
        .rollback()
        .execute()
        .catch(() => {});
      onFinishError(error);
    }
  };

  return {
    run: (asOf, read) => {
      if (finished) return Promise.reject(new Error('the request has ended: no more reads in its transaction'));
      opening ??= open();
      const running = opening.then(({ trx, generation }) => read({ trx, generation, asOf }));
      underWay.add(running);
      running.then(
        () => underWay.delete(running),
        () => {
          aReadFailed = true;
          underWay.delete(running);
        },
      );
      return running;
    },
    finish: (failed) => {
      finished ??= end(failed);
      return finished;
    },
  };
}
