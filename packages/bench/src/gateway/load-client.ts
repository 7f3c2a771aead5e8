// The HTTP load generator, forked by load.ts as a second process: building requests and parsing
// answers must not share the event loop of the gateway being measured. It runs one job at a time,
// as the parent sends them over IPC, and answers with every latency.
import { type LoadShape, runPool, type Sample } from './pool.js';

/** One measurement: POST `body` to `url` with the token, in the given shape. */
export interface LoadJob {
  id: number;
  url: string;
  body: string;
  token: string;
  shape: LoadShape;
}

export type LoadAnswer = { id: number; sample: Sample } | { id: number; error: string };

/** One GraphQL POST; throws unless the answer is 200 with data and no errors. */
async function post(job: LoadJob): Promise<void> {
  const response = await fetch(job.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${job.token}` },
    body: job.body,
  });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${text.slice(0, 200)}`);
  const answer = JSON.parse(text) as { data?: unknown; errors?: Array<{ message: string }> };
  if (answer.errors?.length) throw new Error(`GraphQL error: ${answer.errors[0]?.message}`);
  if (!answer.data) throw new Error('an answer without data');
}

process.on('message', (job: LoadJob) => {
  runPool(job.shape, () => post(job)).then(
    (sample) => process.send?.({ id: job.id, sample } satisfies LoadAnswer),
    (error: unknown) => process.send?.({ id: job.id, error: String(error) } satisfies LoadAnswer),
  );
});
// The parent went away (finished or killed): nothing left to do.
process.on('disconnect', () => process.exit(0));
