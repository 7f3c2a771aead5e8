import { INDICATORS, type Reference } from '@chitieu/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { countByType, type GeneratedCommand, generateDataset } from './generate.js';
import { decideDataset, nationalReference } from './in-memory.js';
import { routeOf } from './route.js';

let reference: Reference;
let full: GeneratedCommand[];

beforeAll(async () => {
  reference = await nationalReference();
  full = generateDataset(reference);
});

/** The province and indicator of a report command, or nothing for other commands. */
function reportOf({ command }: GeneratedCommand) {
  return command.type === 'ReportIndicator' || command.type === 'CorrectReport' ? command.data : undefined;
}

describe('generateDataset', () => {
  it('gives the same commands for the same seed and scale, and others for another seed', () => {
    const once = JSON.stringify(generateDataset(reference, { scale: 0.05 }));
    expect(JSON.stringify(generateDataset(reference, { scale: 0.05 }))).toBe(once);
    expect(JSON.stringify(generateDataset(reference, { scale: 0.05, seed: 1 }))).not.toBe(once);
  });

  it('holds about 100 times the seed documents at scale 1, one event per command', () => {
    const counts = countByType(full);
    expect(full.length).toBeGreaterThanOrEqual(15_000);
    expect(full.length).toBeLessThanOrEqual(25_000);
    expect(Object.keys(counts).sort()).toEqual(
      ['AddPlanTask', 'AdoptPlan', 'CorrectReport', 'ReportIndicator', 'ReportPlanTask', 'ReviseTarget'].sort(),
    );
    expect(counts.AdoptPlan).toBe(63 + 34);
    // About 10 % of reports corrected and 5 % of absolute targets revised.
    const corrected = (counts.CorrectReport ?? 0) / (counts.ReportIndicator ?? 1);
    expect(corrected).toBeGreaterThan(0.08);
    expect(corrected).toBeLessThan(0.14);
  });

  it('passes the handler’s authorisation and every decider at scale 1, with no refusal', () => {
    expect(decideDataset(reference, full)).toBe(full.length);
  });

  it('covers every province, and every indicator of the catalogue in plans and reports', () => {
    const premerger = full.filter(({ command }) => command.type === 'AdoptPlan' && command.data.period.to === 2025);
    const current = full.filter(({ command }) => command.type === 'AdoptPlan' && command.data.period.from === 2026);
    expect(premerger).toHaveLength(63);
    expect(current).toHaveLength(34);
    expect(current.filter(({ command }) => routeOf(command).tenant.endsWith('-2025'))).toHaveLength(23);

    const reported = new Set(full.flatMap((item) => reportOf(item)?.province ?? []));
    const planned = new Set(full.flatMap(({ command }) => (command.type === 'AdoptPlan' ? [command.tenant] : [])));
    expect(reported).toEqual(planned);
    expect(planned.size).toBe(63 + 23);

    const numeric = INDICATORS.filter((indicator) => indicator.unit !== 'milestone').map((indicator) => indicator.code);
    for (const { command } of [...premerger, ...current]) {
      if (command.type !== 'AdoptPlan') continue;
      expect(command.data.baselines.map((baseline) => baseline.indicator)).toEqual(numeric);
    }
    const inReports = new Set(full.flatMap((item) => reportOf(item)?.indicator ?? []));
    const inTargets = new Set(
      full.flatMap(({ command }) => (command.type === 'AdoptPlan' ? command.data.targets.map((t) => t.indicator) : [])),
    );
    // Population is the weight of combinations: baselines and reports, never a target.
    const missing = INDICATORS.filter(
      ({ code, direction }) => !inReports.has(code) || (direction !== 'neutral' && !inTargets.has(code)),
    );
    expect(missing.map(({ code }) => code)).toEqual([]);
  });

  it('reports doctors per 10,000 for 2025 in every current province the seeds do not already cover', () => {
    const provinces = full.flatMap((item) => {
      const data = reportOf(item);
      return item.command.type === 'ReportIndicator' &&
        data?.indicator === 'doctors_per_10000' &&
        data.period.year === 2025
        ? [data.province]
        : [];
    });
    // Seed 002 filed Thái Nguyên's (thai-nguyen-2025) 2025 figure.
    expect(new Set([...provinces, 'thai-nguyen-2025']).size).toBe(34);
  });

  it('points every correction at an earlier command of the same stream', () => {
    for (const [index, item] of full.entries()) {
      if (item.command.type !== 'CorrectReport') {
        expect(item.correctsResultOf).toBeUndefined();
        continue;
      }
      const target = full[item.correctsResultOf ?? index];
      expect(item.correctsResultOf).toBeLessThan(index);
      expect(target && routeOf(target.command).stream).toBe(routeOf(item.command).stream);
    }
  });

  it('lets the successor correct a merged province’s figures after the merger', () => {
    const onBehalf = full.filter(
      (item) => item.command.type === 'CorrectReport' && item.actor.province !== reportOf(item)?.province,
    );
    expect(onBehalf.length).toBeGreaterThan(0);
    for (const item of onBehalf) {
      const province = reference.province(reportOf(item)?.province ?? '');
      expect(province?.successor).toBe(item.actor.province);
      expect(item.at.toISOString().slice(0, 10) > (province?.validTo ?? '')).toBe(true);
    }
  });

  it('refuses a scale that is not a positive number', () => {
    expect(() => generateDataset(reference, { scale: 0 })).toThrow(RangeError);
    expect(() => generateDataset(reference, { scale: Number.NaN })).toThrow(RangeError);
  });
});
