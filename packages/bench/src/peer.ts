import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { type Dumbo, dumbo, rawSql, setNodePostgresTypeParser } from '@event-driven-io/dumbo';
import type { Event } from '@event-driven-io/emmett';
import {
  DefaultPostgreSQLEventStoreProcessorPullingFrequencyInMs,
  getPostgreSQLEventStore,
  postgreSQLEventStoreConsumer,
  postgreSQLEventStoreMessageBatchPuller,
  readMessagesBatch,
} from '@event-driven-io/emmett-postgresql';
import pg from 'pg';
import {
  countInto,
  EVENT_TYPE,
  type Follower,
  type Metadata,
  metadataFor,
  PAYLOAD,
  type Payload,
  type Subject,
  sleep,
} from './workload.js';

/*
 * The peer's driver replaces pg's global parsers for int8, json and jsonb the first time it opens a
 * pool. In one process that would change how our store and the raw baseline parse rows too, so the
 * peer's parsers are taken here and given to the peer's own pool only, as if it ran alone.
 */
const SHARED_OIDS = [20, 114, 3802];
const pristine = SHARED_OIDS.map((oid) => [oid, pg.types.getTypeParser(oid)] as const);
setNodePostgresTypeParser();
const peerParsers = new Map(SHARED_OIDS.map((oid) => [oid, pg.types.getTypeParser(oid)] as const));
for (const [oid, parser] of pristine) pg.types.setTypeParser(oid, parser);
const peerTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    peerParsers.get(oid) ?? pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

type IndicatorValueReported = Event<typeof EVENT_TYPE, Payload, Metadata & { messageId: string }>;

export interface Peer extends Subject {
  readonly pool: Dumbo;
  readonly url: string;
}

/** Emmett's PostgreSQL event store 0.42 in the same database, with a pool of its own. */
export async function openPeer(url: string, maxConnections: number): Promise<Peer> {
  const pgPool = new pg.Pool({ connectionString: url, max: maxConnections, types: peerTypes });
  pgPool.on('error', () => {});
  const pool = dumbo({ connectionString: url, pool: pgPool });
  const store = getPostgreSQLEventStore(url, { connectionOptions: { dumbo: pool } });
  await store.schema.migrate();
  return {
    name: 'peer',
    pool,
    url,
    append: async (job) => {
      const events: IndicatorValueReported[] = job.ids.map((messageId) => ({
        type: EVENT_TYPE,
        data: PAYLOAD,
        metadata: { ...metadataFor(job.tenant, job.writer), messageId },
      }));
      await store.appendToStream(job.stream, events);
    },
    // The way its puller pages the log: after the last global position seen, ordered by transaction.
    readAll: async (pageSize) => {
      let events = 0;
      let after = 0n;
      for (;;) {
        const batch = await readMessagesBatch(pool.execute, { after, batchSize: pageSize });
        events += batch.messages.length;
        if (!batch.areMessagesLeft) return events;
        after = batch.currentGlobalPosition;
      }
    },
    close: async () => {
      await store.close();
      await pgPool.end();
    },
  };
}

async function lastGlobalPosition(peer: Peer): Promise<bigint> {
  const result = await peer.pool.execute.query<{ last: string | null }>(
    rawSql('SELECT max(global_position)::text AS last FROM emt_messages'),
  );
  return BigInt(result.rows[0]?.last ?? '0');
}

/*
 * The peer has no "caught up" signal: a reader is done once it has delivered the last position written
 * and then stayed quiet for longer than its longest idle poll (1 s), or once it has stalled.
 */
const QUIET_MS = 2500;
const STALL_MS = 20_000;

function tracker() {
  const seen = new Map<string, number>();
  let highest = 0n;
  let lastDelivery = performance.now();
  return {
    seen,
    deliver(messageId: string, globalPosition: bigint) {
      countInto(seen, messageId);
      if (globalPosition > highest) highest = globalPosition;
      lastDelivery = performance.now();
    },
    async quiet(end: bigint) {
      for (;;) {
        const idle = performance.now() - lastDelivery;
        if ((highest >= end && idle >= QUIET_MS) || idle >= STALL_MS) return;
        await sleep(100);
      }
    },
  };
}

/** The peer's documented way to follow its log: a consumer with a reactor, from the current end. */
export async function followPeerConsumer(peer: Peer, batchSize: number): Promise<Follower> {
  const track = tracker();
  const consumer = postgreSQLEventStoreConsumer({
    connectionString: peer.url,
    pool: peer.pool,
    pulling: { batchSize },
  });
  consumer.reactor({
    processorId: `bench-${randomUUID()}`,
    startFrom: { lastCheckpoint: await lastGlobalPosition(peer) },
    eachMessage: (message) => {
      track.deliver(message.metadata.messageId, message.metadata.globalPosition);
      return Promise.resolve();
    },
  });
  const running = consumer.start();
  return {
    label: 'peer: consumer + reactor',
    seen: track.seen,
    settle: async () => {
      await track.quiet(await lastGlobalPosition(peer));
      await consumer.stop();
      await running;
    },
  };
}

/** The layer under the consumer: its message batch puller, which pages the log with readMessagesBatch. */
export async function followPeerPuller(peer: Peer, batchSize: number): Promise<Follower> {
  const track = tracker();
  const abort = new AbortController();
  const puller = postgreSQLEventStoreMessageBatchPuller({
    executor: peer.pool.execute,
    batchSize,
    pullingFrequencyInMs: DefaultPostgreSQLEventStoreProcessorPullingFrequencyInMs,
    signal: abort.signal,
    eachBatch: (messages) => {
      for (const message of messages) track.deliver(message.metadata.messageId, message.metadata.globalPosition);
      return Promise.resolve();
    },
  });
  const running = puller.start({ startFrom: { lastCheckpoint: await lastGlobalPosition(peer) } });
  return {
    label: 'peer: message batch puller',
    seen: track.seen,
    settle: async () => {
      await track.quiet(await lastGlobalPosition(peer));
      abort.abort();
      await puller.stop();
      await running;
    },
  };
}
