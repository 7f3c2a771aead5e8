import type { Command } from '@chitieu/commands';
import { type AdoptPlan, type Comparator, type ProvinceInfo, slugify, type Target } from '@chitieu/domain';
import { addDays, type Context, type Draft, dateBetween, issuer, officer, officeTime } from './context.js';
import { MILESTONE_TEXTS, round, written } from './profiles.js';
import { createRandom, deriveSeed, type Random } from './random.js';
import type { Track, Tracks } from './series.js';
import { addTasks } from './tasks.js';

/** A generation of plans: the 2017–2018 plans implementing 20-NQ/TW, and the 2026–2030 ones. */
export interface Era {
  /** The year of the baselines, which the targets are set from. */
  base: number;
  targetYears: readonly number[];
  /** When the plans were issued. 20-NQ/TW dates from 2017-10-25: no plan implements it earlier. */
  issued: readonly [string, string];
  /** The period's first year: the year of issue unless set. */
  from?: number;
  to: number;
  /** The last day anything of the era (a task's progress, a revision) is dated. */
  closes: string;
  implements: readonly string[];
  title: (name: string) => string;
}

/** The 63 provinces' plans implementing 20-NQ/TW: baselines of 2015, targets for 2020 and 2025. */
export const PREMERGER_ERA: Era = {
  base: 2015,
  targetYears: [2020, 2025],
  issued: ['2017-11-15', '2018-12-28'],
  to: 2025,
  // A merged province ends on 2025-06-30: its plan changes no more after that.
  closes: '2024-12-31',
  implements: ['20-NQ/TW', '139/NQ-CP'],
  title: (name) =>
    `Kế hoạch thực hiện Nghị quyết số 20-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương về tăng cường công tác bảo vệ, chăm sóc và nâng cao sức khỏe nhân dân trong tình hình mới trên địa bàn ${name}`,
};

/** The 34 provinces' plans for 2026–2030: baselines of 2025, targets for 2028 and 2030. */
export const CURRENT_ERA: Era = {
  base: 2025,
  targetYears: [2028, 2030],
  issued: ['2026-01-15', '2026-12-15'],
  from: 2026,
  to: 2030,
  closes: '2030-12-31',
  implements: ['20-NQ/TW', '72-NQ/TW'],
  title: (name) => `Kế hoạch bảo vệ, chăm sóc và nâng cao sức khỏe nhân dân giai đoạn 2026 - 2030 trên địa bàn ${name}`,
};

/** Share of the last target year's targets set relative to the baseline ("giảm 10% so với năm 2015"). */
const RELATIVE_SHARE = 0.2;
/** Share of absolute targets revised at scale 1. */
const REVISED_SHARE = 0.05;

const BUDGET_LINES = [
  'Đầu tư cơ sở vật chất, trang thiết bị cho trạm y tế xã',
  'Đào tạo, thu hút nguồn nhân lực y tế',
  'Phòng, chống dịch bệnh và y tế dự phòng',
  'Ứng dụng công nghệ thông tin, chuyển đổi số y tế',
  'Nâng cấp bệnh viện đa khoa tuyến tỉnh',
  'Chăm sóc sức khỏe bà mẹ, trẻ em và dinh dưỡng',
];
const FUNDING = ['Ngân sách trung ương', 'Ngân sách tỉnh', 'Xã hội hóa', 'Vốn ODA'];

function comparatorOf(track: Track): Comparator {
  return track.indicator.direction === 'lower' ? '<=' : '>=';
}

/** A figure kept within what the indicator allows, written with its decimals. */
function bounded(track: Track, value: number): number {
  const ceiling = track.indicator.unit === 'percent' ? Math.min(100, track.profile.max ?? 100) : track.profile.max;
  return round(Math.min(Math.max(value, 0), ceiling ?? Number.POSITIVE_INFINITY), track.profile.decimals);
}

/** What a plan based in `base` aims at for `years` later: the planned change, without the province's luck. */
function aim(track: Track, base: number, planned: number, years: number): number {
  return bounded(track, track.profile.growth ? base * (1 + planned) ** years : base + planned * years);
}

