import { SingleBar } from 'cli-progress';
import type { Logger } from 'pino';

/** Progress of long work (imports, rebuilds, chain verification), reported the same way everywhere. */
export interface Progress {
  /** Sets how much there is to do, once it is known. */
  total(total: number): void;
  update(done: number): void;
  stop(): void;
}

/**
 * A progress bar on stderr when it is a terminal; otherwise (CI, logs collected by a supervisor) a
 * structured log line every 10 % so the log still shows the work moving.
 */
export function createProgress(label: string, logger: Logger, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (stream.isTTY) {
    const bar = new SingleBar({
      stream,
      format: `${label} [{bar}] {percentage}% | {value}/{total} | {duration_formatted}`,
      hideCursor: true,
      clearOnComplete: false,
    });
    let started = false;
    return {
      total: (total) => {
        if (started) bar.setTotal(total);
        else bar.start(total, 0);
        started = true;
      },
      update: (done) => bar.update(done),
      stop: () => {
        if (started) bar.stop();
      },
    };
  }
  let all = 0;
  let lastTenth = -1;
  return {
    total: (total) => {
      all = total;
    },
    update: (done) => {
      const tenth = all > 0 ? Math.floor((done / all) * 10) : 0;
      if (tenth > lastTenth) {
        lastTenth = tenth;
        logger.info({ label, done, total: all }, `${label}: ${done}/${all}`);
      }
    },
    stop: () => {},
  };
}
