import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Tests are not in the bundle: editing one must not rebuild the console, least of all while another
 * test run serves the build being replaced.
 */
const NOT_BUILT = /(^e2e$|\.test\.tsx?$)/u;

/** Newest modification time under a path (a file, or a folder walked whole, tests left out); 0 when absent. */
function newest(path: string): number {
  let stats: ReturnType<typeof statSync>;
  try {
    stats = statSync(path);
  } catch {
    return 0;
  }
  if (!stats.isDirectory()) return stats.mtimeMs;
  let latest = stats.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (!NOT_BUILT.test(entry)) latest = Math.max(latest, newest(join(path, entry)));
  }
  return latest;
}

/** Why the console in `root` (services/console) needs building, or undefined when its build is current. */
export function consoleIsStale(root: string): string | undefined {
  const built = newest(join(root, 'dist', 'index.html'));
  if (built === 0) return 'no build yet';
  const inputs = [
    'src',
    'index.html',
    'vite.config.ts',
    'scripts/precompress.ts',
    'package.json',
    '../../docs/schema.graphql',
  ];
  const changed = inputs.filter((input) => newest(join(root, input)) > built);
  return changed.length > 0 ? `changed since the last build: ${changed.join(', ')}` : undefined;
}
