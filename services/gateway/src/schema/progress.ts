import type { ProgressResult } from '@chitieu/domain';
import { builder } from '../graphql/builder.js';

export const ProgressStatusType = builder.enumType('ProgressStatus', {
  description: 'Progress toward a target by the method of docs/progress.md; no_target: a figure no target governs.',
  values: [
    'achieved',
    'on_track',
    'needs_acceleration',
    'limited_progress',
    'deteriorating',
    'no_data',
    'no_target',
  ] as const,
});

const ObservationType = builder.objectRef<{ year: number; value: number; source?: string }>('Observation').implement({
  fields: (t) => ({
    year: t.exposeInt('year'),
    value: t.exposeFloat('value'),
    source: t.exposeString('source', { nullable: true, description: 'plan or first_observation, for baselines.' }),
  }),
});

/** A progress result with where it was computed, so a table can be reproduced exactly. */
export interface ProgressView {
  result: ProgressResult;
  logPosition: string;
}

export const ProgressType = builder.objectRef<ProgressView>('Progress').implement({
  description:
    'Progress of a target; `method` and `logPosition` say exactly which computation over which log produced it.',
  fields: (t) => ({
    status: t.field({ type: ProgressStatusType, resolve: (view) => view.result.status }),
    method: t.string({ resolve: (view) => view.result.method }),
    logPosition: t.field({ type: 'Position', resolve: (view) => view.logPosition }),
    ratio: t.float({
      nullable: true,
      description: 'Observed over required annual growth (R).',
      resolve: (view) => view.result.ratio ?? null,
    }),
    formula: t.string({ nullable: true, resolve: (view) => view.result.formula ?? null }),
    baseline: t.field({ type: ObservationType, nullable: true, resolve: (view) => view.result.baseline ?? null }),
    latest: t.field({ type: ObservationType, nullable: true, resolve: (view) => view.result.latest ?? null }),
    targetValue: t.float({ nullable: true, resolve: (view) => view.result.targetValue ?? null }),
    reason: t.string({ nullable: true, resolve: (view) => view.result.reason ?? null }),
  }),
});
