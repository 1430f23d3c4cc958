/**
 * `npm run demo`: builds the extension, serves the bundled sample report on 127.0.0.1 (under a
 * *.gov.cn host name), prints the CLI's findings for it, and opens Chromium with the extension on
 * the page. Without a display it runs headless, prints the popup's summary and writes screenshots
 * of the marked page (a table and a sentence of the 情况说明) and of the popup into artifacts/demo/.
 */
import { mkdir, readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { activeTabId, type ChromiumSession, GOV_HOST, launchChromium, ROOT, waitChecked } from '../test/e2e/browsers.js';
import path from 'node:path';
import { loadOne } from '../src/cli/load.js';
import { checkDocument } from '../src/pipeline/report.js';
import { formatText } from '../src/export/formats.js';
import { serve } from '../test/e2e/server.js';

export default async function demo(): Promise<number> {
  const sample = path.join(ROOT, 'samples/sample-report.html');
  const loaded = await loadOne(sample);
  const report = checkDocument(loaded.document, 'samples/sample-report.html');
  process.stdout.write(`${formatText(report, 'zh-CN')}\n`);

  const served = await serve({ '/samples/': path.join(ROOT, 'samples') });
  const url = `http://${GOV_HOST}:${served.port}/samples/sample-report.html`;
  const headed = Boolean(process.env.DISPLAY) && !process.env.CI && process.env.CROSSFOOT_HEADLESS !== '1';
  const session = await launchChromium({ headless: !headed });
  try {
    const page = await session.context.newPage();
    await page.goto(url);
    await waitChecked(session, page);
    if (headed) {
      console.log(`Chromium is open on ${url} with Crossfoot loaded; close the browser window to end the demo.`);
      await new Promise<void>((resolve) => session.context.on('close', () => resolve()));
      return 0;
    }
    const out = path.join(ROOT, 'artifacts/demo');
    await mkdir(out, { recursive: true });
    const error = page.locator('[data-crossfoot-severity="error"]').first();
    await error.scrollIntoViewIfNeeded();
    await error.hover();
    await page.waitForTimeout(250);
    await page.screenshot({ path: path.join(out, 'page-with-overlay.png') });
    // a phrase of the 情况说明 with a finding: hovered, it explains itself like a cell
    const phrase = await lastErrorPhrase(page);
    if (phrase) {
      await page.waitForTimeout(150); // let the scroll settle: scrolling hides the tooltip
      await page.mouse.move(phrase.x, phrase.y);
      await page.waitForTimeout(250);
      await page.screenshot({ path: path.join(out, 'page-narrative.png') });
    }
    await page.bringToFront();
    const tabId = await activeTabId(session.worker);
    const popup = await session.context.newPage();
    await popup.setViewportSize({ width: 360, height: 600 });
    await popup.goto(`chrome-extension://${session.extensionId}/popup/index.html?tabId=${tabId}`);
    await popup.waitForSelector('.chip');
    await popup.screenshot({ path: path.join(out, 'popup.png') });
    // the end of the list: the narrative's findings, the rate questions and their settings
    await popup.evaluate(() => {
      for (const d of Array.from(document.querySelectorAll<HTMLDetailsElement>('details.questions, details.settings'))) d.open = true;
      document.querySelector('main')?.scrollTo({ top: 1e6 });
    });
    await popup.screenshot({ path: path.join(out, 'popup-questions.png') });
    const counts = await popup.$$eval('.chip', (chips) => chips.map((c) => `${c.querySelector('.label')?.textContent ?? ''} ${c.querySelector('.n')?.textContent ?? ''}`));
    const first = await popup.$$eval('.finding .msg', (m) => m.slice(0, 3).map((x) => x.textContent ?? ''));
    console.log(`Popup (headless, no display): ${counts.join(' · ')}`);
    for (const m of first) console.log(`  - ${m}`);
    await storeShots(session, page, popup, path.join(out, 'store'));
    console.log(`Screenshots written to ${out}/ (page-with-overlay.png, page-narrative.png, popup.png, popup-questions.png; store/ holds the 1280×800 store images)`);
    return 0;
  } finally {
    await session.close();
    await served.close();
  }
}

/**
 * The store's screenshots, 1280×800 as both stores take them: the marked table with a finding's
 * explanation open, a sentence of the 情况说明 explained, and the popup beside the page it reports on.
 */
async function storeShots(session: ChromiumSession, page: Page, popup: Page, out: string): Promise<void> {
  await mkdir(out, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.mouse.move(0, 0);
  await page.keyboard.press('Escape');
  const error = page.locator('[data-crossfoot-severity="error"]').first();
  await error.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, -160));
  await error.hover();
  await page.waitForTimeout(900); // rests on the mark: the explanation is there to read
  await page.screenshot({ path: path.join(out, 'store-1-table.png') });
  await page.mouse.move(0, 0);
  const phrase = await lastErrorPhrase(page);
  if (phrase) {
    await page.waitForTimeout(150);
    await page.mouse.move(phrase.x, phrase.y);
    await page.waitForTimeout(400);
    await page.screenshot({ path: path.join(out, 'store-2-narrative.png') });
  }
  await page.mouse.move(0, 0);
  await error.scrollIntoViewIfNeeded();
  const pageShot = (await page.screenshot()).toString('base64');
  await popup.setViewportSize({ width: 360, height: 600 });
  await popup.evaluate(() => document.querySelector('main')?.scrollTo({ top: 0 }));
  const popupShot = (await popup.screenshot()).toString('base64');
  const board = await session.context.newPage();
  await board.setViewportSize({ width: 1280, height: 800 });
  await board.setContent(
    `<body style="margin:0;width:1280px;height:800px;overflow:hidden;position:relative;background:#202124">` +
      `<img src="data:image/png;base64,${pageShot}" style="position:absolute;left:0;top:0;width:1280px;height:800px;opacity:.55">` +
      `<img src="data:image/png;base64,${popupShot}" style="position:absolute;right:56px;top:100px;width:360px;height:600px;border-radius:8px;box-shadow:0 8px 32px rgba(0,0,0,.45)">` +
      `</body>`,
  );
  await board.screenshot({ path: path.join(out, 'store-3-popup.png') });
  await board.close();
  // the images are what the stores take: 1280×800 PNG
  for (const f of ['store-1-table.png', 'store-3-popup.png']) {
    const png = await readFile(path.join(out, f));
    if (png.readUInt32BE(16) !== 1280 || png.readUInt32BE(20) !== 800) throw new Error(`${f} is not 1280×800`);
  }
}

/** The last phrase of the 情况说明 highlighted as an error, scrolled to the middle: a point on it to hover. */
function lastErrorPhrase(page: Page): Promise<{ x: number; y: number } | null> {
  return page.evaluate(() => {
    const registry = (globalThis as unknown as { CSS?: { highlights?: Map<string, Set<Range>> } }).CSS?.highlights;
    const range = registry ? [...(registry.get('crossfoot-error') ?? [])].at(-1) : undefined;
    if (!range) return null;
    range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    const r = range.getClientRects()[0];
    return r ? { x: r.left + Math.min(20, r.width / 2), y: r.top + r.height / 2 } : null;
  });
}
