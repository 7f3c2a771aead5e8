import type { EventRow } from '@chitieu/database';
import { formatCheckpoint, verifyTenant } from '@chitieu/event-store';
import { builder } from '../graphql/builder.js';
import { auditEvents } from '../read/audit.js';
import { read } from './reads.js';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const positionOf = (row: EventRow) => formatCheckpoint({ transactionId: row.transaction_id, position: row.position });

export const EventType = builder.objectRef<EventRow>('Event').implement({
  description: 'An event exactly as the log holds it: who recorded what, when, under which document, chained by hash.',
  fields: (t) => ({
    eventId: t.exposeID('event_id'),
    position: t.field({
      type: 'Position',
      description: 'Commit order: `<transactionId>:<position>`.',
      resolve: positionOf,
    }),
    tenant: t.exposeString('tenant_id'),
    tenantSeq: t.string({
      description: 'Place in the tenant’s hash chain.',
      resolve: (row) => row.tenant_seq.toString(),
    }),
    stream: t.exposeString('stream_id'),
    streamVersion: t.exposeInt('stream_version'),
    type: t.exposeString('type'),
    schemaVersion: t.exposeInt('schema_version'),
    data: t.field({ type: 'JSON', resolve: (row) => row.data }),
    metadata: t.field({
      type: 'JSON',
      description: 'Actor, document, source, correlation.',
      resolve: (row) => row.metadata,
    }),
    actor: t.string({
      nullable: true,
      resolve: (row) => (row.metadata as { actor?: { id?: string } })?.actor?.id ?? null,
    }),
    documentNumber: t.string({
      nullable: true,
      resolve: (row) => (row.metadata as { document?: { number?: string } })?.document?.number ?? null,
    }),
    recordedAt: t.field({ type: 'DateTime', resolve: (row) => row.recorded_at }),
    prevHash: t.string({ resolve: (row) => hex(row.prev_hash) }),
    hash: t.string({ resolve: (row) => hex(row.hash) }),
  }),
});

const EventFilterInput = builder.inputType('EventFilter', {
  fields: (t) => ({
    tenant: t.string({ required: false }),
    stream: t.string({ required: false }),
    types: t.stringList({ required: false }),
    from: t.field({ type: 'DateTime', required: false, description: 'Recorded at or after.' }),
    to: t.field({ type: 'DateTime', required: false, description: 'Recorded at or before.' }),
    actor: t.string({ required: false, description: 'The id of the actor who recorded it.' }),
    document: t.string({ required: false, description: 'The number of the document it rests on.' }),
  }),
});

builder.queryField('events', (t) =>
  t.connection({
    type: EventType,
    description: 'The raw event log in commit order, for auditors (and the ministry). Cursors are positions.',
    authScopes: { auditor: true, ministry: true },
    args: {
      filter: t.arg({ type: EventFilterInput, required: false }),
      asOf: t.arg({
        type: 'DateTime',
        required: false,
        description:
          'Only events recorded at or before this instant: the log as it stood then. With `filter.to`, the earlier bound holds. Now when omitted.',
      }),
    },
    resolve: async (_root, args, context) => {
      const first = Math.min(args.first ?? 100, 500);
      const filter = args.filter ?? {};
      const rows = await read(context, args.asOf ?? undefined, (scope) =>
        auditEvents(
          scope,
          {
            tenant: filter.tenant ?? undefined,
            stream: filter.stream ?? undefined,
            types: filter.types ?? undefined,
            from: filter.from ?? undefined,
            to: filter.to ?? undefined,
            actor: filter.actor ?? undefined,
            document: filter.document ?? undefined,
          },
          { ...(args.after ? { after: args.after } : {}), first },
        ),
      );
      const page = rows.slice(0, first);
      return {
        edges: page.map((row) => ({ cursor: positionOf(row), node: row })),
        pageInfo: {
          hasNextPage: rows.length > first,
          hasPreviousPage: args.after !== undefined && args.after !== null,
          startCursor: page[0] ? positionOf(page[0]) : null,
          endCursor: page.at(-1) ? positionOf(page.at(-1) as EventRow) : null,
        },
      };
    },
  }),
);

const VerificationType = builder
  .objectRef<{
    ok: boolean;
    tenant: string;
    checked: number;
    kind?: string;
    message?: string;
    head?: string;
    eventId?: string;
  }>('ChainVerification')
  .implement({
    description: "The result of walking a tenant's hash chain from its first event.",
    fields: (t) => ({
      ok: t.exposeBoolean('ok'),
      tenant: t.exposeString('tenant'),
      checked: t.exposeInt('checked'),
      kind: t.string({
        nullable: true,
        description: 'altered, removed, inserted or reordered.',
        resolve: (r) => r.kind ?? null,
      }),
      message: t.string({ nullable: true, resolve: (r) => r.message ?? null }),
      eventId: t.string({
        nullable: true,
        description: 'The first event found wrong.',
        resolve: (r) => r.eventId ?? null,
      }),
      head: t.string({
        nullable: true,
        description: '`<tenantSeq>:<hash>`: note it to detect a rewritten tail later.',
        resolve: (r) => r.head ?? null,
      }),
    }),
  });

builder.queryField('verifyChain', (t) =>
  t.field({
    type: VerificationType,
    authScopes: { auditor: true, ministry: true },
    args: {
      tenant: t.arg.string({ required: true }),
      trustedHead: t.arg.string({ required: false, description: 'A head noted earlier, `<tenantSeq>:<hash>`.' }),
    },
    resolve: async (_root, args, context) => {
      const trusted = args.trustedHead ? /^(\d+):([0-9a-f]{64})$/.exec(args.trustedHead) : null;
      const options = trusted
        ? { trustedHead: { tenantSeq: BigInt(trusted[1] as string), hash: trusted[2] as string } }
        : {};
      // In the request's transaction, like every read of a query (see read()).
      const result = await read(context, undefined, (scope) => verifyTenant(scope.trx, args.tenant, options));
      if (result.ok) {
        return {
          ok: true,
          tenant: result.tenant,
          checked: result.checked,
          ...(result.head && { head: `${result.head.tenantSeq}:${result.head.hash}` }),
        };
      }
      return {
        ok: false,
        tenant: result.tenant,
        checked: result.checked,
        kind: result.kind,
        message: result.message,
        ...(result.event && { eventId: result.event.eventId }),
      };
    },
  }),
);
