import type { FieldIssue } from '@chitieu/errors';
import { NATIONAL_TENANT, requireNationalActor } from '../shared/actor.js';
import type { Decider, DecisionContext } from '../shared/decider.js';
import { invalid } from '../shared/errors.js';
import { parseCommand } from '../shared/parse-command.js';
import { assertNever } from '../shared/period.js';
import type { MergeProvinces, RegisterProvince, RegistryCommand, RenameProvince } from './commands.js';
import { provinceRegistered, provinceRenamed, provincesMerged, type RegistryEvent } from './events.js';
import { evolveRegistry, initialRegistryState, type ProvinceRecord, type RegistryState } from './evolve.js';
import { nameOn } from './reference.js';
import { dayBefore, validitiesOverlap, validOn } from './validity.js';

/**
 * Decides a registry command (stream `national/registry`). Throws FORBIDDEN for anyone but the
 * ministry or the system, and VALIDATION_FAILED naming every faulty field of the command.
 */
export function decideRegistry(
  command: RegistryCommand,
  state: RegistryState,
  context: DecisionContext,
): RegistryEvent[] {
  requireNationalActor(context.actor, 'the province registry', command.type);
  switch (command.type) {
    case 'RegisterProvince':
      return [register(command, state)];
    case 'RenameProvince':
      return [rename(command, state)];
    case 'MergeProvinces':
      return [merge(command, state)];
    default:
      return assertNever(command);
  }
}

/** The registry as an Emmett decider, for the command handler. */
export const registryDecider: Decider<RegistryCommand, RegistryState, RegistryEvent> = {
  initialState: initialRegistryState,
  decide: decideRegistry,
  evolve: evolveRegistry,
};

function register(command: RegisterProvince, state: RegistryState): RegistryEvent {
  const data = parseCommand(provinceRegistered.schema, {
    province: command.province,
    code: command.code,
    name: command.name,
    validFrom: command.validFrom,
    ...(command.legalBasis && { legalBasis: command.legalBasis }),
  });
  const issues: FieldIssue[] = [];
  if (data.province === NATIONAL_TENANT) {
    issues.push({ path: 'province', message: `${NATIONAL_TENANT} is the national tenant, not a province` });
  }
  const existing = state.provinces.get(data.province);
  if (existing) {
    issues.push({ path: 'province', message: `${data.province} is already registered (${describe(existing)})` });
  }
  const succeeds = checkSucceeds(command.succeeds ?? [], data, state, issues);
  for (const other of state.provinces.values()) {
    if (other.code !== data.code || succeeds.has(other.id) || other.id === data.province) continue;
    if (validitiesOverlap(other, data)) {
      // A successor taking a predecessor's code names it in `succeeds`; say so, it is the usual cause.
      const hint = data.validFrom !== null && other.validTo === undefined ? ` (a successor lists it in succeeds)` : '';
      issues.push({ path: 'code', message: `code ${data.code} is held by ${describe(other)} at the same time${hint}` });
    }
  }
  if (issues.length > 0) throw invalid(issues);
  return { type: 'ProvinceRegistered', data };
}

// The provinces a successor takes over; only valid ones are exempt from the code check.
function checkSucceeds(
  ids: readonly string[],
  data: { province: string; validFrom: string | null },
  state: RegistryState,
  issues: FieldIssue[],
): Set<string> {
  const exempt = new Set<string>();
  if (ids.length === 0) return exempt;
  const { validFrom } = data;
  if (validFrom === null) {
    issues.push({ path: 'validFrom', message: 'a successor starts on the day its merger takes effect' });
    return exempt;
  }
  ids.forEach((id, index) => {
    const path = `succeeds.${index}`;
    const record = state.provinces.get(id);
    if (ids.indexOf(id) !== index || id === data.province) {
      issues.push({ path, message: `${id} is named twice or is the province itself` });
    } else if (!record) {
      issues.push({ path, message: `unknown province ${JSON.stringify(id)}` });
    } else if (record.validTo !== undefined) {
      issues.push({ path, message: `${describe(record)} has already ended` });
    } else if (!validOn(record, dayBefore(validFrom))) {
      issues.push({ path, message: `${describe(record)} does not exist on ${dayBefore(validFrom)}` });
    } else {
      exempt.add(id);
    }
  });
  return exempt;
}

