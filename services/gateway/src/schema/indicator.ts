import { builder } from '../graphql/builder.js';
import type { IndicatorRow } from '../read/reference.js';
import { listIndicators } from '../read/reference.js';
import { AS_OF_DESCRIPTION, type AsOf, allAt, at } from './as-of.js';
import { asDocument, LegalDocumentType } from './document.js';
import { loaders, read } from './reads.js';

export const IndicatorType = builder.objectRef<AsOf<IndicatorRow>>('Indicator').implement({
  description: 'An indicator of the catalogue: its unit, which way is better, and how provinces combine.',
  fields: (t) => ({
    code: t.exposeID('code'),
    nameVi: t.exposeString('name_vi'),
    nameEn: t.exposeString('name_en'),
    unit: t.exposeString('unit'),
    direction: t.exposeString('direction', { description: 'higher, lower, milestone or neutral.' }),
    combine: t.field({
      type: 'JSON',
      description: 'How predecessors combine into a successor: population_weighted_mean, sum, all_of, not_combinable.',
      resolve: (row) => row.combine,
    }),
    description: t.exposeString('description', { nullable: true }),
    aliases: t.exposeStringList('aliases'),
    revision: t.exposeInt('revision'),
    reason: t.exposeString('reason', { nullable: true }),
    document: t.field({ type: LegalDocumentType, nullable: true, resolve: (row) => asDocument(row.document) }),
  }),
});

builder.queryField('indicators', (t) =>
  t.field({
    type: [IndicatorType],
    authScopes: { authenticated: true },
    args: { asOf: t.arg({ type: 'DateTime', required: false, description: AS_OF_DESCRIPTION }) },
    resolve: async (_root, args, context) => {
      const asOf = args.asOf ?? undefined;
      return allAt(await read(context, asOf, (scope) => listIndicators(scope)), asOf);
    },
  }),
);

builder.queryField('indicator', (t) =>
  t.field({
    type: IndicatorType,
    nullable: true,
    authScopes: { authenticated: true },
    args: {
      code: t.arg.id({ required: true }),
      asOf: t.arg({ type: 'DateTime', required: false, description: AS_OF_DESCRIPTION }),
    },
    resolve: async (_root, args, context) => {
      const asOf = args.asOf ?? undefined;
      const found = await loaders(context, asOf).indicator.load(String(args.code));
      return found ? at(found, asOf) : null;
    },
  }),
);
