import { createLogger } from '@chitieu/logging';
import { describe, expect, it } from 'vitest';
import { runGatewayBench } from './run-gateway.js';

const positive = (value: number) => Number.isFinite(value) && value > 0;

// `pnpm bench -- --gateway` is not part of the suite; this keeps it runnable, end to end, at a
// tiny scale, so that the figures in docs/benchmarks.md can always be measured again. No timing is
// asserted: only that every figure was measured and the HTTP answers are the direct ones.
describe('the gateway benchmark', () => {
  it('runs on PGlite: every figure a positive number, HTTP and direct answers the same', async () => {
    const report = await runGatewayBench({
      engine: 'pglite',
      serverUrl: '',
      scale: 0.01,
      concurrencies: [1, 2],
      requests: 4,
      warmUp: 1,
      replayRequests: 2,
      // The live path projects the same events by the same code as the rebuild; once is enough here.
      catchUp: false,
      logger: createLogger('bench-test', 'silent'),
      onCleanup: () => {},
    });
    expect(report.mismatches).toEqual([]);
    const { projection } = report;
    const rates = [projection.readAll, projection.rebuild];
    expect(rates.map((rate) => positive(rate.events) && positive(rate.perSecond))).toEqual(rates.map(() => true));
    expect(positive(projection.ratio)).toBe(true);
    expect(positive(projection.rebuild.rows)).toBe(true);
    expect(positive(report.dataset.events) && positive(report.dataset.perSecond)).toBe(true);
    expect(Object.values(report.sizes).every((size) => size >= 0)).toBe(true);
    expect(report.sizes.targetsNow).toBeGreaterThan(0);
    expect(report.latency.length).toBeGreaterThanOrEqual(2 * 11);
    for (const row of report.latency) {
      const { latency } = row;
      expect({ operation: row.operation, ok: [latency.p50, latency.p99, latency.perSecond].every(positive) }).toEqual({
        operation: row.operation,
        ok: true,
      });
      expect(latency.failures).toBe(0);
    }
    expect(report.ratios.length).toBeGreaterThanOrEqual(2 * 8);
    expect(report.ratios.every((ratio) => positive(ratio.p50) && positive(ratio.p99))).toBe(true);
  }, 240_000);
});
