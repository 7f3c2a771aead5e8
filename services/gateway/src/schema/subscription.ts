import { formatCheckpoint, type RecordedEvent } from '@chitieu/event-store';
import type { GatewayContext } from '../context.js';
import { builder } from '../graphql/builder.js';
import { tenantsInView } from './reads.js';

const LiveEventType = builder.objectRef<RecordedEvent>('LiveEvent').implement({
  description: 'An event as it is recorded, delivered over Server-Sent Events.',
  fields: (t) => ({
    eventId: t.exposeID('eventId'),
    type: t.exposeString('type'),
    tenant: t.exposeString('tenant'),
    stream: t.exposeString('stream'),
    position: t.field({ type: 'Position', resolve: (event) => formatCheckpoint(event) }),
    recordedAt: t.field({ type: 'DateTime', resolve: (event) => event.recordedAt }),
    actor: t.string({ resolve: (event) => event.metadata.actor.id }),
    data: t.field({ type: 'JSON', resolve: (event) => event.data }),
  }),
});

/**
 * The tenants whose events the caller may see live, as row-level security would let it read them
 * (read/tenants.ts); undefined: all of them. Read in a transaction of its own, ended at once: the
 * stream that follows must hold none.
 */
async function visibleTenants(context: GatewayContext): Promise<Set<string> | undefined> {
  const actor = context.actor;
  if (actor?.role === 'ministry' || actor?.role === 'auditor') return undefined;
  const province = actor?.role === 'province' ? actor.province : undefined;
  if (!province) return new Set();
  return new Set(await tenantsInView(context, undefined, province));
}

builder.subscriptionField('events', (t) =>
  t.field({
    type: LiveEventType,
    authScopes: { authenticated: true },
    description: 'New events the caller may see, as they are recorded (`Accept: text/event-stream`).',
    args: { tenant: t.arg.string({ required: false, description: 'Only this tenant.' }) },
    subscribe: (_root, args, context) => follow(context, args.tenant ?? undefined),
    resolve: (event) => event,
  }),
);

async function* follow(context: GatewayContext, tenant: string | undefined): AsyncGenerator<RecordedEvent> {
  const allowed = await visibleTenants(context);
  const queue: RecordedEvent[] = [];
  let wake: (() => void) | undefined;
  const subscription = context.services.store.subscribe({
    // New events only: what commits from now on, an older transaction's included (event-store).
    from: 'now',
    ...(tenant && { tenant }),
    pollIntervalMs: 1000,
    handle: (events) => {
      for (const event of events) {
        if (allowed === undefined || allowed.has(event.tenant)) queue.push(event);
      }
      wake?.();
    },
  });
  try {
    for (;;) {
      while (queue.length > 0) yield queue.shift() as RecordedEvent;
      await Promise.race([
        new Promise<void>((resolve) => {
          wake = resolve;
        }),
        subscription.done,
      ]);
      wake = undefined;
    }
  } finally {
    await subscription.stop();
  }
}
