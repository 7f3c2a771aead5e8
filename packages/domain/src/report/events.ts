import { defineEvent } from '@chitieu/event-store';
import { z } from 'zod';
import type { EventData } from '../shared/decider.js';
import { figureFields, sourceSchema } from '../shared/figure.js';
import { periodSchema } from '../shared/period.js';

const id = z.string().trim().min(1).max(100);

/** How firm a reported figure is: "ước đạt" (estimate), preliminary, or final. */
export const reportStatusSchema = z.enum(['estimate', 'preliminary', 'final']);

/** The fields of a reported figure, shared by both events and by the commands that produce them. */
export const reportFigureFields = {
  ...figureFields,
  status: reportStatusSchema,
  source: sourceSchema,
  numerator: z.number().finite().nonnegative().optional(),
  denominator: z.number().finite().positive().optional(),
};

export const indicatorReported = defineEvent({
  type: 'IndicatorReported',
  version: 1,
  schema: z.strictObject({
    province: id,
    indicator: id,
    period: periodSchema,
    ...reportFigureFields,
    /** The successor that filed it on behalf of this (merged) province. */
    filedBy: id.optional(),
  }),
});

export const reportCorrected = defineEvent({
  type: 'ReportCorrected',
  version: 1,
  schema: z.strictObject({
    province: id,
    indicator: id,
    period: periodSchema,
    ...reportFigureFields,
    /** The event id of the report or correction it supersedes. */
    corrects: z.uuid(),
    reason: z.string().trim().min(1).max(2000),
    filedBy: id.optional(),
  }),
});

export const reportEvents = [indicatorReported, reportCorrected];

export type IndicatorReportedData = EventData<typeof indicatorReported>;
export type ReportCorrectedData = EventData<typeof reportCorrected>;
export type ReportEvent =
  | { type: 'IndicatorReported'; data: IndicatorReportedData }
  | { type: 'ReportCorrected'; data: ReportCorrectedData };
