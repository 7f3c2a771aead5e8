import type { ProgressResult } from '@chitieu/domain';
import { builder } from '../graphql/builder.js';
import type { TargetRow } from '../read/plans.js';
import { targetHistory } from '../read/plans.js';
import { type AsOf, allAt, at } from './as-of.js';
import { asDocument, LegalDocumentType } from './document.js';
import { IndicatorType } from './indicator.js';
import { ProgressType } from './progress.js';
import { loaders, read } from './reads.js';

export const TargetType = builder.objectRef<AsOf<TargetRow>>('Target');

TargetType.implement({
  description:
    'A target of a plan as it stood at the instant read (one version): absolute (≥ 75.5 by 2030), relative (10 % fewer than in 2015) or a milestone.',
  fields: (t) => ({
    id: t.id({ resolve: (row) => `${row.tenant}/${row.plan}/${row.target}` }),
    target: t.exposeString('target'),
    province: t.exposeString('tenant'),
    plan: t.exposeString('plan'),
    indicatorCode: t.exposeString('indicator'),
    indicator: t.field({
      type: IndicatorType,
      nullable: true,
      resolve: async (row, _args, context) => {
        const found = await loaders(context, row.asOf).indicator.load(row.indicator);
        return found ? at(found, row.asOf) : null;
      },
    }),
    kind: t.exposeString('kind'),
    year: t.exposeInt('year'),
    comparator: t.exposeString('comparator', { nullable: true }),
    value: t.exposeFloat('value', { nullable: true }),
    unit: t.exposeString('unit', { nullable: true }),
    change: t.exposeFloat('change', { nullable: true }),
    changeUnit: t.exposeString('change_unit', { nullable: true }),
    baselineYear: t.exposeInt('baseline_year', { nullable: true }),
    text: t.exposeString('text', { nullable: true }),
    written: t.exposeString('written', { nullable: true, description: 'As the document writes it: `75,5`.' }),
    withdrawn: t.exposeBoolean('withdrawn'),
    revision: t.exposeInt('revision'),
    changeKind: t.exposeString('change_kind', { description: 'adopted, revised or withdrawn.' }),
    effectiveOn: t.field({ type: 'Date', nullable: true, resolve: (row) => row.effective_on }),
    reason: t.exposeString('reason', { nullable: true }),
    document: t.field({
      type: LegalDocumentType,
      nullable: true,
      description: 'The document behind this version: the plan for the adoption, the decision for a revision.',
      resolve: (row) => asDocument(row.document),
    }),
    recordedBy: t.field({ type: 'JSON', resolve: (row) => row.actor }),
    knownFrom: t.field({ type: 'DateTime', resolve: (row) => row.known_from }),
    knownUntil: t.field({ type: 'DateTime', nullable: true, resolve: (row) => row.known_until }),
    progress: t.field({
      type: ProgressType,
      nullable: true,
      resolve: async (row, _args, context) => {
        const found = await loaders(context, row.asOf).progressOfTarget.load(`${row.tenant}/${row.plan}/${row.target}`);
        return found ? { result: found.result as ProgressResult, logPosition: found.log_position } : null;
      },
    }),
    history: t.field({
      type: [TargetType],
      description: 'Every version known at the instant read, oldest first, each with who, when and which document.',
      resolve: async (row, _args, context) =>
        allAt(
          await read(context, row.asOf, (scope) =>
            targetHistory(scope, { tenant: row.tenant, plan: row.plan, target: row.target }),
          ),
          row.asOf,
        ),
    }),
  }),
});