/**
 * Two targets per indicator aimed at (absolute, or relative to the baseline for some of the last
 * year's), none for population; then one to three milestones.
 */
function targetsOf(
  random: Random,
  era: Era,
  tracks: Tracks,
  baselines: Map<string, number>,
  milestones: readonly string[],
): Target[] {
  const targets: Target[] = [];
  const id = () => `t${targets.length + 1}`;
  for (const track of tracks.values()) {
    const { indicator, profile } = track;
    const base = baselines.get(indicator.code);
    const planned = track.planned.get(era.base);
    // Population is the weight of combinations, not something a plan aims at.
    if (indicator.direction === 'neutral' || base === undefined || planned === undefined) continue;
    era.targetYears.forEach((year, index) => {
      const value = aim(track, base, planned, year - era.base);
      const comparator = comparatorOf(track);
      const last = index === era.targetYears.length - 1;
      if (last && base > 0 && random.chance(RELATIVE_SHARE)) {
        const inPercent = profile.growth || random.chance(0.5);
        const change = inPercent ? round((value / base - 1) * 100, 1) : round(value - base, profile.decimals);
        const amount = inPercent
          ? `${written(Math.abs(change), 'count', 1)}%`
          : written(Math.abs(change), indicator.unit, profile.decimals);
        targets.push({
          kind: 'relative',
          target: id(),
          indicator: indicator.code,
          year,
          baselineYear: era.base,
          comparator,
          change,
          changeUnit: inPercent ? 'percent_of_baseline' : indicator.unit,
          written: `${change < 0 ? 'Giảm' : 'Tăng'} ${amount} so với năm ${era.base}`,
        });
        return;
      }
      const figure = written(value, indicator.unit, profile.decimals);
      targets.push({
        kind: 'absolute',
        target: id(),
        indicator: indicator.code,
        year,
        comparator,
        value,
        unit: indicator.unit,
        written: indicator.direction === 'lower' ? `Giảm còn ${figure}` : `Đạt ${figure}`,
      });
    });
  }
  for (const code of chosenMilestones(random, milestones)) {
    const texts = MILESTONE_TEXTS[code] ?? ['Hoàn thành'];
    targets.push({
      kind: 'milestone',
      target: id(),
      indicator: code,
      year: random.pick(era.targetYears),
      text: random.pick(texts),
    });
  }
  return targets;
}

/** One to three of the milestone indicators, which a plan commits to, in the catalogue's order. */
function chosenMilestones(random: Random, milestones: readonly string[]): string[] {
  const count = Math.min(milestones.length, random.int(1, 3));
  const chosen = new Set<string>();
  while (chosen.size < count) chosen.add(random.pick(milestones));
  return milestones.filter((code) => chosen.has(code));
}

/** A plan number not yet used in the province (the seeds' numbers included). */
function planNumber(random: Random, context: Context, province: string): string {
  for (;;) {
    const number = `${random.int(20, 399)}/KH-UBND`;
    const key = `${province}/${slugify(number)}`;
    if (!context.takenPlans.has(key)) {
      context.takenPlans.add(key);
      return number;
    }
  }
}

/**
 * A province's plan of `era` and what follows it: its tasks and their progress, and revisions of
 * about 5 % of its absolute targets (times the scale, up to 1), each under a decision of its own.
 */
