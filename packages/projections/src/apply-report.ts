import { assertNever, periodKey, type ReportEvent } from '@chitieu/domain';
import type { RecordedEvent } from '@chitieu/event-store';
import type { ReadModelStore, Stamp } from './store.js';
import type { Touched } from './touched.js';
import { replaceVersion } from './versioned.js';

/** Reported figures: one row per version (the report, then each correction); the current one is the figure. */
export async function applyReport(
  store: ReadModelStore,
  stamp: Stamp,
  event: ReportEvent,
  recorded: RecordedEvent,
  touched: Touched,
): Promise<void> {
  const data = event.data;
  const key = { tenant: recorded.tenant, indicator: data.indicator, period: periodKey(data.period) };
  const figure = {
    period_kind: data.period.kind,
    year: data.period.year,
    value: data.value,
    unit: data.unit,
    written: data.written ?? null,
    status: data.status,
    source: data.source,
    numerator: data.numerator ?? null,
    denominator: data.denominator ?? null,
    filed_by: data.filedBy ?? null,
    event_id: recorded.eventId,
    actor: recorded.metadata.actor,
  };
  switch (event.type) {
    case 'IndicatorReported':
      await store.insert('rm_reports', stamp, { ...key, ...figure, revision: 1, corrects: null, reason: null });
      break;
    case 'ReportCorrected': {
      const current = await store.current('rm_reports', key);
      await replaceVersion(store, 'rm_reports', stamp, key, {
        ...figure,
        revision: ((current?.revision as number | undefined) ?? 0) + 1,
        corrects: event.data.corrects,
        reason: event.data.reason,
      });
      break;
    }
    default:
      assertNever(event);
  }
  // Only yearly figures are observations; a quarter's figure changes no derived row.
  touched.add(
    recorded.tenant,
    data.indicator,
    data.period.kind === 'year' ? data.period.year : Number.POSITIVE_INFINITY,
  );
}
