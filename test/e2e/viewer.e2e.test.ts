/**
 * The viewer in real Chromium with the built extension: a real published PDF served under a
 * *.gov.cn host name opens in the viewer from the popup ("在 Crossfoot 中核对" on the tab showing
 * it), is checked with the engine, its error findings painted over their cells on the rendered
 * pages; the viewer answers the popup as a content script would, with the CLI's counts; nothing is
 * requested from anywhere but the local server.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadOne } from '../../src/cli/load.js';
import { type Report } from '../../src/contract/report.js';
import { checkDocument } from '../../src/pipeline/report.js';
import { FIXTURES } from '../support/fixtures.js';
import { GOV_HOST, launchChromium, type ChromiumSession } from './browsers.js';
import { serve, type Served } from './server.js';

const PDF_DIR = path.join(FIXTURES, 'real-pdf', 'files');
const FILE = 'r11.pdf';

describe('the viewer (Chromium): a real PDF report opened from the popup', () => {
  let session: ChromiumSession;
  let server: Served;
  let cli: Report;
  const requested: string[] = [];

  beforeAll(async () => {
    server = await serve({ '/files/': PDF_DIR });
    session = await launchChromium();
    session.context.on('request', (r) => requested.push(r.url()));
    cli = checkDocument((await loadOne(path.join(PDF_DIR, FILE))).document, FILE);
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('opens from the popup, paints the error cells, and answers the popup with the CLI counts', async () => {
    const url = `http://${GOV_HOST}:${server.port}/files/${FILE}`;
    // the tab showing the PDF (the browser's own viewer, where no content script may run)
    const tabId = await session.worker.evaluate(async (u) => (await chrome.tabs.create({ url: u, active: true })).id ?? -1, url);
    const popup = await session.context.newPage();
    popup.on('pageerror', (e) => console.error('popup:', e.message));
    await popup.goto(`chrome-extension://${session.extensionId}/popup/index.html?tabId=${tabId}`);
    await popup.waitForSelector('[data-state="document"]', { timeout: 15_000 });
    const opened = session.context.waitForEvent('page', { predicate: (p) => p.url().includes('/viewer/index.html'), timeout: 30_000 });
    await popup.click('[data-action="open-viewer"]');
    const viewer: Page = await opened;
    await viewer.waitForSelector('.counts', { timeout: 120_000 });
    // the viewer's counts are the CLI's
    const counts = await viewer.$eval('.counts', (el) => ({
      error: Number(el.getAttribute('data-errors')),
      review: Number(el.getAttribute('data-reviews')),
      rounding: Number(el.getAttribute('data-roundings')),
    }));
    expect(counts).toEqual(cli.summary.findings);
    // every error finding on a cell is painted, inside its page, over a box of the size of a cell
    await viewer.waitForFunction((n) => document.querySelectorAll('.page').length >= n, 20, { timeout: 120_000 });
    // every cell a finding names is painted, once, with the worst severity of its findings
    const cells = new Set(cli.findings.flatMap((f) => f.cells.map((c) => `${c.table}:${c.row}:${c.col}`)));
    const errorCells = new Set(cli.findings.filter((f) => f.severity === 'error').flatMap((f) => f.cells.map((c) => `${c.table}:${c.row}:${c.col}`)));
    const marks = await viewer.$$eval('.cf-mark:not(.cf-phrase)', (els) =>
      els.map((el) => {
        const page = (el.closest('.page') as HTMLElement).getBoundingClientRect();
        const r = el.getBoundingClientRect();
        return {
          severity: el.getAttribute('data-severity'),
          inside: r.left >= page.left - 1 && r.right <= page.right + 1 && r.top >= page.top - 1 && r.bottom <= page.bottom + 1,
          w: r.width,
          h: r.height,
          label: el.getAttribute('aria-label') ?? '',
        };
      }),
    );
    expect(marks.length).toBe(cells.size);
    expect(cells.size).toBeGreaterThan(0);
    expect(marks.filter((m) => m.severity === 'error').length).toBe(errorCells.size);
    expect(marks.every((m) => m.inside && m.w > 4 && m.h > 4 && m.w < 600 && m.label !== '')).toBe(true);
    // every error finding that quotes the text is painted over its phrase, on its page, a line high
    const quotedErrors = cli.findings.filter((f) => f.severity === 'error' && f.quote).map((f) => f.id);
    expect(quotedErrors.length).toBeGreaterThan(0);
    await viewer
      .waitForFunction((ids) => ids.every((id) => [...document.querySelectorAll('.cf-phrase')].some((el) => (el.getAttribute('data-findings') ?? '').split(' ').includes(id))), quotedErrors, {
        timeout: 60_000,
      })
      .catch(() => undefined);
    const phrases = await viewer.$$eval('.cf-phrase', (els) =>
      els.map((el) => {
        const page = (el.closest('.page') as HTMLElement).getBoundingClientRect();
        const r = el.getBoundingClientRect();
        return {
          ids: (el.getAttribute('data-findings') ?? '').split(' '),
          inside: r.left >= page.left - 1 && r.right <= page.right + 1 && r.top >= page.top - 1 && r.bottom <= page.bottom + 1,
          w: r.width,
          h: r.height,
        };
      }),
    );
    for (const id of quotedErrors)
      expect(
        phrases.some((p) => p.ids.includes(id)),
        id,
      ).toBe(true);
    expect(phrases.every((p) => p.inside && p.w > 2 && p.h > 8 && p.h < 40)).toBe(true);
    await viewer.focus(`.cf-phrase[data-findings~="${quotedErrors[0] as string}"]`);
    await viewer.waitForSelector('.tip:not([hidden])', { timeout: 5_000 });
    await viewer.screenshot({ path: path.join(process.cwd(), 'artifacts', 'viewer-r11-phrase.png') });
    // the popup, opened on the viewer's tab, shows the same counts
    const viewerTab = await viewer.evaluate(async () => (await chrome.tabs.getCurrent())?.id ?? -1);
    // (the first popup closed itself once it opened the viewer)
    const again = await session.context.newPage();
    await again.goto(`chrome-extension://${session.extensionId}/popup/index.html?tabId=${viewerTab}`);
    await again.waitForSelector('.chip', { timeout: 15_000 });
    for (const s of ['error', 'review', 'rounding'] as const) expect(await again.textContent(`[data-count="${s}"]`)).toBe(String(cli.summary.findings[s]));
    await again.screenshot({ path: path.join(process.cwd(), 'artifacts', 'viewer-r11-popup.png') });
    // focusing a mark shows its explanation
    await viewer.focus('.cf-mark');
    await viewer.waitForSelector('.tip:not([hidden])', { timeout: 5_000 });
    expect((await viewer.textContent('.tip')) ?? '').toContain('应');
    await viewer.screenshot({ path: path.join(process.cwd(), 'artifacts', 'viewer-r11.png') });
    // a finding dismissed from the popup leaves the viewer's counts and its mark; a citation names its PDF page
    // (every finding of one cell, so that its mark has nothing left to show)
    const markIds = await viewer.$eval('.cf-mark:not(.cf-phrase)', (el) => el.getAttribute('data-findings') ?? '');
    const ids = markIds.split(' ');
    for (const id of ids) {
      if ((await again.locator(`li[data-item="${id}"]`).count()) === 0) await again.click('[data-severity="rounding"]');
      await again.click(`li[data-item="${id}"] [data-act="dismiss"]`);
      await again.fill(`li[data-item="${id}"] form[data-ask] input`, '附注已说明');
      await again.click(`li[data-item="${id}"] [data-act="save"]`);
    }
    const left = (s: 'error' | 'review' | 'rounding'): number => cli.summary.findings[s] - cli.findings.filter((f) => ids.includes(f.id) && f.severity === s && f.category !== 'rate-anomaly').length;
    expect(left('error') + left('review') + left('rounding')).toBeLessThan(cli.summary.findings.error + cli.summary.findings.review + cli.summary.findings.rounding);
    await expect
      .poll(() => viewer.$eval('.counts', (el) => [Number(el.getAttribute('data-errors')), Number(el.getAttribute('data-reviews')), Number(el.getAttribute('data-roundings'))]))
      .toEqual([left('error'), left('review'), left('rounding')]);
    for (const s of ['error', 'review', 'rounding'] as const) expect(await again.textContent(`[data-count="${s}"]`)).toBe(String(left(s)));
    expect(await viewer.$eval(`.cf-mark[data-findings="${markIds}"]`, (el) => getComputedStyle(el).display)).toBe('none');
    await again.close();
    await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: `http://127.0.0.1:${server.port}` });
    const cellFinding = cli.findings.find((f) => f.cells.length > 0 && f.category !== 'rate-anomaly' && !ids.includes(f.id));
    if (cellFinding) {
      await viewer.bringToFront();
      await viewer.click(`li[data-item="${cellFinding.id}"] [data-act="copy"]`);
      await expect.poll(() => viewer.textContent(`li[data-item="${cellFinding.id}"] [data-act="copy"]`)).toContain('已复制');
      const reader = await session.context.newPage();
      await reader.goto(`http://127.0.0.1:${server.port}/files/`).catch(() => undefined);
      const copied = await reader.evaluate(() => navigator.clipboard.readText());
      await reader.close();
      expect(copied.split('\n')[0]).toBe(cellFinding.message.zh);
      expect(copied).toMatch(/（PDF 第 \d+ 页）/u);
      expect(copied).toMatch(new RegExp(`网址：${url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}#page=\\d+`, 'u'));
    }
    // the decisions of this test are not the next tests' business
    await session.worker.evaluate(async () => chrome.storage.local.remove(Object.keys(await chrome.storage.local.get(null)).filter((k) => k.startsWith('review:'))));
    // nothing left the machine
    const outside = requested.filter((u) => /^https?:/u.test(u) && !new URL(u).hostname.endsWith(GOV_HOST) && new URL(u).hostname !== '127.0.0.1');
    expect(outside).toEqual([]);
  });

  it('with the setting on, a *.gov.cn PDF opens in the viewer directly (off by default: the first test saw the browser’s viewer)', async () => {
    const url = `http://${GOV_HOST}:${server.port}/files/${FILE}`;
    await session.worker.evaluate(async () => chrome.storage.local.set({ pdfViewer: true }));
    try {
      const before = new Set(session.context.pages());
      await session.worker.evaluate(async (u) => (await chrome.tabs.create({ url: u, active: true })).id ?? -1, url);
      const viewerUrl = `chrome-extension://${session.extensionId}/viewer/index.html?src=${encodeURIComponent(url)}`;
      // the new tab itself goes to the viewer (its address is the extension's own page, with the PDF's as src)
      await expect.poll(() => session.context.pages().some((p) => !before.has(p) && p.url() === viewerUrl), { timeout: 30_000 }).toBe(true);
      const viewer = session.context.pages().find((p) => !before.has(p) && p.url() === viewerUrl) as Page;
      await viewer.waitForSelector('.counts', { timeout: 120_000 });
      expect(Number(await viewer.$eval('.counts', (el) => el.getAttribute('data-errors')))).toBe(cli.summary.findings.error);
    } finally {
      await session.worker.evaluate(async () => chrome.storage.local.set({ pdfViewer: false }));
    }
  });

  it('opens from the context menu on a link to the PDF, with the same counts', async () => {
    const url = `http://${GOV_HOST}:${server.port}/files/${FILE}`;
    const opened = session.context.waitForEvent('page', { predicate: (p) => p.url().includes('/viewer/index.html'), timeout: 30_000 });
    // the menu's own handler, as a click on "在 Crossfoot 中核对" over the link calls it
    await session.worker.evaluate(
      async (u) =>
        (globalThis as unknown as { crossfootMenuClick: (i: { menuItemId: string; linkUrl: string }) => Promise<void> }).crossfootMenuClick({ menuItemId: 'crossfoot-open-document', linkUrl: u }),
      url,
    );
    const viewer = await opened;
    await viewer.waitForSelector('.counts', { timeout: 120_000 });
    const counts = await viewer.$eval('.counts', (el) => ({
      error: Number(el.getAttribute('data-errors')),
      review: Number(el.getAttribute('data-reviews')),
      rounding: Number(el.getAttribute('data-roundings')),
    }));
    expect(counts).toEqual(cli.summary.findings);
    await viewer.waitForSelector('.cf-mark.cf-error', { timeout: 120_000 });
    const outside = requested.filter((u) => /^https?:/u.test(u) && !new URL(u).hostname.endsWith(GOV_HOST) && new URL(u).hostname !== '127.0.0.1');
    expect(outside).toEqual([]);
  });
});
