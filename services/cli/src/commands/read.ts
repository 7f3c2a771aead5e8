import { parseArgs } from 'node:util';
import { domainRegistry } from '@chitieu/domain';
import { ChitieuError } from '@chitieu/errors';
import { parseCheckpoint, readAllBatches, readStream } from '@chitieu/event-store';
import type { Command } from '../context.js';
import { eventJson, formatEvent } from '../format-event.js';

/**
 * `read [--tenant T] [--stream S] [--after TX:POS] [--as-of ISO] [--type TYPE …] [--json]`:
 * prints the log in commit order, or one stream in version order.
 */
export const read: Command = async ({ handle, args, out, signal }) => {
  const { values } = parseArgs({
    args,
    options: {
      tenant: { type: 'string' },
      stream: { type: 'string' },
      after: { type: 'string' },
      'as-of': { type: 'string' },
      type: { type: 'string', multiple: true },
      json: { type: 'boolean', default: false },
    },
  });
  const print = (event: Parameters<typeof formatEvent>[0]) => out(values.json ? eventJson(event) : formatEvent(event));
  if (values.stream !== undefined) {
    if (!values.tenant) throw usage('tenant', '--stream needs --tenant: a stream belongs to one tenant');
    const { events } = await readStream(handle.db, domainRegistry, { tenant: values.tenant, stream: values.stream });
    events.forEach(print);
    return 0;
  }
  const asOf = values['as-of'] === undefined ? undefined : new Date(values['as-of']);
  if (asOf && Number.isNaN(asOf.getTime())) throw usage('as-of', `${values['as-of']} is not an ISO instant`);
  let after: ReturnType<typeof parseCheckpoint> | undefined;
  try {
    after = values.after === undefined ? undefined : parseCheckpoint(values.after);
  } catch (error) {
    throw usage('after', (error as Error).message);
  }
  for await (const batch of readAllBatches(handle.db, domainRegistry, {
    ...(after && { after }),
    ...(values.tenant && { tenant: values.tenant }),
    ...(values.type && { types: values.type }),
    ...(asOf && { recordedUpTo: asOf }),
  })) {
    batch.events.forEach(print);
    if (signal.aborted) break;
  }
  return 0;
};

function usage(field: string, message: string): ChitieuError {
  return new ChitieuError('VALIDATION_FAILED', message, {}, [{ path: field, message }]);
}
