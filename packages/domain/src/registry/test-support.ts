// Given/when/then helpers for the registry's tests: events in, a decision out, errors caught whole.
import type { ActorRole } from '../shared/actor.js';
import { type DecisionContext, fold } from '../shared/decider.js';
import type { RegistryCommand } from './commands.js';
import { decideRegistry, registryDecider } from './decide.js';
import type { RegistryEvent } from './events.js';
import type { RegistryState } from './evolve.js';
import { RESOLUTION_202_2025 } from './load-provinces-csv.js';

export const LEGAL_BASIS = RESOLUTION_202_2025;

export function contextAs(role: ActorRole = 'ministry'): DecisionContext {
  const province = role === 'province' ? { province: 'kien-giang' } : {};
  return {
    actor: { id: `test-${role}`, role, ...province },
    now: new Date('2026-01-01T00:00:00Z'),
    newId: () => 'id',
    reference: undefined,
  };
}

export function given(...events: RegistryEvent[]): RegistryState {
  return fold(registryDecider, events);
}

export function when(state: RegistryState, command: RegistryCommand, role: ActorRole = 'ministry'): RegistryEvent[] {
  return decideRegistry(command, state, contextAs(role));
}

export { refusal } from '../shared/test-refusal.js';

export const registered = (
  province: string,
  code: string,
  name: string,
  validFrom: string | null = null,
): RegistryEvent => ({
  type: 'ProvinceRegistered',
  data: { province, code, name, validFrom },
});

export const merged = (successor: string, predecessors: string[], effectiveOn = '2025-07-01'): RegistryEvent => ({
  type: 'ProvincesMerged',
  data: { successor, predecessors, effectiveOn, legalBasis: LEGAL_BASIS },
});

export const renamed = (province: string, name: string, effectiveOn = '2025-07-01'): RegistryEvent => ({
  type: 'ProvinceRenamed',
  data: { province, name, effectiveOn, legalBasis: LEGAL_BASIS },
});

/** Kiên Giang and An Giang before the merger, and the new An Giang registered but not yet merged. */
export const BEFORE_AN_GIANG_MERGER: RegistryEvent[] = [
  registered('an-giang', '89', 'An Giang'),
  registered('kien-giang', '91', 'Kiên Giang'),
  registered('an-giang-2025', '91', 'An Giang', '2025-07-01'),
];
