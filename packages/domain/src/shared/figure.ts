import { z } from 'zod';
import { unitSchema } from './units.js';

/** Where a figure or a fact came from: a seed file and place, an import row, a form. */
export const sourceSchema = z.string().trim().min(1).max(500);

/** A value as a document writes it and as the platform computes with it. */
export const figureFields = {
  value: z.number().finite(),
  unit: unitSchema,
  /** The figure exactly as written (`"18,47‰"`, `"> 95%"`), kept beside the parsed value. */
  written: z.string().trim().min(1).max(100).optional(),
};
