import type { LegalDocument } from '../shared/document.js';
import { assertNever } from '../shared/period.js';
import { type CatalogueEvent, type IndicatorDefinedData, REVISABLE_FIELDS, type RevisableField } from './events.js';

/** An indicator's full definition at one version. */
export type IndicatorDefinition = IndicatorDefinedData;

/** One version of an indicator: 1 is its definition, each revision adds one. */
export interface IndicatorVersion {
  version: number;
  definition: IndicatorDefinition;
  /** The fields this version changed; empty for the definition. */
  changed: readonly RevisableField[];
  reason?: string | undefined;
  document?: LegalDocument | undefined;
}

/** An indicator with every version it had, oldest first; `current` is the last. */
export interface IndicatorEntry {
  current: IndicatorDefinition;
  versions: readonly IndicatorVersion[];
}

/** The state of `national/indicators`: every indicator ever defined, by code. */
export interface CatalogueState {
  indicators: ReadonlyMap<string, IndicatorEntry>;
}

export function initialCatalogueState(): CatalogueState {
  return { indicators: new Map() };
}

/**
 * Applies one recorded event. A revision of a code the state lacks (only a hand-made stream could
 * hold one) is skipped rather than turned into a half-defined indicator.
 */
export function evolveCatalogue(state: CatalogueState, event: CatalogueEvent): CatalogueState {
  switch (event.type) {
    case 'IndicatorDefined': {
      const definition = event.data;
      const entry: IndicatorEntry = { current: definition, versions: [{ version: 1, definition, changed: [] }] };
      return { indicators: new Map(state.indicators).set(definition.code, entry) };
    }
    case 'IndicatorRevised': {
      const { code, reason, document } = event.data;
      const entry = state.indicators.get(code);
      if (!entry) return state;
      const changed = REVISABLE_FIELDS.filter((field) => event.data[field] !== undefined);
      const definition = { ...entry.current };
      for (const field of changed) Object.assign(definition, { [field]: event.data[field] });
      const version: IndicatorVersion = { version: entry.versions.length + 1, definition, changed, reason, document };
      return {
        indicators: new Map(state.indicators).set(code, {
          current: definition,
          versions: [...entry.versions, version],
        }),
      };
    }
    default:
      return assertNever(event);
  }
}
