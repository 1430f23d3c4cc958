/**
 * Pleasant to use and in control, in real Chromium with the built extension:
 * - the tooltip: the pointer rests on a mark and moves into the tooltip, which stays and lets its
 *   text be selected; a mark with six findings lists all six; Tab to a mark below the screen shows
 *   its explanation where the mark ends up; marks have accessible names; the summary is announced;
 * - per site: turned off on one host (from the popup), another host is still checked and marked;
 *   the page says so in the popup and can be checked once on request;
 * - the popup opened while a page is still loading says it is checking and ends on the report.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Report } from '../../src/contract/report.js';
import { askTab, GOV_HOST, launchChromium, liveAnnouncement, ROOT, tooltipRect, tooltipText, waitChecked, type ChromiumSession } from './browsers.js';
import { paintedIds } from './checks.js';
import type { PageStatus } from '../../src/messages/protocol.js';

/** A narrative paragraph holding six figures that its table contradicts (six findings on one mark). */
const SIX = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>测试单位2024年度部门决算</title></head><body>
<div style="height:1400px">目录</div>
<h3>一般公共预算财政拨款支出决算表</h3><p>单位：万元</p>
<table border="1"><tr><td>科目编码</td><td>科目名称</td><td>本年支出合计</td><td>基本支出</td><td>项目支出</td></tr>
<tr><td></td><td>合计</td><td>110.00</td><td>65.00</td><td>45.00</td></tr>
<tr><td>201</td><td>一般公共服务支出</td><td>50.00</td><td>30.00</td><td>20.00</td></tr>
<tr><td>205</td><td>教育支出</td><td>20.00</td><td>10.00</td><td>10.00</td></tr>
<tr><td>208</td><td>社会保障和就业支出</td><td>30.00</td><td>20.00</td><td>11.00</td></tr>
<tr><td>213</td><td>农林水支出</td><td>10.00</td><td>5.00</td><td>5.00</td></tr>
</table>
<h3>一般公共预算财政拨款支出决算情况说明</h3>
<p id="six">2024年度一般公共预算财政拨款支出中，基本支出70.00万元，项目支出50.00万元。一般公共服务支出55.00万元，教育支出22.00万元，社会保障和就业支出33.00万元，农林水支出11.00万元。</p>
<div style="height:1400px"></div></body></html>`;

let server: Server;
let port = 0;

/** A server of the SIX page (and the sample), on 127.0.0.1, with a slow page for the popup-while-loading case. */
async function serveSix(): Promise<{ server: Server; port: number }> {
  const srv = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    res.setHeader('content-type', 'text/html; charset=utf-8');
    if (url.pathname === '/slow.html') {
      // half the page, a pause, the rest: the popup is opened meanwhile
      const cut = SIX.indexOf('<h3>');
      res.write(SIX.slice(0, cut));
      setTimeout(() => res.end(SIX.slice(cut)), 2500);
      return;
    }
    if (url.pathname === '/sample.html') return void res.end(readFileSync(path.join(ROOT, 'samples/sample-report.html')));
    res.end(SIX);
  });
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  return { server: srv, port: (srv.address() as AddressInfo).port };
}
let session: ChromiumSession;

async function open(host: string, path: string): Promise<{ page: Page; tabId: number }> {
  const page = await session.context.newPage();
  await page.goto(`http://${host}:${port}${path}`);
  const { tabId } = await waitChecked(session, page, { states: ['done', 'site-off'] });
  return { page, tabId };
}

async function popupFor(tabId: number): Promise<Page> {
  const popup = await session.context.newPage();
  await popup.setViewportSize({ width: 360, height: 600 });
  await popup.goto(`chrome-extension://${session.extensionId}/popup/index.html?tabId=${tabId}`);
  return popup;
}

