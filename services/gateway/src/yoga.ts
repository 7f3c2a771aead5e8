import { randomUUID } from 'node:crypto';
import type { Logger } from '@chitieu/logging';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import type { GraphQLSchema } from 'graphql';
import { createYoga, type YogaServerInstance, type YogaServerOptions } from 'graphql-yoga';
import type { GatewayContext } from './context.js';
import { type ArmorOptions, armorPlugins } from './graphql/armor.js';
import { authenticateFirst } from './graphql/authenticate-first.js';
import { createMaskError } from './graphql/errors.js';
import { operationMetrics } from './graphql/operation-metrics.js';
import { oneReadTransaction } from './graphql/read-transaction.js';
import type { ServerContext } from './http/app.js';
import type { MetricsRegistry } from './metrics.js';

/** A ready-made query (and its variables) shown as a tab when GraphiQL opens. */
export interface GraphiqlExample {
  query: string;
  variables?: Record<string, unknown>;
  headers?: Record<string, string>;
}

export interface GatewayYogaOptions {
  schema: GraphQLSchema;
  /** Builds each request's context; `requestId` is the HTTP layer's, or a new one when called directly. */
  context: (request: Request, server: { requestId: string }) => Promise<GatewayContext>;
  /** GraphiQL on GET /graphql from a browser, or false (production). */
  graphiql: false | { defaultQuery: string; examples?: GraphiqlExample[]; title?: string };
  logger: Logger;
  metrics: MetricsRegistry;
  armor?: ArmorOptions;
  /**
   * Yoga's CORS options. By default any origin may call: tokens travel in a header, never in a
   * cookie, so a foreign page cannot act with a visitor's rights.
   */
  cors?: YogaServerOptions<Partial<ServerContext>, GatewayContext>['cors'];
}

export type GatewayYoga = YogaServerInstance<Partial<ServerContext>, GatewayContext>;

/**
 * The GraphQL server on `/graphql`: the token checked first (401 before any other answer), errors
 * masked by `maskError` (the one mapping), graphql-armor's limits, operation counts in the metrics, one read transaction per query, GraphiQL when asked, and
 * subscriptions over Server-Sent Events (`Accept: text/event-stream`), which yoga serves without a
 * plugin.
 */
export function createGatewayYoga(options: GatewayYogaOptions): GatewayYoga {
  const handled = new WeakSet<object>();
  const mask = createMaskError(options.logger);
  const authenticated = authenticateFirst((request, requestId) =>
    options.context(request, { requestId: requestId ?? request.headers.get('x-request-id') ?? randomUUID() }),
  );
  return createYoga<Partial<ServerContext>, GatewayContext>({
    schema: options.schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    // No file uploads: a multipart body is one more parser exposed for nothing.
    multipart: false,
    ...(options.cors === undefined ? {} : { cors: options.cors }),
    logging: yogaLogger(options.logger, handled),
    maskedErrors: {
      isDev: false,
      maskError: (error, message, isDev) => {
        if (typeof error === 'object' && error !== null) handled.add(error);
        return mask(error, message, isDev);
      },
    },
    graphiql: options.graphiql === false ? false : graphiqlOptions(options.graphiql),
    // GraphiQL's page inlined, not loaded from a CDN: it must work on a machine with no internet.
    renderGraphiQL,
    context: ({ request, requestId }) => authenticated.context(request, requestId),
    plugins: [
      authenticated.plugin,
      ...armorPlugins(options.armor),
      operationMetrics(options.metrics),
      oneReadTransaction(options.logger),
    ],
  });
}

function graphiqlOptions(graphiql: Exclude<GatewayYogaOptions['graphiql'], false>) {
  return {
    title: graphiql.title ?? 'chitieu',
    defaultQuery: graphiql.defaultQuery,
    subscriptionsProtocol: 'SSE' as const,
    ...(graphiql.examples
      ? {
          defaultTabs: graphiql.examples.map((example) => ({
            query: example.query,
            variables: example.variables ? JSON.stringify(example.variables, null, 2) : null,
            headers: example.headers ? JSON.stringify(example.headers, null, 2) : null,
          })),
        }
      : {}),
  };
}

/**
 * Yoga's log lines through pino. Yoga logs every error it masked; `maskError` has already logged
 * the unexpected ones and the others are the client's, so those go to debug, not error.
 */
function yogaLogger(logger: Logger, handled: WeakSet<object>) {
  const write =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...args: unknown[]) => {
      const [first, ...rest] = args;
      if (first instanceof Error) {
        const quiet = level === 'error' && handled.has(first);
        logger[quiet ? 'debug' : level]({ err: first, more: rest.length ? rest : undefined }, 'graphql-yoga');
      } else {
        logger[level]({ args: rest.length ? rest : undefined }, `graphql-yoga: ${String(first)}`);
      }
    };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}
