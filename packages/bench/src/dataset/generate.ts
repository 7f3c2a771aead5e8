import { readFileSync } from 'node:fs';
import type { Command } from '@chitieu/commands';
import {
  type Actor,
  INDICATORS,
  type IndicatorInfo,
  loadProvincesCsv,
  MERGER_2025_EFFECTIVE_ON,
  PROVINCES_2025_CSV,
  type ProvinceInfo,
  periodKey,
  type Reference,
  SEED_DOCUMENTS,
  slugify,
} from '@chitieu/domain';
import type { Context, Draft } from './context.js';
import { CURRENT_ERA, type Era, PREMERGER_ERA, planDrafts } from './plans.js';
import { milestoneReportDrafts, reportDrafts } from './reports.js';
import { currentTracks, FIRST_YEAR, LAST_YEAR, MERGER_YEAR, premergerTracks, type Tracks } from './series.js';

/** The day 20-NQ/TW was adopted, as the default seed. */
export const DEFAULT_SEED = 20171025;

export interface DatasetOptions {
  /** 1 ≈ 100 times the seed documents (about 18,000 events); 0.05 for tests. */
  scale?: number;
  /** Seed of the pseudo-random generator; the same seed and scale give the same dataset. */
  seed?: number;
}

/** One command of the dataset, with who issues it and when. */
export interface GeneratedCommand {
  command: Command;
  actor: Actor;
  /** The decision time, to pass as `now`. */
  at: Date;
  /**
   * For a `CorrectReport`: the index in the dataset of the earlier command whose event it corrects.
   * The handler chooses event ids, so `data.corrects` holds a placeholder until the loader writes
   * that command's appended event id into it.
   */
  correctsResultOf?: number;
}

/** The provinces the registry CSV (which the seed loader registers) names, with their registered names. */
function registeredProvinces(): Map<string, string> {
  const names = new Map<string, string>();
  for (const command of loadProvincesCsv(readFileSync(PROVINCES_2025_CSV, 'utf8'))) {
    if (command.type === 'RegisterProvince') names.set(command.province, command.name);
  }
  return names;
}

/**
 * A synthetic but plausible dataset over the national reference (the seeds must be loaded): for each
 * of the 63 pre-merger provinces a 20-NQ/TW plan of 2017–2018 (baselines of 2015, targets for 2020 and
 * 2025, tasks, budget) and reports 2015–2024; for each of the 34 current provinces a 2026–2030 plan
 * and reports 2025–2030, successors starting from their predecessors' combined figures. Corrections,
 * target revisions and task progress follow. Sorted by decision time. Deterministic: the same
 * reference, seed and scale give the same commands.
 *
 * The Reference answers lookups only, so the provinces are those of the registry CSV, each looked up
 * in the reference (its validity and lineage); the indicators are the catalogue's, as the reference
 * now defines them (unit, direction, combination).
 */
export function generateDataset(reference: Reference, options: DatasetOptions = {}): GeneratedCommand[] {
  const scale = options.scale ?? 1;
  const seed = options.seed ?? DEFAULT_SEED;
  if (!(scale > 0 && Number.isFinite(scale))) throw new RangeError(`scale must be a positive number, got ${scale}`);
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);

  const registered = registeredProvinces();
  const provinces = [...registered.keys()].map((id) => {
    const info = reference.province(id);
    if (!info) throw new Error(`province ${id} is not in the registry: load the seeds first`);
    return info;
  });
  const indicators = INDICATORS.map((data) => reference.indicator(data.code)).filter(
    (info): info is IndicatorInfo => info !== undefined,
  );
  const numeric = indicators.filter((info) => info.unit !== 'milestone');
  const milestones = indicators.filter((info) => info.unit === 'milestone').map((info) => info.code);

  const context: Context = {
    seed,
    scale,
    reference,
    nameIn: (id, year) =>
      `${year}-12-31` < MERGER_2025_EFFECTIVE_ON
        ? (registered.get(id) ?? id)
        : (reference.province(id)?.name ?? registered.get(id) ?? id),
    seededReports: new Set(
      SEED_DOCUMENTS.flatMap((seed) =>
        seed.reports.map((report) => `${seed.province}/${report.indicator}/${periodKey(report.period)}`),
      ),
    ),
    takenPlans: new Set(
      SEED_DOCUMENTS.flatMap((seed) => (seed.plan ? [`${seed.province}/${slugify(seed.plan.document.number)}`] : [])),
    ),
  };

  const drafts: Draft[] = [];
  const premerger = new Map<string, Tracks>();
  for (const province of provinces.filter((info) => info.validFrom === null)) {
    const tracks = premergerTracks(seed, province.id, numeric);
    premerger.set(province.id, tracks);
    drafts.push(...eraDrafts(context, province, tracks, PREMERGER_ERA, milestones, [FIRST_YEAR, MERGER_YEAR - 1]));
  }
  for (const province of provinces.filter((info) => info.validTo === undefined)) {
    const parts = (province.predecessors.length > 0 ? province.predecessors : [province.id]).map(
      (id) => premerger.get(id) ?? new Map(),
    );
    const tracks = currentTracks(seed, province.id, numeric, parts);
    drafts.push(...eraDrafts(context, province, tracks, CURRENT_ERA, milestones, [MERGER_YEAR, LAST_YEAR]));
  }
  return ordered(drafts);
}

/** A province's plan of `era` with its tasks and revisions, its reports of `years`, and its milestones' reports. */
function eraDrafts(
  context: Context,
  province: ProvinceInfo,
  tracks: Tracks,
  era: Era,
  milestones: readonly string[],
  [from, to]: readonly [number, number],
): Draft[] {
  const plan = planDrafts(context, province, tracks, era, milestones);
  const adopt = plan[0]?.command;
  const targets = adopt?.type === 'AdoptPlan' ? adopt.data.targets.filter((target) => target.kind === 'milestone') : [];
  return [
    ...plan,
    ...reportDrafts(context, province, tracks, from, to),
    ...milestoneReportDrafts(context, province, targets),
  ];
}

/** Sorted by decision time (stably), with each correction's draft turned into the index of its command. */
function ordered(drafts: Draft[]): GeneratedCommand[] {
  drafts.sort((a, b) => a.at.getTime() - b.at.getTime());
  const index = new Map(drafts.map((draft, at) => [draft, at]));
  return drafts.map((draft) => {
    const corrected = draft.corrects && index.get(draft.corrects);
    if (corrected !== undefined && corrected >= (index.get(draft) ?? 0)) {
      throw new Error('a correction was dated before the report it corrects');
    }
    return {
      command: draft.command,
      actor: draft.actor,
      at: draft.at,
      ...(corrected !== undefined && { correctsResultOf: corrected }),
    };
  });
}

/** How many commands of each type the dataset holds (each appends exactly one event). */
export function countByType(commands: readonly GeneratedCommand[]): Partial<Record<Command['type'], number>> {
  const counts: Partial<Record<Command['type'], number>> = {};
  for (const { command } of commands) counts[command.type] = (counts[command.type] ?? 0) + 1;
  return counts;
}
