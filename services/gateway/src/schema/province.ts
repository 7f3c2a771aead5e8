import { resolveArrayConnection } from '@pothos/plugin-relay';
import { builder } from '../graphql/builder.js';
import type { ProvinceRow } from '../read/reference.js';
import { listProvinces, nameOn, type ProvinceName, provinceHistory } from '../read/reference.js';
import { AS_OF_DESCRIPTION, type AsOf, allAt, at } from './as-of.js';
import { asDocument, LegalDocumentType } from './document.js';
import { loaders, read } from './reads.js';

export const ProvinceType = builder.objectRef<AsOf<ProvinceRow>>('Province');

const ProvinceNameType = builder.objectRef<ProvinceName>('ProvinceName').implement({
  fields: (t) => ({
    name: t.exposeString('name'),
    from: t.field({ type: 'Date', nullable: true, resolve: (entry) => entry.from }),
  }),
});

ProvinceType.implement({
  description:
    'A province under a stable identity (`kien-giang`, `thai-nguyen-2025`), never its code: codes were reused after the 2025 merger.',
  fields: (t) => ({
    id: t.exposeID('province'),
    code: t.exposeString('code'),
    name: t.string({
      description: 'The name in force today (or on the day of `asOf`).',
      resolve: (row) => nameOn(row, (row.asOf ?? new Date()).toISOString().slice(0, 10)),
    }),
    names: t.field({
      type: [ProvinceNameType],
      description: 'Every name with the day it took effect, oldest first.',
      resolve: (row) => (Array.isArray(row.names) ? (row.names as ProvinceName[]) : []),
    }),
    validFrom: t.field({ type: 'Date', nullable: true, resolve: (row) => row.valid_from }),
    validTo: t.field({
      type: 'Date',
      nullable: true,
      description: 'Its last day, when it was merged into another.',
      resolve: (row) => row.valid_to,
    }),
    successor: t.field({
      type: ProvinceType,
      nullable: true,
      resolve: async (row, _args, context) => {
        if (!row.successor) return null;
        const found = await loaders(context, row.asOf).province.load(row.successor);
        return found ? at(found, row.asOf) : null;
      },
    }),
    predecessors: t.field({
      type: [ProvinceType],
      description: 'The provinces merged into this one.',
      resolve: async (row, _args, context) => {
        const found = await loaders(context, row.asOf).province.loadMany(row.predecessors);
        return found
          .filter((item): item is ProvinceRow => item !== undefined && !(item instanceof Error))
          .map((item) => at(item, row.asOf));
      },
    }),
    legalBasis: t.field({ type: LegalDocumentType, nullable: true, resolve: (row) => asDocument(row.legal_basis) }),
    knownFrom: t.field({
      type: 'DateTime',
      description: 'When the platform recorded this version.',
      resolve: (row) => row.known_from,
    }),
    history: t.field({
      type: [ProvinceType],
      description: 'Every version: registration, renames, the merger; oldest first.',
      resolve: async (row, _args, context) =>
        allAt(await read(context, row.asOf, (scope) => provinceHistory(scope, row.province)), row.asOf),
    }),
  }),
});

builder.queryField('provinces', (t) =>
  t.connection({
    type: ProvinceType,
    authScopes: { authenticated: true },
    description:
      'Provinces as known at `asOf`; `validOn` keeps those in force on that day (63 before 2025-07-01, 34 after).',
    args: {
      validOn: t.arg({ type: 'Date', required: false }),
      asOf: t.arg({ type: 'DateTime', required: false, description: AS_OF_DESCRIPTION }),
    },
    resolve: async (_root, args, context) => {
      const asOf = args.asOf ?? undefined;
      const rows = await read(context, asOf, (scope) =>
        listProvinces(scope, args.validOn ? { validOn: args.validOn } : {}),
      );
      return resolveArrayConnection({ args }, allAt(rows, asOf));
    },
  }),
);

builder.queryField('province', (t) =>
  t.field({
    type: ProvinceType,
    nullable: true,
    authScopes: { authenticated: true },
    args: {
      id: t.arg.id({ required: true }),
      asOf: t.arg({ type: 'DateTime', required: false, description: AS_OF_DESCRIPTION }),
    },
    resolve: async (_root, args, context) => {
      const asOf = args.asOf ?? undefined;
      const found = await loaders(context, asOf).province.load(String(args.id));
      return found ? at(found, asOf) : null;
    },
  }),
);
