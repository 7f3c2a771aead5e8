import { type Checkpoint, checkpointOf, type RecordedEvent } from '@chitieu/event-store';

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
