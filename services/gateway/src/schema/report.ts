import { resolveArrayConnection } from '@pothos/plugin-relay';
import { builder } from '../graphql/builder.js';
import type { ReportRow } from '../read/plans.js';
import { reportHistory, reportsOf } from '../read/plans.js';
import { AS_OF_DESCRIPTION, type AsOf, allAt } from './as-of.js';
import { read, tenantsInView } from './reads.js';

export const ReportType = builder.objectRef<AsOf<ReportRow>>('Report');

ReportType.implement({
  description: "A province's figure for an indicator and period, as it stood at the instant read (one version).",
  fields: (t) => ({
    id: t.id({ resolve: (row) => `${row.tenant}/${row.indicator}/${row.period}` }),
    province: t.exposeString('tenant'),
    indicator: t.exposeString('indicator'),
    period: t.exposeString('period', { description: '`2025`, `2025-H1`, `2025-Q3`.' }),
    year: t.exposeInt('year'),
    value: t.exposeFloat('value'),
    unit: t.exposeString('unit'),
    written: t.exposeString('written', { nullable: true }),
    status: t.exposeString('status', { description: 'estimate, preliminary or final.' }),
    source: t.exposeString('source'),
    numerator: t.exposeFloat('numerator', { nullable: true }),
    denominator: t.exposeFloat('denominator', { nullable: true }),
    filedBy: t.exposeString('filed_by', {
      nullable: true,
      description: 'The successor that filed it for a merged province.',
    }),
    revision: t.exposeInt('revision'),
    eventId: t.exposeID('event_id', { description: 'Name this version in `correctReport(corrects: …)`.' }),
    corrects: t.exposeString('corrects', { nullable: true }),
    reason: t.exposeString('reason', { nullable: true }),
    recordedBy: t.field({ type: 'JSON', resolve: (row) => row.actor }),
    knownFrom: t.field({ type: 'DateTime', resolve: (row) => row.known_from }),
    knownUntil: t.field({ type: 'DateTime', nullable: true, resolve: (row) => row.known_until }),
    history: t.field({
      type: [ReportType],
      description: 'The report and every correction known at the instant read, oldest first.',
      resolve: async (row, _args, context) =>
        allAt(
          await read(context, row.asOf, (scope) =>
            reportHistory(scope, { tenant: row.tenant, indicator: row.indicator, period: row.period }),
          ),
          row.asOf,
        ),
    }),
  }),
});

builder.queryField('reports', (t) =>
  t.connection({
    type: ReportType,
    description: "A province's reported figures (its predecessors' too), latest version per period.",
    authScopes: (_root, args) => ({ ministry: true, auditor: true, ownProvince: String(args.province) }),
    args: {
      province: t.arg.id({ required: true }),
      indicator: t.arg.string({ required: false }),
      year: t.arg.int({ required: false }),
      asOf: t.arg({ type: 'DateTime', required: false, description: AS_OF_DESCRIPTION }),
    },
    resolve: async (_root, args, context) => {
      const asOf = args.asOf ?? undefined;
      const province = String(args.province);
      const tenants = await tenantsInView(context, asOf, province);
      const rows = await read(context, asOf, (scope) =>
        reportsOf(scope, tenants, {
          ...(args.indicator ? { indicator: args.indicator } : {}),
          ...(args.year ? { year: args.year } : {}),
        }),
      );
      return resolveArrayConnection({ args }, allAt(rows, asOf));
    },
  }),
);
