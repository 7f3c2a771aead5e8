import { legalDocumentSchema } from '@chitieu/event-store';
import { z } from 'zod';

export type { LegalDocument } from '@chitieu/event-store';
/** A legal document as cited in events and metadata: one schema, the store's. */
export { legalDocumentSchema };

/** The kinds of provincial documents that adopt plans. */
export const planDocumentKindSchema = z.enum([
  'Kế hoạch',
  'Chương trình hành động',
  'Đề án',
  'Nghị quyết',
  'Quyết định',
]);
export type PlanDocumentKind = z.infer<typeof planDocumentKindSchema>;

/** ISO date (`2018-08-14`). */
export const isoDateSchema = z.iso.date();
