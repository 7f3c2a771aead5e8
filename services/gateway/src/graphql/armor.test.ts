import type { Logger } from '@chitieu/logging';
import { describe, expect, it, vi } from 'vitest';
import type { GatewayServices } from '../context.js';
import { createMetrics } from '../metrics.js';
import { createGatewayYoga } from '../yoga.js';
import { buildSchema, createBuilder } from './builder.js';

interface Section {
  title: string;
}

function testYoga() {
  const builder = createBuilder();
  const SectionRef = builder.objectRef<Section>('Section');
  SectionRef.implement({
    fields: (t) => ({
      title: t.exposeString('title'),
      child: t.field({ type: SectionRef, resolve: (section) => ({ title: `${section.title}.1` }) }),
    }),
  });
  builder.queryField('outline', (t) => t.field({ type: SectionRef, resolve: () => ({ title: '1' }) }));
  const metrics = createMetrics();
  const yoga = createGatewayYoga({
    schema: buildSchema(builder),
    context: async (_request, { requestId }) => ({ actor: undefined, requestId, services: {} as GatewayServices }),
    graphiql: false,
    logger: { error: vi.fn(), warn: vi.fn(), info: vi.fn(), debug: vi.fn() } as unknown as Logger,
    metrics,
  });
  return { yoga, metrics };
}

async function post(yoga: ReturnType<typeof testYoga>['yoga'], query: string) {
  const response = await yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: unknown }[] };
  return { status: response.status, body };
}

/** `{ outline { child { child … { title } } } }` with `depth` levels of fields. */
function nested(depth: number): string {
  return `{ outline ${'{ child '.repeat(depth - 2)}{ title }${' }'.repeat(depth - 2)} }`;
}

describe('armorPlugins', () => {
  it('lets a query of depth 12 through', async () => {
    const { yoga } = testYoga();
    const { status, body } = await post(yoga, nested(12));
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });

  it('refuses a query deeper than 12 with a plain message', async () => {
    const { yoga, metrics } = testYoga();
    const { status, body } = await post(yoga, nested(14));
    expect(status).toBe(400);
    expect(body.errors).toEqual([
      { message: 'Query depth limit of 12 exceeded, found 14.', extensions: { code: 'QUERY_TOO_COMPLEX' } },
    ]);
    expect(await metrics.registry.metrics()).toContain(
      'graphql_operations_total{operation="anonymous",type="query",outcome="refused"} 1',
    );
  });

  it('refuses more than 15 aliases', async () => {
    const { yoga } = testYoga();
    const aliases = Array.from({ length: 16 }, (_, i) => `a${i}: outline { title }`).join(' ');
    const { status, body } = await post(yoga, `{ ${aliases} }`);
    expect(status).toBe(400);
    expect(body.errors).toEqual([
      { message: 'Aliases limit of 15 exceeded, found 16.', extensions: { code: 'QUERY_TOO_COMPLEX' } },
    ]);
  });

  it('refuses a document of more than 2000 tokens', async () => {
    const { yoga } = testYoga();
    const fields = Array.from({ length: 2100 }, () => 'title').join(' ');
    const { status, body } = await post(yoga, `{ outline { ${fields} } }`);
    expect(status).toBe(400);
    expect(body.errors?.[0]).toEqual({
      message: 'Token limit of 2000 exceeded.',
      extensions: { code: 'QUERY_TOO_COMPLEX' },
    });
  });
});
