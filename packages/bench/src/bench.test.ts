import { describe, expect, it } from 'vitest';
import { runEngine } from './run-engine.js';

// `pnpm bench` is not part of the suite; these keep it runnable, so that the figures in
// docs/benchmarks.md can always be measured again.
describe('the benchmark', () => {
  it('loads the peer library with its own dependencies', async () => {
    // A dependency upgrade elsewhere in the workspace once left the peer unable to import uuid's v7.
    const peer = await import('./peer.js');
    expect(typeof peer.openPeer).toBe('function');
  });

  it('runs on PGlite and finds no event skipped or duplicated', async () => {
    const report = await runEngine({
      engine: 'pglite',
      serverUrl: '',
      events: 200,
      writers: 4,
      onCleanup: () => {},
    });
    expect(report.throughput.map((row) => row.ours > 0 && row.raw > 0)).toEqual([true, true, true, true, true]);
    expect(report.correctness.readers).toEqual([
      expect.objectContaining({ reader: 'ours: subscribe()', skipped: 0, duplicated: 0, foreign: 0 }),
    ]);
  });
});
