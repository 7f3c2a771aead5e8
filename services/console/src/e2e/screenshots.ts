import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

// A test run must not leave the committed pictures modified: they are rewritten only when asked.
const DIR = fileURLToPath(
  new URL(
    process.env.UPDATE_SCREENSHOTS ? '../../../../docs/screenshots/' : '../../../../.data/screenshots/',
    import.meta.url,
  ),
);

/**
 * Saves the page as <name>.png: in .data/screenshots/ on every run, in docs/screenshots/ (the
 * README's) with UPDATE_SCREENSHOTS=1. Only from the PGlite run (one set of pictures, not one per
 * engine), and with the animations of the chart settled.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(DIR, { recursive: true });
  await page.screenshot({ path: `${DIR}${name}.png`, fullPage: true, animations: 'disabled' });
}
