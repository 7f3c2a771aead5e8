/**
 * What a follower of the log sleeps on between batches: woken by a notification, by `stop`, or by a
 * poll timer when notifications are lost (a dropped LISTEN connection). A notification that arrives
 * while the follower is busy is not lost: the next `sleep` returns at once.
 */
export interface Waker {
  /** Resolves at the next notification (or at once if one came since `arm`), or after the poll interval. */
  sleep(): Promise<void>;
  /** Forget notifications that came before the read about to start. */
  arm(): void;
  notify(): void;
  /** Wakes a sleeper for good: every later `sleep` returns at once. */
  stop(): void;
}

export function createWaker(pollIntervalMs: number): Waker {
  let woken = false;
  let stopped = false;
  let wake: () => void = () => {};
  return {
    sleep: () =>
      new Promise<void>((resolve) => {
        if (woken || stopped) return resolve();
        const timer = setTimeout(finish, pollIntervalMs);
        function finish() {
          clearTimeout(timer);
          wake = () => {};
          resolve();
        }
        wake = finish;
      }),
    arm: () => {
      woken = false;
    },
    notify: () => {
      woken = true;
      wake();
    },
    stop: () => {
      stopped = true;
      wake();
    },
  };
}
