import { engines } from '@chitieu/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphiqlExamples } from '../examples.js';
import { codesOf, dataOf, type Running, startE2E, THAI_NGUYEN } from './support.js';

// What protects the server from one request (armor, body limit), what a failure shows to the caller
// (masked), and what operators probe (/healthz, /readyz, /metrics): over HTTP, against the real server.

/** `province { successor { successor … { id } } }`: a query `levels` selection sets deep. */
/** The GraphQL-over-HTTP media type, under which a refused request gets a 4xx rather than 200. */
const SPEC = { accept: 'application/graphql-response+json' };

const nested = (levels: number) =>
  `{ province(id: "${THAI_NGUYEN}") ${'{ successor '.repeat(levels - 2)}{ id }${' }'.repeat(levels - 2)} }`;

describe.each(engines)('limits and operations over HTTP (%s)', (engine) => {
  let e2e: Running;
  beforeAll(async () => {
    e2e = await startE2E(engine);
  });
  afterAll(async () => {
    await e2e?.close();
  });

  describe('graphql-armor', () => {
    it('refuses with 200 to a client that asked for plain application/json (the spec allows no other)', async () => {
      const response = await e2e.gql(nested(14), {}, e2e.tokens.ministry);
      expect(response.status).toBe(200);
      expect(codesOf(response)).toEqual(['QUERY_TOO_COMPLEX']);
      expect(response.body.data ?? null).toBeNull();
    });

    it('accepts a query 12 deep and refuses one deeper with QUERY_TOO_COMPLEX', async () => {
      dataOf(await e2e.gql(nested(12), {}, e2e.tokens.ministry));
      const response = await e2e.gql(nested(14), {}, e2e.tokens.ministry, SPEC);
      expect(response.status).toBe(400);
      expect(response.body.data ?? null).toBeNull();
      expect(response.body.errors).toMatchObject([
        { message: 'Query depth limit of 12 exceeded, found 14.', extensions: { code: 'QUERY_TOO_COMPLEX' } },
      ]);
    });

    it.each(['forged', 'expired'] as const)('answers 401 to a %s token before any limit', async (kind) => {
      const response = await e2e.gql(nested(14), {}, e2e.tokens[kind], SPEC);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
      expect(codesOf(response)).toEqual(['UNAUTHENTICATED']);
    });

    it('refuses more than 15 aliases', async () => {
      const aliases = Array.from({ length: 16 }, (_, index) => `a${index}: viewer { id }`).join(' ');
      const response = await e2e.gql(`{ ${aliases} }`, {}, e2e.tokens.ministry, SPEC);
      expect(response.status).toBe(400);
      expect(response.body.errors).toMatchObject([
        { message: 'Aliases limit of 15 exceeded, found 16.', extensions: { code: 'QUERY_TOO_COMPLEX' } },
      ]);
    });

    it('refuses a list so long that its cost is over the limit', async () => {
      const response = await e2e.gql(
        `{ reports(province: "${THAI_NGUYEN}", first: 5000) { edges { node { value history { value } } } } }`,
        {},
        e2e.tokens.ministry,
        SPEC,
      );
      expect(response.status).toBe(400);
      expect(codesOf(response)).toEqual(['QUERY_TOO_COMPLEX']);
      expect(response.body.errors?.[0]?.message).toMatch(/^Query Cost limit of 5000 exceeded, found [\d.]+\.$/);
    });
  });

  describe('the body limit', () => {
    const tooLarge = JSON.stringify({ query: `{ viewer { id } }${' '.repeat(100 * 1024)}` });
    const refusedBody = {
      errors: [{ message: 'Request body is larger than 102400 bytes.', extensions: { code: 'REQUEST_TOO_LARGE' } }],
    };

    it('refuses a body over 100 kB with 413 REQUEST_TOO_LARGE', async () => {
      const response = await fetch(`${e2e.gateway.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${e2e.tokens.ministry}` },
        body: tooLarge,
      });
      expect(response.status).toBe(413);
      expect(await response.json()).toEqual(refusedBody);
    });

    it('refuses it too when it comes chunked, without a content-length', async () => {
      const bytes = new TextEncoder().encode(tooLarge);
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let offset = 0; offset < bytes.length; offset += 16 * 1024) {
            controller.enqueue(bytes.slice(offset, offset + 16 * 1024));
          }
          controller.close();
        },
      });
      const response = await fetch(`${e2e.gateway.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${e2e.tokens.ministry}` },
        body,
        duplex: 'half',
      } as RequestInit);
      expect(response.status).toBe(413);
      expect(await response.json()).toEqual(refusedBody);
    });
  });

  describe('errors', () => {
    it('masks a failure it did not expect as "Unexpected error." with code INTERNAL', async () => {
      // A database that refuses a read in mid-request: the caller must not learn why (SQL, tables, roles).
      await sql`REVOKE SELECT ON rm_indicators FROM chitieu_api`.execute(e2e.database.admin.db);
      try {
        const response = await e2e.gql('{ indicators { code } }', {}, e2e.tokens.ministry);
        expect(response.body.errors).toMatchObject([
          { message: 'Unexpected error.', path: ['indicators'], extensions: { code: 'INTERNAL' } },
        ]);
        expect(response.body.data ?? null).toBeNull();
        expect(JSON.stringify(response.body)).not.toMatch(/permission|rm_indicators|chitieu_api/);
      } finally {
        await sql`GRANT SELECT ON rm_indicators TO chitieu_api`.execute(e2e.database.admin.db);
      }
      dataOf(await e2e.gql('{ indicators { code } }', {}, e2e.tokens.ministry));
    });

    // A malformed cursor is the caller's mistake, not an unexpected failure.
    it('answers a malformed events cursor with VALIDATION_FAILED, not INTERNAL', async () => {
      const response = await e2e.gql('{ events(after: "not-a-cursor") { edges { cursor } } }', {}, e2e.tokens.auditor);
      expect(codesOf(response)).toEqual(['VALIDATION_FAILED']);
    });
  });

  describe('probes', () => {
    it('/healthz answers 200', async () => {
      const response = await fetch(`${e2e.gateway.url}/healthz`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok' });
    });

    it('/readyz answers 200 with the live generation and the lag', async () => {
      const response = await fetch(`${e2e.gateway.url}/readyz`);
      expect(response.status).toBe(200);
      const body = (await response.json()) as { status: string; details: Record<string, unknown> };
      expect(body.status).toBe('ready');
      expect(body.details.generation).toEqual(expect.any(Number));
      expect(body.details.lagEvents).toBe(0);
    });

    it('/metrics exposes the projector lag and the request latency', async () => {
      await e2e.gql('{ viewer { id } }', {}, e2e.tokens.ministry);
      const response = await fetch(`${e2e.gateway.url}/metrics`);
      expect(response.status).toBe(200);
      const text = await response.text();
      expect(text).toMatch(/^chitieu_projector_lag_events \d+$/m);
      expect(text).toMatch(
        /^http_request_duration_seconds_count\{method="POST",route="\/graphql",status="200"\} \d+$/m,
      );
    });
  });

  describe('the GraphiQL examples', () => {
    // The tabs GraphiQL opens with in development: a user runs them as they are, operation by operation.
    // Made once the gateway has started, as the gateway makes them: the auditor's `asOf` is then,
    // after the seeds (before them the indicator it ranks was not yet defined: NOT_FOUND).
    let examples: ReturnType<typeof graphiqlExamples> = [];
    beforeAll(() => {
      examples = graphiqlExamples({ ministry: 'ministry', province: 'province', auditor: 'auditor' }, new Date());
    });
    const operations = (query: string) => [...query.matchAll(/^(?:query|mutation) (\w+)/gm)].map((match) => match[1]);
    const run = async (index: number) => {
      const example = examples[index];
      if (!example) throw new Error(`no example ${index}`);
      const role = example.headers?.Authorization?.replace('Bearer ', '') as 'ministry' | 'province' | 'auditor';
      const names = operations(example.query);
      expect(names.length).toBeGreaterThan(0);
      for (const operationName of names) {
        const response = await fetch(`${e2e.gateway.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${e2e.tokens[role]}` },
          body: JSON.stringify({ query: example.query, variables: example.variables, operationName }),
        });
        const body = (await response.json()) as { errors?: unknown[] };
        expect(body.errors, `${operationName}: ${JSON.stringify(body.errors)}`).toBeUndefined();
      }
    };

    it('the ministry’s ranking runs', () => run(0));
    it('the province’s revision, report and plans run', () => run(1));
    it('the auditor’s replay runs', () => run(2));
  });
});
