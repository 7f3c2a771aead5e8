import type {
  Database,
  PlansReadTable,
  PlanTasksReadTable,
  ProgressReadTable,
  ReportsReadTable,
  TargetsReadTable,
} from '@chitieu/database';
import type { ExpressionBuilder, Selectable } from 'kysely';
import type { ReadScope } from './scope.js';
import { visibleIn } from './visible.js';

export type PlanRow = Selectable<PlansReadTable>;
export type TargetRow = Selectable<TargetsReadTable>;
export type TaskRow = Selectable<PlanTasksReadTable>;
export type ReportRow = Selectable<ReportsReadTable>;
export type ProgressRow = Selectable<ProgressReadTable>;

/** The plans of some tenants (row-level security drops the ones the actor may not see). */
export async function plansOf(scope: ReadScope, tenants: readonly string[]) {
  return scope.trx
    .selectFrom('rm_plans')
    .selectAll()
    .where(visibleIn(scope))
    .where('tenant', 'in', tenants.length > 0 ? [...tenants] : [''])
    .orderBy('tenant')
    .orderBy('period_from')
    .execute();
}

/** Current (or as-of) targets of several plans at once: keys are `tenant/plan`. */
export async function targetsOfPlans(scope: ReadScope, keys: readonly string[]) {
  const rows = await scope.trx
    .selectFrom('rm_targets')
    .selectAll()
    .where(visibleIn(scope))
    .where((eb) => eb.or(keys.map((key) => planKeyMatches(eb, key))))
    .orderBy('target')
    .execute();
  return group(keys, rows, (row) => `${row.tenant}/${row.plan}`);
}

/** Tasks of several plans at once. */
export async function tasksOfPlans(scope: ReadScope, keys: readonly string[]) {
  const rows = await scope.trx
    .selectFrom('rm_plan_tasks')
    .selectAll()
    .where(visibleIn(scope))
    .where((eb) => eb.or(keys.map((key) => planKeyMatches(eb, key))))
    .orderBy('task')
    .execute();
  return group(keys, rows, (row) => `${row.tenant}/${row.plan}`);
}

/** Progress of several targets at once: keys are `tenant/plan/target`. */
export async function progressOfTargets(scope: ReadScope, keys: readonly string[]) {
  // One range per (tenant, plan) and the targets picked here: an OR of hundreds of triples made the
  // planner's work grow with the number of targets (docs/benchmarks.md, gateway section).
  const plans = [...new Set(keys.map((key) => key.slice(0, key.lastIndexOf('/'))))];
  const rows = await scope.trx
    .selectFrom('rm_progress')
    .selectAll()
    .where(visibleIn(scope))
    .where((eb) => eb.or(plans.map((plan) => planKeyMatches(eb, plan))))
    .execute();
  const byKey = new Map(rows.map((row) => [`${row.tenant}/${row.plan}/${row.target}`, row]));
  return keys.map((key) => byKey.get(key));
}

/** Every version of one target known at the scope's instant, oldest first, each with its document. */
export async function targetHistory(scope: ReadScope, key: { tenant: string; plan: string; target: string }) {
  return scope.trx
    .selectFrom('rm_targets')
    .selectAll()
    .where('generation', '=', scope.generation)
    .where('tenant', '=', key.tenant)
    .where('plan', '=', key.plan)
    .where('target', '=', key.target)
    .$if(scope.asOf !== undefined, (query) => query.where('known_from', '<=', scope.asOf as Date))
    .orderBy('revision')
    .execute();
}

/** A province's reported figures (current versions, or as of the scope's instant). */
export async function reportsOf(
  scope: ReadScope,
  tenants: readonly string[],
  filter: { indicator?: string; year?: number },
) {
  return scope.trx
    .selectFrom('rm_reports')
    .selectAll()
    .where(visibleIn(scope))
    .where('tenant', 'in', tenants.length > 0 ? [...tenants] : [''])
    .$if(filter.indicator !== undefined, (query) => query.where('indicator', '=', filter.indicator as string))
    .$if(filter.year !== undefined, (query) => query.where('year', '=', filter.year as number))
    .orderBy('indicator')
    .orderBy('period')
    .execute();
}

/** Every version of one figure known at the scope's instant: the report, then its corrections. */
export async function reportHistory(scope: ReadScope, key: { tenant: string; indicator: string; period: string }) {
  return scope.trx
    .selectFrom('rm_reports')
    .selectAll()
    .where('generation', '=', scope.generation)
    .where('tenant', '=', key.tenant)
    .where('indicator', '=', key.indicator)
    .where('period', '=', key.period)
    .$if(scope.asOf !== undefined, (query) => query.where('known_from', '<=', scope.asOf as Date))
    .orderBy('revision')
    .execute();
}

function planKeyMatches(eb: ExpressionBuilder<Database, 'rm_targets' | 'rm_plan_tasks' | 'rm_progress'>, key: string) {
  const slash = key.indexOf('/');
  return eb.and([eb('tenant', '=', key.slice(0, slash)), eb('plan', '=', key.slice(slash + 1))]);
}

function group<T>(keys: readonly string[], rows: readonly T[], keyOf: (row: T) => string): T[][] {
  const byKey = new Map<string, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) byKey.get(keyOf(row))?.push(row);
  return keys.map((key) => byKey.get(key) ?? []);
}
