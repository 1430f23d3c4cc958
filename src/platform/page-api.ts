/**
 * The few extension APIs the content script uses, straight from the browser: Firefox's `browser`
 * and Chrome's `chrome` both return promises for these under Manifest V3, and both answer a message
 * through `sendResponse` when the listener returns true. The content script runs on every matching
 * page, so it does without webextension-polyfill (a tenth of its weight); the popup and the
 * background keep using it through browser.ts.
 */

interface Port {
  runtime: {
    sendMessage(message: unknown): Promise<unknown>;
    onMessage: {
      addListener(l: NativeListener): void;
      removeListener(l: NativeListener): void;
    };
  };
  storage: {
    local: {
      get(keys: string[] | null): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
      remove(keys: string[]): Promise<void>;
    };
    onChanged: {
      addListener(l: (changes: Record<string, unknown>, area: string) => void): void;
      removeListener(l: (changes: Record<string, unknown>, area: string) => void): void;
    };
  };
}

type NativeListener = (message: unknown, sender: unknown, sendResponse: (response: unknown) => void) => boolean | undefined;

/** A listener that answers with a promise, or undefined when the message is not for it. */
export type Listener = (message: unknown) => Promise<unknown> | undefined;

function port(): Port {
  const g = globalThis as unknown as { browser?: Port; chrome?: Port };
  const api = g.browser?.runtime ? g.browser : g.chrome;
  if (!api?.runtime) throw new Error('no extension API in this context');
  return api;
}

const natives = new Map<Listener, NativeListener>();

export const pageApi = {
  sendMessage(message: unknown): Promise<unknown> {
    return port().runtime.sendMessage(message);
  },
  onMessage: {
    addListener(listener: Listener): void {
      const native: NativeListener = (message, _sender, sendResponse) => {
        const answer = listener(message);
        if (!answer) return false;
        answer.then(sendResponse, (e: unknown) => sendResponse({ error: e instanceof Error ? e.message : String(e) }));
        return true;
      };
      natives.set(listener, native);
      port().runtime.onMessage.addListener(native);
    },
    removeListener(listener: Listener): void {
      const native = natives.get(listener);
      if (native) port().runtime.onMessage.removeListener(native);
      natives.delete(listener);
    },
  },
  storage: {
    get: (keys: string[]): Promise<Record<string, unknown>> => port().storage.local.get(keys),
    set: (items: Record<string, unknown>): Promise<void> => port().storage.local.set(items),
    /** Everything stored (the options page lists stored decisions). */
    getAll: (): Promise<Record<string, unknown>> => port().storage.local.get(null),
    remove: (keys: string[]): Promise<void> => port().storage.local.remove(keys),
    onChanged: {
      addListener: (l: (changes: Record<string, unknown>, area: string) => void): void => port().storage.onChanged.addListener(l),
      removeListener: (l: (changes: Record<string, unknown>, area: string) => void): void => port().storage.onChanged.removeListener(l),
    },
  },
};
