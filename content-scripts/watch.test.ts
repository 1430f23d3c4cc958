// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { markOwn } from './own-ui.js';
import { ChangeWatcher } from './watch.js';

const TABLE = '<table id="budget"><tr><td>合计</td><td id="total">3.00</td><td>1.00</td><td>2.00</td></tr></table>';
/** A CMS page: everything inside one layout table, with a clock in its header. */
const PAGE = `<table id="layout"><tr><td><div id="head">今天是 <span id="clock">2026-12-03 10:00:00</span></div></td></tr><tr><td><p id="text">本年支出合计 3.00 万元。</p>${TABLE}<div id="slot"></div></td></tr></table>`;

/** Lets the observer's callbacks run, then the watcher's timers up to `ms` later. */
async function after(ms: number): Promise<void> {
  await Promise.resolve();
  await vi.advanceTimersByTimeAsync(ms);
}

describe('what makes the page be checked again', () => {
  let checks: number;
  let controller: AbortController;
  let watcher: ChangeWatcher;

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    document.body.innerHTML = PAGE; // test fixture markup only
    checks = 0;
    controller = new AbortController();
    watcher = new ChangeWatcher(controller.signal, () => {
      checks++;
      watcher.started();
    });
    watcher.observe(document);
    watcher.watch([document.getElementById('budget') as Element], [document.getElementById('text') as Element]);
  });

  afterEach(() => {
    controller.abort();
    vi.useRealTimers();
  });

  it('ignores a clock rewritten every second inside the layout table', async () => {
    for (let s = 1; s <= 30; s++) {
      (document.getElementById('clock') as HTMLElement).innerHTML = `2026-12-03 10:00:${String(s).padStart(2, '0')}`; // test fixture markup only
      await after(1000);
    }
    expect(checks).toBe(0);
  });

  it('checks again when a cell is rewritten through textContent, or a paragraph of the narrative changes', async () => {
    (document.getElementById('total') as HTMLElement).textContent = '9.99';
    await after(600);
    expect(checks).toBe(1);
    (document.getElementById('text')?.firstChild as Text).data = '本年支出合计 2.00 万元。';
    await after(1100);
    expect(checks).toBe(2);
  });

  it('checks when a budget table is added anywhere, and not for other tables or our own elements', async () => {
    const slot = document.getElementById('slot') as HTMLElement;
    slot.innerHTML = '<table><tr><td>姓名</td><td>电话</td></tr></table>'; // test fixture markup only
    const ours = document.createElement('div');
    markOwn(ours);
    ours.textContent = '合计 3.00 支出';
    document.body.append(ours);
    await after(2000);
    expect(checks).toBe(0);
    slot.innerHTML = '<table><tr><td>支出合计</td><td>12.00</td></tr></table>'; // test fixture markup only
    await after(600);
    expect(checks).toBe(1);
  });

  it('debounces, keeps checks a second apart and at most ten a minute, whatever the page does', async () => {
    const cell = document.getElementById('total') as HTMLElement;
    for (let i = 0; i < 600; i++) {
      cell.textContent = `${i}.00`;
      await after(100);
    }
    // 60 s of changes every 100 ms: the debounce never lets one through while they keep coming
    expect(checks).toBe(0);
    await after(600);
    expect(checks).toBe(1);
    for (let i = 0; i < 60; i++) {
      cell.textContent = `${i}.50`;
      await after(1000);
    }
    expect(checks).toBeLessThanOrEqual(11);
    expect(checks).toBeGreaterThanOrEqual(9);
  });
});
