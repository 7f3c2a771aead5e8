import type { DatabaseHandle, Engine } from '@chitieu/database';
import { createLogger } from '@chitieu/logging';
import { freshDatabase, type TestDatabase } from '@chitieu/testing';
import { sql } from 'kysely';
import { createTokenKeys, signToken, type TokenClaims, type TokenKeys } from '../auth/tokens.js';
import { type Gateway, startGateway } from '../start-gateway.js';

/** The province whose seed (002) holds the plan and figures the users' stories are about. */
export const THAI_NGUYEN = 'thai-nguyen-2025';
/** Another province with seed data of its own (seed 001): the "other tenant" of the authorization tests. */
export const LAI_CHAU = 'lai-chau';
export const PLAN = 'de-an-2026-2030-chua-ghi-so';

export interface Tokens {
  ministry: string;
  /** Thái Nguyên's own token. */
  province: string;
  /** Lai Châu's token: a province acting on data that is not its own. */
  otherProvince: string;
  auditor: string;
  /** Well-formed, signed with another secret. */
  forged: string;
  /** Signed with the right secret, expired an hour ago. */
  expired: string;
}

export interface GraphQLResponse {
  status: number;
  headers: Headers;
  body: {
    data?: Record<string, unknown> | null;
    errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
  };
}

export interface Running {
  database: TestDatabase;
  gateway: Gateway;
  keys: TokenKeys;
  tokens: Tokens;
  /** POSTs one GraphQL operation, with a bearer token when given. */
  gql(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse>;
  /** Every event in the log, counted with the superuser connection (row-level security does not apply). */
  countEvents(): Promise<number>;
  close(): Promise<void>;
}

const SECRET = 'e2e-secret-that-is-long-enough-for-hs256-0123456789';

/**
 * A fresh database with the seeds loaded and the gateway serving it over HTTP on a free port, once
 * the projector has caught up with the seeds (otherwise the first query would read half-built
 * read models). Loading the seeds costs seconds: start one per file and engine, in beforeAll.
 * `wrap` hands the gateway another handle on the same database (one that records its statements).
 * `devTokens` serves the ministry's, Thái Nguyên's and the auditor's tokens as `pnpm start` does
 * (the console's one-click sign-in, GraphiQL's examples); off by default, as in production.
 */
export async function startE2E(
  engine: Engine,
  wrap: (handle: DatabaseHandle) => DatabaseHandle = (handle) => handle,
  options: { devTokens?: boolean } = {},
): Promise<Running> {
  const database = await freshDatabase(engine);
  const keys = createTokenKeys({ JWT_SECRET: SECRET });
  const tokens = await makeTokens(keys);
  const gateway = await startGateway({
    handle: wrap(database.app),
    logger: createLogger('e2e', 'silent'),
    keys,
    port: 0,
    hostname: '127.0.0.1',
    development: options.devTokens
      ? { ministry: tokens.ministry, province: tokens.province, auditor: tokens.auditor }
      : undefined,
    loadSeeds: true,
  }).catch(async (error) => {
    await database.close();
    throw error;
  });
  const running: Running = {
    database,
    gateway,
    keys,
    tokens,
    gql: (query, variables, token, headers) => gql(gateway.url, query, variables, token, headers),
    countEvents: async () => {
      const { rows } = await sql<{ n: string }>`SELECT count(*)::text AS n FROM events`.execute(database.admin.db);
      return Number(rows[0]?.n ?? 0);
    },
    close: async () => {
      await gateway.close();
      await database.close();
    },
  };
  await waitUntilProjected(gateway.url);
  return running;
}

async function makeTokens(keys: TokenKeys): Promise<Tokens> {
  const sign = (claims: TokenClaims) => signToken(keys, claims);
  const other = createTokenKeys({ JWT_SECRET: `${SECRET}-but-another-one` });
  return {
    ministry: await sign({ sub: 'phan-tich@moh.gov.vn', role: 'ministry' }),
    province: await sign({ sub: 'chuyen-vien@thai-nguyen', role: 'province', province: THAI_NGUYEN }),
    otherProvince: await sign({ sub: 'chuyen-vien@lai-chau', role: 'province', province: LAI_CHAU }),
    auditor: await sign({ sub: 'kiem-toan@sav.gov.vn', role: 'auditor' }),
    forged: await signToken(other, { sub: 'phan-tich@moh.gov.vn', role: 'ministry' }),
    expired: await signToken(
      keys,
      { sub: 'kiem-toan@sav.gov.vn', role: 'auditor' },
      { expiresIn: '60s', now: new Date(Date.now() - 3_600_000) },
    ),
  };
}

export async function gql(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  token?: string,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }), ...headers },
    body: JSON.stringify({ query, ...(variables && { variables }) }),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as GraphQLResponse['body'],
  };
}

/** The data of a response that must have succeeded; the errors in the failure message otherwise. */
export function dataOf<T = Record<string, unknown>>(response: GraphQLResponse): T {
  if (response.body.errors?.length || !response.body.data) {
    throw new Error(`GraphQL errors (HTTP ${response.status}): ${JSON.stringify(response.body.errors)}`);
  }
  return response.body.data as T;
}

/** The codes of a response's errors, in order. */
export function codesOf(response: GraphQLResponse): unknown[] {
  return (response.body.errors ?? []).map((error) => error.extensions?.code);
}

/** Polls `/readyz` until the projector has no event left to project. */
async function waitUntilProjected(url: string, timeoutMs = 50_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await fetch(`${url}/readyz`);
    const body = (await response.json()) as { details?: { lagEvents?: number } };
    if (response.status === 200 && body.details?.lagEvents === 0) return;
    if (Date.now() > deadline) throw new Error(`projector still behind: ${JSON.stringify(body)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A pause long enough for two recorded instants on either side of it to differ. */
export const tick = (ms = 20) => new Promise((resolve) => setTimeout(resolve, ms));
