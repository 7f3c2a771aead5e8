import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { schemaRows } from './schema-rows.js';

describe('schemaRows', () => {
  it('flattens objects, arrays and discriminated unions into field paths with types and constraints', () => {
    const schema = z.strictObject({
      code: z.string().min(1).max(10),
      year: z.number().int().min(1990),
      note: z.string().optional(),
      targets: z.array(
        z.discriminatedUnion('kind', [
          z.strictObject({ kind: z.literal('absolute'), comparator: z.enum(['>=', '<']), value: z.number() }),
          z.strictObject({ kind: z.literal('milestone'), text: z.string() }),
        ]),
      ),
    });
    const rows = schemaRows(schema);
    expect(rows.map((row) => [row.path, row.type, row.required])).toEqual([
      ['code', 'string', true],
      ['year', 'integer', true],
      ['note', 'string', false],
      ['targets', 'array', true],
      ['targets[]', 'one of the variants below', true],
      ['targets[] (kind = "absolute").kind', '"absolute"', true],
      ['targets[] (kind = "absolute").comparator', '">=" \\| "<"', true],
      ['targets[] (kind = "absolute").value', 'number', true],
      ['targets[] (kind = "milestone").kind', '"milestone"', true],
      ['targets[] (kind = "milestone").text', 'string', true],
    ]);
    expect(rows[0]?.notes).toBe('at least 1 characters; at most 10 characters');
    expect(rows[1]?.notes).toContain('≥ 1990');
  });
});
