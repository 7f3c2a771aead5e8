import type { FieldIssue } from '@chitieu/errors';
import { type Actor, NATIONAL_TENANT } from '../shared/actor.js';
import { checkProvinceOpen } from '../shared/checks.js';
import type { Decider, DecisionContext } from '../shared/decider.js';
import { forbidden, invalid, notFound } from '../shared/errors.js';
import { parseCommand } from '../shared/parse-command.js';
import { assertNever } from '../shared/period.js';
import type { Reference } from '../shared/reference.js';
import {
  closeReportingRoundDataSchema,
  openReportingRoundDataSchema,
  type RoundCommand,
  submitRoundReportDataSchema,
} from './commands.js';
import { lateness } from './dates.js';
import { type ReportingRoundOpenedData, type RoundEvent, type RoundLevelSpec, roundLevelSchema } from './events.js';
import { evolveRound, initialRoundState, type RoundState } from './evolve.js';

/** The levels from the bottom up: a report climbs commune → district → province → centre. */
export const LEVEL_ORDER = roundLevelSchema.options;

/**
 * Decides a round command. Every command names its tenant, and the actor must be allowed to write
 * there (the ministry in `national`, a province in its own tenant, the system anywhere; else
 * FORBIDDEN). Opening: once only (`round`), each level at most once (`levels.N.level`), deadlines
 * non-decreasing up the levels (`levels.N.deadline`), a registered province tenant not merged before
 * the first deadline. Submitting: to an open round (NOT_FOUND / `round` when closed), for one of its
 * levels (`level`), once per unit and level (`unit`); `late`/`daysLate` come from the level's
 * deadline and a late report is recorded, never refused. Closing: an open round, once.
 */
export function decideRound(
  command: RoundCommand,
  state: RoundState,
  context: DecisionContext<Reference>,
): RoundEvent[] {
  switch (command.type) {
    case 'OpenReportingRound': {
      const { tenant, ...data } = parseCommand(openReportingRoundDataSchema, command.data);
      checkWriter(tenant, context.actor);
      const issues = checkLevels(data.levels);
      if (state.status !== 'none') issues.unshift({ path: 'round', message: `round ${data.round} is already opened` });
      if (tenant !== NATIONAL_TENANT) {
        const deadlines = data.levels.map((level) => level.deadline).sort();
        const interval = { from: deadlines[0] ?? '', to: deadlines.at(-1) };
        const issue = checkProvinceOpen(context.reference, tenant, interval, 'tenant');
        if (issue) issues.push(issue);
      }
      if (issues.length > 0) throw invalid(issues);
      return [{ type: 'ReportingRoundOpened', data }];
    }
    case 'SubmitRoundReport': {
      const { tenant, ...data } = parseCommand(submitRoundReportDataSchema, command.data);
      checkWriter(tenant, context.actor);
      const opened = requireOpen(state, data.round);
      if (tenant !== NATIONAL_TENANT) {
        // A merged province records nothing dated after its end (PROVINCE_MERGED names the successor).
        const issue = checkProvinceOpen(
          context.reference,
          tenant,
          { from: data.submittedOn, to: data.submittedOn },
          'submittedOn',
        );
        if (issue) throw invalid(issue);
      }
      const level = findStep(opened.levels, data.level, data.reportsTo, data.round);
      const earlier = state.submissions.find(
        (done) => done.level === data.level && done.unit === data.unit && done.reportsTo === data.reportsTo,
      );
      if (earlier) {
        throw invalid({
          path: 'unit',
          message: `${data.unit} already submitted its ${data.level} report on ${earlier.submittedOn}`,
        });
      }
      return [{ type: 'RoundReportSubmitted', data: { ...data, ...lateness(data.submittedOn, level.deadline) } }];
    }
    case 'CloseReportingRound': {
      const { tenant, ...data } = parseCommand(closeReportingRoundDataSchema, command.data);
      checkWriter(tenant, context.actor);
      requireOpen(state, data.round);
      return [{ type: 'ReportingRoundClosed', data }];
    }
    default:
      return assertNever(command);
  }
}

