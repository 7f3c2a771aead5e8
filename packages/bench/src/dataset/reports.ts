import type { Command } from '@chitieu/commands';
import { type Period, type ProvinceInfo, periodBounds, periodKey } from '@chitieu/domain';
import { addDays, type Context, type Draft, dateBetween, officer, officeTime } from './context.js';
import { profileOf, round, written } from './profiles.js';
import { createRandom, deriveSeed, type Random } from './random.js';
import { MERGER_YEAR, quarterValue, type Track, type Tracks } from './series.js';

/**
 * Share of (province, indicator, year) figures reported at scale 1: provinces do not report every
 * indicator every year. Population, and every indicator of 2025 for the 34 provinces (the year the
 * ministry ranks them on), are always reported from scale 1 up. Above the scale where every year is
 * reported (≈ 2.2), provinces also report quarters, so the dataset keeps growing with the scale.
 */
const YEARLY_SHARE = 0.47;
/** Figures first filed as an estimate ("ước đạt") in December, and corrected with the final figure. */
const ESTIMATED_SHARE = 0.08;
/** Final figures corrected later after a review; a tenth of corrections are corrected again. */
const REVISED_SHARE = 0.025;
const CORRECTED_AGAIN_SHARE = 0.1;

interface Figure {
  value: number;
  numerator?: number;
  denominator?: number;
}

/** Whether the registry lets `province` hold figures of `period` (the rules of `checkProvinceOpen`). */
function open(province: ProvinceInfo, period: Period): boolean {
  const { from, to } = periodBounds(period);
  if (province.validTo !== undefined && from > province.validTo) return false;
  return province.validFrom === null || to >= province.validFrom;
}

/**
 * A figure from the true value: rounded as the documents write it; a rate per 10,000 people also
 * gives its count and the population (numerator and denominator) when the population is known.
 */
function figureOf(track: Track, value: number, population: number | undefined): Figure {
  const { decimals } = track.profile;
  if (track.indicator.unit !== 'per_10000' || population === undefined) return { value: round(value, decimals) };
  const denominator = Math.round(population);
  const numerator = Math.round((value * denominator) / 10_000);
  return { value: round((numerator / denominator) * 10_000, decimals), numerator, denominator };
}

/** The largest figure the deciders accept: a percentage is at most 100. */
function ceilingOf(track: Track): number {
  return track.indicator.unit === 'percent' ? 100 : Number.POSITIVE_INFINITY;
}

/** A different figure close to `figure`: a reviewed count or rate, still within the indicator's bounds. */
function revised(random: Random, track: Track, figure: Figure): Figure {
  // A milestone is met (1) or not (0): a correction says the opposite.
  if (track.indicator.unit === 'milestone') return { value: figure.value === 1 ? 0 : 1 };
  const { decimals } = track.profile;
  const ceiling = ceilingOf(track);
  for (let attempt = 1; ; attempt++) {
    const sign = random.chance(0.5) ? 1 : -1;
    const shift = Math.max(10 ** -decimals * attempt, Math.abs(figure.value) * random.between(0.005, 0.03));
    const value = Math.min(Math.max(figure.value + sign * shift, 0), ceiling);
    const next =
      figure.denominator === undefined ? { value: round(value, decimals) } : figureOf(track, value, figure.denominator);
    if (next.value !== figure.value) return next;
  }
}

/** Yearly (and, above saturation, quarterly) reports of a province for `from`–`to`, with their corrections. */
export function reportDrafts(
  context: Context,
  province: ProvinceInfo,
  tracks: Tracks,
  from: number,
  to: number,
): Draft[] {
  const random = createRandom(deriveSeed(context.seed, province.id, 'reports', String(from)));
  const population = tracks.get('population');
  const yearly = Math.min(1, YEARLY_SHARE * context.scale);
  const quarterly = Math.min(1, Math.max(0, (YEARLY_SHARE * context.scale - 1) / 4));
  const drafts: Draft[] = [];
  for (const track of tracks.values()) {
    for (let year = from; year <= to; year++) {
      const value = track.values.get(year);
      if (value === undefined) continue;
      const always = track.indicator.code === 'population' || year === MERGER_YEAR;
      if (random.chance(always ? Math.min(1, context.scale) : yearly)) {
        const figure = figureOf(track, value, population?.values.get(year));
        const period: Period = { kind: 'year', year };
        drafts.push(...reported(random, context, { province, track, period, figure }));
      }
      for (let quarter = 1; quarter <= 4; quarter++) {
        const period: Period = { kind: 'quarter', year, quarter };
        const figure = quarterValue(track, year, quarter);
        if (figure === undefined || !random.chance(quarterly)) continue;
        drafts.push(
          ...reported(random, context, { province, track, period, figure: figureOf(track, figure, undefined) }),
        );
      }
    }
  }
  return drafts;
}

