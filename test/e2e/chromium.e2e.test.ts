/**
 * Real headless Chromium with the built extension (dist/chrome) on every fixture page, served on
 * 127.0.0.1 under a *.gov.cn host name: the content script's report equals the CLI's, every error is
 * painted, the popup shows the same counts, clicking a finding scrolls to it, painting moves nothing,
 * a strict-CSP page still gets its overlay, and no request leaves 127.0.0.1.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PageStatus } from '../../src/messages/protocol.js';
import { loadOne } from '../../src/cli/load.js';
import { type Report } from '../../src/contract/report.js';
import { checkDocument } from '../../src/pipeline/report.js';
import { FIXTURES, fixturesAvailable, pageFile, SEEDS, SKINS } from '../support/fixtures.js';
import { askTab, GOV_HOST, launchChromium, ROOT, tooltipText, waitChecked, type ChromiumSession } from './browsers.js';
import { boxes, highlightedPhrases, paintedIds, phrasePoint, revealed } from './checks.js';
import { serve, type Served } from './server.js';

const ARTIFACTS = path.join(ROOT, 'artifacts/e2e');

let served: Served;
let session: ChromiumSession;
const requested: string[] = [];

function comparable(r: Report): unknown {
  const { source: _s, ...rest } = r as Report & { url?: string };
  delete (rest as { url?: string }).url;
  return rest;
}

async function openChecked(url: string): Promise<{ page: Page; tabId: number }> {
  const page = await session.context.newPage();
  await page.goto(url);
  const { tabId } = await waitChecked(session, page);
  return { page, tabId };
}

async function openPopup(tabId: number): Promise<Page> {
  const popup = await session.context.newPage();
  await popup.setViewportSize({ width: 360, height: 600 });
  await popup.goto(`chrome-extension://${session.extensionId}/popup/index.html?tabId=${tabId}`);
  await popup.waitForSelector('.chip', { timeout: 15_000 });
  return popup;
}

describe.skipIf(!fixturesAvailable())('Chromium: the built extension on the fixture pages', () => {
  beforeAll(async () => {
    served = await serve({ '/pages/': path.join(FIXTURES, 'pages'), '/real/': path.join(FIXTURES, 'real-pages/pages'), '/samples/': path.join(ROOT, 'samples') });
    session = await launchChromium();
    session.context.on('request', (r) => requested.push(r.url()));
    await mkdir(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await session?.close();
    await served?.close();
  });

  for (const seed of SEEDS) {
    for (const skin of SKINS) {
      it(`${seed}-${skin}: report equals the CLI's; errors painted; popup counts; reveal; layout unchanged`, async () => {
        const { page, tabId } = await openChecked(`http://${GOV_HOST}:${served.port}/pages/${seed}-${skin}.html`);
        try {
          if (skin === 'lazy') {
            // its narrative is there at load and is checked at once; the tables come later and are checked again
            await page.waitForSelector('html[data-tables-rendered]');
            await expect
              .poll(
                async () => {
                  const s = await askTab<PageStatus>(session.worker, tabId, { type: 'crossfoot:get-status' });
                  return s.state === 'done' ? s.report.tables.length : 0;
                },
                { timeout: 20_000 },
              )
              .toBeGreaterThan(0);
          }
          const report = await askTab<Report & { url: string }>(session.worker, tabId, { type: 'crossfoot:get-report' });
          expect(report.url).toContain(`/pages/${seed}-${skin}.html`);
          const loaded = await loadOne(pageFile(seed, skin), { scripts: true });
          const cli = checkDocument(loaded.document, loaded.source);
          expect(comparable(report)).toEqual(comparable(cli));

          // every error finding's cell is painted
          const painted = await page.evaluate(paintedIds);
          const errors = report.findings.filter((f) => f.severity === 'error' && f.cells.length > 0);
          for (const f of errors) expect(painted[f.id] ?? 0, f.id).toBeGreaterThan(0);

          // painting moves nothing: the same page where the content script does not run (127.0.0.1 is
          // not a *.gov.cn host) has the same bounding boxes, and so does the page with the overlay off
          const plain = await session.context.newPage();
          await plain.goto(`http://127.0.0.1:${served.port}/pages/${seed}-${skin}.html`);
          if (skin === 'lazy') await plain.waitForSelector('html[data-tables-rendered]');
          if (skin === 'frame') await plain.waitForFunction(() => (document.querySelector('iframe') as HTMLIFrameElement | null)?.contentDocument?.readyState === 'complete');
          await plain.waitForTimeout(100);
          const unpainted = await plain.evaluate(boxes);
          await plain.close();
          const painted2 = await page.evaluate(boxes);
          expect(painted2).toEqual(unpainted);
          await askTab(session.worker, tabId, { type: 'crossfoot:set-overlay', on: false });
          expect(await page.evaluate(boxes)).toEqual(unpainted);
          await askTab(session.worker, tabId, { type: 'crossfoot:set-overlay', on: true });

          // the toolbar badge shows the error count
          const badge = await session.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
          expect(badge).toBe(report.summary.findings.error > 0 ? String(report.summary.findings.error) : report.summary.findings.review > 0 ? '?' : report.summary.findings.rounding > 0 ? '≈' : '✓');

          // the popup shows the same counts; clicking a finding scrolls the page to it and flashes it
          const popup = await openPopup(tabId);
          for (const s of ['error', 'review', 'rounding'] as const) {
            expect(await popup.textContent(`[data-count="${s}"]`)).toBe(String(report.summary.findings[s]));
          }
          const listed = report.findings.filter((f) => f.category !== 'rate-anomaly' && f.cells.length > 0);
          const target = listed.find((f) => f.severity !== 'rounding') ?? listed[0];
          if (target) {
            if (target.severity === 'rounding') await popup.click('[data-severity="rounding"]');
            await page.evaluate(() => window.scrollTo(0, 0));
            await popup.click(`[data-finding="${target.id}"]`);
            await expect.poll(() => page.evaluate(revealed, target.id), { timeout: 5_000 }).toEqual({ flashing: true, visible: true });
          }
          await popup.close();
        } finally {
          await page.close();
        }
      });
    }
  }

  it('writes screenshots of the overlay and the popup on 001-word.html', async () => {
    const { page, tabId } = await openChecked(`http://${GOV_HOST}:${served.port}/pages/001-word.html`);
    const error = page.locator('[data-crossfoot-severity="error"]').first();
    await error.scrollIntoViewIfNeeded();
    await error.hover();
    await page.waitForTimeout(200);
    const tooltip = await tooltipText(page);
    expect(tooltip).toMatch(/错误/u);
    await page.screenshot({ path: path.join(ARTIFACTS, '001-word-overlay.png') });
    // keyboard: a painted cell takes focus and shows the same explanation
    await page.mouse.move(0, 0);
    await page.keyboard.press('Escape');
    await page.locator('[data-crossfoot-severity="review"]').first().focus();
    await expect.poll(() => tooltipText(page)).toMatch(/待核实/u);
    const popup = await openPopup(tabId);
    await popup.screenshot({ path: path.join(ARTIFACTS, '001-word-popup.png') });
    await popup.close();
    await page.close();
  });

  it('001-word.html: the 2.61 vs 2.55 contradiction and the wrong-base 三公 decline rate are highlighted as phrases, explained on hover and listed in the popup', async () => {
    const { page, tabId } = await openChecked(`http://${GOV_HOST}:${served.port}/pages/001-word.html`);
    try {
      const report = await askTab<Report & { url: string }>(session.worker, tabId, { type: 'crossfoot:get-report' });
      const amount = report.findings.find((f) => f.rule === 'text-amount' && f.stated === '2.61' && f.expected === '2.55');
      const rate = report.findings.find((f) => f.rule === 'text-growth' && f.category === 'growth-rate' && /三公/u.test(f.message.zh) && f.severity === 'error');
      expect(amount?.quote, '2.61 vs 2.55').toBeTruthy();
      expect(rate?.quote, 'three-public decline rate').toBeTruthy();
      const fold = (t: string): string => t.replace(/\s+/g, ' ').trim();
      const phrases = await page.evaluate(highlightedPhrases);
      for (const f of [amount, rate]) {
        if (!f?.quote) continue;
        expect(phrases['crossfoot-error'] ?? [], f.id).toContain(fold(f.quote.text));
        // the paragraph that holds the phrase carries the finding's id, like a painted cell
        expect((await page.evaluate(paintedIds))[f.id], f.id).toBe(1);
        // hovering the phrase shows its explanation and emphasises it
        const point = await page.evaluate(phrasePoint, fold(f.quote.text));
        expect(point, f.id).not.toBeNull();
        if (!point) continue;
        await page.waitForTimeout(150); // let the scroll settle: scrolling hides the tooltip
        await page.mouse.move(point.x, point.y);
        await expect.poll(() => tooltipText(page)).toContain(f.message.zh.slice(0, 30));
        const active = (await page.evaluate(highlightedPhrases))['crossfoot-active'] ?? [];
        expect(active).toContain(fold(f.quote.text));
        await page.screenshot({ path: path.join(ARTIFACTS, `001-word-phrase-${f.rule}.png`) });
        await page.mouse.move(0, 0);
      }
      // the popup lists both under 情况说明, and clicking one scrolls to the phrase and emphasises it
      const popup = await openPopup(tabId);
      const group = popup.locator('.group', { has: popup.locator('h2', { hasText: '情况说明' }) });
      for (const f of [amount, rate]) if (f) expect(await group.locator(`[data-finding="${f.id}"]`).count(), f.id).toBe(1);
      await page.evaluate(() => window.scrollTo(0, 0));
      if (amount?.quote) {
        await popup.click(`[data-finding="${amount.id}"]`);
        await expect.poll(async () => (await page.evaluate(highlightedPhrases))['crossfoot-active'] ?? []).toContain(fold(amount.quote.text));
        await expect.poll(() => page.evaluate(revealed, amount.id), { timeout: 5_000 }).toMatchObject({ visible: true });
      }
      await popup.screenshot({ path: path.join(ARTIFACTS, '001-word-popup-narrative.png'), fullPage: true });
      await popup.close();
    } finally {
      await page.close();
    }
  });

  it('real pages carrying only the 情况说明: checked, the wrong figure highlighted, badge and popup say what was checked', async () => {
    // s-23: 465.33 + 311.07 ≠ 766.4 (项目支出 should be 301.07); s-20: a clean narrative
    const { page, tabId } = await openChecked(`http://${GOV_HOST}:${served.port}/real/s-23.html`);
    try {
      const report = await askTab<Report & { url: string }>(session.worker, tabId, { type: 'crossfoot:get-report' });
      const loaded = await loadOne(path.join(FIXTURES, 'real-pages/pages/s-23.html'));
      expect(comparable(report)).toEqual(comparable(checkDocument(loaded.document, loaded.source)));
      expect(report.tables).toEqual([]);
      const wrong = report.findings.find((f) => f.severity === 'error' && f.stated === '311.07' && f.expected === '301.07');
      expect(wrong?.quote).toBeTruthy();
      if (wrong?.quote) {
        expect((await page.evaluate(highlightedPhrases))['crossfoot-error'] ?? []).toContain(wrong.quote.text.replace(/\s+/g, ' ').trim());
        expect((await page.evaluate(paintedIds))[wrong.id]).toBe(1);
      }
      expect(await session.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toBe(String(report.summary.findings.error));
      const popup = await openPopup(tabId);
      expect(await popup.textContent('[data-state="narrative-only"]')).toMatch(/只有情况说明/u);
      expect(await popup.textContent('[data-count="error"]')).toBe(String(report.summary.findings.error));
      expect(await popup.locator(`[data-finding="${wrong?.id ?? ''}"]`).count()).toBe(1);
      await popup.screenshot({ path: path.join(ARTIFACTS, 'real-s23-popup.png'), fullPage: true });
      await popup.close();
    } finally {
      await page.close();
    }
    const clean = await openChecked(`http://${GOV_HOST}:${served.port}/real/s-20.html`);
    try {
      const report = await askTab<Report>(session.worker, clean.tabId, { type: 'crossfoot:get-report' });
      expect(report.summary.passed).toBeGreaterThan(0);
      expect(report.findings.filter((f) => f.category !== 'rate-anomaly')).toEqual([]);
      expect(await session.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), clean.tabId)).toBe('✓');
      const popup = await openPopup(clean.tabId);
      expect(await popup.textContent('[data-state="clean"]')).toBe(`核对 ${report.summary.passed} 项，均相符。`);
      await popup.screenshot({ path: path.join(ARTIFACTS, 'real-s20-popup.png'), fullPage: true });
      await popup.close();
    } finally {
      await clean.page.close();
    }
  });

  it('a page whose CSP forbids inline scripts and styles still gets its overlay', async () => {
    const page = await session.context.newPage();
    await page.goto(`http://${GOV_HOST}:${served.port}/csp/pages/001-plain.html`);
    await waitChecked(session, page);
    const painted = await page.evaluate(paintedIds);
    expect(Object.keys(painted).length).toBeGreaterThan(0);
    // the overlay's stylesheet applies despite the CSP: an error cell has its outline
    const outline = await page.$eval('[data-crossfoot-severity="error"]', (el) => getComputedStyle(el).outlineStyle);
    expect(outline).toBe('solid');
    const cell = page.locator('[data-crossfoot-severity="error"]').first();
    await cell.scrollIntoViewIfNeeded();
    await cell.hover();
    await expect.poll(() => tooltipText(page)).toMatch(/错误/u);
    await page.close();
  });

  it('no request left 127.0.0.1', () => {
    expect(requested.length).toBeGreaterThan(0);
    const outside = requested.filter((u) => {
      const url = new URL(u);
      if (url.protocol === 'chrome-extension:' || url.protocol === 'data:' || url.protocol === 'about:' || url.protocol === 'blob:') return false;
      return !(url.hostname === '127.0.0.1' || url.hostname === GOV_HOST);
    });
    expect(outside).toEqual([]);
    // the gov.cn host only ever resolved to our server: every page request reached it
    expect(served.requests.length).toBeGreaterThan(0);
  });
});