/** The round decider: `fold(roundDecider, events)` gives the state `decide` expects. */
export const roundDecider: Decider<RoundCommand, RoundState, RoundEvent, Reference> = {
  initialState: initialRoundState,
  decide: decideRound,
  evolve: evolveRound,
};

/**
 * Who writes rounds where, as the handler authorises every write (docs/domain.md): repeated here
 * because the round's tenant is in the command and a decider must not trust that it was checked.
 */
function checkWriter(tenant: string, actor: Actor): void {
  switch (actor.role) {
    case 'system':
      return;
    case 'ministry':
      if (tenant === NATIONAL_TENANT) return;
      throw forbidden(`the ministry opens and records rounds in ${NATIONAL_TENANT} only, not in ${tenant}`, {
        actor: actor.id,
        tenant,
      });
    case 'province':
      if (actor.province !== undefined && actor.province === tenant) return;
      throw forbidden(`${actor.province ?? 'a province actor without a province'} may not write rounds of ${tenant}`, {
        actor: actor.id,
        tenant,
      });
    case 'auditor':
      throw forbidden('an auditor writes nothing', { actor: actor.id, tenant });
    default:
      assertNever(actor.role);
  }
}

/** The round as opened, for a submission or a closing: it must exist, be this round, and be open. */
function requireOpen(state: RoundState, round: string): ReportingRoundOpenedData {
  const { opened } = state;
  if (!opened) throw notFound('round', `round ${round} is not opened`, { round });
  if (opened.round !== round) throw invalid({ path: 'round', message: `this stream holds round ${opened.round}` });
  if (state.status === 'closed')
    throw invalid({ path: 'round', message: `round ${round} was closed on ${state.closedOn}` });
  return opened;
}

/**
 * The step a submission belongs to: the level's only step, or the one it names with `reportsTo` when
 * the level reports to more than one body.
 */
function findStep(levels: readonly RoundLevelSpec[], level: string, reportsTo: string | undefined, round: string) {
  const steps = levels.filter((spec) => spec.level === level);
  if (steps.length === 0) {
    const has = [...new Set(levels.map((spec) => spec.level))].join(', ');
    throw invalid({ path: 'level', message: `round ${round} has no ${level} level (it has ${has})` });
  }
  if (reportsTo === undefined) {
    if (steps.length === 1) return steps[0] as RoundLevelSpec;
    const options = steps.map((spec) => spec.reportsTo).join('; ');
    throw invalid({ path: 'reportsTo', message: `the ${level} level has several steps: name one of ${options}` });
  }
  const step = steps.find((spec) => spec.reportsTo === reportsTo);
  if (!step) throw invalid({ path: 'reportsTo', message: `the ${level} level does not report to ${reportsTo}` });
  return step;
}

/**
 * Steps in level order (commune → district → province → centre) with deadlines that do not
 * decrease: a district cannot be due before the communes that report to it. A level may have several
 * steps when it reports to several bodies in turn, each body once; they keep the order listed.
 * Issues point at the index the command used.
 */
function checkLevels(levels: readonly RoundLevelSpec[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Map<string, number>();
  levels.forEach((spec, index) => {
    const key = `${spec.level}\u0000${spec.reportsTo}`;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, index);
    else
      issues.push({
        path: `levels.${index}.level`,
        message: `${spec.level} → ${spec.reportsTo} is already levels.${first}`,
      });
  });
  // Compare each step with the latest deadline below it, so one bad step is reported once.
  const ordered = LEVEL_ORDER.flatMap((level) =>
    levels.flatMap((spec, index) => (spec.level === level ? [{ spec, index }] : [])),
  );
  let below: RoundLevelSpec | undefined;
  for (const { spec, index } of ordered) {
    if (below && spec.deadline < below.deadline) {
      issues.push({
        path: `levels.${index}.deadline`,
        message: `the ${spec.level} deadline ${spec.deadline} is before the ${below.level} deadline ${below.deadline}`,
      });
    } else {
      below = spec;
    }
  }
  return issues;
}
