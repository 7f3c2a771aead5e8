import { defineEvent } from '@chitieu/event-store';
import { z } from 'zod';
import type { EventData } from '../shared/decider.js';
import { isoDateSchema, legalDocumentSchema } from '../shared/document.js';
import { sourceSchema } from '../shared/figure.js';

const id = z.string().trim().min(1).max(100);

/** The administrative levels a report climbs: commune → district → province → centre. */
export const roundLevelSchema = z.enum(['commune', 'district', 'province', 'centre']);
export type RoundLevel = z.infer<typeof roundLevelSchema>;

export const outlineSectionSchema: z.ZodType<OutlineSection> = z.lazy(() =>
  z.strictObject({
    section: z.string().trim().min(1).max(20),
    title: z.string().trim().min(1).max(1000),
    items: z.array(outlineSectionSchema).max(100).optional(),
  }),
);
export interface OutlineSection {
  section: string;
  title: string;
  items?: OutlineSection[] | undefined;
}

/** One level of a round: who reports, to whom, by when. Exported for the OpenReportingRound command. */
export const roundLevelSpecSchema = z.strictObject({
  level: roundLevelSchema,
  /** Who reports at this level (`"Đảng ủy các xã, phường, thị trấn"`). */
  reporters: z.string().trim().min(1).max(500),
  /** To whom (`"Ban Thường vụ huyện ủy"`). */
  reportsTo: z.string().trim().min(1).max(500),
  deadline: isoDateSchema,
  /** As written (`"trước ngày 01/10/2022"`). */
  written: z.string().trim().min(1).max(200).optional(),
});
export type RoundLevelSpec = z.infer<typeof roundLevelSpecSchema>;

/** Data of ReportingRoundOpened; exported so that the commands extend it rather than repeat it. */
export const reportingRoundOpenedSchema = z.strictObject({
  round: id,
  title: z.string().trim().min(1).max(1000),
  implements: z.array(z.string().trim().min(1).max(100)).max(50),
  document: legalDocumentSchema,
  levels: z.array(roundLevelSpecSchema).min(1).max(10),
  outline: z.array(outlineSectionSchema).max(100),
  source: sourceSchema.optional(),
});

export const reportingRoundOpened = defineEvent({
  type: 'ReportingRoundOpened',
  version: 1,
  schema: reportingRoundOpenedSchema,
});

/** Data of RoundReportSubmitted. */
export const roundReportSubmittedSchema = z.strictObject({
  round: id,
  level: roundLevelSchema,
  /** Who submitted (`"Huyện ủy Kinh Môn"`). */
  unit: z.string().trim().min(1).max(300),
  /**
   * Which step of the level, when the level reports to more than one body (Hải Dương's province level:
   * Sở Y tế's draft to Ban Tuyên giáo by 25/10, then Ban Tuyên giáo's report to Thường trực by 30/10).
   */
  reportsTo: z.string().trim().min(1).max(500).optional(),
  submittedOn: isoDateSchema,
  /** Computed from the level's deadline: a late report is flagged, never refused. */
  late: z.boolean(),
  daysLate: z.number().int().nonnegative(),
});

export const roundReportSubmitted = defineEvent({
  type: 'RoundReportSubmitted',
  version: 1,
  schema: roundReportSubmittedSchema,
});

/** Data of ReportingRoundClosed. */
export const reportingRoundClosedSchema = z.strictObject({ round: id, closedOn: isoDateSchema });

export const reportingRoundClosed = defineEvent({
  type: 'ReportingRoundClosed',
  version: 1,
  schema: reportingRoundClosedSchema,
});

export const roundEvents = [reportingRoundOpened, roundReportSubmitted, reportingRoundClosed];

export type ReportingRoundOpenedData = EventData<typeof reportingRoundOpened>;
export type RoundReportSubmittedData = EventData<typeof roundReportSubmitted>;
export type ReportingRoundClosedData = EventData<typeof reportingRoundClosed>;
export type RoundEvent =
  | { type: 'ReportingRoundOpened'; data: ReportingRoundOpenedData }
  | { type: 'RoundReportSubmitted'; data: RoundReportSubmittedData }
  | { type: 'ReportingRoundClosed'; data: ReportingRoundClosedData };
