/**
 * When the content script's life ends, its AbortSignal is aborted, and everything hung on it goes
 * (marks, highlights, the tooltip, listeners, observers, timers: lifecycle.ts and overlay.ts give
 * each of them the signal). It ends when the page is left for good (a `pagehide` that does not keep
 * the page in the back/forward cache), and when the extension is reloaded, updated or disabled: the
 * script is then orphaned — its extension API answers no more and its runtime id is gone — and
 * must not leave marks on a page that nothing explains any longer.
 */

/** How often an orphaned script is looked for (a cheap property read). */
export const ORPHAN_CHECK_MS = 2000;

interface RuntimeHolder {
  readonly runtime?: { readonly id?: string };
}

/** Whether this script's extension is still there. */
export function extensionAlive(g: { browser?: RuntimeHolder; chrome?: RuntimeHolder } = globalThis as never): boolean {
  try {
    return Boolean((g.browser?.runtime ? g.browser : g.chrome)?.runtime?.id);
  } catch {
    return false; // a context that throws on the way is an invalidated one
  }
}

/** Aborts `controller` when the page is left for good or the extension goes. */
export function teardownWhen(controller: AbortController, win: Window = window, alive: () => boolean = () => extensionAlive()): void {
  const { signal } = controller;
  win.addEventListener('pagehide', (e) => (!(e as PageTransitionEvent).persisted ? controller.abort() : undefined), { signal });
  const timer = win.setInterval(() => (!alive() ? controller.abort() : undefined), ORPHAN_CHECK_MS);
  signal.addEventListener('abort', () => win.clearInterval(timer), { once: true });
}
