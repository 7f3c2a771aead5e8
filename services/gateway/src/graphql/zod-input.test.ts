import { ChitieuError } from '@chitieu/errors';
import { createYoga } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { GatewayContext } from '../context.js';
import { buildSchema, createBuilder } from './builder.js';
import { maskError } from './errors.js';
import { printSchema, printType } from './graphql-js.js';
import { inputFromZod } from './zod-input.js';

const comparator = z.enum(['>=', '>', '<=', '<', '=']);
const target = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('absolute'), target: z.string(), comparator, value: z.number() }),
  z.strictObject({ kind: z.literal('milestone'), target: z.string(), text: z.string().min(1) }),
]);
const setTargetsSchema = z.strictObject({
  plan: z.string().trim().min(1),
  status: z.enum(['draft', 'adopted']),
  period: z.strictObject({ from: z.number().int().min(1990).max(2100), to: z.number().int().min(1990).max(2100) }),
  /** Wider than GraphQL's Int: must come through as Float. */
  amount: z.number().int().nonnegative(),
  note: z.string().max(200).optional(),
  revisedOn: z.iso.date().nullable(),
  tags: z.array(z.string()).default([]),
  targets: z.array(target).min(1),
  extra: z.record(z.string(), z.number()).optional(),
  unit: z.union([z.literal('percent_of_baseline'), z.enum(['percent', 'count'])]),
});

function testSchema() {
  const builder = createBuilder();
  const SetTargetsInput = inputFromZod(builder, 'SetTargetsInput', setTargetsSchema);
  builder.mutationField('setTargets', (t) =>
    t.field({
      type: 'JSON',
      args: { input: t.arg({ type: SetTargetsInput, required: true }) },
      resolve: (_root, { input }) => {
        const parsed = setTargetsSchema.safeParse(input);
        if (parsed.success) return parsed.data;
        const issues = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
        throw new ChitieuError('VALIDATION_FAILED', `${issues[0]?.path}: ${issues[0]?.message}`, {}, issues);
      },
    }),
  );
  return { builder, schema: buildSchema(builder) };
}

describe('inputFromZod', () => {
  it('derives input objects, enums and lists from the zod schema', () => {
    const { builder } = testSchema();
    const sdl = printSchema(builder.toSchema());
    const block = (name: string) => sdl.slice(sdl.indexOf(`input ${name} {`)).split('\n}\n')[0];
    expect(block('SetTargetsInput')).toBe(
      [
        'input SetTargetsInput {',
        '  amount: Float!',
        '  extra: JSON',
        '  note: String',
        '  period: SetTargetsInputPeriod!',
        '  plan: String!',
        '  revisedOn: String',
        '  status: SetTargetsInputStatus!',
        '  tags: [String!]',
        '  targets: [SetTargetsInputTargetsItem!]!',
        '  unit: SetTargetsInputUnit!',
      ].join('\n'),
    );
    expect(block('SetTargetsInputPeriod')).toBe('input SetTargetsInputPeriod {\n  from: Int!\n  to: Int!');
    // The discriminated union: every member's fields, optional, and the discriminator required.
    // The comparators are not GraphQL names, so a String (zod still checks them).
    expect(block('SetTargetsInputTargetsItem')).toBe(
      [
        'input SetTargetsInputTargetsItem {',
        '  comparator: String',
        '  kind: String!',
        '  target: String!',
        '  text: String',
        '  value: Float',
      ].join('\n'),
    );
    expect(sdl).toContain('enum SetTargetsInputStatus {\n  adopted\n  draft\n}');
    expect(sdl).toContain('enum SetTargetsInputUnit {\n  count\n  percent\n  percent_of_baseline\n}');
  });

  it('passes the argument through to the resolver, where zod parses it', async () => {
    const { schema } = testSchema();
    const yoga = createYoga<object, GatewayContext>({ schema, maskedErrors: { maskError }, logging: false });
    const input = {
      plan: '132/KH-UBND',
      status: 'adopted',
      period: { from: 2021, to: 2025 },
      amount: 12_500_000_000,
      revisedOn: null,
      targets: [
        { kind: 'absolute', target: 't1', comparator: '>=', value: 95 },
        { kind: 'milestone', target: 't2', text: 'Trung tâm 115' },
      ],
      extra: { a: 1 },
      unit: 'percent_of_baseline',
    };
    const run = async (variables: unknown) => {
      const response = await yoga.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'mutation($input: SetTargetsInput!) { setTargets(input: $input) }', variables }),
      });
      return (await response.json()) as { data?: { setTargets: unknown }; errors?: { extensions: unknown }[] };
    };

    expect(await run({ input })).toEqual({ data: { setTargets: { ...input, tags: [] } } });

    const wrong = { ...input, targets: [{ kind: 'milestone', target: 't2', text: '' }] };
    const failed = await run({ input: wrong });
    expect(failed.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'targets.0.text' });
  });

  it('gives the same type for the same name, and refuses a different input under it', () => {
    const builder = createBuilder();
    const first = inputFromZod(builder, 'PeriodInput', z.object({ from: z.number() }));
    expect(inputFromZod(builder, 'PeriodInput', z.object({ from: z.number() }))).toBe(first);
    expect(() => inputFromZod(builder, 'PeriodInput', z.object({ to: z.number() }))).toThrow(/already used/);
  });

  it('names a recursive (z.lazy) tree once and refers to it inside itself', () => {
    interface Section {
      title: string;
      items?: Section[];
    }
    const section: z.ZodType<Section> = z.lazy(() =>
      z.object({ title: z.string(), items: z.array(section).optional() }),
    );
    const builder = createBuilder();
    const OutlineInput = inputFromZod(builder, 'OutlineInput', z.object({ outline: z.array(section) }));
    builder.mutationField('outline', (t) =>
      t.boolean({ args: { input: t.arg({ type: OutlineInput, required: true }) }, resolve: () => true }),
    );
    const schema = builder.toSchema();
    expect(printType(schema.getType('OutlineInputOutlineItem') as never)).toBe(
      'input OutlineInputOutlineItem {\n  items: [OutlineInputOutlineItem!]\n  title: String!\n}',
    );
  });
});
