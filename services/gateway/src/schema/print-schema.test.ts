import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { printedSchema, SCHEMA_FILE } from './print-schema.js';

describe('the committed GraphQL schema', () => {
  it('is the schema the gateway serves (run `pnpm docs:generate` after changing a type)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(printedSchema());
  });

  it('has a mutation for every command of the domain and the reads of the three users', () => {
    const printed = printedSchema();
    for (const field of [
      'reviseTarget(',
      'reportIndicator(',
      'correctReport(',
      'mergeProvinces(',
      'openReportingRound(',
    ]) {
      expect(printed).toContain(field);
    }
    for (const field of ['nationalComparison(', 'plans(', 'reports(', 'events(', 'verifyChain(', 'provinceState(']) {
      expect(printed).toContain(field);
    }
  });
});
