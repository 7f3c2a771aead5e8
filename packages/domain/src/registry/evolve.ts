import type { LegalDocument } from '../shared/document.js';
import { assertNever } from '../shared/period.js';
import type { RegistryEvent } from './events.js';
import { dayBefore, type Validity } from './validity.js';

/** One name of a province and the day it took effect (null: from the province's start). */
export interface ProvinceName {
  name: string;
  from: string | null;
  legalBasis?: LegalDocument | undefined;
}

/** A province as the registry stream made it: validity, every name it had, and its lineage. */
export interface ProvinceRecord extends Validity {
  id: string;
  code: string;
  /** Oldest first; the last is the current name. */
  names: readonly ProvinceName[];
  legalBasis?: LegalDocument | undefined;
  /** The province it was merged into, once merged. */
  successor?: string | undefined;
  /** The provinces merged into it. */
  predecessors: readonly string[];
}

/** One merger as recorded. */
export interface Merger {
  successor: string;
  predecessors: readonly string[];
  effectiveOn: string;
  legalBasis: LegalDocument;
}

/** The state of `national/registry`: every province ever registered (none is ever removed) and the mergers. */
export interface RegistryState {
  provinces: ReadonlyMap<string, ProvinceRecord>;
  mergers: readonly Merger[];
}

export function initialRegistryState(): RegistryState {
  return { provinces: new Map(), mergers: [] };
}

/**
 * Applies one recorded event. Events are facts that `decide` checked; a province they name but the
 * state lacks (which only a hand-made stream could produce) is skipped rather than invented.
 */
export function evolveRegistry(state: RegistryState, event: RegistryEvent): RegistryState {
  switch (event.type) {
    case 'ProvinceRegistered': {
      const { province, code, name, validFrom, legalBasis } = event.data;
      const record: ProvinceRecord = {
        id: province,
        code,
        validFrom,
        names: [{ name, from: validFrom, legalBasis }],
        legalBasis,
        predecessors: [],
      };
      return { ...state, provinces: new Map(state.provinces).set(province, record) };
    }
    case 'ProvinceRenamed': {
      const { province, name, effectiveOn, legalBasis } = event.data;
      const record = state.provinces.get(province);
      if (!record) return state;
      const names = [...record.names, { name, from: effectiveOn, legalBasis }];
      return { ...state, provinces: new Map(state.provinces).set(province, { ...record, names }) };
    }
    case 'ProvincesMerged': {
      const { successor, predecessors, effectiveOn, legalBasis } = event.data;
      const provinces = new Map(state.provinces);
      const validTo = dayBefore(effectiveOn);
      for (const id of predecessors) {
        const record = provinces.get(id);
        if (record) provinces.set(id, { ...record, validTo, successor });
      }
      const record = provinces.get(successor);
      if (record) provinces.set(successor, { ...record, predecessors: [...record.predecessors, ...predecessors] });
      return { provinces, mergers: [...state.mergers, { successor, predecessors, effectiveOn, legalBasis }] };
    }
    default:
      return assertNever(event);
  }
}
