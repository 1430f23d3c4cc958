// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { extensionAlive, ORPHAN_CHECK_MS, teardownWhen } from './teardown.js';

describe('teardown', () => {
  afterEach(() => vi.useRealTimers());

  it('a page left for good ends the script; one kept in the back/forward cache does not', () => {
    const kept = new AbortController();
    teardownWhen(kept, window, () => true);
    const persisted = new Event('pagehide') as Event & { persisted: boolean };
    Object.defineProperty(persisted, 'persisted', { value: true });
    window.dispatchEvent(persisted);
    expect(kept.signal.aborted).toBe(false);
    const gone = new Event('pagehide') as Event & { persisted: boolean };
    Object.defineProperty(gone, 'persisted', { value: false });
    window.dispatchEvent(gone);
    expect(kept.signal.aborted).toBe(true);
  });

  it('an orphaned script (the extension reloaded, updated or disabled) ends within a check, and stops looking', () => {
    vi.useFakeTimers();
    let alive = true;
    const life = new AbortController();
    teardownWhen(life, window, () => alive);
    vi.advanceTimersByTime(ORPHAN_CHECK_MS * 3);
    expect(life.signal.aborted).toBe(false);
    alive = false;
    vi.advanceTimersByTime(ORPHAN_CHECK_MS);
    expect(life.signal.aborted).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('tells an extension that is there from one that is gone', () => {
    expect(extensionAlive({ chrome: { runtime: { id: 'abc' } } })).toBe(true);
    expect(extensionAlive({ browser: { runtime: { id: 'abc' } } })).toBe(true);
    expect(extensionAlive({ chrome: { runtime: {} } })).toBe(false);
    expect(extensionAlive({})).toBe(false);
    const throwing = {
      get chrome(): never {
        throw new Error('Extension context invalidated.');
      },
    };
    expect(extensionAlive(throwing)).toBe(false);
  });
});
