import type { CatalogueState } from './catalogue/evolve.js';
import { indicatorInfo } from './catalogue/reference.js';
import type { RegistryState } from './registry/evolve.js';
import { provinceInfo } from './registry/reference.js';
import type { Reference } from './shared/reference.js';

/**
 * The national reference data a decision consults, from the folded states of `national/registry`
 * and `national/indicators`. The states are immutable, so the Reference reads them directly.
 */
export function buildReference(registry: RegistryState, catalogue: CatalogueState): Reference {
  return {
    province: (id) => provinceInfo(registry, id),
    indicator: (code) => indicatorInfo(catalogue, code),
  };
}
