/**
 * Real Chromium with the built extension: when the page is checked again, and what a page cannot
 * hide.
 * - A CMS page (the report inside a layout table) whose header clock is rewritten by innerHTML every
 *   second is checked once, and not again, over 30 s.
 * - A cell rewritten through textContent to a wrong figure is reported within 2 s.
 * - A wrong total written with a zero-width joiner inside it is reported, with a note.
 * - A page that dresses its table in our attribute names (data-crossfoot-ui, data-crossfoot-running)
 *   is checked all the same, and marks inside an <iframe srcdoc> get their styles.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PageStatus } from '../../src/messages/protocol.js';
import { FIXTURES, fixturesAvailable } from '../support/fixtures.js';
import { askTab, GOV_HOST, launchChromium, waitChecked, type ChromiumSession } from './browsers.js';
import { serve, type Served } from './server.js';

let served: Served;
let session: ChromiumSession;
let dir: string;

const HEAD = '<tr><td>科目编码</td><td>科目名称</td><td>本年支出合计</td><td>基本支出</td><td>项目支出</td></tr>';
const page = (title: string, body: string): string => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
/** 合计 3.00 = 1.00 + 2.00: consistent until a page changes it. */
const TABLE = `<p>支出决算表</p><p>单位：万元</p><table border="1">${HEAD}<tr><td></td><td>合计</td><td id="total">3.00</td><td>1.00</td><td>2.00</td></tr><tr><td>2010301</td><td>行政运行</td><td>3.00</td><td>1.00</td><td>2.00</td></tr></table>`;

async function open(name: string): Promise<{ page: Page; tabId: number; status: PageStatus }> {
  const p = await session.context.newPage();
  await p.goto(`http://${GOV_HOST}:${served.port}/rechecks/${name}`);
  const { tabId, status } = await waitChecked(session, p);
  return { page: p, tabId, status };
}

const status = (tabId: number): Promise<PageStatus> => askTab<PageStatus>(session.worker, tabId, { type: 'crossfoot:get-status' });

describe.skipIf(!fixturesAvailable())('Chromium: re-checks, and what a page cannot hide', () => {
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'crossfoot-rechecks-'));
    // a real fixture report inside a CMS layout table, with a clock in its header
    const fixture = await readFile(path.join(FIXTURES, 'pages', '001-plain.html'), 'utf8');
    const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(fixture)?.[1] ?? '';
    const clock = `<script>setInterval(() => { document.getElementById('clock').innerHTML = '<b>' + new Date().toLocaleTimeString('zh-CN') + '</b> 星期四'; }, 1000);</script>`;
    await writeFile(path.join(dir, 'clock.html'), page('时钟', `<table width="100%"><tr><td>今天是 <span id="clock">…</span></td></tr><tr><td>${body}</td></tr></table>${clock}`));
    await writeFile(path.join(dir, 'cell.html'), page('改单元格', TABLE));
    await writeFile(path.join(dir, 'zwj.html'), page('零宽', TABLE.replace('<td id="total">3.00</td>', '<td id="total">9\u200d.00</td>')));
    await writeFile(
      path.join(dir, 'disguise.html'),
      page('伪装', TABLE.replace('<table border="1">', '<table border="1" data-crossfoot-ui data-crossfoot-running>').replace('<td id="total">3.00</td>', '<td id="total">5.00</td>')).replace(
        '<html lang="zh-CN">',
        '<html lang="zh-CN" data-crossfoot-running data-crossfoot-state="done">',
      ),
    );
    const inner = page('内框', TABLE.replace('<td id="total">3.00</td>', '<td id="total">7.00</td>')).replace(/"/g, '&quot;');
    await writeFile(path.join(dir, 'srcdoc.html'), page('内嵌', `<p>报告见下框。</p><iframe srcdoc="${inner}" width="800" height="300"></iframe>`));
    served = await serve({ '/rechecks/': dir });
    session = await launchChromium();
  });

  afterAll(async () => {
    await session?.close();
    await served?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('checks a page whose header clock ticks every second once, and not again over 30 s', { timeout: 90_000 }, async () => {
    const { page: p, tabId, status: first } = await open('clock.html');
    expect(first.state).toBe('done');
    if (first.state !== 'done') return;
    expect(first.report.summary.findings.error).toBeGreaterThan(0);
    const ticks0 = await p.evaluate(() => document.getElementById('clock')?.textContent ?? '');
    await p.waitForTimeout(30_000);
    expect(await p.evaluate(() => document.getElementById('clock')?.textContent ?? '')).not.toBe(ticks0);
    const later = await status(tabId);
    expect(later.state === 'done' ? later.checks : null).toBe(first.checks);
    await p.close();
  });

  it('reports a cell rewritten through textContent to a wrong figure within 2 s', async () => {
    const { page: p, tabId, status: first } = await open('cell.html');
    expect(first.state === 'done' ? first.report.summary.findings.error : -1).toBe(0);
    await p.evaluate(() => {
      (document.getElementById('total') as HTMLElement).textContent = '9.99';
    });
    await expect
      .poll(
        async () => {
          const s = await status(tabId);
          return s.state === 'done' ? s.report.findings.filter((f) => f.severity === 'error' && f.stated === '9.99').length : 0;
        },
        { timeout: 2_000, interval: 100 },
      )
      .toBeGreaterThan(0);
    expect(await p.locator('#total').getAttribute('data-crossfoot-severity')).toBe('error');
    await p.close();
  });

  it('reads a wrong total through a zero-width joiner, and says the figure held one', async () => {
    const { page: p, status: s } = await open('zwj.html');
    expect(s.state).toBe('done');
    if (s.state !== 'done') return;
    expect(s.report.findings).toContainEqual(expect.objectContaining({ severity: 'error', stated: '9.00', expected: '3.00' }));
    expect(s.report.notChecked.map((n) => n.reason)).toContain('invisible-characters');
    expect(await p.locator('#total').getAttribute('data-crossfoot-severity')).toBe('error');
    await p.close();
  });

  it('checks a table the page dresses in our own attribute names', async () => {
    const { page: p, status: s } = await open('disguise.html');
    expect(s.state).toBe('done');
    if (s.state !== 'done') return;
    expect(s.report.findings).toContainEqual(expect.objectContaining({ severity: 'error', stated: '5.00' }));
    expect(await p.locator('#total').getAttribute('data-crossfoot-severity')).toBe('error');
    await p.close();
  });

  it('marks a table inside an <iframe srcdoc>, styles included', async () => {
    const { page: p, status: s } = await open('srcdoc.html');
    expect(s.state).toBe('done');
    if (s.state !== 'done') return;
    expect(s.report.findings).toContainEqual(expect.objectContaining({ severity: 'error', stated: '7.00' }));
    const frame = p.frames().find((f) => f !== p.mainFrame());
    const outline = await frame?.$eval('#total', (el) => getComputedStyle(el).outlineStyle);
    expect(outline).toBe('solid');
    await p.close();
  });
});
