import type { IndicatorInfo } from '@chitieu/domain';
import { POPULATION_GIANTS, type Profile, profileOf } from './profiles.js';
import { createRandom, deriveSeed, type Random } from './random.js';

/** The year of the pre-merger plans' baselines, where the figures start. */
export const FIRST_YEAR = 2015;
/** The year of the merger, which the 2026–2030 plans take their baselines from. */
export const MERGER_YEAR = 2025;
/** The last year figures are generated for: the end of the 2026–2030 plans. */
export const LAST_YEAR = 2030;

/**
 * The "true" figures of one indicator in one province, before rounding: what the province reports
 * (rounded) and what its plans aimed at. `planned` is the yearly change a plan based in that year
 * aimed at; the figures move by `planned` times the province's performance.
 */
export interface Track {
  indicator: IndicatorInfo;
  profile: Profile;
  values: Map<number, number>;
  planned: Map<number, number>;
}

/** A province's tracks by indicator code. */
export type Tracks = Map<string, Track>;

// How provinces fare against their plans: ahead, on course, behind, stalled, going the wrong way.
// The mix makes every progress status (met, on track, at risk, off track) appear in the read models.
const PERFORMANCE: ReadonlyArray<readonly [number, number]> = [
  [1.5, 2],
  [1, 3.5],
  [0.6, 2.5],
  [0.15, 1],
  [-0.6, 1],
];

function sign(indicator: IndicatorInfo): number {
  return indicator.direction === 'lower' ? -1 : 1;
}

function clamp(value: number, profile: Profile, indicator: IndicatorInfo): number {
  const ceiling = Math.min(profile.max ?? Number.POSITIVE_INFINITY, indicator.unit === 'percent' ? 100 : Infinity);
  return Math.min(Math.max(value, 0), ceiling);
}

/** One plan period's figures: from `start` in `from`, moving by `planned × performance` a year, with noise. */
function segment(random: Random, track: Track, from: number, to: number, start: number): void {
  const { indicator, profile } = track;
  const planned = sign(indicator) * random.between(profile.step[0], profile.step[1]);
  const performance = indicator.direction === 'neutral' ? 1 : random.weighted(PERFORMANCE);
  track.planned.set(from, planned);
  track.values.set(from, start);
  for (let year = from + 1; year <= to; year++) {
    const n = year - from;
    // Noise keeps the series from being straight lines without hiding the trend.
    const jitter = random.between(-1, 1);
    const value = profile.growth
      ? start * (1 + planned * performance) ** n * (1 + Math.abs(planned) * 0.3 * jitter)
      : start + planned * performance * n + Math.abs(planned) * 0.4 * jitter;
    track.values.set(year, clamp(value, profile, indicator));
  }
}

function newTrack(indicator: IndicatorInfo): Track {
  return { indicator, profile: profileOf(indicator), values: new Map(), planned: new Map() };
}

/** Figures 2015–2025 of a province that existed before the merger. */
export function premergerTracks(seed: number, province: string, indicators: IndicatorInfo[]): Tracks {
  const tracks: Tracks = new Map();
  for (const indicator of indicators) {
    const random = createRandom(deriveSeed(seed, province, indicator.code, 'premerger'));
    const track = newTrack(indicator);
    const giant = indicator.code === 'population' ? POPULATION_GIANTS[province] : undefined;
    const [low, high] = giant ?? track.profile.start;
    // Populations spread over an order of magnitude: drawn on a log scale, most provinces near a million.
    const start =
      indicator.code === 'population' && !giant
        ? Math.exp(random.between(Math.log(low), Math.log(high)))
        : random.between(low, high);
    segment(random, track, FIRST_YEAR, MERGER_YEAR, start);
    tracks.set(indicator.code, track);
  }
  return tracks;
}

/**
 * The 2025 figure of a province formed from `parts` (a successor from its predecessors; an unchanged
 * province from itself): a sum for counts that add up, else a mean weighted by population.
 */
function combined(indicator: IndicatorInfo, parts: Tracks[]): number {
  const at = (tracks: Tracks, code: string) => tracks.get(code)?.values.get(MERGER_YEAR) ?? 0;
  if (indicator.combine.rule === 'sum') return parts.reduce((sum, part) => sum + at(part, indicator.code), 0);
  const weight = indicator.combine.rule === 'population_weighted_mean' ? indicator.combine.weight : 'population';
  const total = parts.reduce((sum, part) => sum + at(part, weight), 0);
  if (total === 0) return at(parts[0] ?? new Map(), indicator.code);
  return parts.reduce((sum, part) => sum + at(part, indicator.code) * at(part, weight), 0) / total;
}

/** Figures 2025–2030 of a current province, starting from its predecessors' (or its own) 2025 figures. */
export function currentTracks(seed: number, province: string, indicators: IndicatorInfo[], parts: Tracks[]): Tracks {
  const tracks: Tracks = new Map();
  for (const indicator of indicators) {
    const random = createRandom(deriveSeed(seed, province, indicator.code, 'current'));
    const track = newTrack(indicator);
    segment(random, track, MERGER_YEAR, LAST_YEAR, combined(indicator, parts));
    tracks.set(indicator.code, track);
  }
  return tracks;
}

/** The figure of a quarter: the year's change spread evenly over its quarters. */
export function quarterValue(track: Track, year: number, quarter: number): number | undefined {
  const value = track.values.get(year);
  if (value === undefined) return undefined;
  const before = track.values.get(year - 1) ?? value;
  return before + ((value - before) * quarter) / 4;
}
