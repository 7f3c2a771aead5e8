import { type ActorRole, actorRoleSchema, eventMetadataSchema } from '@chitieu/event-store';
import type { z } from 'zod';
import { forbidden } from './errors.js';

/** Who issues a command: the same shape the store records in every event's metadata. */
export const actorSchema = eventMetadataSchema.shape.actor;
export type Actor = z.infer<typeof actorSchema>;
export { type ActorRole, actorRoleSchema };

/** The tenant of everything national: the province registry, the indicator catalogue, national rounds. */
export const NATIONAL_TENANT = 'national';

/**
 * A second line of defence behind the handler's authorisation for national data (the registry, the
 * catalogue): only the ministry, or the system loading reference data, may change it.
 */
export function requireNationalActor(actor: Actor, keeps: string, action: string): void {
  if (actor.role === 'ministry' || actor.role === 'system') return;
  throw forbidden(`only the ministry keeps ${keeps}; a ${actor.role} actor may not ${action}`, {
    actor: actor.id,
    role: actor.role,
  });
}
