import { z } from 'zod';
import { reportingRoundClosedSchema, reportingRoundOpenedSchema, roundReportSubmittedSchema } from './events.js';

/**
 * The tenant the round lives in (`national`, `hai-duong`): the handler writes to
 * `streams.round(tenant, round)`, and `decide` checks that the actor may write there.
 */
const tenant = z.string().trim().min(1).max(63);

/** Data of `OpenReportingRound`: the round's event data plus its tenant. */
export const openReportingRoundDataSchema = reportingRoundOpenedSchema.extend({ tenant });
export type OpenReportingRoundData = z.infer<typeof openReportingRoundDataSchema>;

/** Data of `SubmitRoundReport`: who submitted at which level, when. `late` is computed, not given. */
export const submitRoundReportDataSchema = roundReportSubmittedSchema
  .omit({ late: true, daysLate: true })
  .extend({ tenant });
export type SubmitRoundReportData = z.infer<typeof submitRoundReportDataSchema>;

/** Data of `CloseReportingRound`. */
export const closeReportingRoundDataSchema = reportingRoundClosedSchema.extend({ tenant });
export type CloseReportingRoundData = z.infer<typeof closeReportingRoundDataSchema>;

/** Opens a round with its levels and deadlines (`ReportingRoundOpened`). */
export interface OpenReportingRound {
  type: 'OpenReportingRound';
  data: OpenReportingRoundData;
}

/** Records that a unit submitted its report for a level (`RoundReportSubmitted`, flagged late when late). */
export interface SubmitRoundReport {
  type: 'SubmitRoundReport';
  data: SubmitRoundReportData;
}

/** Closes a round: no submission is recorded after (`ReportingRoundClosed`). */
export interface CloseReportingRound {
  type: 'CloseReportingRound';
  data: CloseReportingRoundData;
}

/** The commands of a round stream `<tenant>/round/<id>`. */
export type RoundCommand = OpenReportingRound | SubmitRoundReport | CloseReportingRound;
