import { createCommandBus, loadSeeds } from '@chitieu/commands';
import { ensureSchema } from '@chitieu/database';
import { domainRegistry, NATIONAL_TENANT, SEED_DOCUMENTS } from '@chitieu/domain';
import { createEventStore, listTenants, START, subscribe, verifyTenant } from '@chitieu/event-store';
import { createProgress } from '@chitieu/logging';
import type { Command } from '../context.js';

/**
 * `demo`, the main job until the gateway exists: brings the schema up to date, loads the provinces,
 * the indicator catalogue and the seed documents on first start (never twice), replays the whole log
 * through a subscription, and verifies every tenant's hash chain.
 */
export const demo: Command = async ({ handle, location, logger, out, signal }) => {
  const { applied } = await ensureSchema(handle.db);
  logger.info({ ...location, applied }, 'database ready');
  const store = createEventStore(handle, domainRegistry);
  const bus = createCommandBus(store);

  const seeds = await loadSeeds(store, bus, { logger, progress: createProgress('loading seeds', logger), signal });
  out(
    seeds.loaded
      ? `Loaded the provinces, the indicator catalogue and the seed documents: ${seeds.commands} commands, ${seeds.events} events.`
      : 'The seed data was already loaded: nothing appended.',
  );
  for (const skip of seeds.skipped) out(`  not loaded: ${skip.file} (${skip.reason.split('.')[0]})`);
  if (signal.aborted) return 130;

  const reference = await bus.reference();
  const bacKan = reference.province('bac-kan');
  out(`  ${SEED_DOCUMENTS.filter((seed) => seed.province).length} seed documents in their provinces' tenants`);
  out(`  Bắc Kạn ended ${bacKan?.validTo}, merged into ${bacKan?.successor}`);

  out('\nReplaying the log from the start:');
  const perTenant = new Map<string, number>();
  const subscription = subscribe(handle, domainRegistry, {
    from: START,
    handle: (events) => {
      for (const event of events) perTenant.set(event.tenant, (perTenant.get(event.tenant) ?? 0) + 1);
    },
  });
  await subscription.caughtUp();
  await subscription.stop();
  await subscription.done;
  const total = [...perTenant.values()].reduce((sum, count) => sum + count, 0);
  out(`  ${total} events in ${perTenant.size} tenants: ${[...perTenant].map(([id, n]) => `${id} ${n}`).join(', ')}`);

  out('\nVerifying every tenant’s hash chain:');
  const tenants = (await listTenants(handle.db)).map((tenant) => tenant.id).filter((id) => perTenant.has(id));
  const progress = createProgress('verifying chains', logger);
  progress.total(tenants.length);
  let broken = 0;
  for (const [index, tenant] of [NATIONAL_TENANT, ...tenants.filter((id) => id !== NATIONAL_TENANT)].entries()) {
    const verdict = await verifyTenant(handle.db, tenant);
    progress.update(index + 1);
    if (!verdict.ok) {
      broken++;
      out(`  ${tenant}: BROKEN (${verdict.kind}): ${verdict.message}`);
    }
  }
  progress.stop();
  out(broken === 0 ? `  all ${tenants.length} chains verify` : `  ${broken} broken chain(s)`);
  out(`\nDatabase: ${location.engine} (${location.where}).`);
  out('Next: `pnpm cli read --tenant kien-giang`, `pnpm cli verify`, `pnpm cli follow` (see README).');
  return broken === 0 ? 0 : 1;
};
