import { type ChildProcess, fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { LoadAnswer, LoadJob } from './load-client.js';
import type { LoadShape, Sample } from './pool.js';

/** The second process that sends HTTP requests; one per engine, measurements one after another. */
export interface LoadProcess {
  run(request: { url: string; body: string; token: string }, shape: LoadShape): Promise<Sample>;
  close(): Promise<void>;
}

/**
 * Forks load-client.ts with tsx's loader (found from here, so that it also works under vitest,
 * whose workers do not run tsx) and returns a handle that sends it jobs.
 */
export async function openLoadProcess(): Promise<LoadProcess> {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const script = fileURLToPath(new URL('./load-client.ts', import.meta.url));
  const child: ChildProcess = fork(script, [], {
    execArgv: ['--import', tsx],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, { resolve: (sample: Sample) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  const failAll = (error: Error) => {
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
  };
  child.on('message', (answer: LoadAnswer) => {
    const waiter = pending.get(answer.id);
    pending.delete(answer.id);
    if ('error' in answer) waiter?.reject(new Error(`load process: ${answer.error}`));
    else waiter?.resolve(answer.sample);
  });
  child.on('exit', (code, signal) => failAll(new Error(`load process exited (${signal ?? code})`)));
  await new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', reject);
  });
  return {
    run: (request, shape) =>
      new Promise<Sample>((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        child.send({ id, ...request, shape } satisfies LoadJob);
      }),
    close: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.disconnect();
      await exited;
    },
  };
}