function rename(command: RenameProvince, state: RegistryState): RegistryEvent {
  const data = parseCommand(provinceRenamed.schema, {
    province: command.province,
    name: command.name,
    effectiveOn: command.effectiveOn,
    legalBasis: command.legalBasis,
  });
  const record = state.provinces.get(data.province);
  if (!record) throw invalid({ path: 'province', message: `unknown province ${JSON.stringify(data.province)}` });
  const issues: FieldIssue[] = [];
  const lastChange = record.names.at(-1)?.from ?? null;
  if (record.validFrom !== null && data.effectiveOn <= record.validFrom) {
    issues.push({
      path: 'effectiveOn',
      message: `${describe(record)} starts on ${record.validFrom}; register it with its name`,
    });
  } else if (record.validTo !== undefined && data.effectiveOn > record.validTo) {
    issues.push({ path: 'effectiveOn', message: `${describe(record)} ended on ${record.validTo}` });
  } else if (lastChange !== null && data.effectiveOn <= lastChange) {
    // Names are kept in order of effect, so that the name on a date is the last one before it.
    issues.push({ path: 'effectiveOn', message: `${describe(record)} was already renamed on ${lastChange}` });
  } else if (nameOn(record, data.effectiveOn) === data.name) {
    issues.push({ path: 'name', message: `${describe(record)} is already named ${data.name}` });
  }
  if (issues.length > 0) throw invalid(issues);
  return { type: 'ProvinceRenamed', data };
}

function merge(command: MergeProvinces, state: RegistryState): RegistryEvent {
  const data = parseCommand(provincesMerged.schema, {
    successor: command.successor,
    predecessors: command.predecessors,
    effectiveOn: command.effectiveOn,
    legalBasis: command.legalBasis,
  });
  const issues: FieldIssue[] = [];
  const successor = state.provinces.get(data.successor);
  if (!successor) {
    issues.push({
      path: 'successor',
      message: `unknown province ${JSON.stringify(data.successor)}: register the successor first`,
    });
  } else if (successor.validTo !== undefined) {
    issues.push({ path: 'successor', message: `${describe(successor)} has already ended` });
  } else if (successor.predecessors.length > 0) {
    issues.push({
      path: 'successor',
      message: `${describe(successor)} is already the successor of ${successor.predecessors.join(', ')}`,
    });
  } else if (successor.validFrom !== data.effectiveOn) {
    issues.push({
      path: 'effectiveOn',
      message: `a merger takes effect on the day its successor starts: ${describe(successor)} starts on ${successor.validFrom ?? '(no date)'}`,
    });
  }
  const lastDay = dayBefore(data.effectiveOn);
  data.predecessors.forEach((id, index) => {
    const path = `predecessors.${index}`;
    const record = state.provinces.get(id);
    if (data.predecessors.indexOf(id) !== index) {
      issues.push({ path, message: `${id} is named twice` });
    } else if (id === data.successor) {
      issues.push({ path, message: 'a province cannot be merged into itself' });
    } else if (!record) {
      issues.push({ path, message: `unknown province ${JSON.stringify(id)}` });
    } else if (record.validTo !== undefined) {
      const into = record.successor ? ` (merged into ${record.successor})` : '';
      issues.push({ path, message: `${describe(record)} already ended on ${record.validTo}${into}` });
    } else if (!validOn(record, lastDay)) {
      issues.push({ path, message: `${describe(record)} does not exist on ${lastDay}, the day before the merger` });
    } else if (record.names.some((entry) => entry.from !== null && entry.from > lastDay)) {
      issues.push({ path, message: `${describe(record)} has a name taking effect after it would end` });
    }
  });
  if (successor) {
    // Once the predecessors end, the successor's code must be free for its whole validity.
    const ending = new Set([...data.predecessors, data.successor]);
    for (const other of state.provinces.values()) {
      if (other.code === successor.code && !ending.has(other.id) && validitiesOverlap(other, successor)) {
        issues.push({
          path: 'successor',
          message: `its code ${successor.code} is held by ${describe(other)} at the same time`,
        });
      }
    }
  }
  if (issues.length > 0) throw invalid(issues);
  return { type: 'ProvincesMerged', data };
}

function describe(record: ProvinceRecord): string {
  return `${record.id} (${nameOn(record)}, code ${record.code})`;
}
