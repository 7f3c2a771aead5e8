import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { domainEvents } from '../events.js';
import { EVENT_CATALOGUE } from './event-catalogue.js';
import { generatedDocs } from './generated-docs.js';

const DOCS = new URL('../../../../docs/', import.meta.url);

describe('the generated docs', () => {
  it('list every event type of the domain exactly once', () => {
    expect(EVENT_CATALOGUE.map((entry) => entry.definition.type).sort()).toEqual(
      domainEvents.map((definition) => definition.type).sort(),
    );
  });

  it.each(EVENT_CATALOGUE.map((entry) => [entry.definition.type, entry] as const))(
    'show a %s example the store would accept',
    (_, entry) => {
      const parsed = entry.definition.schema.safeParse(entry.example);
      expect(parsed.error?.issues ?? []).toEqual([]);
    },
  );

  it.each(Object.entries(generatedDocs()))('docs/%s is up to date (run `pnpm docs:generate`)', (file, text) => {
    expect(readFileSync(new URL(file, DOCS), 'utf8')).toBe(text);
  });
});
