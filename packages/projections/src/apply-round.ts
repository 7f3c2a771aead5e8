import { assertNever, type RoundEvent } from '@chitieu/domain';
import type { RecordedEvent } from '@chitieu/event-store';
import type { ReadModelStore, Stamp } from './store.js';
import { replaceVersion, without } from './versioned.js';

/** Reporting rounds and the submissions recorded in them. */
export async function applyRound(
  store: ReadModelStore,
  stamp: Stamp,
  event: RoundEvent,
  recorded: RecordedEvent,
): Promise<void> {
  const tenant = recorded.tenant;
  switch (event.type) {
    case 'ReportingRoundOpened': {
      const data = event.data;
      await store.insert('rm_rounds', stamp, {
        tenant,
        round: data.round,
        document: { ...data.document, title: data.document.title ?? data.title },
        implements: data.implements,
        levels: data.levels,
        outline: data.outline,
        closed_on: null,
      });
      return;
    }
    case 'RoundReportSubmitted': {
      const data = event.data;
      await store.insert('rm_round_submissions', stamp, {
        tenant,
        round: data.round,
        level: data.level,
        unit: data.unit,
        reports_to: data.reportsTo ?? null,
        submitted_on: data.submittedOn,
        late: data.late,
        days_late: data.daysLate,
        event_id: recorded.eventId,
      });
      return;
    }
    case 'ReportingRoundClosed': {
      const key = { tenant, round: event.data.round };
      const current = await store.current('rm_rounds', key);
      if (!current) return;
      await replaceVersion(store, 'rm_rounds', stamp, key, { ...without(current), closed_on: event.data.closedOn });
      return;
    }
    default:
      assertNever(event);
  }
}
