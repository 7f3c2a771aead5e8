import type { Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve as serveNode } from '@hono/node-server';

/** Anything with a fetch handler: a Hono app. */
export interface FetchApp {
  fetch: (request: Request) => Response | Promise<Response>;
}

export interface ServeOptions {
  /** 0 picks a free port; `url` then tells which. */
  port: number;
  /** All interfaces when absent. */
  hostname?: string;
  onListening?: (url: string) => void;
  /**
   * How long `close()` waits for requests in flight before cutting them: long enough for any query,
   * short enough for a supervisor's stop timeout. A subscription (SSE) never ends by itself and is
   * what this cuts. 10 s by default.
   */
  drainTimeoutMs?: number;
}

export interface RunningServer {
  url: string;
  /**
   * Stops accepting connections, lets every request already accepted finish, closes idle
   * keep-alive connections, and resolves once the server is closed.
   */
  close(): Promise<void>;
}

/** Serves a Hono app on Node's HTTP server; resolves once it listens. */
export async function serve(app: FetchApp, options: ServeOptions): Promise<RunningServer> {
  const drainTimeoutMs = options.drainTimeoutMs ?? 10_000;
  let inFlight = 0;
  let closing: Promise<void> | undefined;
  const { server, address } = await new Promise<{ server: Server; address: AddressInfo }>((resolve, reject) => {
    const created = serveNode(
      {
        fetch: (request) => app.fetch(request),
        port: options.port,
        ...(options.hostname === undefined ? {} : { hostname: options.hostname }),
      },
      (info) => resolve({ server: created as Server, address: info }),
    ) as Server;
    created.once('error', reject);
  });

  server.on('request', (_request, response: ServerResponse) => {
    inFlight++;
    response.once('close', () => {
      inFlight--;
      // A keep-alive connection becomes idle when its last response ends: close it now rather
      // than wait for the client to drop it.
      if (closing) server.closeIdleConnections();
    });
  });

  const url = `http://${urlHost(options.hostname, address)}:${address.port}`;
  options.onListening?.(url);
  return {
    url,
    close: () => {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
        const timer = setTimeout(() => {
          if (inFlight > 0) server.closeAllConnections();
        }, drainTimeoutMs);
        timer.unref();
      });
      return closing;
    },
  };
}

function urlHost(hostname: string | undefined, address: AddressInfo): string {
  if (hostname === undefined || hostname === '0.0.0.0' || hostname === '::') return 'localhost';
  return address.family === 'IPv6' ? `[${address.address}]` : address.address;
}
