import { describe, expect, it } from 'vitest';
import { graphiqlExamples } from './examples.js';
import { parse, validate } from './graphql/graphql-js.js';
import { schema } from './schema/index.js';

describe("GraphiQL's example tabs", () => {
  it('are valid operations of the schema the gateway serves', () => {
    const examples = graphiqlExamples({ ministry: 'm', province: 'p', auditor: 'a' });
    expect(examples).toHaveLength(3);
    for (const example of examples) {
      expect(validate(schema, parse(example.query)).map((error) => error.message)).toEqual([]);
      expect(example.headers?.Authorization).toMatch(/^Bearer [mpa]$/);
    }
  });
});
