import type { Database } from '@chitieu/database';
import { type Kysely, sql } from 'kysely';

/** The channel appends are announced on, with no payload: subscribers re-read the log when woken. */
export const EVENTS_CHANNEL = 'chitieu_events';

interface Notifier {
  inFlight: boolean;
  again: boolean;
}

const notifiers = new WeakMap<Kysely<Database>, Notifier>();

/**
 * Wakes subscribers (in every process) after an append has committed. Not part of the append's
 * transaction on purpose: a transaction that NOTIFYs holds the database-wide notification lock
 * through its commit, WAL flush included, which serialises every appending transaction and cost
 * 2.5× in throughput when measured (docs/event-store.md). Here, at most one NOTIFY per connection
 * pool is in flight; appends that commit meanwhile are folded into one more. A lost notification
 * costs latency, not events: subscribers also poll.
 */
export function notifyAppended(db: Kysely<Database>): void {
  let notifier = notifiers.get(db);
  if (!notifier) {
    notifier = { inFlight: false, again: false };
    notifiers.set(db, notifier);
  }
  if (notifier.inFlight) {
    notifier.again = true;
    return;
  }
  send(db, notifier);
}

function send(db: Kysely<Database>, notifier: Notifier): void {
  notifier.inFlight = true;
  notifier.again = false;
  sql`SELECT pg_notify(${EVENTS_CHANNEL}, '')`
    .execute(db)
    .catch(() => {
      // The pool may be closing; subscribers poll, so nothing is lost.
    })
    .finally(() => {
      notifier.inFlight = false;
      if (notifier.again) send(db, notifier);
    });
}
