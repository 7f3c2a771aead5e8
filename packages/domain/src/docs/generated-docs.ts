import { INDICATORS } from '../catalogue/indicators.js';
import { EVENT_CATALOGUE } from './event-catalogue.js';
import { renderEventCatalogue } from './render-events.js';
import { renderIndicatorCatalogue } from './render-indicators.js';

/** The generated pages of docs/, by file name: written by `pnpm docs:generate`, checked by a test. */
export function generatedDocs(): Record<string, string> {
  return {
    'events.md': renderEventCatalogue(EVENT_CATALOGUE),
    'indicators.md': renderIndicatorCatalogue(INDICATORS),
  };
}
