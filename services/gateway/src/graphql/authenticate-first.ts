import type { Plugin } from 'graphql-yoga';
import type { GatewayContext } from '../context.js';
import type { ServerContext } from '../http/app.js';

type BuildContext = (request: Request, requestId: string | undefined) => Promise<GatewayContext>;

/**
 * Authentication before limits: the request's context, and so its token, is built once, before the
 * document is parsed, validated and measured. A bad, expired or forged token is answered 401
 * UNAUTHENTICATED whatever the document, rather than QUERY_TOO_COMPLEX or a validation error, which
 * would tell a caller with no rights about the schema and its limits.
 */
export function authenticateFirst(build: BuildContext): {
  plugin: Plugin<GatewayContext, Partial<ServerContext>>;
  /** yoga's context factory: a copy of the one built first, so that each operation has its own loaders. */
  context: BuildContext;
} {
  const built = new WeakMap<Request, Promise<GatewayContext>>();
  const once: BuildContext = (request, requestId) => {
    let context = built.get(request);
    if (!context) {
      context = build(request, requestId);
      built.set(request, context);
    }
    return context;
  };
  return {
    plugin: {
      // The first hook of an operation, before onParse (armor's token limit) and onValidate (its others).
      onParams: async ({ request, context }) => {
        await once(request, context?.requestId);
      },
    },
    context: async (request, requestId) => ({ ...(await once(request, requestId)) }),
  };
}