/**
 * Whether the milestones a plan set were met, reported for their year (1 met, 0 not, as progress
 * reads milestones), so that milestone targets get a status too.
 */
export function milestoneReportDrafts(
  context: Context,
  province: ProvinceInfo,
  targets: ReadonlyArray<{ indicator: string; year: number }>,
): Draft[] {
  const random = createRandom(deriveSeed(context.seed, province.id, 'milestones', String(targets[0]?.year)));
  const drafts: Draft[] = [];
  for (const target of targets) {
    const indicator = context.reference.indicator(target.indicator);
    if (!indicator || !random.chance(Math.min(1, context.scale))) continue;
    const track: Track = { indicator, profile: profileOf(indicator), values: new Map(), planned: new Map() };
    const figure = { value: random.chance(0.6) ? 1 : 0 };
    drafts.push(...reported(random, context, { province, track, period: { kind: 'year', year: target.year }, figure }));
  }
  return drafts;
}

interface Slot {
  province: ProvinceInfo;
  track: Track;
  period: Period;
  /** The final figure. */
  figure: Figure;
}

/** The filing of one figure and its corrections; nothing for a period the province cannot hold or a seed already filed. */
function reported(random: Random, context: Context, slot: Slot): Draft[] {
  const { province, track, period, figure } = slot;
  const key = periodKey(period);
  if (!open(province, period) || context.seededReports.has(`${province.id}/${track.indicator.code}/${key}`)) return [];
  const end = periodBounds(period).to;
  const source = `Báo cáo kết quả thực hiện các chỉ tiêu y tế ${period.kind === 'year' ? 'năm' : 'quý'} ${key} của Sở Y tế ${context.nameIn(province.id, period.year)} (dữ liệu sinh, seed ${context.seed})`;
  const data = (next: Figure, status: 'estimate' | 'preliminary' | 'final') => ({
    province: province.id,
    indicator: track.indicator.code,
    period,
    ...next,
    unit: track.indicator.unit,
    written:
      track.indicator.unit === 'milestone'
        ? next.value === 1
          ? 'Hoàn thành'
          : 'Chưa hoàn thành'
        : written(next.value, track.indicator.unit, track.profile.decimals),
    status,
    source,
  });
  // The successor files what a merged province can no longer file: corrections after the merger.
  const actorOn = (date: string) =>
    officer(
      province.validTo !== undefined && date > province.validTo && province.successor
        ? province.successor
        : province.id,
    );
  const drafts: Draft[] = [];
  const file = (command: Command, date: string, corrects?: Draft) => {
    const draft: Draft = { command, actor: actorOn(date), at: officeTime(random, date), ...(corrects && { corrects }) };
    drafts.push(draft);
    return draft;
  };
  const correct = (previous: Draft, next: Figure, status: 'final', date: string, reason: string) =>
    file({ type: 'CorrectReport', data: { ...data(next, status), corrects: PLACEHOLDER, reason } }, date, previous);

  let last: Draft;
  let lastFigure = figure;
  let lastDate: string;
  if (period.kind === 'year' && random.chance(ESTIMATED_SHARE)) {
    // "Ước đạt": an estimate in December, replaced by the final figure once the year is closed.
    const guess = figure.value * (1 + random.between(-0.02, 0.02));
    const estimate = { value: round(Math.min(guess, ceilingOf(track)), track.profile.decimals) };
    const filed = dateBetween(random, addDays(end, -30), addDays(end, -3));
    const first = file({ type: 'ReportIndicator', data: data(estimate, 'estimate') }, filed);
    lastDate = dateBetween(random, addDays(end, 40), addDays(end, 150));
    last = correct(first, figure, 'final', lastDate, 'Số liệu chính thức thay cho số ước đạt');
  } else {
    const status = random.chance(0.1) ? 'preliminary' : 'final';
    lastDate = dateBetween(random, addDays(end, 10), addDays(end, 120));
    last = file({ type: 'ReportIndicator', data: data(figure, status) }, lastDate);
    if (!random.chance(REVISED_SHARE)) return drafts;
    lastFigure = revised(random, track, figure);
    lastDate = dateBetween(random, addDays(lastDate, 30), addDays(lastDate, 300));
    last = correct(last, lastFigure, 'final', lastDate, 'Rà soát, cập nhật số liệu theo niên giám thống kê');
  }
  if (random.chance(CORRECTED_AGAIN_SHARE)) {
    const date = dateBetween(random, addDays(lastDate, 30), addDays(lastDate, 200));
    correct(last, revised(random, track, lastFigure), 'final', date, 'Điều chỉnh sai sót khi tổng hợp số liệu');
  }
  return drafts;
}

/**
 * What `corrects` holds until the loader knows the id of the event corrected: the id is chosen when
 * the earlier command is handled (`GeneratedCommand.correctsResultOf` says which).
 */
export const PLACEHOLDER = '00000000-0000-0000-0000-000000000000';
