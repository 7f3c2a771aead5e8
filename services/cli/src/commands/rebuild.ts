import { ensureSchema } from '@chitieu/database';
import { domainRegistry } from '@chitieu/domain';
import { createProgress } from '@chitieu/logging';
import { rebuildReadModels } from '@chitieu/projections';
import type { Command } from '../context.js';

/**
 * `rebuild`: projects the whole log into a new generation of the read models beside the live one,
 * then switches. On a server the gateway keeps serving meanwhile; PGlite admits one process, so
 * there stop the gateway first.
 */
export const rebuild: Command = async ({ handle, logger, out, signal }) => {
  await ensureSchema(handle.db);
  const result = await rebuildReadModels(handle, domainRegistry, {
    progress: createProgress('rebuilding read models', logger),
    signal,
  });
  const perSecond = result.ms > 0 ? Math.round((result.events / result.ms) * 1000) : result.events;
  out(
    `Generation ${result.generation} is live (${result.events} events in ${(result.ms / 1000).toFixed(1)} s, ` +
      `${perSecond} events/s)${result.retired === undefined ? '' : `; generation ${result.retired} retired`}.`,
  );
  return 0;
};
