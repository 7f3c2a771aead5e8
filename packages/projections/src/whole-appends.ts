import type { Database } from '@chitieu/database';
import {
  type Checkpoint,
  checkpointOf,
  type EventRegistry,
  type RecordedEvent,
  readAll,
  START,
} from '@chitieu/event-store';
import type { Kysely } from 'kysely';

/**
 * The events of a batch up to the end of the last append it holds whole, and the checkpoint after
 * them. A full batch may end in the middle of an append; its tail is left for the next batch, so
 * progress is derived once per append whatever the batch size, and a rebuild derives exactly what
 * the live projector did. An append larger than a whole batch is taken as it comes.
 */
export function wholeAppends(
  events: readonly RecordedEvent[],
  checkpoint: Checkpoint,
  full: boolean,
): { events: readonly RecordedEvent[]; checkpoint: Checkpoint } {
  const last = events.at(-1);
  if (!full || !last) return { events, checkpoint };
  const cut = events.findIndex((event) => event.transactionId === last.transactionId);
  if (cut <= 0) return { events, checkpoint };
  const kept = events.slice(0, cut);
  return { events: kept, checkpoint: checkpointOf(kept[cut - 1] as RecordedEvent) };
}

/**
 * The log from the start in batches of whole appends, the next page read while the caller works on
 * this one: a rebuild folds one page while the database reads the next.
 */
export async function* readWholeAppends(
  db: Kysely<Database>,
  registry: EventRegistry,
  limit: number,
): AsyncGenerator<{ events: readonly RecordedEvent[]; checkpoint: Checkpoint }> {
  let carried: readonly RecordedEvent[] = [];
  let next = readAll(db, registry, { after: START, limit });
  for (;;) {
    const read = await next;
    const more = read.events.length >= limit;
    if (more) {
      next = readAll(db, registry, { after: read.checkpoint, limit });
      // Awaited on the next turn; a caller that stops first must not leave it unhandled.
      next.catch(() => {});
    }
    const events = [...carried, ...read.events];
    const batch = wholeAppends(events, read.checkpoint, more);
    carried = events.slice(batch.events.length);
    if (batch.events.length > 0) yield batch;
    if (!more) return;
  }
}
