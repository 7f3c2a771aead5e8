import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/**
 * The page's WCAG 2 A and AA violations by axe, one line each (rule, then the elements), so that a
 * failing test names what to fix rather than printing axe's whole report.
 */
export async function wcagViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return violations.map(
    (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
}

/**
 * What the Tab key reaches, in order, from the top of a freshly loaded page: each focused element
 * by its id, else its accessible text. Stops after `presses`.
 */
export async function tabOrder(page: Page, presses: number): Promise<string[]> {
  const reached: string[] = [];
  for (let i = 0; i < presses; i += 1) {
    await page.keyboard.press('Tab');
    reached.push(
      await page.evaluate(() => {
        const element = document.activeElement;
        if (!element || element === document.body) return 'body';
        if (element.id) return `#${element.id}`;
        if (element instanceof HTMLInputElement && element.type === 'radio') return `radio ${element.value}`;
        // textContent: the chart's focusable parts are SVG, which has no innerText.
        return (element.getAttribute('aria-label') ?? element.textContent ?? '').trim();
      }),
    );
  }
  return reached;
}
