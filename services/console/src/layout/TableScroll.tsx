import type { ReactNode } from 'react';

/**
 * The box a wide table scrolls in. A keyboard user scrolls it only if it can take the focus
 * (WCAG 2.1.1, axe's scrollable-region-focusable); as a named region, a screen reader says which
 * table the focus is on.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a box that scrolls is scrolled by keyboard only once focused
    <section className="table-scroll" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
