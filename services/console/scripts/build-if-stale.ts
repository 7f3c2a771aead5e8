import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { consoleIsStale } from './stale.js';

// `pnpm install` (prepare) and `pnpm start` run this: the console is built when its sources, the
// committed GraphQL schema or the lockfile are newer than its build, so no one builds it by hand.
const root = fileURLToPath(new URL('..', import.meta.url));
const stale = consoleIsStale(root);
if (stale === undefined) {
  process.stdout.write('console: build is up to date\n');
} else {
  process.stdout.write(`console: building (${stale})\n`);
  const result = spawnSync('pnpm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
