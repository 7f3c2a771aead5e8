import { type Logger, pino } from 'pino';

export type { Logger } from 'pino';

/**
 * A structured (JSON) logger writing to stderr, so that stdout stays free for a command's output.
 * Synchronous on purpose: a process that exits on a signal must not lose its last lines.
 * The level comes from LOG_LEVEL (info by default; `silent` in tests).
 */
export function createLogger(name: string, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino(
    {
      name,
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      serializers: { err: pino.stdSerializers.err },
    },
    pino.destination({ dest: 2, sync: true }),
  );
}
