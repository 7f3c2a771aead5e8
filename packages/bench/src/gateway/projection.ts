import { performance } from 'node:perf_hooks';
import type { DatabaseHandle } from '@chitieu/database';
import { domainRegistry } from '@chitieu/domain';
import { readAllBatches } from '@chitieu/event-store';
import { createProgress, type Logger, type Progress } from '@chitieu/logging';
import { catchUp, rebuildReadModels } from '@chitieu/projections';
import { countStatements, type StatementCount } from './statement-counter.js';

/** The goal: a rebuild at least half as fast as reading the log. */
export const REBUILD_GOAL = 0.5;
const READ_PAGE = 1000;

export interface Rate {
  events: number;
  seconds: number;
  perSecond: number;
}

/** A projection's statements per event and the share of its time spent waiting for the database. */
export interface Profile {
  statementsPerEvent: number;
  databaseShare: number;
}

export interface ProjectionFigures {
  /** readAllBatches over the whole log, pages of 1,000, warm. */
  readAll: Rate;
  /** catchUp from an empty database: the live projector's path (batches of 500). */
  catchUp: (Rate & Profile) | null;
  /**
   * rebuildReadModels beside the live generation, until readers use the new one. No statement
   * profile: it folds the log in memory and writes each table in bulk over connections of its own,
   * so statements per event say nothing about it.
   */
  rebuild: Rate & {
    /** Of which: after the log was folded, writing the rows, catching up and switching. */
    switchSeconds: number;
    /** Rows written into the new generation. */
    rows: number;
    /** After the switch: deleting the retired generation's rows (readers no longer wait for it). */
    retireSeconds: number;
  };
  /** rebuild / read-all, events per second. */
  ratio: number;
  goal: number;
  met: boolean;
}

function rate(events: number, ms: number): Rate {
  return { events, seconds: ms / 1000, perSecond: events / (ms / 1000) };
}

function profile(events: number, ms: number, count: StatementCount): Profile {
  return { statementsPerEvent: count.statements / events, databaseShare: count.databaseMs / ms };
}

async function readWholeLog(handle: DatabaseHandle): Promise<Rate> {
  const started = performance.now();
  let events = 0;
  for await (const batch of readAllBatches(handle.db, domainRegistry, { limit: READ_PAGE }))
    events += batch.events.length;
  return rate(events, performance.now() - started);
}

/** A progress bar that also remembers when it last moved: the end of the rebuild's last batch. */
function timedProgress(inner: Progress) {
  const seen = { lastUpdate: performance.now() };
  const progress: Progress = {
    total: (total) => inner.total(total),
    update: (done) => {
      seen.lastUpdate = performance.now();
      inner.update(done);
    },
    stop: () => inner.stop(),
  };
  return { seen, progress };
}

/**
 * Projects the loaded log by a full rebuild — first, when asked, as the live projector would from an
 * empty database (catchUp), the rebuild then running beside that generation — and reads the whole
 * log for the baseline.
 */
export async function measureProjection(
  handle: DatabaseHandle,
  logger: Logger,
  options: { catchUp: boolean },
): Promise<ProjectionFigures> {
  await readWholeLog(handle); // warm: the rebuild after it reads a log just read too
  const readAll = await readWholeLog(handle);
  logger.info({ perSecond: Math.round(readAll.perSecond), events: readAll.events }, 'read-all');

  let liveFigures: ProjectionFigures['catchUp'] = null;
  if (options.catchUp) {
    const live = countStatements(handle);
    const started = performance.now();
    const caughtUp = await catchUp(live.handle, domainRegistry);
    const ms = performance.now() - started;
    liveFigures = { ...rate(caughtUp, ms), ...profile(caughtUp, ms, live.count) };
    logger.info(liveFigures, 'catchUp from zero');
  }

  const { seen, progress } = timedProgress(createProgress('rebuilding read models', logger));
  const started = performance.now();
  const rebuilt = await rebuildReadModels(handle, domainRegistry, { batchSize: READ_PAGE, progress });
  const ms = rebuilt.ms;
  const rebuild = {
    ...rate(rebuilt.events, ms),
    switchSeconds: (started + ms - seen.lastUpdate) / 1000,
    rows: rebuilt.rows,
    retireSeconds: rebuilt.retireMs / 1000,
  };
  logger.info({ ...rebuild, generation: rebuilt.generation }, 'rebuild');
  const ratio = rebuild.perSecond / readAll.perSecond;
  return { readAll, catchUp: liveFigures, rebuild, ratio, goal: REBUILD_GOAL, met: ratio >= REBUILD_GOAL };
}
