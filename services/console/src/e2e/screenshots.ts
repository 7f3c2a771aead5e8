import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

const DIR = fileURLToPath(new URL('../../../../docs/screenshots/', import.meta.url));

/**
 * Saves the page as docs/screenshots/<name>.png for the README. Only from the PGlite run (one set of
 * pictures, not one per engine), and with the animations of the chart settled.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(DIR, { recursive: true });
  await page.screenshot({ path: `${DIR}${name}.png`, fullPage: true, animations: 'disabled' });
}
