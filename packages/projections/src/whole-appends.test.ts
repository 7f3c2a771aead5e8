import type { RecordedEvent } from '@chitieu/event-store';
import { describe, expect, it } from 'vitest';
import { wholeAppends } from './whole-appends.js';

const event = (transactionId: bigint, position: bigint) => ({ transactionId, position }) as RecordedEvent;
const after = { transactionId: 0n, position: 0n };

describe('wholeAppends', () => {
  const batch = [event(10n, 1n), event(10n, 2n), event(11n, 3n), event(12n, 4n), event(12n, 5n)];

  it('leaves the tail of an append cut by a full batch for the next batch', () => {
    const taken = wholeAppends(batch, { transactionId: 12n, position: 5n }, true);
    expect(taken.events.map((e) => e.position)).toEqual([1n, 2n, 3n]);
    expect(taken.checkpoint).toEqual({ transactionId: 11n, position: 3n });
  });

  it('takes everything when the batch was not full: the log ends there', () => {
    const taken = wholeAppends(batch, { transactionId: 12n, position: 5n }, false);
    expect(taken.events).toHaveLength(5);
    expect(taken.checkpoint).toEqual({ transactionId: 12n, position: 5n });
  });

  it('takes an append larger than a whole batch as it comes', () => {
    const one = [event(10n, 1n), event(10n, 2n)];
    expect(wholeAppends(one, { transactionId: 10n, position: 2n }, true).events).toHaveLength(2);
    expect(wholeAppends([], after, true)).toEqual({ events: [], checkpoint: after });
  });
});
