import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { connect, type DatabaseHandle } from '@chitieu/database';
import { sql } from 'kysely';
import { underLoad } from './correctness.js';
import { followOurs, openOurs } from './ours.js';
import { followPeerConsumer, followPeerPuller, openPeer } from './peer.js';
import { openRawPGlite, openRawServer } from './raw-baseline.js';
import { createScratchDatabase } from './scratch-database.js';
import type { EngineReport, Measurement } from './table.js';
import { type Follower, runWriters, type Subject, type Timed, time, type WriteLoad } from './workload.js';

export interface EngineOptions {
  engine: 'pglite' | 'postgres';
  serverUrl: string;
  events: number;
  writers: number;
  /** Registers clean-up to run if the process is interrupted. */
  onCleanup: (cleanup: () => Promise<void>) => void;
}

const POOL_SIZE = 10;
const READ_PAGE = 1000;
// The peer consumer's default batch: the same for every follower, so each crosses as many page ends.
const FOLLOWER_BATCH = 100;
const WARM_UP_PER_WRITER = 25;
const GOALS = { single: 0.8, batch: 0.7, readAll: 0.8, flat: 0.8 };

interface Setup {
  subjects: Subject[];
  followers: Map<Subject['name'], () => Promise<Follower[]>>;
  version: string;
  notes: string[];
  close(): Promise<void>;
}

const log = (message: string) => process.stderr.write(`${message}\n`);

async function setUpServer(options: EngineOptions): Promise<Setup> {
  const scratch = await createScratchDatabase(options.serverUrl);
  options.onCleanup(scratch.drop);
  log(`[postgres] scratch database ${scratch.name}`);
  const handle = await connect({ url: scratch.url, maxConnections: POOL_SIZE });
  const ours = await openOurs(handle);
  const raw = await openRawServer(scratch.url, POOL_SIZE);
  const peer = await openPeer(scratch.url, POOL_SIZE);
  return {
    subjects: [ours, raw, peer],
    followers: new Map([
      ['ours', async () => [await followOurs(handle, FOLLOWER_BATCH)]],
      [
        'peer',
        async () => [await followPeerConsumer(peer, FOLLOWER_BATCH), await followPeerPuller(peer, FOLLOWER_BATCH)],
      ],
    ]),
    version: await versionOf(handle),
    notes: [
      `ours: appendToStream / readAll / subscribe of @chitieu/event-store on connect({ maxConnections: ${POOL_SIZE} }).`,
      `raw: table raw_events (the columns of events, bigserial key, nothing else) on its own pg pool of ${POOL_SIZE}; ` +
        'one bound INSERT per event; batches by COPY … FROM STDIN (csv); read-all keyset-paged on position.',
      `peer: @event-driven-io/emmett-postgresql 0.42.0 on its own pg pool of ${POOL_SIZE}; appendToStream is ` +
        'BEGIN; emt_append_to_stream(); COMMIT; read-all pages with readMessagesBatch as its puller does.',
      'peer readers resume after the last global position delivered while ordering by transaction id: a ' +
        'transaction that took lower positions but committed after a page end is skipped; a page ending on ' +
        'a lower position than events before it re-reads them. The reactor drops messages at or below its ' +
        'stored checkpoint, which turns those re-reads into skips.',
      'the peer has no tenants: its writers write the same streams in the 8-tenant and 1-tenant rows.',
      `scratch database ${scratch.name}, dropped at the end.`,
    ],
    close: async () => {
      for (const subject of [peer, raw, ours]) await subject.close();
      await scratch.drop();
    },
  };
}

async function setUpPGlite(): Promise<Setup> {
  const handle = await connect();
  const ours = await openOurs(handle);
  const raw = await openRawPGlite(handle);
  return {
    subjects: [ours, raw],
    followers: new Map([['ours', async () => [await followOurs(handle, FOLLOWER_BATCH)]]]),
    version: await versionOf(handle),
    notes: [
      'PGlite has one connection: the 8 "concurrent" writers (and the reader beside them) take turns on it, ' +
        'so these are single-connection figures, not concurrency.',
      'raw: table raw_events in the same PGlite instance, through the same Kysely driver; batches by a bound ' +
        'multi-row INSERT (no COPY here). No peer: emmett-postgresql needs a server. No goals on PGlite.',
    ],
    close: () => ours.close(),
  };
}

async function versionOf(handle: DatabaseHandle): Promise<string> {
  const { rows } = await sql<{ version: string }>`SELECT version()`.execute(handle.db);
  return (rows[0]?.version ?? 'unknown').split(' on ')[0] ?? 'unknown';
}

