import type { DatabaseHandle } from '@chitieu/database';
import type { Logger } from '@chitieu/logging';
import type { DatabaseLocation } from './open-database.js';

/** What every command gets: an open database, a logger, the shutdown signal, where to print. */
export interface CommandContext {
  handle: DatabaseHandle;
  location: DatabaseLocation;
  logger: Logger;
  signal: AbortSignal;
  args: string[];
  out: (line: string) => void;
}

/** A command returns the process exit code. */
export type Command = (context: CommandContext) => Promise<number>;
