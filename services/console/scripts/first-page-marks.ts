declare global {
  interface Window {
    /** When each watched element was first painted (performance.now()), set by watchFirstPage. */
    firstPageMarks?: Record<string, number>;
  }
}

/**
 * Runs in the page before its own scripts (an init script, so it cannot use anything outside
 * itself). For each name, the time of the first frame after an element matching its selector is
 * in the document: a message posted from requestAnimationFrame is delivered once that frame has
 * been produced, which is when the element is on screen.
 */
export function watchFirstPage(selectors: Record<string, string>): void {
  const marks: Record<string, number> = {};
  window.firstPageMarks = marks;
  const pending = new Set(Object.keys(selectors));
  const observer = new MutationObserver(() => {
    for (const name of pending) {
      const selector = selectors[name];
      if (!selector || !document.querySelector(selector)) continue;
      pending.delete(name);
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          marks[name] = performance.now();
        };
        channel.port2.postMessage(null);
      });
    }
    if (pending.size === 0) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
}
