import {
  type Actor,
  defineCatalogueCommands,
  loadProvincesCsv,
  NATIONAL_TENANT,
  readProvincesCsv,
  SEED_DOCUMENTS,
  type SeedDocument,
  streams,
} from '@chitieu/domain';
import type { EventStore } from '@chitieu/event-store';
import type { Logger, Progress } from '@chitieu/logging';
import type { Command, CommandBus } from './command-bus.js';

/** The seed loader acts as the system: it writes reference data and the seed documents' provinces. */
export const SEED_ACTOR: Actor = { id: 'seed-loader', role: 'system' };

export interface SeedSummary {
  loaded: boolean;
  commands: number;
  events: number;
  /** Seed files not loaded into any tenant, and why. */
  skipped: Array<{ file: string; reason: string }>;
}

interface Step {
  command: Command;
  source: string;
}

/** The commands one seed document stands for: its plan, tasks, reported figures and rounds. */
export function seedDocumentCommands(seed: SeedDocument): Step[] {
  const tenant = seed.province;
  if (tenant === null) return [];
  const source = `seeds/${seed.file}`;
  const steps: Step[] = [];
  if (seed.plan) {
    const { plan: _slug, ...data } = seed.plan;
    steps.push({ command: { type: 'AdoptPlan', tenant, data: { ...data, province: tenant } }, source });
    for (const task of seed.tasks) {
      steps.push({ command: { type: 'AddPlanTask', tenant, plan: seed.plan.plan, data: task }, source });
    }
  }
  for (const report of seed.reports) {
    steps.push({ command: { type: 'ReportIndicator', data: { ...report, province: tenant } }, source });
  }
  for (const round of seed.rounds) {
    steps.push({ command: { type: 'OpenReportingRound', data: { ...round, tenant } }, source });
  }
  return steps;
}

/**
 * Loads what the platform starts with, once: the 63 + 34 provinces and the 2025 merger, the
 * indicator catalogue, and the five seed documents. Does nothing when the registry already exists,
 * so a restart never loads twice. Stops between commands when `signal` is aborted.
 */
export async function loadSeeds(
  store: EventStore,
  bus: CommandBus,
  options: { logger?: Logger; progress?: Progress; signal?: AbortSignal } = {},
): Promise<SeedSummary> {
  const existing = await store.readStream({ tenant: NATIONAL_TENANT, stream: streams.registry(), limit: 1 });
  const skipped = SEED_DOCUMENTS.filter((seed) => seed.province === null).map((seed) => ({
    file: seed.file,
    reason: seed.notes[0] ?? 'the document does not name its province',
  }));
  if (existing.streamVersion > 0) return { loaded: false, commands: 0, events: 0, skipped };

  await store.registerTenant({ id: NATIONAL_TENANT, name: 'Bộ Y tế (quốc gia)' });
  const steps: Step[] = [
    ...loadProvincesCsv(await readProvincesCsv()).map((command) => ({
      command,
      source: 'reference/provinces-2025.csv',
    })),
    ...defineCatalogueCommands().map((command) => ({ command, source: 'packages/domain/src/catalogue/indicators.ts' })),
    ...SEED_DOCUMENTS.flatMap(seedDocumentCommands),
  ];
  options.progress?.total(steps.length);
  let events = 0;
  for (const [index, step] of steps.entries()) {
    if (options.signal?.aborted) break;
    const result = await bus.execute(step.command, { actor: SEED_ACTOR, source: step.source });
    events += result.events.length;
    options.progress?.update(index + 1);
  }
  options.progress?.stop();
  for (const skip of skipped) options.logger?.warn(skip, `seed ${skip.file} not loaded: ${skip.reason}`);
  return { loaded: true, commands: steps.length, events, skipped };
}
