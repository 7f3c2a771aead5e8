import { type Follower, runWriters, type Subject, type Timed, type WriteLoad } from './workload.js';

export interface ReaderResult {
  reader: string;
  written: number;
  /** Deliveries, counting an event delivered twice twice. */
  delivered: number;
  /** Written while the reader ran, never delivered. */
  skipped: number;
  /** Delivered more than once. */
  duplicated: number;
  /** Delivered but not written in this run: must be 0 for any reader. */
  foreign: number;
}

/**
 * Appends `load` to `subject` while each follower reads the log from where it ended, then compares
 * what every follower received with the ids the writers wrote.
 */
export async function underLoad(
  subject: Subject,
  follow: () => Promise<Follower[]>,
  load: WriteLoad,
): Promise<{ append: Timed; readers: ReaderResult[] }> {
  const followers = await follow();
  const written = new Set<string>();
  const append = await runWriters(load, (job) => subject.append(job), written);
  await Promise.all(followers.map((follower) => follower.settle()));
  return { append, readers: followers.map((follower) => compare(follower, written)) };
}

function compare(follower: Follower, written: Set<string>): ReaderResult {
  let delivered = 0;
  let duplicated = 0;
  let foreign = 0;
  for (const [id, times] of follower.seen) {
    delivered += times;
    if (times > 1) duplicated++;
    if (!written.has(id)) foreign++;
  }
  let skipped = 0;
  for (const id of written) if (!follower.seen.has(id)) skipped++;
  return { reader: follower.label, written: written.size, delivered, skipped, duplicated, foreign };
}
