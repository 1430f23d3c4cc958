/**
 * The seed pages printed to PDF by headless Chromium at test time (`--print-to-pdf`, as a reader
 * saving a page would) must give the findings their HTML skin gives: the same rules on the same
 * figures, in tables of the same titles, with messages naming the same rows and columns. Chromium
 * prints with fonts that map some ideographs to Kangxi radicals (⼊ for 入): the reader folds them.
 * A page printed from an image alone has no text layer: reported as not checked, page by page.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOne } from '../../src/cli/load.js';
import { type Report } from '../../src/contract/report.js';
import { checkDocument } from '../../src/pipeline/report.js';
import { keyText } from '../../src/model/text.js';
import { FIXTURES } from '../support/fixtures.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SEEDS = ['000', '001', '002'];
const available = existsSync(CHROMIUM) && SEEDS.every((n) => existsSync(path.join(FIXTURES, 'pages', `${n}-plain.html`)));
const run = promisify(execFile);

async function printToPdf(url: string, out: string): Promise<void> {
  await run(CHROMIUM, ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--no-pdf-header-footer', `--print-to-pdf=${out}`, url], { timeout: 120_000 });
}

/** A finding as both skins must give it: rule, severity, figures, its table's title, its message (labels and values). */
function signature(r: Report): string[] {
  const titles = new Map(r.tables.map((t) => [t.id, keyText(t.title ?? t.name ?? '')]));
  return r.findings.map((f) => [f.rule, f.severity, f.stated, f.expected, f.table ? titles.get(f.table) : '', keyText(f.message.zh)].join(' | ')).sort();
}

describe.skipIf(!available)('seed pages printed to PDF by Chromium', () => {
  let dir = '';
  const reports = new Map<string, { html: Report; pdf: Report }>();
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'crossfoot-print-'));
    for (const n of SEEDS) {
      const html = path.join(FIXTURES, 'pages', `${n}-plain.html`);
      const pdf = path.join(dir, `${n}.pdf`);
      await printToPdf(`file://${html}`, pdf);
      reports.set(n, { html: checkDocument((await loadOne(html)).document, html), pdf: checkDocument((await loadOne(pdf)).document, pdf) });
    }
  }, 600_000);
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  for (const n of SEEDS) {
    it(`${n}: the printed PDF gives the findings of the HTML page`, () => {
      const { html, pdf } = reports.get(n) as { html: Report; pdf: Report };
      expect(pdf.tables.map((t) => `${t.kind} ${keyText(t.title ?? '')}`)).toEqual(html.tables.map((t) => `${t.kind} ${keyText(t.title ?? '')}`));
      expect(signature(pdf)).toEqual(signature(html));
      expect(pdf.summary.passed).toBe(html.summary.passed);
    });
  }

  it('a PDF printed from an image alone is reported as not checked, page by page', async () => {
    // a page holding only a picture of text: Chromium prints it as an image, with no text layer
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAGElEQVR4nGNgYGD4z8DAwMDAxMTAwMAAAA0AAwEAnt8EAAAAAElFTkSuQmCC', 'base64');
    const page = path.join(dir, 'scan.html');
    await writeFile(page, `<!doctype html><body style="margin:0"><img src="data:image/png;base64,${png.toString('base64')}" style="width:600px;height:800px;image-rendering:pixelated"></body>`);
    const pdf = path.join(dir, 'scan.pdf');
    await printToPdf(`file://${page}`, pdf);
    const r = checkDocument((await loadOne(pdf)).document, pdf);
    expect(r.findings).toEqual([]);
    expect(r.summary.passed).toBe(0);
    expect(r.notChecked.filter((x) => x.reason === 'pdf-scanned-page').map((x) => x.message.zh)).toEqual([expect.stringContaining('扫描件，没有文字层')]);
  }, 120_000);
});
