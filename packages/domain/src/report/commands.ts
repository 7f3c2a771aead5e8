import { z } from 'zod';
import { periodSchema } from '../shared/period.js';
import { reportFigureFields } from './events.js';

const id = z.string().trim().min(1).max(100);

/**
 * Data of `ReportIndicator`: the first figure of a province's indicator for a period. `province` is
 * the report's province, which is also the stream's tenant: the handler writes to
 * `streams.report(province, indicator, period)`. There is no `filedBy` here: `decide` sets it from
 * the actor when a successor files on behalf of a merged predecessor.
 */
export const reportIndicatorDataSchema = z.strictObject({
  province: id,
  indicator: id,
  period: periodSchema,
  ...reportFigureFields,
});
export type ReportIndicatorData = z.infer<typeof reportIndicatorDataSchema>;

/**
 * Data of `CorrectReport`: a new version of the figure. `corrects` is the event id of the version
 * being corrected and must be the current one (optimistic check at the level of the figure: whoever
 * corrects has seen what they correct); `reason` is required.
 */
export const correctReportDataSchema = reportIndicatorDataSchema.extend({
  corrects: z.uuid(),
  reason: z.string().trim().min(1).max(2000),
});
export type CorrectReportData = z.infer<typeof correctReportDataSchema>;

/** Files the first figure of an indicator for a period (`IndicatorReported`). */
export interface ReportIndicator {
  type: 'ReportIndicator';
  data: ReportIndicatorData;
}

/** Supersedes the current figure with a new version (`ReportCorrected`). */
export interface CorrectReport {
  type: 'CorrectReport';
  data: CorrectReportData;
}

/** The commands of a report stream `<tenant>/report/<indicator>/<period>`. */
export type ReportCommand = ReportIndicator | CorrectReport;
