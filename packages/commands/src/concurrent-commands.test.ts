// Racing writers on the server (PGlite has one connection, so nothing races there): the handler
// decides again after losing a stream to another writer, so the losers get the decider's own
// validation error — what a user can act on — rather than a bare concurrency conflict.
import type { AdoptPlanData, ReportIndicatorData } from '@chitieu/domain';
import { streams } from '@chitieu/domain';
import { ChitieuError, isChitieuError } from '@chitieu/errors';
import type { EventStore } from '@chitieu/event-store';
import { engines } from '@chitieu/testing';
import { describe, expect, it } from 'vitest';
import { type CommandBus, createCommandBus } from './command-bus.js';
import { countEvents, officer, useSeededCommands } from './seeded-test-support.js';

const WRITERS = 20;
const LAI_CHAU = officer('lai-chau');

/**
 * One bus over the store, counting the appends that lost a race: the test must see real conflicts,
 * or it would pass just as well with writers that happened to run one after another.
 */
function countingBus(store: EventStore): { bus: CommandBus; conflicts: () => number } {
  let conflicts = 0;
  const append: EventStore['append'] = async (input) => {
    try {
      return await store.append(input);
    } catch (error) {
      if (isChitieuError(error, 'CONCURRENCY_CONFLICT')) conflicts++;
      throw error;
    }
  };
  return { bus: createCommandBus({ ...store, append }), conflicts: () => conflicts };
}

/** Runs every command at once; returns the successes and the refusals. */
async function race<T>(runs: Array<() => Promise<T>>) {
  const settled = await Promise.allSettled(runs.map((run) => run()));
  const done = settled.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
  const errors = settled.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason as unknown] : []));
  return { done, errors };
}

describe.runIf(engines.includes('postgres'))('concurrent commands on postgres', () => {
  const ctx = useSeededCommands('postgres');

  it(`writes one report of ${WRITERS} racing for the same indicator and period`, async () => {
    // Illustrative figures: the officers differ only in the value they type.
    const data = (index: number): ReportIndicatorData => ({
      province: 'lai-chau',
      indicator: 'doctors_per_10000',
      period: { kind: 'year', year: 2022 },
      value: 9 + index / 100,
      unit: 'per_10000',
      status: 'final',
      source: `Báo cáo thống kê y tế năm 2022, phiếu ${index} (minh họa)`,
    });
    const { bus, conflicts } = countingBus(ctx.store);
    const before = await countEvents(ctx.store);
    const { done, errors } = await race(
      Array.from(
        { length: WRITERS },
        (_, index) => () => bus.execute({ type: 'ReportIndicator', data: data(index) }, { actor: LAI_CHAU }),
      ),
    );
    expect(done).toHaveLength(1);
    expect(errors).toHaveLength(WRITERS - 1);
    expect(conflicts()).toBeGreaterThan(0);
    for (const error of errors) {
      expect(error).toBeInstanceOf(ChitieuError);
      expect(error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'period' });
      expect((error as ChitieuError).message).toContain('already reported');
    }
    const stream = streams.report('lai-chau', 'doctors_per_10000', { kind: 'year', year: 2022 });
    const { events } = await ctx.store.readStream({ tenant: 'lai-chau', stream });
    expect(events.map((event) => event.type)).toEqual(['IndicatorReported']);
    expect(events[0]?.eventId).toBe(done[0]?.appended?.events[0]?.eventId);
    expect(await countEvents(ctx.store)).toBe(before + 1);
    expect(await ctx.store.verify('lai-chau')).toMatchObject({ ok: true });
  });

  it(`adopts one plan of ${WRITERS} racing with the same number`, async () => {
    // Illustrative plan: Lai Châu's seed plan is 24-CTr/TU; this number is invented for the race.
    const data = (index: number): AdoptPlanData => ({
      province: 'lai-chau',
      document: {
        number: '77/KH-UBND',
        kind: 'Kế hoạch',
        issuer: 'Ủy ban nhân dân tỉnh Lai Châu',
        issuedOn: '2019-05-02',
      },
      implements: ['20-NQ/TW'],
      period: { from: 2019, to: 2025 },
      baselines: [],
      targets: [
        {
          kind: 'absolute',
          target: 't1',
          indicator: 'doctors_per_10000',
          year: 2025,
          comparator: '>=',
          value: 10 + index,
          unit: 'per_10000',
        },
      ],
      budget: [],
    });
    const { bus, conflicts } = countingBus(ctx.store);
    const before = await countEvents(ctx.store);
    const { done, errors } = await race(
      Array.from(
        { length: WRITERS },
        (_, index) => () =>
          bus.execute({ type: 'AdoptPlan', tenant: 'lai-chau', data: data(index) }, { actor: LAI_CHAU }),
      ),
    );
    expect(done).toHaveLength(1);
    expect(errors).toHaveLength(WRITERS - 1);
    expect(conflicts()).toBeGreaterThan(0);
    for (const error of errors) {
      expect(error).toBeInstanceOf(ChitieuError);
      expect(error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'document.number' });
    }
    const { events } = await ctx.store.readStream({ tenant: 'lai-chau', stream: 'lai-chau/plan/77-kh-ubnd' });
    expect(events.map((event) => event.type)).toEqual(['PlanAdopted']);
    expect(events[0]?.data).toEqual(done[0]?.events[0]?.data);
    expect(await countEvents(ctx.store)).toBe(before + 1);
    expect(await ctx.store.verify('lai-chau')).toMatchObject({ ok: true });
  });
});
