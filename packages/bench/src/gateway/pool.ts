import { performance } from 'node:perf_hooks';

/** How one measurement is run: the same for HTTP (in the load process) and for direct SQL (in process). */
export interface LoadShape {
  concurrency: number;
  /** Measured calls, after the warm-up. */
  requests: number;
  /** Calls made first and not measured: connections opened, plans cached, JIT warm. */
  warmUp: number;
}

/** What a measurement produced: every latency, so that percentiles are computed in one place. */
export interface Sample {
  /** Milliseconds per measured call, in completion order. */
  latencies: number[];
  /** Wall time of the measured calls, first start to last end. */
  seconds: number;
  failures: number;
  firstFailure: string | undefined;
}

export interface Latency {
  concurrency: number;
  requests: number;
  p50: number;
  p99: number;
  perSecond: number;
  failures: number;
}

/**
 * Calls `call` `warmUp + requests` times, `concurrency` calls in flight at any moment, and times the
 * last `requests` of them. A call that throws counts as a failure (its time is not kept) and the
 * run goes on, so that one bad answer shows up in the figures instead of hiding them.
 */
export async function runPool(shape: LoadShape, call: () => Promise<unknown>): Promise<Sample> {
  const run = async (count: number, latencies: number[] | undefined) => {
    let next = 0;
    let failures = 0;
    let firstFailure: string | undefined;
    const worker = async () => {
      while (next < count) {
        next++;
        const started = performance.now();
        try {
          await call();
          latencies?.push(performance.now() - started);
        } catch (error) {
          failures++;
          firstFailure ??= error instanceof Error ? error.message : String(error);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(shape.concurrency, count) }, worker));
    return { failures, firstFailure };
  };
  await run(shape.warmUp, undefined);
  const latencies: number[] = [];
  const started = performance.now();
  const { failures, firstFailure } = await run(shape.requests, latencies);
  return { latencies, seconds: (performance.now() - started) / 1000, failures, firstFailure };
}

/** p50, p99 (nearest rank) and calls per second of a sample. */
export function summarise(shape: LoadShape, sample: Sample): Latency {
  const sorted = [...sample.latencies].sort((a, b) => a - b);
  const rank = (fraction: number) => sorted[Math.max(0, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;
  return {
    concurrency: shape.concurrency,
    requests: sample.latencies.length,
    p50: rank(0.5),
    p99: rank(0.99),
    perSecond: sample.latencies.length / sample.seconds,
    failures: sample.failures,
  };
}
