import { type DatabaseHandle, migrateToLatest } from '@chitieu/database';
import {
  appendToStream,
  type Checkpoint,
  defineEvent,
  EventRegistry,
  readAllBatches,
  registerTenant,
  START,
  subscribe,
} from '@chitieu/event-store';
import { z } from 'zod';
import {
  type AppendJob,
  countInto,
  EVENT_TYPE,
  type Follower,
  metadataFor,
  PAYLOAD,
  type Subject,
  TENANTS,
} from './workload.js';

const registry = new EventRegistry([
  defineEvent({
    type: EVENT_TYPE,
    version: 1,
    schema: z.strictObject({
      indicator: z.string().min(1),
      year: z.number().int().min(1900).max(2100),
      value: z.number(),
      unit: z.string().min(1),
    }),
  }),
]);

const TENANT_NAMES: Record<string, string> = {
  'kien-giang': 'Kiên Giang',
  'an-giang': 'An Giang',
  'ca-mau': 'Cà Mau',
  'can-tho': 'Cần Thơ',
  'dong-thap': 'Đồng Tháp',
  'soc-trang': 'Sóc Trăng',
  'bac-lieu': 'Bạc Liêu',
  'hau-giang': 'Hậu Giang',
};

/** The event store on a fresh database: migrated, with the eight tenants registered. */
export async function openOurs(handle: DatabaseHandle): Promise<Subject> {
  await migrateToLatest(handle.db);
  for (const id of TENANTS) await registerTenant(handle.db, { id, name: TENANT_NAMES[id] ?? id });
  return {
    name: 'ours',
    append: async (job: AppendJob) => {
      const metadata = metadataFor(job.tenant, job.writer);
      await appendToStream(handle.db, registry, {
        tenant: job.tenant,
        stream: job.stream,
        expected: 'any',
        events: job.ids.map((id) => ({ id, type: EVENT_TYPE, data: PAYLOAD, metadata })),
      });
    },
    readAll: async (pageSize) => {
      let events = 0;
      for await (const batch of readAllBatches(handle.db, registry, { limit: pageSize })) events += batch.events.length;
      return events;
    },
    close: () => handle.close(),
  };
}

// Taken while no writer runs, so it is the end of the log in commit order.
async function endOfLog(handle: DatabaseHandle): Promise<Checkpoint> {
  const last = await handle.db
    .selectFrom('events')
    .select(['transaction_id', 'position'])
    .orderBy('transaction_id', 'desc')
    .orderBy('position', 'desc')
    .limit(1)
    .executeTakeFirst();
  return last ? { transactionId: last.transaction_id, position: last.position } : START;
}

/** Our subscription from the end of the log, as an application would follow it. */
export async function followOurs(handle: DatabaseHandle, batchSize: number): Promise<Follower> {
  const seen = new Map<string, number>();
  const subscription = subscribe(handle, registry, {
    from: await endOfLog(handle),
    batchSize,
    handle: (events) => {
      for (const event of events) countInto(seen, event.eventId);
    },
  });
  return {
    label: 'ours: subscribe()',
    seen,
    settle: async () => {
      await subscription.caughtUp();
      await subscription.stop();
      await subscription.done;
    },
  };
}
