import { assertNever, type Period } from '../shared/period.js';
import type { IndicatorReportedData, ReportEvent } from './events.js';

/**
 * A report event as `evolve` receives it: its type and data, and the id the store gave it. The
 * handler passes recorded events (`RecordedEvent` has `type`, `data` and `eventId`, so it fits as
 * is), and `decide` sets `eventId` on the events it produces from `context.newId()` so that the
 * handler appends them under that id (`NewEvent.id`) and a replay of a decision's own output knows
 * the ids too. Without an id a version cannot be corrected: `corrects` names versions by event id.
 */
export type IdentifiedReportEvent = ReportEvent & { eventId?: string | undefined };

/** The figure of one version, as filed. */
export type ReportFigure = Pick<
  IndicatorReportedData,
  'value' | 'unit' | 'written' | 'status' | 'source' | 'numerator' | 'denominator'
>;

/** One version of a report: the first filing or a correction. */
export interface ReportVersion {
  /** The event id of this version; undefined only when it was folded without ids. */
  eventId: string | undefined;
  kind: 'reported' | 'corrected';
  figure: ReportFigure;
  /** The successor that filed this version on behalf of the (merged) province; undefined when the province itself (or the system) filed it. */
  filedBy: string | undefined;
  /** For a correction: the event id of the version it superseded. */
  corrects: string | undefined;
  /** For a correction: why. */
  reason: string | undefined;
}

/**
 * A report stream folded: which province, indicator and period it holds, and every version in
 * order. Nothing is overwritten: the last version is the current one, the others its predecessors.
 */
export interface ReportState {
  key: { province: string; indicator: string; period: Period } | undefined;
  versions: ReportVersion[];
}

/** An empty stream: nothing reported yet. */
export function initialReportState(): ReportState {
  return { key: undefined, versions: [] };
}

/** The version in force, or undefined before the first report. */
export function currentVersion(state: ReportState): ReportVersion | undefined {
  return state.versions.at(-1);
}

/** Applies one event; pure, never validates (the store already did, and history is never refused). */
export function evolveReport(state: ReportState, event: IdentifiedReportEvent): ReportState {
  const { data } = event;
  const figure: ReportFigure = {
    value: data.value,
    unit: data.unit,
    written: data.written,
    status: data.status,
    source: data.source,
    numerator: data.numerator,
    denominator: data.denominator,
  };
  const key = state.key ?? { province: data.province, indicator: data.indicator, period: data.period };
  switch (event.type) {
    case 'IndicatorReported':
      return {
        key,
        versions: [
          ...state.versions,
          {
            eventId: event.eventId,
            kind: 'reported',
            figure,
            filedBy: data.filedBy,
            corrects: undefined,
            reason: undefined,
          },
        ],
      };
    case 'ReportCorrected':
      return {
        key,
        versions: [
          ...state.versions,
          {
            eventId: event.eventId,
            kind: 'corrected',
            figure,
            filedBy: event.data.filedBy,
            corrects: event.data.corrects,
            reason: event.data.reason,
          },
        ],
      };
    default:
      return assertNever(event);
  }
}
