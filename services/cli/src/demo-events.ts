import { defineEvent, EventRegistry, type NewEvent } from '@chitieu/event-store';
import { v5 as uuidv5 } from 'uuid';
import { z } from 'zod';

/*
 * The store's demonstration until the domain exists (issue 4 replaces these with the real event
 * catalogue): Kiên Giang's 2017 baselines as Kế hoạch 132/KH-UBND states them (the table of section
 * II.2 of seeds/004_fa9921fae8fdacda.txt), figures exactly as written there.
 */

export const indicatorValueReported = defineEvent({
  type: 'IndicatorValueReported',
  version: 1,
  schema: z.strictObject({
    indicator: z.string().min(1).max(100),
    year: z.number().int().min(1990).max(2100),
    value: z.number().finite(),
    unit: z.enum(['years', '%', '‰']),
    /** The figure as the document writes it, kept beside the parsed value. */
    written: z.string().min(1).max(50),
  }),
});

export const demoRegistry = new EventRegistry([indicatorValueReported]);

export const DEMO_TENANT = { id: 'kien-giang', name: 'Kiên Giang' } as const;
export const DEMO_STREAM = 'kien-giang/baselines/132-KH-UBND';

const BASELINES = [
  { indicator: 'life_expectancy', value: 74.3, unit: 'years', written: '74,3' },
  { indicator: 'health_insurance_coverage', value: 83.14, unit: '%', written: '83,14' },
  { indicator: 'immunisation_8_vaccines', value: 99.5, unit: '%', written: '99,5%' },
  { indicator: 'under5_mortality', value: 18.47, unit: '‰', written: '18,47‰' },
  { indicator: 'under1_mortality', value: 12.33, unit: '‰', written: '12,33‰' },
  { indicator: 'stunting_under5', value: 21.5, unit: '%', written: '21,5%' },
] as const;

// Ids derived from the figure: running the demo again is a retry of the same append, not new events.
const DEMO_NAMESPACE = '5b0c7a64-8a5e-4d59-9f39-6a1f0c2e7d11';

export function demoEvents(): NewEvent[] {
  return BASELINES.map((baseline) => ({
    id: uuidv5(`${DEMO_STREAM}/${baseline.indicator}/2017`, DEMO_NAMESPACE),
    type: indicatorValueReported.type,
    data: { ...baseline, year: 2017 },
    metadata: {
      actor: { id: 'demo-importer', role: 'province', province: DEMO_TENANT.id },
      document: {
        number: '132/KH-UBND',
        kind: 'Kế hoạch',
        issuer: 'Ủy ban nhân dân tỉnh Kiên Giang',
        issuedOn: '2018-08-14',
      },
      source: 'seeds/004_fa9921fae8fdacda.txt, II.2 Mục tiêu cụ thể, column Năm 2017',
    },
  }));
}