export function planDrafts(
  context: Context,
  province: ProvinceInfo,
  tracks: Tracks,
  era: Era,
  milestones: readonly string[],
): Draft[] {
  const random = createRandom(deriveSeed(context.seed, province.id, 'plan', String(era.base)));
  const actor = officer(province.id);
  const number = planNumber(random, context, province.id);
  const issuedOn = dateBetween(random, era.issued[0], era.issued[1]);
  const name = context.nameIn(province.id, Number(issuedOn.slice(0, 4)));
  const baselines = new Map<string, number>();
  for (const track of tracks.values()) {
    const value = track.values.get(era.base);
    if (value !== undefined) baselines.set(track.indicator.code, round(value, track.profile.decimals));
  }
  const population = baselines.get('population') ?? 1_000_000;
  const document = { number, kind: 'Kế hoạch' as const, issuer: issuer(name), issuedOn, title: era.title(name) };
  const adopt: AdoptPlan = {
    type: 'AdoptPlan',
    tenant: province.id,
    data: {
      province: province.id,
      document,
      implements: [...era.implements],
      period: { from: era.from ?? Number(issuedOn.slice(0, 4)), to: era.to },
      baselines: [...tracks.values()].flatMap((track) => {
        const value = baselines.get(track.indicator.code);
        if (value === undefined) return [];
        const { code, unit } = track.indicator;
        return [
          { indicator: code, year: era.base, value, unit, written: written(value, unit, track.profile.decimals) },
        ];
      }),
      targets: targetsOf(random, era, tracks, baselines, milestones),
      budget: Array.from({ length: random.int(2, 5) }, (_, index) => {
        const amount = Math.round((population / 1_000_000) * random.between(2_000, 30_000));
        return {
          line: `b${index + 1}`,
          title: BUDGET_LINES[index % BUDGET_LINES.length] as string,
          amount,
          unit: 'million_vnd' as const,
          written: written(amount, 'million_vnd', 0),
          fundingSource: random.pick(FUNDING),
        };
      }),
    },
  };
  const drafts: Draft[] = [{ command: adopt, actor, at: officeTime(random, issuedOn, 8) }];
  const plan = slugify(number);
  drafts.push(...addTasks(random, context, { province: province.id, plan, issuedOn, era, actor }));
  drafts.push(...revisions(random, context, adopt, plan, tracks, era));
  return drafts;
}

/** Why a target is revised; the COVID-19 years had their own reason. */
function reasonsOn(date: string): string[] {
  const reasons = ['Điều chỉnh theo kết quả đánh giá giữa kỳ', 'Điều chỉnh theo chỉ tiêu Trung ương giao'];
  return date >= '2020-03-01' && date <= '2022-12-31'
    ? [...reasons, 'Điều chỉnh do ảnh hưởng của dịch COVID-19']
    : reasons;
}

function revisions(
  random: Random,
  context: Context,
  adopt: AdoptPlan,
  plan: string,
  tracks: Tracks,
  era: Era,
): Draft[] {
  const drafts: Draft[] = [];
  const { document } = adopt.data;
  const share = REVISED_SHARE * Math.min(1, context.scale);
  for (const target of adopt.data.targets) {
    if (target.kind !== 'absolute' || !random.chance(share)) continue;
    const track = tracks.get(target.indicator);
    const planned = track?.planned.get(era.base);
    if (!track || planned === undefined) continue;
    const first = addDays(document.issuedOn ?? `${era.to}-01-01`, 180);
    const last = [`${target.year}-09-30`, era.closes].sort()[0] as string;
    if (last < first) continue;
    const effectiveOn = dateBetween(random, first, last);
    // Most revisions lower the ambition after a mid-term review; some raise it.
    const direction = (random.chance(0.7) ? -1 : 1) * (track.indicator.direction === 'lower' ? -1 : 1);
    const step = Math.abs(track.profile.growth ? target.value * planned : planned) * random.between(1, 3);
    const unit = 10 ** -track.profile.decimals;
    let value = bounded(track, target.value + direction * Math.max(step, unit));
    if (value === target.value) value = bounded(track, target.value - direction * Math.max(step, unit));
    if (value === target.value) continue;
    const command: Command = {
      type: 'ReviseTarget',
      tenant: adopt.tenant,
      plan,
      data: {
        target: target.target,
        value,
        written: written(value, track.indicator.unit, track.profile.decimals),
        reason: random.pick(reasonsOn(effectiveOn)),
        document: {
          number: `${random.int(1000, 3999)}/QĐ-UBND`,
          kind: 'Quyết định',
          issuer: document.issuer,
          issuedOn: effectiveOn,
          title: `Điều chỉnh một số chỉ tiêu của Kế hoạch số ${document.number}`,
        },
        effectiveOn,
      },
    };
    drafts.push({ command, actor: officer(adopt.tenant), at: officeTime(random, effectiveOn) });
  }
  return drafts;
}
