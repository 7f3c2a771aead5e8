import { resolveArrayConnection } from '@pothos/plugin-relay';
import { builder } from '../graphql/builder.js';
import type { PlanRow, TaskRow } from '../read/plans.js';
import { plansOf } from '../read/plans.js';
import { AS_OF_DESCRIPTION, type AsOf, allAt } from './as-of.js';
import { asDocument, LegalDocumentType } from './document.js';
import { loaders, read, tenantsInView } from './reads.js';
import { TargetType } from './target.js';

const TaskType = builder.objectRef<AsOf<TaskRow>>('PlanTask').implement({
  description: "A task of a plan's appendix and its latest reported status.",
  fields: (t) => ({
    task: t.exposeID('task'),
    title: t.exposeString('title'),
    lead: t.exposeString('lead'),
    partners: t.exposeStringList('partners'),
    product: t.exposeString('product'),
    deadline: t.exposeString('deadline', { description: 'As written in the appendix.' }),
    dueBy: t.field({ type: 'Date', nullable: true, resolve: (row) => row.due_by }),
    status: t.exposeString('status', { description: 'open, in_progress, done or late.' }),
    reportedOn: t.field({ type: 'Date', nullable: true, resolve: (row) => row.reported_on }),
    note: t.exposeString('note', { nullable: true }),
  }),
});

const BaselineType = builder
  .objectRef<{ indicator: string; year: number; value?: number; unit: string; written?: string }>('Baseline')
  .implement({
    fields: (t) => ({
      indicator: t.exposeString('indicator'),
      year: t.exposeInt('year'),
      value: t.float({ nullable: true, resolve: (row) => row.value ?? null }),
      unit: t.exposeString('unit'),
      written: t.string({ nullable: true, resolve: (row) => row.written ?? null }),
    }),
  });

const BudgetLineType = builder
  .objectRef<{ line: string; title: string; amount: number; unit: string; fundingSource?: string }>('BudgetLine')
  .implement({
    fields: (t) => ({
      line: t.exposeString('line'),
      title: t.exposeString('title'),
      amount: t.exposeFloat('amount'),
      unit: t.exposeString('unit'),
      fundingSource: t.string({ nullable: true, resolve: (row) => row.fundingSource ?? null }),
    }),
  });

export const PlanType = builder.objectRef<AsOf<PlanRow> & { viewedFrom?: string }>('Plan').implement({
  description: "A province's plan implementing national resolutions: its targets, tasks and budget.",
  fields: (t) => ({
    id: t.id({ resolve: (row) => `${row.tenant}/${row.plan}` }),
    plan: t.exposeString('plan'),
    province: t.exposeString('tenant'),
    inherited: t.boolean({
      description: 'A predecessor’s plan seen from its successor, carried over by the 2025 merger.',
      resolve: (row) => row.viewedFrom !== undefined && row.viewedFrom !== row.tenant,
    }),
    document: t.field({ type: LegalDocumentType, resolve: (row) => asDocument(row.document) ?? { number: row.plan } }),
    implements: t.exposeStringList('implements'),
    periodFrom: t.exposeInt('period_from'),
    periodTo: t.exposeInt('period_to'),
    effectiveFrom: t.field({ type: 'Date', nullable: true, resolve: (row) => row.effective_from }),
    supersededBy: t.exposeString('superseded_by', { nullable: true }),
    baselines: t.field({ type: [BaselineType], resolve: (row) => row.baselines as never }),
    budget: t.field({ type: [BudgetLineType], resolve: (row) => row.budget as never }),
    targets: t.field({
      type: [TargetType],
      resolve: async (row, _args, context) =>
        allAt(await loaders(context, row.asOf).targetsOfPlan.load(`${row.tenant}/${row.plan}`), row.asOf),
    }),
    tasks: t.field({
      type: [TaskType],
      resolve: async (row, _args, context) =>
        allAt(await loaders(context, row.asOf).tasksOfPlan.load(`${row.tenant}/${row.plan}`), row.asOf),
    }),
  }),
});

builder.queryField('plans', (t) =>
  t.connection({
    type: PlanType,
    description: "A province's plans, with its predecessors' plans carried over by the merger (marked inherited).",
    authScopes: (_root, args) => ({ ministry: true, auditor: true, ownProvince: String(args.province) }),
    args: {
      province: t.arg.id({ required: true }),
      asOf: t.arg({ type: 'DateTime', required: false, description: AS_OF_DESCRIPTION }),
    },
    resolve: async (_root, args, context) => {
      const asOf = args.asOf ?? undefined;
      const province = String(args.province);
      const tenants = await tenantsInView(context, asOf, province);
      const rows = await read(context, asOf, (scope) => plansOf(scope, tenants));
      return resolveArrayConnection(
        { args },
        allAt(rows, asOf).map((row) => ({ ...row, viewedFrom: province })),
      );
    },
  }),
);
