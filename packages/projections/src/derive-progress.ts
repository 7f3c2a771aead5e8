import {
  assessProgress,
  type Direction,
  type Observation,
  PROGRESS_METHOD,
  type ProgressResult,
  type ProgressTarget,
} from '@chitieu/domain';
import { formatCheckpoint } from '@chitieu/event-store';
import type { ReadModelStore, Row, Stamp } from './store.js';
import type { TouchedPair } from './touched.js';
import { putIfChanged } from './versioned.js';

interface TargetRow {
  plan: string;
  target: string;
  kind: string;
  year: number;
  comparator: string | null;
  value: number | null;
  change: number | null;
  change_unit: string | null;
  baseline_year: number | null;
  text: string | null;
  withdrawn: boolean;
  document: unknown;
  known_from: Date;
}

interface Baseline {
  indicator: string;
  year: number;
  value?: number;
}

/**
 * Derives again the progress of every target of one tenant on one indicator, and the tenant's rows
 * of the national comparison for that indicator from `fromYear` on, from the current targets,
 * baselines and reports.
 * Rows change only when what they say changes; each records the method and the log position.
 */
export async function deriveProgress(
  store: ReadModelStore,
  stamp: Stamp,
  { tenant, indicator, fromYear }: TouchedPair,
): Promise<void> {
  const definition = (await store.current('rm_indicators', { code: indicator })) as
    | { direction: string; unit: string }
    | undefined;
  const direction = (definition?.direction ?? 'neutral') as Direction;
  const targets = (await store.currentWhere('rm_targets', { tenant, indicator })) as unknown as TargetRow[];
  const plans = (await store.currentWhere('rm_plans', { tenant })) as Array<{ plan: string; baselines: unknown }>;
  const reports = (await store.currentWhere('rm_reports', { tenant, indicator, period_kind: 'year' })) as Array<{
    year: number;
    value: number;
    unit: string;
    status: string;
    event_id: string;
    filed_by: string | null;
  }>;
  const observations: Observation[] = reports.map((report) => ({ year: report.year, value: report.value }));
  const baselineOf = (plan: string): Observation | undefined => {
    const baselines = (plans.find((row) => row.plan === plan)?.baselines ?? []) as Baseline[];
    const found = baselines
      .filter((baseline) => baseline.indicator === indicator && baseline.value !== undefined)
      .sort((a, b) => b.year - a.year)[0];
    return found ? { year: found.year, value: found.value as number } : undefined;
  };
  const logPosition = formatCheckpoint(stamp.event);
  // A milestone is met by a report of 1 (done) on a milestone indicator; a plan may also state a
  // milestone under an indicator that has figures (seed 002), whose values say nothing of it.
  const milestoneReports = definition?.unit === 'milestone';
  const assess = (target: TargetRow, upTo?: number): ProgressResult => {
    const baseline = baselineOf(target.plan);
    return assessProgress({
      direction,
      target: progressTarget(target),
      ...(baseline && { baseline }),
      observations:
        target.kind === 'milestone' && !milestoneReports
          ? []
          : observations.filter((o) => upTo === undefined || o.year <= upTo),
    });
  };

  // The current derived rows of this tenant and indicator in two reads, not one per target and year.
  const progressNow = await currentRows(store, 'rm_progress', tenant, indicator, (row) => `${row.plan}/${row.target}`);
  const comparisonNow = await currentRows(store, 'rm_comparison', tenant, indicator, (row) => `${row.year}`);

  for (const target of targets) {
    const key = { tenant, plan: target.plan, target: target.target };
    const current = progressNow.get(`${target.plan}/${target.target}`);
    if (target.withdrawn) {
      if (current) await store.close('rm_progress', stamp, key);
      continue;
    }
    const result = assess(target);
    await putIfChanged(
      store,
      'rm_progress',
      stamp,
      key,
      {
        indicator,
        year: target.year,
        result,
        status: result.status,
        method: PROGRESS_METHOD,
        log_position: logPosition,
      },
      ['log_position'],
      { current },
    );
  }

  const active = targets.filter((target) => !target.withdrawn);
  for (const report of reports) {
    if (report.year < fromYear) continue;
    const governing = governingTarget(active, report.year);
    const progress = governing ? assess(governing, report.year) : undefined;
    await putIfChanged(
      store,
      'rm_comparison',
      stamp,
      { tenant, indicator, year: report.year },
      {
        value: report.value,
        unit: report.unit,
        report_status: report.status,
        report_event_id: report.event_id,
        filed_by: report.filed_by,
        plan: governing?.plan ?? null,
        target: governing?.target ?? null,
        target_year: governing?.year ?? null,
        comparator: governing?.comparator ?? null,
        target_value: progress?.targetValue ?? governing?.value ?? null,
        document_number: (governing?.document as { number?: string } | null)?.number ?? null,
        progress: progress ?? null,
        status: progress?.status ?? 'no_target',
        method: PROGRESS_METHOD,
        log_position: logPosition,
      },
      ['log_position'],
      { current: comparisonNow.get(`${report.year}`) },
    );
  }
}

async function currentRows(
  store: ReadModelStore,
  table: 'rm_progress' | 'rm_comparison',
  tenant: string,
  indicator: string,
  keyOf: (row: Row) => string,
): Promise<Map<string, Row>> {
  const rows = await store.currentWhere(table, { tenant, indicator });
  return new Map(rows.map((row) => [keyOf(row), row]));
}

/**
 * The target a year's figure is measured against: the nearest target year at or after it, and among
 * targets of that year the one adopted last (a newer plan's target governs).
 */
function governingTarget(targets: readonly TargetRow[], year: number): TargetRow | undefined {
  return targets
    .filter((target) => target.year >= year && target.kind !== 'milestone')
    .sort((a, b) => a.year - b.year || b.known_from.getTime() - a.known_from.getTime())[0];
}

function progressTarget(row: TargetRow): ProgressTarget {
  switch (row.kind) {
    case 'relative':
      return {
        kind: 'relative',
        year: row.year,
        comparator: row.comparator as never,
        change: row.change as number,
        changeUnit: row.change_unit as string,
        baselineYear: row.baseline_year as number,
      };
    case 'milestone':
      return { kind: 'milestone', year: row.year, text: row.text as string };
    default:
      return { kind: 'absolute', year: row.year, comparator: row.comparator as never, value: row.value as number };
  }
}
