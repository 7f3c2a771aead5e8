import type { Database } from '@chitieu/database';
import {
  assessProgress,
  type Direction,
  type Observation,
  PROGRESS_METHOD,
  type ProgressResult,
  type ProgressTarget,
} from '@chitieu/domain';
import { formatCheckpoint } from '@chitieu/event-store';
import type { Kysely } from 'kysely';
import { closeVersion, putIfChanged, type Stamp, type Trx } from './versioned.js';

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
 * of the national comparison for that indicator, from the current targets, baselines and reports.
 * Rows change only when what they say changes; each records the method and the log position.
 */
export async function deriveProgress(trx: Trx, stamp: Stamp, tenant: string, indicator: string): Promise<void> {
  const { generation } = stamp;
  const definition = await trx
    .selectFrom('rm_indicators')
    .select(['direction', 'unit'])
    .where('generation', '=', generation)
    .where('code', '=', indicator)
    .where('known_until', 'is', null)
    .executeTakeFirst();
  const direction = (definition?.direction ?? 'neutral') as Direction;
  const targets = (await trx
    .selectFrom('rm_targets')
    .select([
      'plan',
      'target',
      'kind',
      'year',
      'comparator',
      'value',
      'change',
      'change_unit',
      'baseline_year',
      'text',
      'withdrawn',
      'document',
      'known_from',
    ])
    .where('generation', '=', generation)
    .where('tenant', '=', tenant)
    .where('indicator', '=', indicator)
    .where('known_until', 'is', null)
    .execute()) as TargetRow[];
  const plans = await trx
    .selectFrom('rm_plans')
    .select(['plan', 'baselines', 'effective_from'])
    .where('generation', '=', generation)
    .where('tenant', '=', tenant)
    .where('known_until', 'is', null)
    .execute();
  const reports = await trx
    .selectFrom('rm_reports')
    .select(['year', 'value', 'unit', 'status', 'event_id', 'filed_by'])
    .where('generation', '=', generation)
    .where('tenant', '=', tenant)
    .where('indicator', '=', indicator)
    .where('period_kind', '=', 'year')
    .where('known_until', 'is', null)
    .execute();
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
  const assess = (target: TargetRow, upTo?: number): ProgressResult =>
    assessProgress({
      direction,
      target: progressTarget(target),
      ...(baselineOf(target.plan) && { baseline: baselineOf(target.plan) }),
      observations:
        target.kind === 'milestone' && !milestoneReports
          ? []
          : observations.filter((o) => upTo === undefined || o.year <= upTo),
    });

  // The current derived rows of this tenant and indicator in two reads, not one per target and year.
  const progressNow = await currentRows(
    trx,
    'rm_progress',
    stamp,
    tenant,
    indicator,
    (row) => `${row.plan}/${row.target}`,
  );
  const comparisonNow = await currentRows(trx, 'rm_comparison', stamp, tenant, indicator, (row) => `${row.year}`);

  for (const target of targets) {
    const key = { tenant, plan: target.plan, target: target.target };
    const current = progressNow.get(`${target.plan}/${target.target}`);
    if (target.withdrawn) {
      if (current) await closeVersion(trx, 'rm_progress', stamp, key);
      continue;
    }
    const result = assess(target);
    await putIfChanged(
      trx,
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
    const governing = governingTarget(active, report.year);
    const progress = governing ? assess(governing, report.year) : undefined;
    await putIfChanged(
      trx,
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
  trx: Trx,
  table: 'rm_progress' | 'rm_comparison',
  { generation }: Stamp,
  tenant: string,
  indicator: string,
  keyOf: (row: Record<string, unknown>) => string,
): Promise<Map<string, Record<string, unknown>>> {
  const rows = await (trx as Kysely<Database>)
    .selectFrom(table)
    .selectAll()
    .where('generation', '=', generation)
    .where('tenant', '=', tenant)
    .where('indicator', '=', indicator)
    .where('known_until', 'is', null)
    .execute();
  return new Map(rows.map((row) => [keyOf(row as Record<string, unknown>), row as Record<string, unknown>]));
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
