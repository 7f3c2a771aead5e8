import type { Command, CommandBus } from '@chitieu/commands';
import type { Progress } from '@chitieu/logging';
import type { GeneratedCommand } from './generate.js';
import { routeOf } from './route.js';

export interface LoadOptions {
  /** Tenants loaded at once, default 8. PGlite has one connection: there they only take turns. */
  concurrency?: number;
  /** Progress in commands executed: `createProgress` of @chitieu/logging, or a test's recorder. */
  progress?: Progress;
  /** Stops between commands; what is loaded stays loaded. */
  signal?: AbortSignal;
  /** Recorded in every event's metadata as where it came from. */
  source?: string;
}

export interface LoadSummary {
  /** Commands executed (fewer than given when stopped by the signal). */
  commands: number;
  /** Events the store appended for them. */
  events: number;
  ms: number;
}

/** The command with the id of the event it corrects, once the command that appended that event has run. */
function resolved(item: GeneratedCommand, eventIds: ReadonlyArray<string | undefined>): Command {
  const { command, correctsResultOf } = item;
  if (correctsResultOf === undefined) return command;
  if (command.type !== 'CorrectReport') throw new Error(`a ${command.type} corrects no event`);
  const corrects = eventIds[correctsResultOf];
  if (corrects === undefined) throw new Error(`command ${correctsResultOf}, which it corrects, appended no event`);
  return { ...command, data: { ...command.data, corrects } };
}

/**
 * Executes the generated commands through the command bus: each tenant's commands in order (a
 * correction after the report it corrects, a task after its plan), up to `concurrency` tenants at
 * once. A correction gets the id of the event it corrects from the result of the command that
 * appended it. Stops at the first refusal and throws it, naming the command, after the tenants in
 * flight finish their command in hand.
 */
export async function loadDataset(
  bus: CommandBus,
  commands: readonly GeneratedCommand[],
  options: LoadOptions = {},
): Promise<LoadSummary> {
  const started = performance.now();
  const concurrency = options.concurrency ?? 8;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new RangeError(`concurrency must be a positive integer, got ${concurrency}`);
  }
  const groups = new Map<string, number[]>();
  commands.forEach((item, index) => {
    const tenant = routeOf(item.command).tenant;
    const group = groups.get(tenant);
    if (group) group.push(index);
    else groups.set(tenant, [index]);
  });
  const queue = [...groups.values()];
  const eventIds: Array<string | undefined> = new Array(commands.length);
  let executed = 0;
  let events = 0;
  let failure: Error | undefined;
  options.progress?.total(commands.length);

  const worker = async () => {
    for (let group = queue.shift(); group; group = queue.shift()) {
      for (const index of group) {
        if (failure || options.signal?.aborted) return;
        const item = commands[index] as GeneratedCommand;
        try {
          const result = await bus.execute(resolved(item, eventIds), {
            actor: item.actor,
            now: item.at,
            ...(options.source && { source: options.source }),
          });
          eventIds[index] = result.appended?.events[0]?.eventId;
          events += result.appended?.events.length ?? 0;
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          failure ??= new Error(
            `dataset command ${index} (${item.command.type} in ${routeOf(item.command).tenant}) failed: ${reason}`,
            { cause: error },
          );
          return;
        }
        executed++;
        options.progress?.update(executed);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
  } finally {
    options.progress?.stop();
  }
  if (failure) throw failure;
  return { commands: executed, events, ms: Math.round(performance.now() - started) };
}
