import { assertNever } from '../shared/period.js';
import type { ReportingRoundOpenedData, RoundEvent, RoundReportSubmittedData } from './events.js';

/** A round stream folded: not opened yet, open, or closed; what it asks for and what came in. */
export interface RoundState {
  status: 'none' | 'open' | 'closed';
  /** The round as opened; undefined before `ReportingRoundOpened`. */
  opened: ReportingRoundOpenedData | undefined;
  /** Every submission in the order recorded. */
  submissions: RoundReportSubmittedData[];
  closedOn: string | undefined;
}

/** An empty stream: no round yet. */
export function initialRoundState(): RoundState {
  return { status: 'none', opened: undefined, submissions: [], closedOn: undefined };
}

/** Applies one event; pure, never validates (history is never refused). */
export function evolveRound(state: RoundState, event: RoundEvent): RoundState {
  switch (event.type) {
    case 'ReportingRoundOpened':
      return { ...state, status: 'open', opened: event.data };
    case 'RoundReportSubmitted':
      return { ...state, submissions: [...state.submissions, event.data] };
    case 'ReportingRoundClosed':
      return { ...state, status: 'closed', closedOn: event.data.closedOn };
    default:
      return assertNever(event);
  }
}
