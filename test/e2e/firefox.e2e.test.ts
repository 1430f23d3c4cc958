/**
 * The core scenario in real headless Firefox (firefox-esr through puppeteer-core over WebDriver BiDi)
 * with the built extension (dist/firefox): the content script runs on a *.gov.cn page, its report
 * equals the CLI's, errors are painted, the popup shows the same counts, and a strict-CSP page
 * still gets its overlay.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { loadOne } from '../../src/cli/load.js';
import { type Report } from '../../src/contract/report.js';
import { checkDocument } from '../../src/pipeline/report.js';
import { FIXTURES, fixturesAvailable, pageFile } from '../support/fixtures.js';
import { DIST_FIREFOX, FIREFOX_UUID, GECKO_ID, GOV_HOST, ROOT } from './browsers.js';
import { highlightedPhrases, paintedIds } from './checks.js';
import { serve, type Served } from './server.js';

let served: Served;
let browser: Browser;
const requested: string[] = [];

function comparable(r: Report): unknown {
  const { source: _s, ...rest } = r as Report & { url?: string };
  delete (rest as { url?: string }).url;
  return rest;
}

async function extensionPage(query = ''): Promise<Page> {
  // BiDi never resolves navigations to moz-extension:// pages: start it and wait for the content.
  // Its script evaluation can fail while the page is still being set up (the frame is replaced,
  // and waiting fails at once): try again in a fresh tab then.
  for (let attempt = 1; ; attempt++) {
    const page = await browser.newPage();
    page.on('pageerror', (e) => console.error('extension page:', e instanceof Error ? e.message : String(e)));
    void page.goto(`moz-extension://${FIREFOX_UUID}/popup/index.html${query}`).catch(() => undefined);
    try {
      await page.waitForSelector('.popup', { timeout: 20_000 });
      return page;
    } catch (e) {
      await page.close().catch(() => undefined);
      if (attempt >= 4) throw e;
      await new Promise((r) => setTimeout(r, 500 * attempt));
    }
  }
}

async function tabIdOf(ext: Page, url: string): Promise<number> {
  return ext.evaluate(async (u: string) => {
    const api = (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<Array<{ id: number; url?: string }>> } } }).browser;
    const tabs = await api.tabs.query({});
    return tabs.find((t) => t.url === u)?.id ?? -1;
  }, url);
}

/** Asks the content script of the tab showing `url` for its status until its check is done; returns the tab id. */
async function waitChecked(url: string, timeout = 45_000): Promise<number> {
  const probe = await extensionPage();
  try {
    const deadline = Date.now() + timeout;
    let last = 'no answer';
    for (;;) {
      const tabId = await tabIdOf(probe, url);
      const state =
        tabId < 0
          ? null
          : ((await probe.evaluate(async (id: number) => {
              const api = (globalThis as unknown as { browser: { tabs: { sendMessage(id: number, m: object): Promise<{ state: string } | undefined> } } }).browser;
              return (await api.tabs.sendMessage(id, { type: 'crossfoot:get-status' }).catch(() => undefined))?.state ?? null;
            }, tabId)) as string | null);
      if (state === 'done') return tabId;
      last = state ?? 'no answer';
      if (Date.now() > deadline) throw new Error(`${url}: not checked within the time (${last})`);
      await new Promise((r) => setTimeout(r, 150));
    }
  } finally {
    await probe.close();
  }
}

