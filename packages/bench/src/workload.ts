import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';

/** Eight Mekong-delta provinces: one tenant each, as in the seed data. */
export const TENANTS = [
  'kien-giang',
  'an-giang',
  'ca-mau',
  'can-tho',
  'dong-thap',
  'soc-trang',
  'bac-lieu',
  'hau-giang',
] as const;

export const EVENT_TYPE = 'IndicatorValueReported';

/** Kiên Giang's 2017 life expectancy, the shape of most events in the log. */
export const PAYLOAD = { indicator: 'life_expectancy', year: 2017, value: 74.3, unit: 'years' };
export type Payload = typeof PAYLOAD;

export interface Metadata {
  [key: string]: unknown;
  actor: { id: string; role: 'province'; province: string };
  document: { number: string };
}

export function metadataFor(tenant: string, writer: number): Metadata {
  return {
    actor: { id: `bench-writer-${writer}`, role: 'province', province: tenant },
    document: { number: '132/KH-UBND' },
  };
}

/** One transaction's worth of events, the same for every store under test. */
export interface AppendJob {
  writer: number;
  tenant: string;
  stream: string;
  /** Event ids chosen by the writer, so that readers can be checked against what was written. */
  ids: string[];
}

export interface WriteLoad {
  /** Names the streams, so that no two phases write to the same stream. */
  phase: string;
  events: number;
  writers: number;
  eventsPerAppend: number;
  tenants: 'one' | 'many';
}

export interface Timed {
  events: number;
  seconds: number;
  perSecond: number;
}

export const EVENTS_PER_STREAM = 100;

/**
 * Runs `load.writers` concurrent async loops until `load.events` events are written, one append per
 * transaction. Each writer owns its streams, so no run measures optimistic-concurrency retries.
 */
export async function runWriters(
  load: WriteLoad,
  append: (job: AppendJob) => Promise<void>,
  written?: Set<string>,
): Promise<Timed> {
  const appends = Math.max(load.writers, Math.round(load.events / load.eventsPerAppend));
  const started = performance.now();
  await Promise.all(
    Array.from({ length: load.writers }, async (_, writer) => {
      const tenant = load.tenants === 'one' ? TENANTS[0] : (TENANTS[writer % TENANTS.length] as string);
      let mine = 0;
      for (let index = writer; index < appends; index += load.writers) {
        const stream = `${tenant}/${load.phase}/w${writer}/r${Math.floor((mine * load.eventsPerAppend) / EVENTS_PER_STREAM)}`;
        const ids = Array.from({ length: load.eventsPerAppend }, () => randomUUID());
        if (written) for (const id of ids) written.add(id);
        await append({ writer, tenant, stream, ids });
        mine++;
      }
    }),
  );
  return timed(appends * load.eventsPerAppend, performance.now() - started);
}

export async function time(work: () => Promise<number>): Promise<Timed> {
  const started = performance.now();
  const events = await work();
  return timed(events, performance.now() - started);
}

function timed(events: number, milliseconds: number): Timed {
  const seconds = milliseconds / 1000;
  return { events, seconds, perSecond: events / seconds };
}

export const sleep = (milliseconds: number) => new Promise<void>((resolve) => setTimeout(resolve, milliseconds));

/** A store, a bare table or the peer, seen through the operations the bench times. */
export interface Subject {
  readonly name: 'ours' | 'raw' | 'peer';
  append(job: AppendJob): Promise<void>;
  /** Reads the whole log in pages of `pageSize`; returns how many events it read. */
  readAll(pageSize: number): Promise<number>;
  close(): Promise<void>;
}

/** What a reader running beside the writers received, by event id. */
export interface Follower {
  readonly label: string;
  readonly seen: Map<string, number>;
  /** Resolves once the reader has read all that was written, and has stopped. */
  settle(): Promise<void>;
}

export function countInto(seen: Map<string, number>, id: string): void {
  seen.set(id, (seen.get(id) ?? 0) + 1);
}
