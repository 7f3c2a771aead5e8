import type { FieldIssue } from '@chitieu/errors';
import { requireNationalActor } from '../shared/actor.js';
import type { Decider, DecisionContext } from '../shared/decider.js';
import { invalid } from '../shared/errors.js';
import { parseCommand } from '../shared/parse-command.js';
import { assertNever } from '../shared/period.js';
import { convertible } from '../shared/units.js';
import { checkCoherence } from './coherence.js';
import type { CatalogueCommand, DefineIndicator, ReviseIndicator } from './commands.js';
import { type CatalogueEvent, indicatorDefined, indicatorRevised, REVISABLE_FIELDS } from './events.js';
import { type CatalogueState, evolveCatalogue, initialCatalogueState } from './evolve.js';

/**
 * Decides a catalogue command (stream `national/indicators`). Throws FORBIDDEN for anyone but the
 * ministry or the system, and VALIDATION_FAILED naming every faulty field of the command.
 */
export function decideCatalogue(
  command: CatalogueCommand,
  state: CatalogueState,
  context: DecisionContext,
): CatalogueEvent[] {
  requireNationalActor(context.actor, 'the indicator catalogue', command.type);
  switch (command.type) {
    case 'DefineIndicator':
      return [define(command, state)];
    case 'ReviseIndicator':
      return [revise(command, state)];
    default:
      return assertNever(command);
  }
}

/** The catalogue as an Emmett decider, for the command handler. */
export const catalogueDecider: Decider<CatalogueCommand, CatalogueState, CatalogueEvent> = {
  initialState: initialCatalogueState,
  decide: decideCatalogue,
  evolve: evolveCatalogue,
};

function define(command: DefineIndicator, state: CatalogueState): CatalogueEvent {
  const { type: _type, aliases, ...fields } = command;
  const data = parseCommand(indicatorDefined.schema, withoutUndefined({ ...fields, aliases: aliases ?? [] }));
  const issues: FieldIssue[] = [];
  if (state.indicators.has(data.code)) {
    issues.push({ path: 'code', message: `indicator ${data.code} is already defined; revise it instead` });
  }
  checkCoherence(data, state, issues);
  if (issues.length > 0) throw invalid(issues);
  return { type: 'IndicatorDefined', data };
}

/**
 * A revision changes the fields given that differ from the current definition. A unit may change only
 * to one that converts from the old (percent ↔ per mille): figures already filed and targets already
 * set were checked against the old unit and must stay comparable. Anything else is a new indicator.
 */
function revise(command: ReviseIndicator, state: CatalogueState): CatalogueEvent {
  const { type: _type, ...fields } = command;
  const data = parseCommand(indicatorRevised.schema, withoutUndefined(fields));
  const current = state.indicators.get(data.code)?.current;
  if (!current) throw invalid({ path: 'code', message: `unknown indicator ${JSON.stringify(data.code)}` });
  const changes = Object.fromEntries(
    REVISABLE_FIELDS.filter((field) => data[field] !== undefined && !sameValue(data[field], current[field])).map(
      (field) => [field, data[field]],
    ),
  );
  if (Object.keys(changes).length === 0) {
    throw invalid({ path: 'code', message: `the revision changes nothing in ${data.code}` });
  }
  const issues: FieldIssue[] = [];
  if (data.unit && !convertible(current.unit, data.unit)) {
    issues.push({
      path: 'unit',
      message: `${data.code} is measured in ${current.unit}, which does not convert to ${data.unit}: define a new indicator`,
    });
  }
  checkCoherence({ ...current, ...changes }, state, issues);
  if (issues.length > 0) throw invalid(issues);
  const { reason, document } = data;
  return { type: 'IndicatorRevised', data: withoutUndefined({ code: data.code, ...changes, reason, document }) };
}

// JSON equality with keys sorted: values here are plain data (strings, arrays, small objects).
function sameValue(a: unknown, b: unknown): boolean {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.entries(value)
              .sort(([x], [y]) => x.localeCompare(y))
              .map(([key, item]) => [key, canonical(item)]),
          )
        : value;
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

// Events hold no `undefined` fields, so that stored and decided events compare equal.
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T;
}
