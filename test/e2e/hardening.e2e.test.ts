/**
 * Hardening in real Chromium with the built extension.
 * - Safety: a page whose labels and sentences carry markup (<img src=x onerror=…>, <script>, an
 *   <iframe srcdoc>) shows it as text in the tooltip and the popup; nothing of it runs.
 * - Pathological pages: a 10,000-row table, tables nested 500 deep, a 1 MB cell, more rows than the
 *   reader takes: the check finishes, the page's own script keeps running meanwhile, and the report
 *   says what was left out.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PageStatus } from '../../src/messages/protocol.js';
import { GRID_LIMITS } from '../../src/extract/grid.js';
import { activeTabId, GOV_HOST, launchChromium, tooltipElements, tooltipText, waitChecked, type ChromiumSession } from './browsers.js';
import { serve, type Served } from './server.js';

const HOSTILE = ['<img src=x onerror="window.__pwned=1">', '<script>window.__pwned=2</script>', '<iframe srcdoc="<script>parent.__pwned=3</script>"></iframe>', '"><svg onload=window.__pwned=4>'];
const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function page(title: string, body: string, script = ''): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}${script}</body></html>`;
}

const HEAD = '<tr><td>科目编码</td><td>科目名称</td><td>本年支出合计</td><td>基本支出</td><td>项目支出</td></tr>';

function safetyPage(): string {
  const rows = HOSTILE.map((h, i) => `<tr><td>201030${i + 1}</td><td>${esc(h)}</td><td>5.00</td><td>1.00</td><td>2.00</td></tr>`).join('');
  const narrative = `<h3>三、支出决算情况说明</h3><p>${esc(HOSTILE[0] as string)}本年支出合计 25.00 万元，其中：基本支出 4.00 万元，项目支出 8.00 万元。</p>`;
  return page('安全测试', `<p>支出决算表</p><p>单位：万元</p><table border="1">${HEAD}<tr><td></td><td>${esc(HOSTILE[3] as string)}合计</td><td>20.00</td><td>4.00</td><td>8.00</td></tr>${rows}</table>${narrative}`);
}

/** A page script that counts while the extension works: the page must keep running. */
const TICKER = '<script>window.__ticks = 0; setInterval(() => { window.__ticks++; }, 20);</script>';

function bigTable(rows: number): string {
  const lines: string[] = [];
  for (let i = 0; i < rows; i++) lines.push(`<tr><td>2010301</td><td>行政运行${i}</td><td>3.00</td><td>1.00</td><td>2.00</td></tr>`);
  return `<p>支出决算表</p><p>单位：万元</p><table border="1">${HEAD}<tr><td></td><td>合计</td><td>${(3 * rows).toFixed(2)}</td><td>${rows.toFixed(2)}</td><td>${(2 * rows).toFixed(2)}</td></tr>${lines.join('')}</table>`;
}

let served: Served;
let session: ChromiumSession;
let dir: string;

async function openChecked(name: string): Promise<{ page: Page; status: PageStatus }> {
  const p = await session.context.newPage();
  await p.goto(`http://${GOV_HOST}:${served.port}/hardening/${name}`);
  const { status } = await waitChecked(session, p, { timeout: 240_000, states: ['done', 'no-tables'] });
  return { page: p, status };
}

describe('Chromium: hardening', () => {
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'crossfoot-hardening-'));
    await writeFile(path.join(dir, 'safety.html'), safetyPage());
    await writeFile(path.join(dir, 'rows-10000.html'), page('一万行', bigTable(10_000), TICKER));
    await writeFile(path.join(dir, 'rows-over.html'), page('超过上限', bigTable(GRID_LIMITS.maxRows + 5), TICKER));
    // the HTML parser flattens trees deeper than 512 elements: the page nests its 500 tables by script
    const nest = `<script>(() => { let at = document.getElementById('host'); for (let i = 0; i < 500; i++) { const t = document.createElement('table'); const td = t.insertRow().insertCell(); at.appendChild(t); at = td; } at.appendChild(document.getElementById('report').content.cloneNode(true)); })();</script>`;
    await writeFile(path.join(dir, 'nested-500.html'), page('嵌套', `<div id="host"></div><template id="report">${bigTable(3)}</template>${nest}`, TICKER));
    await writeFile(path.join(dir, 'megabyte-cell.html'), page('长单元格', bigTable(3).replace('行政运行0', '很长的说明'.repeat(200_000)), TICKER));
    served = await serve({ '/hardening/': dir });
    session = await launchChromium();
  });

  afterAll(async () => {
    await session?.close();
    await served?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('shows markup in labels and sentences as text in the tooltip and the popup; none of it runs', async () => {
    const { page: p, status } = await openChecked('safety.html');
    expect(status.state).toBe('done');
    if (status.state !== 'done') return;
    expect(status.report.findings.some((f) => f.message.zh.includes('<img src=x'))).toBe(true);
    // hover every painted cell and phrase holder: the tooltip holds text only
    const marked = p.locator('[data-crossfoot]');
    for (let i = 0; i < (await marked.count()); i++) {
      await marked.nth(i).hover();
      await p.waitForTimeout(50);
    }
    await marked.first().focus();
    const tooltip = { text: await tooltipText(p), elements: await tooltipElements(p) };
    expect(tooltip.text).toMatch(/<img src=x|<svg onload/);
    expect(tooltip.elements.filter((e) => !['div', 'span'].includes(e))).toEqual([]);
    // the popup
    const tabId = await activeTabId(session.worker);
    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/popup/index.html?tabId=${tabId}`);
    await popup.waitForSelector('.chip');
    await popup.click('[data-severity="rounding"]');
    expect(await popup.locator('main').textContent()).toMatch(/<img src=x|<svg onload/);
    expect(await popup.locator('main img, main svg, main iframe, main script').count()).toBe(0);
    expect(await popup.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await popup.close();
    expect(await p.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await p.close();
  });

  for (const [name, skipped] of [
    ['rows-10000.html', null],
    ['rows-over.html', 'truncated-rows'],
    ['nested-500.html', null],
    ['megabyte-cell.html', 'truncated-text'],
  ] as const) {
    it(`${name}: the check finishes, the page keeps running, the report says what it left out`, async () => {
      const { page: p, status } = await openChecked(name);
      expect(status.state).toBe('done');
      if (status.state !== 'done') return;
      expect(status.report.tables.length).toBeGreaterThan(0);
      expect(status.report.notChecked.filter((n) => n.reason === 'internal-error')).toEqual([]);
      if (skipped) expect(status.report.notChecked.map((n) => n.reason)).toContain(skipped);
      // the page's own timer ran while the extension worked, and the page still answers
      expect(await p.evaluate(() => (window as unknown as { __ticks: number }).__ticks)).toBeGreaterThan(0);
      expect(await p.evaluate(() => document.title)).toBeTruthy();
      if (status.timings) console.log(`  ${name}: ${status.timings.slices} slices, longest ${status.timings.longestSlice.toFixed(1)} ms (${status.timings.longestIn}), total ${status.timings.total.toFixed(0)} ms`);
      await p.close();
    });
  }
});
