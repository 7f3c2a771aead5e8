import DataLoader from 'dataloader';
import type { GatewayContext } from '../context.js';
import { progressOfTargets, targetsOfPlans, tasksOfPlans } from '../read/plans.js';
import { listIndicators, listProvinces } from '../read/reference.js';
import { type ReadScope, withReadScope } from '../read/scope.js';
import { tenantsInViewOf } from '../read/tenants.js';

/**
 * Runs a read for the request's actor, as of `asOf` (now when undefined), under row-level security:
 * in the query's one transaction, or in one of its own outside a query. Every database access of a
 * query's resolvers must come through here: on PGlite the query's transaction holds the one
 * connection until the query ends, so a read beside it would wait for ever.
 */
export function read<T>(
  context: GatewayContext,
  asOf: Date | undefined,
  run: (scope: ReadScope) => Promise<T>,
): Promise<T> {
  if (context.reads) return context.reads.run(asOf, run);
  return withReadScope(context.services.db, context.actor, asOf, run);
}

/** The batch loaders of one request and one instant: nested fields load in one query per level. */
export interface Loaders {
  province: DataLoader<string, Awaited<ReturnType<typeof listProvinces>>[number] | undefined>;
  indicator: DataLoader<string, Awaited<ReturnType<typeof listIndicators>>[number] | undefined>;
  targetsOfPlan: DataLoader<string, Awaited<ReturnType<typeof targetsOfPlans>>[number]>;
  tasksOfPlan: DataLoader<string, Awaited<ReturnType<typeof tasksOfPlans>>[number]>;
  progressOfTarget: DataLoader<string, Awaited<ReturnType<typeof progressOfTargets>>[number]>;
  /** By province: it and the provinces merged into it (read/tenants.ts). */
  tenantsInView: DataLoader<string, string[]>;
}

const cache = new WeakMap<GatewayContext, Map<string, Loaders>>();

/** The loaders for `asOf` in this request, made on first use. */
export function loaders(context: GatewayContext, asOf: Date | undefined): Loaders {
  const byInstant = cache.get(context) ?? new Map<string, Loaders>();
  cache.set(context, byInstant);
  const key = asOf?.toISOString() ?? 'now';
  const existing = byInstant.get(key);
  if (existing) return existing;
  const scoped = <T>(run: (scope: ReadScope) => Promise<T>) => read(context, asOf, run);
  const made: Loaders = {
    province: new DataLoader(async (ids) => {
      const rows = await scoped((scope) => listProvinces(scope, { ids }));
      const byId = new Map(rows.map((row) => [row.province, row]));
      return ids.map((id) => byId.get(id));
    }),
    indicator: new DataLoader(async (codes) => {
      const rows = await scoped((scope) => listIndicators(scope, codes));
      const byCode = new Map(rows.map((row) => [row.code, row]));
      return codes.map((code) => byCode.get(code));
    }),
    targetsOfPlan: new DataLoader((keys) => scoped((scope) => targetsOfPlans(scope, keys))),
    tasksOfPlan: new DataLoader((keys) => scoped((scope) => tasksOfPlans(scope, keys))),
    progressOfTarget: new DataLoader((keys) => scoped((scope) => progressOfTargets(scope, keys))),
    tenantsInView: new DataLoader((provinces) => scoped((scope) => tenantsInViewOf(scope.trx, provinces, scope))),
  };
  byInstant.set(key, made);
  return made;
}

/**
 * A province and the provinces merged into it, as known at `asOf`: whose data a successor's view
 * holds (read/tenants.ts, the one definition), loaded once per request and instant.
 */
export function tenantsInView(context: GatewayContext, asOf: Date | undefined, province: string): Promise<string[]> {
  return loaders(context, asOf).tenantsInView.load(province);
}
