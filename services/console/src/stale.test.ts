import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { consoleIsStale } from '../scripts/stale.js';

// The build the gateway serves is replaced only when what goes into it changed: a test run that edits
// or adds tests must not rebuild it under another run's browser.

describe('consoleIsStale', () => {
  let root = '';
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  /** A console tree whose build is at `built` and whose files are all older. */
  function tree() {
    root = mkdtempSync(join(tmpdir(), 'console-stale-'));
    const old = new Date(Date.now() - 120_000);
    const files = ['src/App.tsx', 'src/e2e/console.test.ts', 'src/route.test.ts', 'index.html', 'dist/index.html'];
    for (const file of files) {
      mkdirSync(join(root, file, '..'), { recursive: true });
      writeFileSync(join(root, file), '');
    }
    for (const path of [...files, 'src/e2e', 'src']) utimesSync(join(root, path), old, old);
    const built = new Date(Date.now() - 60_000);
    utimesSync(join(root, 'dist/index.html'), built, built);
  }
  const touch = (file: string) => utimesSync(join(root, file), new Date(), new Date());

  it('is current until a source changes, whatever happens to the tests', () => {
    tree();
    expect(consoleIsStale(root)).toBeUndefined();
    touch('src/e2e/console.test.ts');
    touch('src/route.test.ts');
    expect(consoleIsStale(root)).toBeUndefined();
    touch('src/App.tsx');
    expect(consoleIsStale(root)).toBe('changed since the last build: src');
  });

  it('asks for a build when there is none', () => {
    tree();
    rmSync(join(root, 'dist'), { recursive: true });
    expect(consoleIsStale(root)).toBe('no build yet');
  });
});
