import type { Actor } from '@chitieu/domain';
import type { GatewayBuilder } from './builder.js';

/**
 * `Query.viewer`: who the caller is, null when anonymous. Clients use it to choose what to show; it
 * also keeps the schema non-empty before any read model is exposed.
 */
export function addViewer(builder: GatewayBuilder): void {
  const ActorRole = builder.enumType('ActorRole', {
    description: 'What an actor may do: compare provinces, manage one province, audit, or the platform itself.',
    values: ['ministry', 'province', 'auditor', 'system'] as const,
  });

  const Viewer = builder.objectRef<Actor>('Viewer').implement({
    description: 'The caller, as named by their token.',
    fields: (t) => ({
      id: t.exposeID('id'),
      role: t.field({ type: ActorRole, resolve: (actor) => actor.role }),
      province: t.exposeString('province', {
        nullable: true,
        description: "The province the actor manages; only for role 'province'.",
      }),
    }),
  });

  builder.queryField('viewer', (t) =>
    t.field({
      type: Viewer,
      nullable: true,
      description: 'The caller, or null when the request carries no token.',
      resolve: (_root, _args, context) => context.actor ?? null,
    }),
  );
}
