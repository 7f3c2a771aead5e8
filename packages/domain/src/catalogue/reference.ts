import type { IndicatorInfo } from '../shared/reference.js';
import type { CatalogueState, IndicatorDefinition, IndicatorVersion } from './evolve.js';

/** An indicator as the catalogue defines it now, or undefined when the code was never defined. */
export function indicatorInfo(state: CatalogueState, code: string): IndicatorInfo | undefined {
  const current = state.indicators.get(code)?.current;
  if (!current) return undefined;
  const { nameVi, nameEn, unit, direction, combine } = current;
  return { code, nameVi, nameEn, unit, direction, combine };
}

/** Every version of an indicator, oldest first: what it meant when a figure was filed. */
export function indicatorHistory(state: CatalogueState, code: string): readonly IndicatorVersion[] {
  return state.indicators.get(code)?.versions ?? [];
}

/** Every indicator's current definition (with aliases and source), in order of definition. */
export function indicatorDefinitions(state: CatalogueState): IndicatorDefinition[] {
  return [...state.indicators.values()].map((entry) => entry.current);
}
