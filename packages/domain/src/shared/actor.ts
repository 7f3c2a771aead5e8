import { type ActorRole, actorRoleSchema, eventMetadataSchema } from '@chitieu/event-store';
import type { z } from 'zod';

/** Who issues a command: the same shape the store records in every event's metadata. */
export const actorSchema = eventMetadataSchema.shape.actor;
export type Actor = z.infer<typeof actorSchema>;
export { type ActorRole, actorRoleSchema };

/** The tenant of everything national: the province registry, the indicator catalogue, national rounds. */
export const NATIONAL_TENANT = 'national';
