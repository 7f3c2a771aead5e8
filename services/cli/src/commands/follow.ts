import { parseArgs } from 'node:util';
import { domainRegistry } from '@chitieu/domain';
import { formatCheckpoint, parseCheckpoint, subscribe } from '@chitieu/event-store';
import type { Command } from '../context.js';
import { eventJson, formatEvent } from '../format-event.js';

/**
 * `follow [--name N] [--tenant T] [--after TX:POS] [--json]`: prints the log from a checkpoint, then
 * new events as they are committed, until SIGINT or SIGTERM. With `--name` the checkpoint is durable.
 */
export const follow: Command = async ({ handle, logger, args, out, signal }) => {
  const { values } = parseArgs({
    args,
    options: {
      name: { type: 'string' },
      tenant: { type: 'string' },
      after: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const subscription = subscribe(handle, domainRegistry, {
    ...(values.name && { name: values.name }),
    ...(values.tenant && { tenant: values.tenant }),
    ...(values.after && { from: parseCheckpoint(values.after) }),
    handle: (events) => {
      for (const event of events) out(values.json ? eventJson(event) : formatEvent(event));
    },
  });
  logger.info({ name: values.name, tenant: values.tenant }, 'following the log; Ctrl-C to stop');
  const stopped = new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
  await Promise.race([stopped, subscription.done]);
  await subscription.stop();
  logger.info({ checkpoint: formatCheckpoint(subscription.checkpoint) }, 'stopped following');
  await subscription.done;
  return 0;
};
