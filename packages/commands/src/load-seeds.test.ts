import { engines } from '@chitieu/testing';
import { describe, expect, it } from 'vitest';
import { loadSeeds } from './load-seeds.js';
import { useCommands } from './test-support.js';

describe.each(engines)('loading the seeds on %s', (engine) => {
  const ctx = useCommands(engine);

  it('loads the registry, the catalogue and every seed document with a province, once', async () => {
    const first = await loadSeeds(ctx.store, ctx.bus);
    expect(first.loaded).toBe(true);
    expect(first.skipped.map((skip) => skip.file)).toEqual(['000_8f1e2e42d06bed45.txt']);
    const reference = await ctx.bus.reference();
    expect(reference.province('kien-giang')).toMatchObject({ validTo: '2025-06-30', successor: 'an-giang-2025' });
    expect(reference.indicator('doctors_per_10000')?.unit).toBe('per_10000');
    const again = await loadSeeds(ctx.store, ctx.bus);
    expect(again).toMatchObject({ loaded: false, commands: 0 });
  });
});