describe.skipIf(!fixturesAvailable())('Firefox: the built extension, core scenario', () => {
  beforeAll(async () => {
    served = await serve({ '/pages/': path.join(FIXTURES, 'pages'), '/real/': path.join(FIXTURES, 'real-pages/pages'), '/samples/': path.join(ROOT, 'samples') });
    const puppeteer = (await import('puppeteer-core')).default;
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
      headless: true,
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
        'network.dns.localDomains': GOV_HOST,
        'network.dns.disableIPv6': true,
        'network.proxy.type': 0,
        'intl.accept_languages': 'zh-CN, zh, en',
      },
    });
    await browser.installExtension(DIST_FIREFOX);
  });

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('001-word: report equals the CLI, errors painted, popup counts', async () => {
    const url = `http://${GOV_HOST}:${served.port}/pages/001-word.html`;
    const page = await browser.newPage();
    page.on('request', (r) => requested.push(r.url()));
    await page.goto(url);
    await waitChecked(url);

    const probe = await extensionPage();
    const tabId = await tabIdOf(probe, url);
    expect(tabId).toBeGreaterThan(0);
    const report = (await probe.evaluate(async (id: number) => {
      const api = (globalThis as unknown as { browser: { tabs: { sendMessage(id: number, m: object): Promise<unknown> } } }).browser;
      return api.tabs.sendMessage(id, { type: 'crossfoot:get-report' });
    }, tabId)) as Report & { url: string };
    await probe.close();
    const loaded = await loadOne(pageFile('001', 'word'), { scripts: true });
    expect(comparable(report)).toEqual(comparable(checkDocument(loaded.document, loaded.source)));

    const painted = await page.evaluate(paintedIds);
    for (const f of report.findings.filter((x) => x.severity === 'error' && x.cells.length > 0)) expect(painted[f.id] ?? 0, f.id).toBeGreaterThan(0);

    // phrases of the narrative: highlighted where Firefox offers the Custom Highlight API, their
    // paragraph outlined where it does not; either way the paragraph carries the finding's id
    const amount = report.findings.find((f) => f.rule === 'text-amount' && f.stated === '2.61');
    expect(amount?.quote).toBeTruthy();
    if (amount?.quote) {
      expect(painted[amount.id]).toBe(1);
      const highlights = await page.evaluate(highlightedPhrases);
      const supported = await page.evaluate(
        () => typeof (globalThis as { Highlight?: unknown }).Highlight === 'function' && !!(globalThis as unknown as { CSS?: { highlights?: unknown } }).CSS?.highlights,
      );
      if (supported) expect(highlights['crossfoot-error'] ?? []).toContain(amount.quote.text.replace(/\s+/g, ' ').trim());
      else expect(await page.$eval('[data-crossfoot-text="error"]', (el) => getComputedStyle(el).outlineStyle)).toBe('solid');
    }

    const popup = await extensionPage(`?tabId=${tabId}`);
    await popup.waitForSelector('.chip', { timeout: 20_000 });
    for (const s of ['error', 'review', 'rounding'] as const) {
      expect(await popup.$eval(`[data-count="${s}"]`, (e) => e.textContent)).toBe(String(report.summary.findings[s]));
    }
    await popup.close();
    await page.close();
  });

  it('a real page carrying only the 情况说明 (s-23) is checked: report equals the CLI, the phrase marked, the popup says so', async () => {
    const url = `http://${GOV_HOST}:${served.port}/real/s-23.html`;
    const page = await browser.newPage();
    page.on('request', (r) => requested.push(r.url()));
    await page.goto(url);
    const tabId = await waitChecked(url);
    const probe = await extensionPage();
    const report = (await probe.evaluate(async (id: number) => {
      const api = (globalThis as unknown as { browser: { tabs: { sendMessage(id: number, m: object): Promise<unknown> } } }).browser;
      return api.tabs.sendMessage(id, { type: 'crossfoot:get-report' });
    }, tabId)) as Report & { url: string };
    await probe.close();
    const loaded = await loadOne(path.join(FIXTURES, 'real-pages/pages/s-23.html'));
    expect(comparable(report)).toEqual(comparable(checkDocument(loaded.document, loaded.source)));
    const wrong = report.findings.find((f) => f.severity === 'error' && f.stated === '311.07');
    expect(wrong?.quote).toBeTruthy();
    if (wrong) expect((await page.evaluate(paintedIds))[wrong.id]).toBe(1);
    const popup = await extensionPage(`?tabId=${tabId}`);
    await popup.waitForSelector('[data-state="narrative-only"]', { timeout: 20_000 });
    expect(await popup.$eval('[data-count="error"]', (e) => e.textContent)).toBe(String(report.summary.findings.error));
    await popup.close();
    await page.close();
  });

  it('a strict-CSP page still gets its overlay', async () => {
    const page = await browser.newPage();
    page.on('request', (r) => requested.push(r.url()));
    const url = `http://${GOV_HOST}:${served.port}/csp/pages/001-plain.html`;
    await page.goto(url);
    await waitChecked(url);
    expect(Object.keys(await page.evaluate(paintedIds)).length).toBeGreaterThan(0);
    const outline = await page.$eval('[data-crossfoot-severity="error"]', (el) => getComputedStyle(el).outlineStyle);
    expect(outline).toBe('solid');
    await page.close();
  });

  it("the viewer: a real PDF report opened from a file is checked, its cells painted, its counts the CLI's", async () => {
    const file = path.join(FIXTURES, 'real-pdf', 'files', 'r11.pdf');
    const page = await browser.newPage();
    page.on('request', (r) => requested.push(r.url()));
    // BiDi never resolves navigations to moz-extension:// pages: start it and wait for the content
    void page.goto(`moz-extension://${FIREFOX_UUID}/viewer/index.html`).catch(() => undefined);
    await page.waitForSelector('input[type=file]', { timeout: 30_000 });
    const input = await page.$('input[type=file]');
    await (input as unknown as { uploadFile(...p: string[]): Promise<void> }).uploadFile(file);
    await page.waitForSelector('.counts', { timeout: 90_000 });
    const cli = checkDocument((await loadOne(file)).document, 'r11.pdf');
    const counts = await page.$eval('.counts', (el) => ({
      error: Number(el.getAttribute('data-errors')),
      review: Number(el.getAttribute('data-reviews')),
      rounding: Number(el.getAttribute('data-roundings')),
    }));
    expect(counts).toEqual(cli.summary.findings);
    const cells = new Set(cli.findings.flatMap((f) => f.cells.map((c) => `${c.table}:${c.row}:${c.col}`)));
    // (waitForFunction evaluates a string, which the extension page's CSP blocks: poll instead)
    const quotedErrors = cli.findings.filter((f) => f.severity === 'error' && f.quote).map((f) => f.id);
    const paintedNow = async (): Promise<{ cells: number; phrases: string[] }> => ({
      cells: await page.$$eval('.cf-mark:not(.cf-phrase)', (els) => els.length),
      phrases: await page.$$eval('.cf-phrase', (els) => els.flatMap((el) => (el.getAttribute('data-findings') ?? '').split(' '))),
    });
    let painted = await paintedNow();
    const done = (p: typeof painted): boolean => p.cells >= cells.size && quotedErrors.every((id) => p.phrases.includes(id));
    for (let i = 0; i < 600 && !done(painted); i++) {
      await new Promise((r) => setTimeout(r, 200));
      painted = await paintedNow();
    }
    // every cell a finding names is outlined once, every quoted error's phrase highlighted
    expect(painted.cells).toBe(cells.size);
    expect(cells.size).toBeGreaterThan(0);
    expect(quotedErrors.length).toBeGreaterThan(0);
    for (const id of quotedErrors) expect(painted.phrases, id).toContain(id);
    await page.close();
  });

  it('no page request left 127.0.0.1', () => {
    const outside = requested.filter((u) => {
      const url = new URL(u);
      if (!/^https?:$/.test(url.protocol)) return false;
      return !(url.hostname === '127.0.0.1' || url.hostname === GOV_HOST);
    });
    expect(outside).toEqual([]);
  });
});
