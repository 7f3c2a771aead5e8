import type { Command } from '@chitieu/commands';
import {
  closeReportingRoundDataSchema,
  correctReportDataSchema,
  indicatorDefined,
  indicatorRevised,
  openReportingRoundDataSchema,
  planAdopted,
  planSuperseded,
  planTaskAdded,
  planTaskReported,
  provinceIdSchema,
  provinceRegistered,
  provinceRenamed,
  provincesMerged,
  reportIndicatorDataSchema,
  submitRoundReportDataSchema,
  targetRevised,
  targetWithdrawn,
} from '@chitieu/domain';
import { z } from 'zod';

// The event schemas are zod objects; their definitions type them only as schemas.
const shape = (schema: z.ZodType) => (schema as unknown as z.ZodObject).shape;
const tenant = z.string().min(1).max(100);
const onPlan = (data: z.ZodType) => z.object({ tenant, plan: z.string().min(1).max(100), data });

/** Who may send a command (declared on the schema; the handler and the database check again). */
export type CommandScope = 'ministry' | 'province' | 'ministry_or_province';

export interface CommandInput {
  /** The mutation's name. */
  field: string;
  type: Command['type'];
  description: string;
  scope: CommandScope;
  /** The argument's shape, from the zod schemas of the domain; the deciders parse it again. */
  schema: z.ZodType;
  /** flat: the argument's fields are the command's; data: the argument is the command's `data`. */
  shape: 'flat' | 'data';
}

/** Every command of the domain as a mutation: data, not one resolver per command. */
export const COMMAND_INPUTS: readonly CommandInput[] = [
  {
    field: 'registerProvince',
    type: 'RegisterProvince',
    description: 'Register a province (ministry).',
    scope: 'ministry',
    schema: z.object({ ...shape(provinceRegistered.schema), succeeds: z.array(provinceIdSchema).optional() }),
    shape: 'flat',
  },
  {
    field: 'renameProvince',
    type: 'RenameProvince',
    description: 'Rename a province from a date, keeping its identity (ministry).',
    scope: 'ministry',
    schema: provinceRenamed.schema,
    shape: 'flat',
  },
  {
    field: 'mergeProvinces',
    type: 'MergeProvinces',
    description: 'Merge provinces into a registered successor (ministry).',
    scope: 'ministry',
    schema: provincesMerged.schema,
    shape: 'flat',
  },
  {
    field: 'defineIndicator',
    type: 'DefineIndicator',
    description: 'Define an indicator of the catalogue (ministry).',
    scope: 'ministry',
    schema: z.object({ ...shape(indicatorDefined.schema), aliases: z.array(z.string()).optional() }),
    shape: 'flat',
  },
  {
    field: 'reviseIndicator',
    type: 'ReviseIndicator',
    description: 'Revise an indicator, with a reason (ministry).',
    scope: 'ministry',
    schema: indicatorRevised.schema,
    shape: 'flat',
  },
  {
    field: 'adoptPlan',
    type: 'AdoptPlan',
    description: "Adopt a plan in the province's own tenant.",
    scope: 'province',
    schema: z.object({ tenant, data: (planAdopted.schema as unknown as z.ZodObject).omit({ plan: true }) }),
    shape: 'flat',
  },
  {
    field: 'reviseTarget',
    type: 'ReviseTarget',
    description: 'Revise a target under a legal document, from a date.',
    scope: 'province',
    schema: onPlan(targetRevised.schema),
    shape: 'flat',
  },
  {
    field: 'withdrawTarget',
    type: 'WithdrawTarget',
    description: 'Withdraw a target under a legal document; its history stays.',
    scope: 'province',
    schema: onPlan(targetWithdrawn.schema),
    shape: 'flat',
  },
  {
    field: 'addPlanTask',
    type: 'AddPlanTask',
    description: "Add a task of the plan's appendix.",
    scope: 'province',
    schema: onPlan(planTaskAdded.schema),
    shape: 'flat',
  },
  {
    field: 'reportPlanTask',
    type: 'ReportPlanTask',
    description: 'Report a task done, late or in progress.',
    scope: 'province',
    schema: onPlan(planTaskReported.schema),
    shape: 'flat',
  },
  {
    field: 'supersedePlan',
    type: 'SupersedePlan',
    description: 'Record that another plan replaces this one.',
    scope: 'province',
    schema: onPlan(planSuperseded.schema),
    shape: 'flat',
  },
  {
    field: 'reportIndicator',
    type: 'ReportIndicator',
    description:
      "Report a figure for an indicator and period (the province's own, or a merged predecessor's before the merger).",
    scope: 'province',
    schema: reportIndicatorDataSchema,
    shape: 'data',
  },
  {
    field: 'correctReport',
    type: 'CorrectReport',
    description: 'Correct a reported figure: a new version naming the one it supersedes, with a reason.',
    scope: 'province',
    schema: correctReportDataSchema,
    shape: 'data',
  },
  {
    field: 'openReportingRound',
    type: 'OpenReportingRound',
    description: 'Open a reporting round with its levels and deadlines.',
    scope: 'ministry_or_province',
    schema: openReportingRoundDataSchema,
    shape: 'data',
  },
  {
    field: 'submitRoundReport',
    type: 'SubmitRoundReport',
    description: 'Record a submission in a round (late ones are flagged, never refused).',
    scope: 'ministry_or_province',
    schema: submitRoundReportDataSchema,
    shape: 'data',
  },
  {
    field: 'closeReportingRound',
    type: 'CloseReportingRound',
    description: 'Close a round.',
    scope: 'ministry_or_province',
    schema: closeReportingRoundDataSchema,
    shape: 'data',
  },
];

/** The command a mutation's argument stands for. */
export function toCommand(input: CommandInput, argument: Record<string, unknown>): Command {
  return (input.shape === 'flat' ? { type: input.type, ...argument } : { type: input.type, data: argument }) as Command;
}
