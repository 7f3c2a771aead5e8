import { z } from 'zod';

/** The legal document an event rests on, as the documents cite themselves (`132/KH-UBND`). */
export const legalDocumentSchema = z.strictObject({
  number: z.string().trim().min(1).max(100),
  kind: z.string().trim().min(1).max(100).optional(),
  issuer: z.string().trim().min(1).max(200).optional(),
  issuedOn: z.iso.date().optional(),
  title: z.string().trim().min(1).max(500).optional(),
});

export const actorRoleSchema = z.enum(['ministry', 'province', 'auditor', 'system']);

/** Who did it, why, under which document, from where: stored with every event and hashed with it. */
export const eventMetadataSchema = z.strictObject({
  actor: z.strictObject({
    id: z.string().trim().min(1).max(200),
    role: actorRoleSchema,
    /** The province tenant the actor belongs to, for province actors. */
    province: z.string().min(1).max(63).optional(),
  }),
  correlationId: z.uuid().optional(),
  causationId: z.uuid().optional(),
  document: legalDocumentSchema.optional(),
  /** Where the figure came from: a file and place, an import, a form. */
  source: z.string().trim().min(1).max(500).optional(),
});

export type EventMetadata = z.infer<typeof eventMetadataSchema>;
export type ActorRole = z.infer<typeof actorRoleSchema>;
export type LegalDocument = z.infer<typeof legalDocumentSchema>;
