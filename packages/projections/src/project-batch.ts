import {
  assertNever,
  type CatalogueEvent,
  type PlanEvent,
  type RegistryEvent,
  type ReportEvent,
  type RoundEvent,
} from '@chitieu/domain';
import type { RecordedEvent } from '@chitieu/event-store';
import { applyCatalogue } from './apply-catalogue.js';
import { applyPlan } from './apply-plan.js';
import { applyRegistry } from './apply-registry.js';
import { applyReport } from './apply-report.js';
import { applyRound } from './apply-round.js';
import { deriveProgress } from './derive-progress.js';
import type { ReadModelStore, Stamp } from './store.js';
import { Touched } from './touched.js';

/**
 * Applies events, in commit order, to one generation of the read models. Progress is derived once
 * per append rather than once per event: the events of one append share their recorded time, so no
 * "as of" instant can fall between them, and a plan with forty targets is assessed once.
 */
export async function projectEvents(store: ReadModelStore, events: readonly RecordedEvent[]): Promise<void> {
  const touched = new Touched();
  let pendingStamp: Stamp | undefined;
  const flush = async () => {
    if (!pendingStamp) return;
    for (const pair of touched.take()) await deriveProgress(store, pendingStamp, pair);
    pendingStamp = undefined;
  };
  for (const recorded of events) {
    if (pendingStamp && pendingStamp.event.transactionId !== recorded.transactionId) await flush();
    const stamp: Stamp = { event: recorded };
    await applyEvent(store, stamp, recorded, touched);
    if (touched.size > 0) pendingStamp = stamp;
  }
  await flush();
}

type ProjectedEvent = RegistryEvent | CatalogueEvent | PlanEvent | ReportEvent | RoundEvent;

async function applyEvent(
  store: ReadModelStore,
  stamp: Stamp,
  recorded: RecordedEvent,
  touched: Touched,
): Promise<void> {
  // The store validated and upcast the data against the registry the domain defines.
  const event = { type: recorded.type, data: recorded.data } as ProjectedEvent;
  switch (event.type) {
    case 'ProvinceRegistered':
    case 'ProvinceRenamed':
    case 'ProvincesMerged':
      return applyRegistry(store, stamp, event);
    case 'IndicatorDefined':
    case 'IndicatorRevised':
      return applyCatalogue(store, stamp, event);
    case 'PlanAdopted':
    case 'TargetRevised':
    case 'TargetWithdrawn':
    case 'PlanTaskAdded':
    case 'PlanTaskReported':
    case 'PlanSuperseded':
      return applyPlan(store, stamp, event, recorded, touched);
    case 'IndicatorReported':
    case 'ReportCorrected':
      return applyReport(store, stamp, event, recorded, touched);
    case 'ReportingRoundOpened':
    case 'RoundReportSubmitted':
    case 'ReportingRoundClosed':
      return applyRound(store, stamp, event, recorded);
    default:
      return assertNever(event);
  }
}
