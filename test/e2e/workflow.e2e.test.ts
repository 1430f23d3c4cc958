/**
 * An auditor's workflow in real Chromium with the built extension, on the seed pages served under a
 * *.gov.cn host name:
 * - confirm one finding and dismiss another with a reason (from the popup and from the tooltip, by
 *   keyboard); reload: both kept; counts, badge and marks leave the dismissed one out; the same
 *   report in another skin shows the same states; restoring brings it back;
 * - the popup's Markdown, CSV and JSON downloads parse and hold the CLI's findings, figures and the
 *   statuses; a label beginning with "=" comes out neutralised in the CSV;
 * - a citation copied for a phrase, opened in Chromium, scrolls the page to that phrase;
 * - the keyboard shortcut's message and N move from finding to finding; the tooltip's actions work
 *   from the keyboard.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadOne } from '../../src/cli/load.js';
import { type Report, type ReportFinding } from '../../src/contract/report.js';
import { checkDocument } from '../../src/pipeline/report.js';
import { withReviews } from '../../src/export/reviewed.js';
import { FIXTURES, fixturesAvailable, pageFile } from '../support/fixtures.js';
import { askTab, GOV_HOST, launchChromium, ROOT, tooltipText, waitChecked, type ChromiumSession } from './browsers.js';
import { paintedIds } from './checks.js';
import { validateReport } from '../support/schema.js';
import { serve, type Served } from './server.js';

const ARTIFACTS = path.join(ROOT, 'artifacts/e2e');

let served: Served;
let session: ChromiumSession;
let dir: string;

/** A page whose row label begins with "=" (a formula, were a spreadsheet to read it as one). */
const FORMULA_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>测试单位2024年度部门决算</title></head><body>
<p>支出决算表</p><p>单位：万元</p><table border="1"><tr><td>科目编码</td><td>科目名称</td><td>本年支出合计</td><td>基本支出</td><td>项目支出</td></tr>
<tr><td></td><td>合计</td><td>20.00</td><td>12.00</td><td>8.00</td></tr>
<tr><td></td><td>=HYPERLINK("http://evil.example","行政运行")</td><td>12.00</td><td>9.00</td><td>2.00</td></tr>
<tr><td>2010302</td><td>一般行政管理事务</td><td>8.00</td><td>3.00</td><td>6.00</td></tr></table></body></html>`;

async function openChecked(url: string): Promise<{ page: Page; tabId: number; report: Report & { url: string } }> {
  const page = await session.context.newPage();
  await page.goto(url);
  const { tabId } = await waitChecked(session, page);
  const report = await askTab<Report & { url: string }>(session.worker, tabId, { type: 'crossfoot:get-report' });
  return { page, tabId, report };
}

async function openPopup(tabId: number): Promise<Page> {
  const popup = await session.context.newPage();
  popup.on('pageerror', (e) => console.error('popup:', e.message));
  await popup.setViewportSize({ width: 360, height: 600 });
  await popup.goto(`chrome-extension://${session.extensionId}/popup/index.html?tabId=${tabId}`);
  await popup.waitForSelector('.chip', { timeout: 15_000 });
  return popup;
}

const count = (popup: Page, s: string): Promise<string | null> => popup.textContent(`[data-count="${s}"]`);
const badge = (tabId: number): Promise<string> => session.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
const item = (id: string): string => `li[data-item="${id}"]`;

async function download(popup: Page, kind: 'md' | 'csv' | 'json'): Promise<{ name: string; text: string }> {
  const [d] = await Promise.all([popup.waitForEvent('download'), popup.click(`[data-export="${kind}"]`)]);
  const file = await d.path();
  return { name: d.suggestedFilename(), text: await readFile(file, 'utf8') };
}

