import { defineEvent } from '@chitieu/event-store';
import { z } from 'zod';
import { comparatorSchema } from '../shared/comparator.js';
import type { EventData } from '../shared/decider.js';
import { isoDateSchema, legalDocumentSchema, planDocumentKindSchema } from '../shared/document.js';
import { figureFields, sourceSchema } from '../shared/figure.js';
import { unitSchema } from '../shared/units.js';

const year = z.number().int().min(1990).max(2100);
const id = z.string().trim().min(1).max(100);

/**
 * The document that adopts a plan: its number is unique within a province. `issuedOn` is optional
 * because documents do not always state it (seeds 000 and 002), and a fixture must not guess it; such
 * a plan counts from the first day of its period.
 */
export const planDocumentSchema = legalDocumentSchema.extend({
  kind: planDocumentKindSchema,
  issuer: z.string().trim().min(1).max(200),
});

/**
 * A reference figure of the plan. `value` may be absent when the document gives the year a relative
 * target is measured against but not the figure ("giảm 10% … so với năm 2015", Lai Châu 24-CTr/TU; or
 * "thêm tối thiểu 1,5 cm" in a 2026–2030 plan, counted from 2025 — see seed 002's notes): the figure
 * then comes from the province's reports for that year, and nothing is invented.
 */
export const baselineSchema = z.strictObject({
  indicator: id,
  year,
  ...figureFields,
  value: figureFields.value.optional(),
  source: sourceSchema.optional(),
});

const targetCommon = { target: id, indicator: id, year, source: sourceSchema.optional() };

/** "≥ 95% by 2025": a comparator and a value in a unit. */
export const absoluteTargetSchema = z.strictObject({
  kind: z.literal('absolute'),
  ...targetCommon,
  comparator: comparatorSchema,
  ...figureFields,
});

/**
 * "At least 10% fewer units than in 2015": a signed change against the baseline of `baselineYear`,
 * in percent of the baseline (`changeUnit: 'percent_of_baseline'`) or in the indicator's own unit.
 */
export const relativeTargetSchema = z.strictObject({
  kind: z.literal('relative'),
  ...targetCommon,
  baselineYear: year,
  comparator: comparatorSchema,
  change: z.number().finite(),
  changeUnit: z.union([z.literal('percent_of_baseline'), unitSchema]),
  written: z.string().trim().min(1).max(300).optional(),
});

/** "Trung tâm cấp cứu 115 established": met or not. */
export const milestoneTargetSchema = z.strictObject({
  kind: z.literal('milestone'),
  ...targetCommon,
  text: z.string().trim().min(1).max(500),
});

export const targetSchema = z.discriminatedUnion('kind', [
  absoluteTargetSchema,
  relativeTargetSchema,
  milestoneTargetSchema,
]);
export type Target = z.infer<typeof targetSchema>;

export const budgetLineSchema = z.strictObject({
  line: id,
  title: z.string().trim().min(1).max(500),
  amount: z.number().finite().nonnegative(),
  unit: z.literal('million_vnd'),
  written: z.string().trim().min(1).max(100).optional(),
  /** Where the money comes from (ngân sách trung ương, ngân sách tỉnh, xã hội hóa …). */
  fundingSource: z.string().trim().min(1).max(200).optional(),
  source: sourceSchema.optional(),
});

export const planAdopted = defineEvent({
  type: 'PlanAdopted',
  version: 1,
  schema: z.strictObject({
    plan: id,
    province: id,
    document: planDocumentSchema,
    /** Resolutions and programmes it implements: `["20-NQ/TW", "139/NQ-CP", "33-CTr/TU"]`. */
    implements: z.array(z.string().trim().min(1).max(100)).max(50),
    period: z.strictObject({ from: year, to: year }),
    baselines: z.array(baselineSchema).max(500),
    targets: z.array(targetSchema).max(500),
    budget: z.array(budgetLineSchema).max(500),
    source: sourceSchema.optional(),
  }),
});

export const targetRevised = defineEvent({
  type: 'TargetRevised',
  version: 1,
  schema: z.strictObject({
    target: id,
    comparator: comparatorSchema.optional(),
    value: z.number().finite().optional(),
    unit: unitSchema.optional(),
    written: z.string().trim().min(1).max(100).optional(),
    year: year.optional(),
    reason: z.string().trim().min(1).max(2000),
    document: legalDocumentSchema,
    effectiveOn: isoDateSchema,
  }),
});

export const targetWithdrawn = defineEvent({
  type: 'TargetWithdrawn',
  version: 1,
  schema: z.strictObject({
    target: id,
    reason: z.string().trim().min(1).max(2000),
    document: legalDocumentSchema,
    effectiveOn: isoDateSchema,
  }),
});

export const planTaskAdded = defineEvent({
  type: 'PlanTaskAdded',
  version: 1,
  schema: z.strictObject({
    task: id,
    title: z.string().trim().min(1).max(1000),
    lead: z.string().trim().min(1).max(300),
    partners: z.array(z.string().trim().min(1).max(300)).max(50),
    product: z.string().trim().min(1).max(500),
    /** The deadline as written (`"Năm 2019"`, `"Hàng năm"`, `"Quý IV/2018"`). */
    deadline: z.string().trim().min(1).max(100),
    /** The last day it is due, when the deadline names one; recurring or vague deadlines have none. */
    dueBy: isoDateSchema.optional(),
    source: sourceSchema.optional(),
  }),
});

export const planTaskReported = defineEvent({
  type: 'PlanTaskReported',
  version: 1,
  schema: z.strictObject({
    task: id,
    status: z.enum(['done', 'late', 'in_progress']),
    on: isoDateSchema,
    note: z.string().trim().min(1).max(2000).optional(),
  }),
});

export const planSuperseded = defineEvent({
  type: 'PlanSuperseded',
  version: 1,
  schema: z.strictObject({
    /** The stream id of the plan that replaces it. */
    by: z.string().trim().min(1).max(200),
    document: legalDocumentSchema,
    effectiveOn: isoDateSchema,
  }),
});

export const planEvents = [
  planAdopted,
  targetRevised,
  targetWithdrawn,
  planTaskAdded,
  planTaskReported,
  planSuperseded,
];

export type PlanAdoptedData = EventData<typeof planAdopted>;
export type TargetRevisedData = EventData<typeof targetRevised>;
export type TargetWithdrawnData = EventData<typeof targetWithdrawn>;
export type PlanTaskAddedData = EventData<typeof planTaskAdded>;
export type PlanTaskReportedData = EventData<typeof planTaskReported>;
export type PlanSupersededData = EventData<typeof planSuperseded>;

export type PlanEvent =
  | { type: 'PlanAdopted'; data: PlanAdoptedData }
  | { type: 'TargetRevised'; data: TargetRevisedData }
  | { type: 'TargetWithdrawn'; data: TargetWithdrawnData }
  | { type: 'PlanTaskAdded'; data: PlanTaskAddedData }
  | { type: 'PlanTaskReported'; data: PlanTaskReportedData }
  | { type: 'PlanSuperseded'; data: PlanSupersededData };