describe('Chromium: the tooltip, the keyboard, per-site control, the popup while loading', () => {
  beforeAll(async () => {
    ({ server, port } = await serveSix());
    session = await launchChromium();
  });

  afterAll(async () => {
    await session?.close();
    await new Promise<void>((r) => server?.close(() => r()));
  });

  it('the pointer rests on a mark, moves into the tooltip, which stays and lets its text be selected', async () => {
    const { page, tabId } = await open(GOV_HOST, '/six.html');
    const report = await askTab<Report>(session.worker, tabId, { type: 'crossfoot:get-report' });
    const cell = report.findings.find((f) => f.cells.length > 0 && f.severity === 'error');
    expect(cell).toBeTruthy();
    const mark = page.locator('[data-crossfoot-severity="error"]').first();
    await mark.scrollIntoViewIfNeeded();
    await mark.hover();
    await page.waitForTimeout(900); // rests: the tooltip becomes usable
    const box = await tooltipRect(page);
    expect(box).not.toBeNull();
    if (!box) return;
    // into the tooltip, across its text: it stays, and the text is selected
    await page.mouse.move(box.x + 20, box.y + box.height / 2, { steps: 8 });
    await page.waitForTimeout(500);
    expect(await tooltipRect(page)).not.toBeNull();
    await page.mouse.move(box.x + 14, box.y + 40);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width - 14, box.y + 60, { steps: 6 });
    await page.mouse.up();
    const selected = await page.evaluate(() => document.getSelection()?.toString() ?? '');
    expect(selected.length).toBeGreaterThan(3);
    expect(await tooltipText(page)).toContain(selected.replace(/\s+/gu, '').slice(0, 4));
    // the marked cell has an accessible name saying what is wrong with it
    const label = await mark.getAttribute('aria-label');
    expect(label).toMatch(/错误：应为 [\d.,]+，表中为 [\d.,]+/u);
    // the summary was announced once, for screen readers
    expect(await liveAnnouncement(page)).toMatch(/^Crossfoot 勾稽：本页错误 \d+ 处/u);
    await page.close();
  });

  it('a mark with six findings lists all six; Tab to it, below the screen, shows them where it ends up', async () => {
    const { page, tabId } = await open(GOV_HOST, '/six.html');
    const report = await askTab<Report>(session.worker, tabId, { type: 'crossfoot:get-report' });
    const onPara = report.findings.filter((f) => f.quote !== null);
    expect(onPara.length).toBe(6);
    const ids = (await page.evaluate(paintedIds)) as Record<string, number>;
    for (const f of onPara) expect(ids[f.id], f.id).toBe(1);
    await page.evaluate(() => window.scrollTo(0, 0));
    // the last table cell before the paragraph has the focus; Tab goes to the paragraph (far below the screen at first)
    await page.evaluate(() => {
      const marks = Array.from(document.querySelectorAll<HTMLElement>('[data-crossfoot]'));
      const para = document.getElementById('six') as HTMLElement;
      const before = marks.filter((m) => m !== para && (m.compareDocumentPosition(para) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0).at(-1);
      before?.focus({ preventScroll: true });
      window.scrollTo(0, 0);
    });
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('six');
    await page.waitForTimeout(400);
    const text = await tooltipText(page);
    for (const f of onPara) expect(text, f.id).toContain(f.message.zh.slice(0, 16));
    // where the paragraph ended up, the tooltip is beside it, inside the screen
    const box = await tooltipRect(page);
    const para = await page.evaluate(() => {
      const r = (document.getElementById('six') as HTMLElement).getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, height: window.innerHeight };
    });
    expect(para.top).toBeGreaterThanOrEqual(0);
    expect(para.bottom).toBeLessThanOrEqual(para.height);
    expect(box).not.toBeNull();
    expect(box?.y ?? -1).toBeGreaterThanOrEqual(0);
    expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(para.height + 1);
    await page.close();
  });

  it('turned off on one site from the popup: that site is left alone, another is still checked and marked; checked once on request', async () => {
    const other = 'other.example.gov.cn';
    const a = await open(GOV_HOST, '/six.html');
    const popup = await popupFor(a.tabId);
    await popup.waitForSelector('[data-action="site-run"]');
    await popup.click('[data-action="site-run"]');
    // the page follows at once: no mark left
    await expect.poll(async () => Object.keys((await a.page.evaluate(paintedIds)) as Record<string, number>).length).toBe(0);
    await popup.close();
    await a.page.reload();
    const off = await waitChecked(session, a.page, { states: ['site-off'] });
    expect(off.status.state).toBe('site-off');
    expect(Object.keys((await a.page.evaluate(paintedIds)) as Record<string, number>).length).toBe(0);
    expect(await session.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), off.tabId)).toBe('');
    // another host: checked and marked as ever
    const b = await open(other, '/six.html');
    expect(Object.keys((await b.page.evaluate(paintedIds)) as Record<string, number>).length).toBeGreaterThan(0);
    // the popup on the site turned off says so; "只核对此页" checks it once; "在此网站上启用" turns it back on
    const p2 = await popupFor(off.tabId);
    await p2.waitForSelector('[data-state="site-off"]');
    expect(await p2.textContent('[data-state="site-off"]')).toContain(GOV_HOST);
    await p2.click('[data-action="check-once"]');
    await p2.waitForSelector('.chip');
    expect(Object.keys((await a.page.evaluate(paintedIds)) as Record<string, number>).length).toBeGreaterThan(0);
    await p2.close();
    const stored = await session.worker.evaluate(async () => (await chrome.storage.local.get('sites')).sites as Record<string, unknown>);
    expect(stored).toEqual({ [GOV_HOST]: { run: false } });
    // the options page lists the site's choice, and turns it back on
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options/index.html`);
    const row = options.locator(`[data-site-setting="${GOV_HOST}"]`);
    await row.waitFor();
    await options.screenshot({ path: 'artifacts/e2e/options.png', fullPage: true });
    await row.locator('input[type="checkbox"]').first().click();
    await expect.poll(() => session.worker.evaluate(async () => (await chrome.storage.local.get('sites')).sites as Record<string, unknown>)).toEqual({});
    await options.close();
    // the toolbar button's menu turns the site off and on again (its handler, as the browser calls it)
    const menu = async (): Promise<void> =>
      session.worker.evaluate(
        async (id) => (globalThis as unknown as { crossfootMenuClick: (i: object, t: object) => Promise<void> }).crossfootMenuClick({ menuItemId: 'crossfoot-site-runs' }, { id }),
        a.tabId,
      );
    await menu();
    expect(await session.worker.evaluate(async () => (await chrome.storage.local.get('sites')).sites)).toEqual({ [GOV_HOST]: { run: false } });
    await menu();
    expect(await session.worker.evaluate(async () => (await chrome.storage.local.get('sites')).sites)).toEqual({});
    await a.page.close();
    await b.page.close();
  });

  it('every finding and rate question in the popup goes to its place, or says once in the list that it has none', async () => {
    const { page, tabId } = await open(GOV_HOST, '/sample.html');
    const status = await askTab<PageStatus>(session.worker, tabId, { type: 'crossfoot:get-status' });
    if (status.state !== 'done') throw new Error(status.state);
    const questions = status.report.findings.filter((f) => f.category === 'rate-anomaly' && f.cells.length > 0);
    expect(questions.length).toBeGreaterThan(0);
    // questions are not marked by default, yet each has its place
    for (const q of questions) expect(status.unplaced ?? []).not.toContain(q.id);
    const popup = await popupFor(tabId);
    await popup.waitForSelector('.chip');
    expect(await popup.locator('[data-unplaced]').count()).toBe((status.unplaced ?? []).filter((id) => status.report.findings.find((f) => f.id === id && f.severity !== 'rounding')).length);
    await popup.click('[data-section="questions"] summary');
    const q = questions[0] as (typeof questions)[number];
    await popup.click(`[data-section="questions"] [data-finding="${q.id}"]`);
    await expect.poll(() => page.evaluate(() => document.querySelectorAll('[data-crossfoot-flash]').length)).toBeGreaterThan(0);
    expect(await popup.locator(`[data-unplaced="${q.id}"]`).count()).toBe(0);
    await popup.close();
    await page.close();
  });

  it('Chromium loads the Chrome build without manifest warnings or errors', async () => {
    const page = await session.context.newPage();
    await page.goto('chrome://extensions/');
    const info = await page.evaluate(
      async (id) =>
        new Promise<{ installWarnings: string[]; manifestErrors: unknown[]; runtimeErrors: unknown[] }>((resolve) => {
          const dev = (
            globalThis as unknown as {
              chrome: { developerPrivate: { getExtensionInfo(i: string, cb: (x: { installWarnings: string[]; manifestErrors: unknown[]; runtimeErrors: unknown[] }) => void): void } };
            }
          ).chrome.developerPrivate;
          dev.getExtensionInfo(id, resolve);
        }),
      session.extensionId,
    );
    expect(info.installWarnings).toEqual([]);
    expect(info.manifestErrors).toEqual([]);
    await page.close();
  });

  it('opens a short onboarding page once, when installed', async () => {
    await expect.poll(() => session.context.pages().some((p) => p.url() === `chrome-extension://${session.extensionId}/onboarding/index.html`), { timeout: 10_000 }).toBe(true);
    const onboarding = session.context.pages().find((p) => p.url().endsWith('/onboarding/index.html')) as Page;
    await onboarding.waitForSelector('h1');
    expect(await onboarding.textContent('h1')).toBe('欢迎使用 Crossfoot 勾稽');
    expect(await onboarding.textContent('body')).toMatch(/不收集、不上传任何数据/u);
  });

  it('the context menu: 核对此表 lists the findings of the table under the pointer; 用 Crossfoot 核对此页 checks a page not checked by itself', async () => {
    const { page, tabId } = await open(GOV_HOST, '/six.html');
    const report = await askTab<Report>(session.worker, tabId, { type: 'crossfoot:get-report' });
    const tableFindings = report.findings.filter((f) => f.table !== null);
    expect(tableFindings.length).toBeGreaterThan(0);
    // the menu is opened on a cell of the table (a native menu cannot be clicked by a driver: its handler is called as the browser would)
    await page.locator('table td').nth(7).click({ button: 'right' });
    await session.worker.evaluate(
      async (id) => (globalThis as unknown as { crossfootMenuClick: (i: object, t: object) => Promise<void> }).crossfootMenuClick({ menuItemId: 'crossfoot-check-table' }, { id }),
      tabId,
    );
    await expect.poll(() => tooltipText(page)).toContain(tableFindings[0]?.message.zh.slice(0, 16) ?? '?');
    for (const f of report.findings.filter((x) => x.table === null)) expect(await tooltipText(page)).not.toContain(f.message.zh.slice(0, 20));
    await page.close();
    // a page not checked by itself (its site turned off): checked on the menu's click. (Outside
    // *.gov.cn the click grants the tab through activeTab, which only a real click gives: not drivable.)
    const host = 'third.example.gov.cn';
    await session.worker.evaluate(async (h) => chrome.storage.local.set({ sites: { [h]: { run: false } } }), host);
    const plain = await session.context.newPage();
    await plain.goto(`http://${host}:${port}/six.html`);
    const { tabId: plainTab } = await waitChecked(session, plain, { states: ['site-off'] });
    expect(Object.keys((await plain.evaluate(paintedIds)) as Record<string, number>).length).toBe(0);
    await session.worker.evaluate(
      async (id) => (globalThis as unknown as { crossfootMenuClick: (i: object, t: object) => Promise<void> }).crossfootMenuClick({ menuItemId: 'crossfoot-check-page' }, { id }),
      plainTab,
    );
    const { status } = await waitChecked(session, plain);
    expect(status.state).toBe('done');
    expect(Object.keys((await plain.evaluate(paintedIds)) as Record<string, number>).length).toBeGreaterThan(0);
    await session.worker.evaluate(async () => chrome.storage.local.remove('sites'));
    await plain.close();
  });

  it('the popup opened while the page is still loading says it is checking, and ends on the report', async () => {
    const page = await session.context.newPage();
    const loading = page.goto(`http://${GOV_HOST}:${port}/slow.html`, { waitUntil: 'commit' });
    await loading;
    await page.bringToFront();
    const tabId = await session.worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id ?? -1);
    const popup = await popupFor(tabId);
    await popup.waitForSelector('.state');
    expect(await popup.textContent('.state')).toBe('正在核对……');
    await popup.waitForSelector('.chip', { timeout: 30_000 });
    const report = await askTab<Report>(session.worker, tabId, { type: 'crossfoot:get-report' });
    expect(await popup.textContent('[data-count="error"]')).toBe(String(report.summary.findings.error));
    await popup.close();
    await page.close();
  });
});

