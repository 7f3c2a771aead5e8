import {
  currentTargets,
  currentVersion,
  evolvePlan,
  evolveReport,
  initialPlanState,
  initialReportState,
  type PlanEvent,
  type PlanState,
  periodKey,
  type ReportEvent,
  type ReportState,
} from '@chitieu/domain';
import { formatCheckpoint, readAsOf } from '@chitieu/event-store';
import { builder } from '../graphql/builder.js';
import { read } from './reads.js';

/**
 * A province's state replayed from its own events up to an instant with the domain's own `evolve`,
 * independently of the read models: what an auditor compares a past table against.
 */
builder.queryField('provinceState', (t) =>
  t.field({
    type: 'JSON',
    authScopes: { auditor: true, ministry: true },
    description:
      "A province's plans (current targets) and reported figures replayed from its events recorded up to `asOf`, by the domain's evolve functions, not the read models.",
    args: {
      province: t.arg.id({ required: true }),
      asOf: t.arg({ type: 'DateTime', required: true }),
    },
    resolve: async (_root, args, context) => {
      const tenant = String(args.province);
      const plans = new Map<string, PlanState>();
      const reports = new Map<string, ReportState>();
      let last: string | null = null;
      let events = 0;
      // The request's own transaction: row-level security applies to the log as to every read.
      await read(context, undefined, async (scope) => {
        const log = readAsOf(scope.trx, context.services.store.registry, { tenant, at: args.asOf });
        for await (const event of log) {
          events += 1;
          last = formatCheckpoint(event);
          const domainEvent = { type: event.type, data: event.data };
          if (event.stream.includes('/plan/')) {
            const state = plans.get(event.stream) ?? initialPlanState();
            plans.set(event.stream, evolvePlan(state, domainEvent as PlanEvent));
          } else if (event.stream.includes('/report/')) {
            const state = reports.get(event.stream) ?? initialReportState();
            reports.set(event.stream, evolveReport(state, { ...(domainEvent as ReportEvent), eventId: event.eventId }));
          }
        }
      });
      return {
        province: tenant,
        asOf: args.asOf.toISOString(),
        events,
        lastPosition: last,
        plans: [...plans.values()]
          .filter((state) => state.status === 'adopted')
          .map((state) => ({
            plan: state.status === 'adopted' ? state.plan : null,
            document: state.status === 'adopted' ? state.document.number : null,
            targets: currentTargets(state),
          })),
        reports: [...reports.values()].flatMap((state) => {
          const version = currentVersion(state);
          if (!state.key || !version) return [];
          return [
            {
              indicator: state.key.indicator,
              period: periodKey(state.key.period),
              value: version.figure.value,
              unit: version.figure.unit,
              status: version.figure.status,
              versions: state.versions.length,
            },
          ];
        }),
      };
    },
  }),
);
