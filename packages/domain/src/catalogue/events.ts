import { defineEvent } from '@chitieu/event-store';
import { z } from 'zod';
import type { EventData } from '../shared/decider.js';
import { legalDocumentSchema } from '../shared/document.js';
import { sourceSchema } from '../shared/figure.js';
import { combineSchema, directionSchema } from '../shared/reference.js';
import { unitSchema } from '../shared/units.js';

/** A stable indicator code (`life_expectancy`): it appears in stream ids, so ASCII snake case only. */
export const indicatorCodeSchema = z
  .string()
  .max(60)
  .regex(/^[a-z][a-z0-9_]*$/, 'an indicator code is lowercase ASCII: a letter, then letters, digits or _');

const nameSchema = z.string().trim().min(1).max(300);

/** The fields that define an indicator, shared by definition and revision. */
const definitionFields = {
  nameVi: nameSchema,
  nameEn: nameSchema,
  unit: unitSchema,
  direction: directionSchema,
  combine: combineSchema,
  description: z.string().trim().min(1).max(2000).optional(),
  /** Other ways documents name it, for the importer. */
  aliases: z.array(nameSchema).max(50),
  /** Where it comes from (`20-NQ/TW; seeds 000 II.2, 004 II.2`). */
  source: sourceSchema.optional(),
};

export const indicatorDefined = defineEvent({
  type: 'IndicatorDefined',
  version: 1,
  schema: z.strictObject({ code: indicatorCodeSchema, ...definitionFields }),
});

/** Only the fields that changed, why, and under which document. */
export const indicatorRevised = defineEvent({
  type: 'IndicatorRevised',
  version: 1,
  schema: z.strictObject({
    code: indicatorCodeSchema,
    nameVi: definitionFields.nameVi.optional(),
    nameEn: definitionFields.nameEn.optional(),
    unit: definitionFields.unit.optional(),
    direction: definitionFields.direction.optional(),
    combine: definitionFields.combine.optional(),
    description: definitionFields.description,
    aliases: definitionFields.aliases.optional(),
    source: definitionFields.source,
    reason: z.string().trim().min(1).max(2000),
    document: legalDocumentSchema.optional(),
  }),
});

export const catalogueEvents = [indicatorDefined, indicatorRevised];

export type IndicatorDefinedData = EventData<typeof indicatorDefined>;
export type IndicatorRevisedData = EventData<typeof indicatorRevised>;

/** The fields a revision may change. */
export const REVISABLE_FIELDS = [
  'nameVi',
  'nameEn',
  'unit',
  'direction',
  'combine',
  'description',
  'aliases',
  'source',
] as const satisfies ReadonlyArray<keyof IndicatorDefinedData>;
export type RevisableField = (typeof REVISABLE_FIELDS)[number];

export type CatalogueEvent =
  | { type: 'IndicatorDefined'; data: IndicatorDefinedData }
  | { type: 'IndicatorRevised'; data: IndicatorRevisedData };
