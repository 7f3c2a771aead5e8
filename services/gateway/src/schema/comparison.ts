import type { ProgressResult } from '@chitieu/domain';
import { notFound } from '@chitieu/domain';
import { builder } from '../graphql/builder.js';
import {
  type ComparisonNote,
  type ComparisonRow,
  type NationalComparison,
  nationalComparison,
} from '../read/comparison.js';
import { AS_OF_DESCRIPTION } from './as-of.js';
import { ProgressStatusType, ProgressType } from './progress.js';
import { read } from './reads.js';

const GeographyType = builder.enumType('Geography', {
  description: 'current: the 34 provinces in force since 2025-07-01; pre_merger: the 63 as they were before.',
  values: ['current', 'pre_merger'] as const,
});

const SourceType = builder.enumType('FigureSource', {
  values: ['reported', 'combined', 'none'] as const,
});

const NoteCodeType = builder.enumType('ComparisonNoteCode', {
  values: [
    'no_figure',
    'combined',
    'merged_figure',
    'no_value',
    'no_weight',
    'not_combinable',
    'no_predecessor',
    'overflow',
  ] as const,
});

const NoteType = builder.objectRef<ComparisonNote>('ComparisonNote').implement({
  description:
    'One reason of a row’s note, for a client to word in its language: no_figure, combined (from `provinces` by the rule in `detail`), merged_figure (reported by the successor in `provinces`), no_value or no_weight (for `provinces`; the weight in `detail`), not_combinable (the catalogue’s reason in `detail`), no_predecessor, overflow.',
  fields: (t) => ({
    code: t.field({ type: NoteCodeType, resolve: (note) => note.code }),
    provinces: t.exposeStringList('provinces'),
    detail: t.string({ nullable: true, resolve: (note) => note.detail ?? null }),
  }),
});

const RowType = builder.objectRef<ComparisonRow>('ComparisonRow').implement({
  description: "One province's figure, target, progress and rank.",
  fields: (t) => ({
    province: t.exposeString('province'),
    name: t.exposeString('name'),
    rank: t.int({ nullable: true, resolve: (row) => row.rank ?? null }),
    value: t.float({ nullable: true, resolve: (row) => row.value ?? null }),
    unit: t.string({ nullable: true, resolve: (row) => row.unit ?? null }),
    source: t.field({ type: SourceType, resolve: (row) => row.source }),
    note: t.string({
      nullable: true,
      description: 'Why there is no figure, or how it was combined.',
      resolve: (row) => row.note ?? null,
    }),
    notes: t.field({
      type: [NoteType],
      description: '`note` in parts, machine-readable.',
      resolve: (row) => row.notes,
    }),
    combinedFrom: t.exposeStringList('combinedFrom'),
    reportStatus: t.string({ nullable: true, resolve: (row) => row.reportStatus ?? null }),
    plan: t.string({ nullable: true, resolve: (row) => row.plan ?? null }),
    target: t.string({ nullable: true, resolve: (row) => row.target ?? null }),
    targetYear: t.int({ nullable: true, resolve: (row) => row.targetYear ?? null }),
    comparator: t.string({ nullable: true, resolve: (row) => row.comparator ?? null }),
    targetValue: t.float({ nullable: true, resolve: (row) => row.targetValue ?? null }),
    documentNumber: t.string({
      nullable: true,
      description: 'The document behind the target.',
      resolve: (row) => row.documentNumber ?? null,
    }),
    status: t.field({ type: ProgressStatusType, resolve: (row) => row.status as never }),
    progress: t.field({
      type: ProgressType,
      nullable: true,
      resolve: (row) =>
        row.progress && row.logPosition
          ? { result: row.progress as ProgressResult, logPosition: row.logPosition }
          : null,
    }),
    method: t.string({ nullable: true, resolve: (row) => row.method ?? null }),
    logPosition: t.field({ type: 'Position', nullable: true, resolve: (row) => row.logPosition ?? null }),
  }),
});

const ComparisonType = builder.objectRef<NationalComparison>('NationalComparison').implement({
  description: 'Every province on one indicator and year, ranked in the indicator’s good direction.',
  fields: (t) => ({
    indicator: t.exposeString('indicator'),
    year: t.exposeInt('year'),
    geography: t.field({ type: GeographyType, resolve: (row) => row.geography }),
    on: t.field({ type: 'Date', description: 'The day whose provinces are listed.', resolve: (row) => row.on }),
    rows: t.field({ type: [RowType], resolve: (row) => row.rows }),
  }),
});

builder.queryField('nationalComparison', (t) =>
  t.field({
    type: ComparisonType,
    authScopes: { authenticated: true },
    description: 'For an indicator and a year: every province’s value, target, progress and rank, in either geography.',
    args: {
      indicator: t.arg.string({ required: true }),
      year: t.arg.int({ required: true }),
      geography: t.arg({ type: GeographyType, required: false, defaultValue: 'current' }),
      asOf: t.arg({ type: 'DateTime', required: false, description: AS_OF_DESCRIPTION }),
    },
    resolve: (_root, args, context) =>
      read(context, args.asOf ?? undefined, async (scope) => {
        const comparison = await nationalComparison(scope, {
          indicator: args.indicator,
          year: args.year,
          geography: args.geography ?? 'current',
        });
        // A mistyped code must not look like a ranking with nobody in it.
        if (!comparison) throw notFound('indicator', `no indicator ${args.indicator}${args.asOf ? ' as of then' : ''}`);
        return comparison;
      }),
  }),
);
