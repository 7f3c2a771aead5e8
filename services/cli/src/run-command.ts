// For tests: runs a command in process, as main.ts would, and collects what it prints.
import type { DatabaseHandle } from '@chitieu/database';
import { createLogger } from '@chitieu/logging';
import type { Command, CommandContext } from './context.js';

export async function runCommand(command: Command, handle: DatabaseHandle, args: string[] = []) {
  const lines: string[] = [];
  const code = await command({
    handle,
    location: { engine: handle.engine, where: 'test' },
    logger: createLogger('test', 'silent'),
    signal: new AbortController().signal,
    args,
    out: (line) => lines.push(line),
  } satisfies CommandContext);
  return { code, lines, text: lines.join('\n') };
}
