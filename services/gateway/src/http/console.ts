import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ChitieuError } from '@chitieu/errors';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { readActor } from '../auth/read-actor.js';
import type { TokenKeys } from '../auth/tokens.js';
import type { DevTokens } from '../examples.js';
import { issueOut } from '../graphql/errors.js';
import { dryRunImport } from './import-dry-run.js';

export interface ConsoleOptions {
  keys: TokenKeys;
  /** The one-click sign-in's tokens; undefined in production, where the route does not exist. */
  devTokens: DevTokens | undefined;
  /** The console's build (services/console/dist) unless a test points elsewhere. */
  distDir?: string;
}

/** Largest table accepted for a dry run: the seed tables are a few kB, a real one a few hundred. */
const MAX_TABLE_BYTES = 2 * 1024 * 1024;

export const CONSOLE_DIST = fileURLToPath(new URL('../../../console/dist', import.meta.url));

/**
 * The web console (services/console) served at `/`, the development tokens it signs in with, and
 * the dry run of a table import. The console writes through `/graphql` like any other client; the
 * dry run only reads the file it is sent, so a mutation is not needed for it.
 */
export function consoleApp(options: ConsoleOptions): Hono {
  const app = new Hono();
  const root = options.distDir ?? CONSOLE_DIST;

  if (options.devTokens) {
    const tokens = options.devTokens;
    // Only outside production (main.ts passes none there): one click per role on the sign-in page.
    app.get('/console/dev-tokens', (c) => c.json(tokens));
  }

  app.post('/console/import/dry-run', async (c) => {
    try {
      const actor = await readActor(c.req.raw, options.keys);
      if (!actor) throw new ChitieuError('UNAUTHENTICATED', 'sign in to check a table', {});
      const form = await c.req.formData();
      const file = form.get('file');
      if (!(file instanceof File)) {
        const message = 'attach the table as the form field "file"';
        throw new ChitieuError('VALIDATION_FAILED', message, {}, [{ path: 'file', message }]);
      }
      if (file.size > MAX_TABLE_BYTES) {
        const message = `the table is larger than ${MAX_TABLE_BYTES} bytes`;
        throw new ChitieuError('VALIDATION_FAILED', message, {}, [{ path: 'file', message }]);
      }
      return c.json(await dryRunImport(file.name, Buffer.from(await file.arrayBuffer())));
    } catch (error) {
      if (!(error instanceof ChitieuError)) throw error;
      const status = error.code === 'UNAUTHENTICATED' ? 401 : 400;
      const extensions = { code: error.code, issues: error.issues.map(issueOut) };
      return c.json({ errors: [{ message: error.message, extensions }] }, status);
    }
  });

  if (existsSync(root)) {
    app.use('/*', async (c, next) => {
      await next();
      if (c.res.status !== 200) return;
      // Hashed file names under /assets never change: kept for a year, never asked for again.
      // index.html names the current ones: asked for again each time, so a new build shows at once.
      const immutable = c.req.path.startsWith('/assets/');
      c.header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    });
    // The build writes .br and .gz beside each file (services/console/scripts/precompress.ts):
    // the entry goes out as 80 kB rather than 289, compressed once rather than on every request.
    app.use('/*', serveStatic({ root, precompressed: true }));
  } else {
    app.get('/', (c) =>
      c.text('The console is not built: run `pnpm install` (or `pnpm start`, which builds it when stale).', 503),
    );
  }
  return app;
}