describe('Chromium: the content script leaves nothing behind when the extension goes', () => {
  let own: ChromiumSession;
  let srv: Server;
  let at = 0;

  beforeAll(async () => {
    ({ server: srv, port: at } = await serveSix());
    own = await launchChromium();
  });

  afterAll(async () => {
    await own?.close();
    await new Promise<void>((r) => srv?.close(() => r()));
  });

  it('disabled: every mark, highlight and the tooltip host go, and a change to the page brings none back', async () => {
    const page = await own.context.newPage();
    await page.goto(`http://${GOV_HOST}:${at}/six.html`);
    await waitChecked(own, page);
    const state = (): Promise<{ marks: number; highlights: number; hosts: number }> =>
      page.evaluate(() => ({
        marks: document.querySelectorAll('[data-crossfoot], [data-crossfoot-severity], [data-crossfoot-phrase], [data-crossfoot-text]').length,
        highlights: (globalThis as unknown as { CSS: { highlights: Map<string, unknown> } }).CSS.highlights.size,
        hosts: document.querySelectorAll('crossfoot-overlay').length,
      }));
    const before = await state();
    expect(before.marks).toBeGreaterThan(0);
    expect(before.highlights).toBeGreaterThan(0);
    // disable the extension, as the user does at chrome://extensions
    const settingsPage = await own.context.newPage();
    await settingsPage.goto('chrome://extensions/');
    await settingsPage.evaluate(
      async (id) => (globalThis as unknown as { chrome: { management: { setEnabled(i: string, on: boolean): Promise<void> } } }).chrome.management.setEnabled(id, false),
      own.extensionId,
    );
    await expect.poll(state, { timeout: 15_000 }).toEqual({ marks: 0, highlights: 0, hosts: 0 });
    // the observers went too: a changed table is not checked again
    await page.evaluate(() => {
      const cell = document.querySelector('table td:nth-child(3)');
      if (cell) cell.textContent = '999.00';
    });
    await page.waitForTimeout(2500);
    expect(await state()).toEqual({ marks: 0, highlights: 0, hosts: 0 });
    await settingsPage.close();
    await page.close();
  });
});