async function eachSubject(
  setup: Setup,
  label: string,
  work: (subject: Subject) => Promise<Timed>,
): Promise<Map<Subject['name'], Timed>> {
  const results = new Map<Subject['name'], Timed>();
  for (const subject of setup.subjects) {
    const result = await work(subject);
    results.set(subject.name, result);
    log(
      `  ${label} ${subject.name}: ${Math.round(result.perSecond)} ev/s (${result.events} in ${result.seconds.toFixed(2)} s)`,
    );
  }
  return results;
}

function measurement(operation: string, results: Map<Subject['name'], Timed>, target: number | null): Measurement {
  const rate = (name: Subject['name']) => results.get(name)?.perSecond ?? null;
  const ours = rate('ours') ?? 0;
  const raw = rate('raw') ?? 0;
  const peer = rate('peer');
  const oursOverRaw = ours / raw;
  return {
    operation,
    events: results.get('ours')?.events ?? 0,
    ours,
    raw,
    peer,
    oursOverRaw,
    oursOverPeer: peer === null ? null : ours / peer,
    goal: target,
    met: target === null ? null : oursOverRaw >= target,
  };
}

/** Every measurement of one engine, in one database, in an order that grows each log alike. */
export async function runEngine(options: EngineOptions): Promise<EngineReport> {
  const started = performance.now();
  const setup = options.engine === 'postgres' ? await setUpServer(options) : await setUpPGlite();
  const server = options.engine === 'postgres';
  const target = (goal: number) => (server ? goal : null);
  const { events, writers } = options;
  const writes = (phase: string, tenants: 'one' | 'many', eventsPerAppend: number, count = events): WriteLoad => ({
    phase,
    events: count,
    writers,
    eventsPerAppend,
    tenants,
  });
  const append = (load: WriteLoad) => (subject: Subject) => runWriters(load, (job) => subject.append(job));
  const readAll = (subject: Subject) => time(() => subject.readAll(READ_PAGE));
  try {
    log(`[${options.engine}] ${setup.version}: ${events} events per measurement, ${writers} writers`);
    await eachSubject(setup, 'warm-up', append(writes('warm', 'many', 1, WARM_UP_PER_WRITER * writers)));
    const single8 = await eachSubject(setup, 'append 1/tx 8 tenants', append(writes('single8', 'many', 1)));
    const read1 = await eachSubject(setup, 'read-all', readAll);
    const single1 = await eachSubject(setup, 'append 1/tx 1 tenant', append(writes('single1', 'one', 1)));
    const batch = await eachSubject(setup, 'append 100/tx', append(writes('batch', 'many', 100)));

    const readers = [];
    let loadEvents = 0;
    for (const subject of setup.subjects) {
      const follow = setup.followers.get(subject.name) ?? (async () => []);
      const result = await underLoad(subject, follow, writes('load', 'many', 1));
      loadEvents = result.append.events;
      readers.push(...result.readers);
      for (const reader of result.readers) log(`  correctness ${JSON.stringify(reader)}`);
    }
    const read4 = await eachSubject(setup, 'read-all', readAll);

    const size = (results: Map<Subject['name'], Timed>) => (results.get('ours')?.events ?? 0).toLocaleString('en-US');
    const growth = (name: Subject['name']) => {
      const before = read1.get(name)?.perSecond;
      const after = read4.get(name)?.perSecond;
      return before && after ? after / before : null;
    };
    const oursGrowth = growth('ours') ?? 0;
    return {
      engine: options.engine,
      header: {
        date: new Date().toISOString(),
        node: process.version,
        cpu: os.cpus()[0]?.model.trim() ?? 'unknown cpu',
        cores: os.cpus().length,
        engine: options.engine,
        postgres: setup.version,
      },
      eventsPerMeasurement: events,
      writers,
      readPageSize: READ_PAGE,
      followerBatchSize: FOLLOWER_BATCH,
      throughput: [
        measurement(`append 1 event/tx, ${writers} writers, 8 tenants`, single8, target(GOALS.single)),
        measurement(`append 1 event/tx, ${writers} writers, 1 tenant`, single1, null),
        measurement(`append 100 events/tx, ${writers} writers, 8 tenants`, batch, target(GOALS.batch)),
        measurement(`read-all, log of ${size(read1)} events`, read1, target(GOALS.readAll)),
        measurement(`read-all, log of ${size(read4)} events`, read4, target(GOALS.readAll)),
      ],
      readAllGrowth: {
        ours: oursGrowth,
        raw: growth('raw') ?? 0,
        peer: growth('peer'),
        goal: target(GOALS.flat),
        met: server ? oursGrowth >= GOALS.flat : null,
      },
      correctness: { events: loadEvents, readers },
      notes: setup.notes,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await setup.close();
  }
}
