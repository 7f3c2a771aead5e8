import { defineEvent } from '@chitieu/event-store';
import { z } from 'zod';
import type { EventData } from '../shared/decider.js';
import { isoDateSchema, legalDocumentSchema } from '../shared/document.js';

/**
 * A province id: a slug (`kien-giang`, `thai-nguyen-2025`) that is also the province's tenant id,
 * hence the tenant length limit of 63.
 */
export const provinceIdSchema = z
  .string()
  .max(63)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a province id is a slug: lowercase ASCII letters, digits and hyphens');

/** A statistical code as text (`"06"`, `"91"`): leading zeros matter, and codes are reused. */
export const provinceCodeSchema = z.string().regex(/^[0-9]{2,3}$/, 'a statistical code is 2 or 3 digits');

export const provinceNameSchema = z.string().trim().min(1).max(100);

export const provinceRegistered = defineEvent({
  type: 'ProvinceRegistered',
  version: 1,
  schema: z.strictObject({
    province: provinceIdSchema,
    code: provinceCodeSchema,
    name: provinceNameSchema,
    /** First day, or null for the 63 provinces that predate anything the platform records. */
    validFrom: isoDateSchema.nullable(),
    legalBasis: legalDocumentSchema.optional(),
  }),
});

/** Same identity, new name from `effectiveOn` (Thừa Thiên Huế → Huế). */
export const provinceRenamed = defineEvent({
  type: 'ProvinceRenamed',
  version: 1,
  schema: z.strictObject({
    province: provinceIdSchema,
    name: provinceNameSchema,
    effectiveOn: isoDateSchema,
    legalBasis: legalDocumentSchema,
  }),
});

/** Ends every predecessor on the day before `effectiveOn` and records the lineage. */
export const provincesMerged = defineEvent({
  type: 'ProvincesMerged',
  version: 1,
  schema: z.strictObject({
    successor: provinceIdSchema,
    predecessors: z.array(provinceIdSchema).min(2).max(10),
    effectiveOn: isoDateSchema,
    legalBasis: legalDocumentSchema,
  }),
});

export const registryEvents = [provinceRegistered, provinceRenamed, provincesMerged];

export type ProvinceRegisteredData = EventData<typeof provinceRegistered>;
export type ProvinceRenamedData = EventData<typeof provinceRenamed>;
export type ProvincesMergedData = EventData<typeof provincesMerged>;

export type RegistryEvent =
  | { type: 'ProvinceRegistered'; data: ProvinceRegisteredData }
  | { type: 'ProvinceRenamed'; data: ProvinceRenamedData }
  | { type: 'ProvincesMerged'; data: ProvincesMergedData };
