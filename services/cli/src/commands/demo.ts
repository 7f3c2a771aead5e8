import { ensureSchema } from '@chitieu/database';
import { appendToStream, registerTenant, START, subscribe, verifyTenant } from '@chitieu/event-store';
import type { Command } from '../context.js';
import { DEMO_STREAM, DEMO_TENANT, demoEvents, demoRegistry } from '../demo-events.js';
import { formatEvent } from '../format-event.js';

/**
 * `demo`, the main job until the gateway exists: migrates, appends Kiên Giang's 2017 baselines from
 * 132/KH-UBND (once: a second run is an idempotent retry), replays the whole log through a
 * subscription, and verifies every tenant's hash chain.
 */
export const demo: Command = async ({ handle, location, logger, out, signal }) => {
  const { applied } = await ensureSchema(handle.db);
  logger.info({ ...location, applied }, 'database ready');
  await registerTenant(handle.db, DEMO_TENANT);

  const appended = await appendToStream(handle.db, demoRegistry, {
    tenant: DEMO_TENANT.id,
    stream: DEMO_STREAM,
    expected: 'no_stream',
    events: demoEvents(),
  });
  out(
    appended.replayed
      ? `The ${appended.events.length} demo events were already in the log: the retry wrote nothing.`
      : `Appended ${appended.events.length} events to ${DEMO_STREAM} (version ${appended.streamVersion}).`,
  );
  if (signal.aborted) return 130;

  out('\nReplaying the log from the start:');
  let replayed = 0;
  const subscription = subscribe(handle, demoRegistry, {
    from: START,
    handle: (events) => {
      for (const event of events) out(`  ${formatEvent(event)}`);
      replayed += events.length;
    },
  });
  await subscription.caughtUp();
  await subscription.stop();
  await subscription.done;

  out(`\nVerifying the hash chain of ${DEMO_TENANT.id}:`);
  const verdict = await verifyTenant(handle.db, DEMO_TENANT.id);
  out(
    verdict.ok
      ? `  ok: ${verdict.checked} events, head ${verdict.head?.tenantSeq}:${verdict.head?.hash}`
      : `  BROKEN (${verdict.kind}): ${verdict.message}`,
  );
  out(`\n${replayed} events replayed from ${location.engine} (${location.where}).`);
  out('Next: `pnpm cli read --tenant kien-giang`, `pnpm cli verify`, `pnpm cli follow` (see README).');
  return verdict.ok ? 0 : 1;
};
