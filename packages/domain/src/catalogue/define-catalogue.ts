import type { DefineIndicator } from './commands.js';
import { INDICATORS, type IndicatorData } from './indicators.js';

/**
 * The commands that define the catalogue data (`INDICATORS`), in an order the decider accepts:
 * indicators used as weights (population) first, since a weighted mean must name a defined weight;
 * then the rest in the order of the data.
 */
export function defineCatalogueCommands(indicators: readonly IndicatorData[] = INDICATORS): DefineIndicator[] {
  const weights = new Set(
    indicators.flatMap((indicator) =>
      indicator.combine.rule === 'population_weighted_mean' ? [indicator.combine.weight] : [],
    ),
  );
  const ordered = [
    ...indicators.filter((indicator) => weights.has(indicator.code)),
    ...indicators.filter((indicator) => !weights.has(indicator.code)),
  ];
  return ordered.map((indicator) => ({ type: 'DefineIndicator', ...indicator, aliases: [...indicator.aliases] }));
}
