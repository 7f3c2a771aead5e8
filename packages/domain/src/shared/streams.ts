import { NATIONAL_TENANT } from './actor.js';
import { type Period, periodKey } from './period.js';
import { slugify } from './slug.js';

/**
 * Stream ids, built from natural keys so that the store's expected-version check enforces
 * uniqueness (a second plan numbered 132/KH-UBND in one province is a `no_stream` conflict).
 * Every stream id starts with its tenant: stream ids are unique across tenants.
 */
export const streams = {
  registry: () => `${NATIONAL_TENANT}/registry`,
  catalogue: () => `${NATIONAL_TENANT}/indicators`,
  plan: (tenant: string, documentNumber: string) => `${tenant}/plan/${slugify(documentNumber)}`,
  report: (tenant: string, indicator: string, period: Period) => `${tenant}/report/${indicator}/${periodKey(period)}`,
  round: (tenant: string, roundId: string) => `${tenant}/round/${roundId}`,
};