describe.skipIf(!fixturesAvailable())('Chromium: confirm, dismiss, export, cite, move through findings', () => {
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'crossfoot-workflow-'));
    await writeFile(path.join(dir, 'formula.html'), FORMULA_PAGE);
    served = await serve({ '/pages/': path.join(FIXTURES, 'pages'), '/own/': dir });
    session = await launchChromium();
    // the clipboard is read back from a page on a secure origin (127.0.0.1) that may read it
    await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: `http://127.0.0.1:${served.port}` });
  });

  afterAll(async () => {
    await session?.close();
    await served?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps a confirmation and a dismissal across a reload and in another skin; dismissed findings leave counts, badge and marks; restored they come back', async () => {
    const url = `http://${GOV_HOST}:${served.port}/pages/001-word.html`;
    const opened = await openChecked(url);
    const { page, report } = opened;
    let { tabId } = opened;
    const errors = report.findings.filter((f) => f.severity === 'error' && f.category !== 'rate-anomaly' && f.cells.length > 0);
    expect(errors.length).toBeGreaterThanOrEqual(2);
    const [a, b] = errors as [ReportFinding, ReportFinding];
    const total = report.summary.findings.error;
    expect(await badge(tabId)).toBe(String(total));

    let popup = await openPopup(tabId);
    await popup.click(`${item(a.id)} [data-act="confirm"]`);
    await popup.click(`${item(b.id)} [data-act="dismiss"]`);
    await popup.fill(`${item(b.id)} form[data-ask] input`, '口径不同，表中已说明');
    await popup.click(`${item(b.id)} [data-act="save"]`);
    await expect.poll(() => count(popup, 'error')).toBe(String(total - 1));
    expect(await popup.getAttribute(item(a.id), 'data-status')).toBe('confirmed');
    expect(await popup.textContent('[data-section="dismissed"] summary')).toBe('已排除（1）');
    await expect.poll(() => badge(tabId)).toBe(String(total - 1));
    // the page follows at once: the dismissed finding is no longer marked
    await expect.poll(async () => (await page.evaluate(paintedIds))[b.id] ?? 0).toBe(0);
    expect((await page.evaluate(paintedIds))[a.id] ?? 0).toBeGreaterThan(0);
    await popup.close();

    // reload: both decisions are kept
    await page.reload();
    ({ tabId } = await waitChecked(session, page));
    await expect.poll(() => badge(tabId)).toBe(String(total - 1));
    expect((await page.evaluate(paintedIds))[b.id] ?? 0).toBe(0);
    popup = await openPopup(tabId);
    await expect.poll(() => count(popup, 'error')).toBe(String(total - 1));
    expect(await popup.getAttribute(item(a.id), 'data-status')).toBe('confirmed');
    await popup.click('[data-section="dismissed"] summary');
    expect(await popup.getAttribute(`[data-section="dismissed"] ${item(b.id)}`, 'data-status')).toBe('dismissed');
    expect(await popup.textContent(`[data-note="${b.id}"]`)).toContain('口径不同，表中已说明');
    await popup.screenshot({ path: path.join(ARTIFACTS, 'workflow-popup.png'), fullPage: true });
    await popup.close();
    await page.close();

    // the same report in another skin: the same states (by fingerprint, not by position)
    const excel = await openChecked(`http://${GOV_HOST}:${served.port}/pages/001-excel.html`);
    const fa = excel.report.findings.find((f) => f.fingerprint === a.fingerprint) as ReportFinding;
    const fb = excel.report.findings.find((f) => f.fingerprint === b.fingerprint) as ReportFinding;
    expect(fa && fb).toBeTruthy();
    await expect.poll(() => badge(excel.tabId)).toBe(String(excel.report.summary.findings.error - 1));
    popup = await openPopup(excel.tabId);
    expect(await popup.getAttribute(item(fa.id), 'data-status')).toBe('confirmed');
    await popup.click('[data-section="dismissed"] summary');
    // restore: counted, listed and marked again
    await popup.click(`[data-section="dismissed"] ${item(fb.id)} [data-act="restore"]`);
    await expect.poll(() => count(popup, 'error')).toBe(String(excel.report.summary.findings.error));
    expect(await popup.locator('[data-section="dismissed"]').count()).toBe(0);
    await expect.poll(() => badge(excel.tabId)).toBe(String(excel.report.summary.findings.error));
    await expect.poll(async () => (await excel.page.evaluate(paintedIds))[fb.id] ?? 0).toBeGreaterThan(0);
    await popup.close();
    await excel.page.close();

    // the options page lists what is stored for the site, and clears it
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options/index.html`);
    const site = options.locator(`[data-site="${GOV_HOST}"]`);
    await site.waitFor({ timeout: 15_000 });
    expect(await site.textContent()).toContain('2024年度部门决算');
    expect(await site.textContent()).toContain('已确认');
    await options.screenshot({ path: path.join(ARTIFACTS, 'workflow-options.png'), fullPage: true });
    await options.click(`[data-clear-site="${GOV_HOST}"]`);
    await expect.poll(() => options.locator('[data-state="empty"]').count()).toBe(1);
    const left = await session.worker.evaluate(async () => Object.keys(await chrome.storage.local.get(null)).filter((k) => k.startsWith('review:')));
    expect(left).toEqual([]);
    await options.close();
  });

  it('the tooltip’s actions by keyboard: the shortcut’s step and N from finding to finding, Enter into the tooltip, copy the citation, dismiss with a reason', async () => {
    const { page, tabId, report } = await openChecked(`http://${GOV_HOST}:${served.port}/pages/000-plain.html`);
    const marked = report.findings.filter((f) => f.category !== 'rate-anomaly' && f.cells.length > 0);
    const first = marked[0] as ReportFinding;
    // the shortcut's message (a native shortcut cannot be pressed by a driver): the first finding, focused, explained
    await askTab(session.worker, tabId, { type: 'crossfoot:step', direction: 1 });
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-crossfoot') ?? '')).toContain(first.id);
    await expect.poll(() => tooltipText(page)).toContain(first.message.zh.slice(0, 20));
    // N: the next finding
    await page.keyboard.press('n');
    const second = marked.find((f) => !(f.id === first.id)) as ReportFinding;
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-crossfoot') ?? '')).not.toContain(first.id);
    const focusedIds = (await page.evaluate(() => document.activeElement?.getAttribute('data-crossfoot') ?? '')).split(' ');
    const current = report.findings.find((f) => f.id === focusedIds[0]) as ReportFinding;
    expect(current).toBeTruthy();
    expect(second).toBeTruthy();
    // Enter moves into the tooltip; Tab reaches 非错误…; Enter opens the reason; type it and save
    await page.keyboard.press('Enter');
    await page.screenshot({ path: path.join(ARTIFACTS, 'workflow-tooltip.png') });
    // 复制引用 (the fourth action) copies the citation, on a plain-http page too
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => tooltipText(page)).toContain('已复制');
    const reader = await session.context.newPage();
    await reader.goto(`http://127.0.0.1:${served.port}/own/formula.html`);
    const copied = await reader.evaluate(() => navigator.clipboard.readText());
    await reader.close();
    await page.bringToFront();
    expect(copied.split('\n')[0]).toBe(current.message.zh);
    expect(copied).toContain(`报告：${report.title}`);
    expect(copied).toContain(`网址：http://${GOV_HOST}:${served.port}/pages/000-plain.html`);
    // back to 非错误… (Shift+Tab twice), Enter opens the reason
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await page.keyboard.type('合计口径不同');
    await page.keyboard.press('Enter');
    await expect.poll(() => session.worker.evaluate(async () => JSON.stringify(await chrome.storage.local.get(null)))).toContain('合计口径不同');
    await expect.poll(async () => (await page.evaluate(paintedIds))[current.id] ?? 0).toBe(0);
    const stored = await session.worker.evaluate(async () => chrome.storage.local.get(null));
    const record = Object.values(stored).find((v) => typeof v === 'object' && v !== null && (v as { schema?: string }).schema === 'crossfoot.reviews/1') as {
      entries: Record<string, { status: string; note: string }>;
    };
    expect(record.entries[current.fingerprint]).toMatchObject({ status: 'dismissed', note: '合计口径不同' });
    await page.close();
  });

  it('exports Markdown, CSV and JSON that parse and hold the CLI’s findings, figures and statuses', async () => {
    const { page, tabId, report } = await openChecked(`http://${GOV_HOST}:${served.port}/pages/002-word.html`);
    const popup = await openPopup(tabId);
    const [a, b] = report.findings.filter((f) => f.severity === 'error' && f.category !== 'rate-anomaly') as [ReportFinding, ReportFinding];
    await popup.click(`${item(a.id)} [data-act="confirm"]`);
    await popup.click(`${item(b.id)} [data-act="dismiss"]`);
    await popup.fill(`${item(b.id)} form[data-ask] input`, '=1+1 不是错误');
    await popup.click(`${item(b.id)} [data-act="save"]`);
    await expect.poll(() => popup.locator('[data-section="dismissed"]').count()).toBe(1);

    const loaded = await loadOne(pageFile('002', 'word'));
    const stored = await session.worker.evaluate(async () => chrome.storage.local.get(null));
    const record = Object.values(stored).find((v) => (v as { urls?: string[] }).urls?.some((u) => u.includes('002-word'))) as {
      entries: Record<string, { status: 'confirmed' | 'dismissed' | null; note: string; at: string }>;
    };
    const cli = withReviews(checkDocument(loaded.document, loaded.source), record.entries);

    const json = await download(popup, 'json');
    expect(json.name).toMatch(/^吉林省人民政府办公厅.*-crossfoot-\d{8}\.json$/u);
    const exported = JSON.parse(json.text) as typeof cli;
    expect(exported.schema).toBe('crossfoot.report/1');
    expect(validateReport(exported)).toEqual([]);
    const essentials = (r: typeof cli): unknown[] => r.findings.map((f) => [f.fingerprint, f.rule, f.severity, f.stated, f.expected, f.difference, f.review?.status ?? null, f.review?.note ?? null]);
    expect(essentials(exported)).toEqual(essentials(cli));
    expect(exported.reviews).toEqual({ confirmed: 1, dismissed: 1, notes: 1 });

    const csv = await download(popup, 'csv');
    expect(csv.text.charCodeAt(0)).toBe(0xfeff);
    const rows = parse(csv.text, { columns: true, bom: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => [r.fingerprint, r.severity, r.stated, r.expected, r.status])).toEqual(
      cli.findings.map((f) => [f.fingerprint, f.severity, f.stated ?? '', f.expected ?? '', f.review?.status ?? '']),
    );
    expect(rows.find((r) => r.fingerprint === b.fingerprint)?.note).toBe("'=1+1 不是错误");

    const md = await download(popup, 'md');
    expect(md.name.endsWith('.md')).toBe(true);
    expect(md.text).toMatch(/\| 严重程度 \| 类别 \| 表 \| 位置 \| 所列 \| 应为 \| 差额 \| 说明 \| 状态 \| 备注 \|/u);
    expect(md.text).toContain('## 已排除（1）');
    expect(md.text.split('\n').filter((l) => l.includes('| 已确认 |')).length).toBe(1);
    await popup.close();
    await page.close();

    // a page label beginning with "=" is neutralised in the CSV
    const formula = await openChecked(`http://${GOV_HOST}:${served.port}/own/formula.html`);
    const p2 = await openPopup(formula.tabId);
    const rows2 = parse((await download(p2, 'csv')).text, { columns: true, bom: true }) as Array<Record<string, string>>;
    const labels = rows2.map((r) => r.row_label ?? '').filter((l) => l.includes('HYPERLINK'));
    expect(labels.length).toBeGreaterThan(0);
    for (const l of labels) expect(l.startsWith("'=")).toBe(true);
    for (const r of rows2) for (const v of Object.values(r)) expect(/^[=+@]/u.test(v) || (/^-/u.test(v) && !/^-\d/u.test(v)), v).toBe(false);
    await p2.close();
    await formula.page.close();
  });

  it('a citation copied for a phrase opens the page scrolled to that phrase', async () => {
    const { page, tabId, report } = await openChecked(`http://${GOV_HOST}:${served.port}/pages/001-word.html`);
    const phrase = report.findings.find((f) => f.quote && f.severity === 'error' && f.stated === '2.61') ?? report.findings.find((f) => f.quote && f.severity === 'error');
    expect(phrase?.quote).toBeTruthy();
    if (!phrase?.quote) return;
    const popup = await openPopup(tabId);
    await popup.bringToFront();
    await popup.click(`${item(phrase.id)} [data-act="copy"]`);
    await expect.poll(() => popup.textContent(`${item(phrase.id)} [data-act="copy"]`)).toContain('已复制');
    const reader = await session.context.newPage();
    await reader.goto(`http://127.0.0.1:${served.port}/own/formula.html`);
    await reader.bringToFront();
    const copied = await reader.evaluate(() => navigator.clipboard.readText());
    await reader.close();
    expect(copied.split('\n')[0]).toBe(phrase.message.zh);
    expect(copied).toContain(`报告：${report.title}`);
    const link = /网址：(\S+)/u.exec(copied)?.[1] ?? '';
    expect(link).toContain('#:~:text=');
    await popup.close();
    await page.close();

    const opened = await session.context.newPage();
    await opened.goto(link);
    await opened.waitForTimeout(800);
    const where = await opened.evaluate((text) => {
      // the smallest element whose text holds the phrase (Word exports split it over spans)
      const fold = (t: string): string => t.replace(/\s+/gu, '');
      const want = fold(text);
      let best: Element | null = null;
      for (const el of Array.from(document.body.querySelectorAll('*'))) {
        if (fold(el.textContent ?? '').includes(want) && (!best || best.contains(el))) best = el;
      }
      if (!best) return null;
      const r = best.getBoundingClientRect();
      return { scrollY: window.scrollY, top: r.top, bottom: r.bottom, height: window.innerHeight };
    }, phrase.quote.text);
    expect(where).not.toBeNull();
    expect(where?.scrollY ?? 0).toBeGreaterThan(0);
    // the paragraph holding the phrase is on screen
    expect(where?.bottom ?? -1).toBeGreaterThan(0);
    expect(where?.top ?? 1e9).toBeLessThan(where?.height ?? 0);
    await opened.screenshot({ path: path.join(ARTIFACTS, 'workflow-citation-opened.png') });
    await opened.close();
  });
});
