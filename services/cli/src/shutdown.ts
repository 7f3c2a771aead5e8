import type { Logger } from '@chitieu/logging';

/**
 * Turns SIGINT and SIGTERM into an abort signal that commands check between steps, so that they
 * stop after the step in hand and close the database cleanly. A second signal exits at once.
 */
export function onShutdown(logger: Logger): AbortSignal {
  const controller = new AbortController();
  const handler = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(130);
    }
    logger.info({ signal }, 'shutting down after the current step');
    controller.abort(new Error(`interrupted by ${signal}`));
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return controller.signal;
}
