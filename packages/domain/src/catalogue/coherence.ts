import type { FieldIssue } from '@chitieu/errors';
import { assertNever } from '../shared/period.js';
import type { Unit } from '../shared/units.js';
import type { CatalogueState, IndicatorDefinition } from './evolve.js';

// Units whose provincial figures add up; a rate, a mean or a height never does.
const ADDITIVE: ReadonlySet<Unit> = new Set(['count', 'million_vnd']);

/**
 * Checks that an indicator's unit, direction and combination rule fit together, since the ministry
 * compares a successor with the combination of its predecessors and a wrong rule would silently give
 * wrong numbers: a milestone is met or not (unit and direction `milestone`, combined with `all_of`);
 * only counts and money are summed; a population-weighted mean needs a rate-like unit and a weight
 * that is a defined count indicator other than itself.
 */
export function checkCoherence(definition: IndicatorDefinition, state: CatalogueState, issues: FieldIssue[]): void {
  const { unit, direction, combine } = definition;
  if ((unit === 'milestone') !== (direction === 'milestone')) {
    issues.push({
      path: 'direction',
      message: `a milestone has unit and direction milestone; got ${unit} and ${direction}`,
    });
  }
  switch (combine.rule) {
    case 'all_of':
      if (unit !== 'milestone') {
        issues.push({ path: 'combine.rule', message: `all_of combines milestones, not ${unit}` });
      }
      break;
    case 'sum':
      if (!ADDITIVE.has(unit)) {
        issues.push({ path: 'combine.rule', message: `figures in ${unit} do not add up` });
      }
      break;
    case 'population_weighted_mean': {
      if (ADDITIVE.has(unit) || unit === 'milestone') {
        issues.push({ path: 'combine.rule', message: `a weighted mean does not combine figures in ${unit}` });
      }
      const weight = state.indicators.get(combine.weight)?.current;
      if (combine.weight === definition.code || !weight || weight.unit !== 'count') {
        const message = `the weight must be a defined count indicator other than this one (population); got ${JSON.stringify(combine.weight)}`;
        issues.push({ path: 'combine.weight', message });
      }
      break;
    }
    case 'not_combinable':
      break;
    default:
      assertNever(combine);
  }
}
