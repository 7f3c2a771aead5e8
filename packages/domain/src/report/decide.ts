import { ChitieuError, type FieldIssue } from '@chitieu/errors';
import { checkFigure, checkProvinceOpen } from '../shared/checks.js';
import type { Decider, DecisionContext } from '../shared/decider.js';
import { forbidden, invalid } from '../shared/errors.js';
import { parseCommand } from '../shared/parse-command.js';
import { assertNever, type Period, periodBounds, periodKey } from '../shared/period.js';
import type { Reference } from '../shared/reference.js';
import { convert, convertible } from '../shared/units.js';
import { correctReportDataSchema, type ReportCommand, reportIndicatorDataSchema } from './commands.js';
import {
  currentVersion,
  evolveReport,
  type IdentifiedReportEvent,
  initialReportState,
  type ReportFigure,
  type ReportState,
} from './evolve.js';
import { checkRatio } from './ratio.js';

/**
 * Decides a report command. Checks, in order: the command's shape (VALIDATION_FAILED per field);
 * who files (FORBIDDEN unless the actor is the province itself, its successor, or the system); the
 * province (VALIDATION_FAILED at `province` when unknown, PROVINCE_MERGED naming the successor for a
 * period wholly after its end — also when the successor files it); the figure against the catalogue
 * and its numerator/denominator; then the stream: a second report, a correction of nothing or of a
 * superseded version, or a correction that changes nothing. Every produced event carries an
 * `eventId` from `context.newId()`, which the handler must append it under.
 */
export function decideReport(
  command: ReportCommand,
  state: ReportState,
  context: DecisionContext<Reference>,
): IdentifiedReportEvent[] {
  switch (command.type) {
    case 'ReportIndicator': {
      const data = parseCommand(reportIndicatorDataSchema, command.data);
      const filedBy = filer(data.province, context);
      const issues = checkFiling(data, state, context.reference);
      if (state.versions.length > 0) {
        const period = periodKey(data.period);
        issues.push({
          path: 'period',
          message: `${data.indicator} for ${period} is already reported: correct it instead`,
          code: 'already_reported',
          params: { indicator: data.indicator, period },
        });
      }
      if (issues.length > 0) throw invalid(issues);
      return [{ type: 'IndicatorReported', data: filedBy ? { ...data, filedBy } : data, eventId: context.newId() }];
    }
    case 'CorrectReport': {
      const data = parseCommand(correctReportDataSchema, command.data);
      const filedBy = filer(data.province, context);
      const issues = checkFiling(data, state, context.reference);
      const current = currentVersion(state);
      let details: Record<string, unknown> = {};
      if (!current) {
        issues.push({ path: 'corrects', message: 'nothing is reported yet: report it first' });
      } else if (current.eventId !== data.corrects) {
        // The figure moved on since the caller read it, like an expected-version conflict; it stays
        // VALIDATION_FAILED at `corrects` and names the current version so the caller can reload.
        issues.push({ path: 'corrects', message: `${data.corrects} is not the current version of this report` });
        details = { current: current.eventId ?? null };
      } else if (sameFigure(current.figure, data)) {
        const message = 'the correction is identical to the current figure';
        issues.push({ path: 'value', message, code: 'correction_identical' });
      }
      if (issues.length > 0) throw new ChitieuError('VALIDATION_FAILED', invalid(issues).message, details, issues);
      return [{ type: 'ReportCorrected', data: filedBy ? { ...data, filedBy } : data, eventId: context.newId() }];
    }
    default:
      return assertNever(command);
  }
}

/** The report decider: `fold(reportDecider, recordedEvents)` gives the state `decide` expects. */
export const reportDecider: Decider<ReportCommand, ReportState, IdentifiedReportEvent, Reference> = {
  initialState: initialReportState,
  decide: decideReport,
  evolve: evolveReport,
};

/**
 * Who may file for `province`, and on whose behalf: the province itself and the system file as the
 * province (no `filedBy`); the successor of a merged province files on its behalf (`filedBy` = the
 * successor); the ministry and auditors never write a province's data.
 */
function filer(province: string, context: DecisionContext<Reference>): string | undefined {
  const { actor, reference } = context;
  switch (actor.role) {
    case 'system':
      return undefined;
    case 'province':
      if (actor.province === province) return undefined;
      if (actor.province !== undefined && reference.province(province)?.successor === actor.province) {
        return actor.province;
      }
      throw forbidden(
        `${actor.province ?? 'a province actor without a province'} may not file reports of ${province}`,
        {
          actor: actor.id,
          province,
        },
      );
    case 'ministry':
    case 'auditor':
      throw forbidden(`the ${actor.role} does not file provincial reports`, { actor: actor.id, province });
    default:
      return assertNever(actor.role);
  }
}

/** Checks shared by both commands; returns the issues found (PROVINCE_MERGED is thrown). */
function checkFiling(
  data: ReportFigure & { province: string; indicator: string; period: Period },
  state: ReportState,
  reference: Reference,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const provinceIssue = checkProvinceOpen(reference, data.province, periodBounds(data.period));
  if (provinceIssue) issues.push(provinceIssue);
  if (state.key) {
    // The handler derives the stream from the command, so a mismatch is a bug upstream: say where.
    const held = state.key;
    if (held.province !== data.province)
      issues.push({ path: 'province', message: `this stream holds ${held.province}` });
    if (held.indicator !== data.indicator) {
      issues.push({ path: 'indicator', message: `this stream holds ${held.indicator}` });
    }
    if (periodKey(held.period) !== periodKey(data.period)) {
      issues.push({ path: 'period', message: `this stream holds ${periodKey(held.period)}` });
    }
  }
  // checkFigure prefixes paths with `<path>.`; a report's figure fields are at the top of the data.
  const figureIssues: FieldIssue[] = [];
  checkFigure(reference, data, '', figureIssues);
  issues.push(...figureIssues.map((issue) => ({ ...issue, path: issue.path.replace(/^\./, '') })));
  checkRatio(data, issues);
  return issues;
}

/** Whether a correction would change nothing that matters: the value (in any unit), status and ratio. */
function sameFigure(current: ReportFigure, next: ReportFigure): boolean {
  return (
    convertible(current.unit, next.unit) &&
    convert(current.value, current.unit, next.unit) === next.value &&
    current.status === next.status &&
    current.numerator === next.numerator &&
    current.denominator === next.denominator
  );
}
