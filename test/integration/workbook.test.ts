/**
 * The seed tables written to .xlsx and to .xls (BIFF8) at test time, as a department exporting its
 * tables from Excel would have them: one sheet per table, the title line and the 单位 line above
 * the header, header cells merged, amounts as numbers with a number format (so the printed precision
 * lives in the format, as in real workbooks). Read back through the CLI's loader they must give the
 * table findings their HTML skin gives: the same rules on the same figures, with messages naming the
 * same rows and columns. (A workbook holds no 情况说明, so findings about the narrative are not compared.)
 */
import * as XLSX from '@e965/xlsx';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOne } from '../../src/cli/load.js';
import { type Report } from '../../src/contract/report.js';
import { checkDocument } from '../../src/pipeline/report.js';
import type { ReportDocument } from '../../src/model/document.js';
import { keyText } from '../../src/model/text.js';
import { FIXTURES } from '../support/fixtures.js';

const SEEDS = ['000', '001', '002'];
const ORDINAL = /^[一二三四五六七八九十]+[、.]\s*/u;
/** A table's title without a section number ("四、"), which belongs to the report's text. */
const titleOf = (t: { title: string | null }): string => keyText((t.title ?? '').replace(ORDINAL, ''));
const available = SEEDS.every((n) => existsSync(path.join(FIXTURES, 'pages', `${n}-plain.html`)));

/** A printed figure as a number cell with the format that prints it so; other text as text. */
function cellOf(text: string): XLSX.CellObject {
  const m = /^(-?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/u.exec(text.trim());
  if (!m) return { t: 's', v: text };
  const places = m[3]?.length ?? 0;
  const grouped = (m[2] ?? '').includes(',');
  const z = `${grouped ? '#,##0' : '0'}${places > 0 ? `.${'0'.repeat(places)}` : ''}`;
  return { t: 'n', v: Number(text.replace(/,/gu, '')), z };
}

/** The document's tables as a workbook: one sheet each, title and unit lines above the grid. */
function workbookOf(doc: ReportDocument): XLSX.WorkBook {
  const wb = XLSX.utils.book_new();
  doc.tables.forEach((t, i) => {
    const ws: XLSX.WorkSheet = {};
    const merges: XLSX.Range[] = [];
    // the title as a sheet prints it (a section number such as "四、" belongs to the report's text)
    const title = (t.meta.title ?? t.meta.headings[0])?.replace(ORDINAL, '') ?? null;
    const lines = [title, t.meta.code, t.meta.unitText].filter((x): x is string => typeof x === 'string' && x !== '');
    lines.forEach((line, r) => {
      ws[XLSX.utils.encode_cell({ r, c: 0 })] = { t: 's', v: line };
      if (t.cols > 1) merges.push({ s: { r, c: 0 }, e: { r, c: t.cols - 1 } });
    });
    const top = lines.length;
    for (const row of t.grid)
      for (const cell of row) {
        if (cell.merged) continue;
        ws[XLSX.utils.encode_cell({ r: top + cell.row, c: cell.col })] = cellOf(cell.text);
        if (cell.span.rows > 1 || cell.span.cols > 1) merges.push({ s: { r: top + cell.row, c: cell.col }, e: { r: top + cell.row + cell.span.rows - 1, c: cell.col + cell.span.cols - 1 } });
      }
    // the table's notes (注：…) on the lines below it
    t.meta.notes.forEach((note, k) => {
      ws[XLSX.utils.encode_cell({ r: top + t.rows + k, c: 0 })] = { t: 's', v: note };
    });
    ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: top + t.rows + t.meta.notes.length - 1, c: Math.max(0, t.cols - 1) } });
    ws['!merges'] = merges;
    XLSX.utils.book_append_sheet(wb, ws, `Sheet${i + 1}`);
  });
  return wb;
}

/** Table findings as both must give them: rule, severity, figures, table title, message. */
function signature(r: Report): string[] {
  const titles = new Map(r.tables.map((t) => [t.id, titleOf(t)]));
  return r.findings
    .filter((f) => f.table !== null && f.quote === null)
    .map((f) => [f.rule, f.severity, f.stated, f.expected, titles.get(f.table as string), keyText(f.message.zh).replace(/(^|\/)[一二三四五六七八九十]+、/gu, '$1')].join(' | '))
    .sort();
}

describe.skipIf(!available)('seed tables written to .xlsx and .xls', () => {
  let dir = '';
  const reports = new Map<string, Report>();
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'crossfoot-sheets-'));
    for (const n of SEEDS) {
      const html = path.join(FIXTURES, 'pages', `${n}-plain.html`);
      const loaded = await loadOne(html);
      // the HTML skin with its narrative left out: what a workbook of the same tables can be checked against
      const tablesOnly = { ...loaded.document, blocks: [], order: loaded.document.order.filter((o) => o.type === 'table') };
      reports.set(`${n}.html`, checkDocument(tablesOnly, html));
      const wb = workbookOf(loaded.document);
      for (const [ext, bookType] of [
        ['xlsx', 'xlsx'],
        ['xls', 'biff8'],
      ] as const) {
        const file = path.join(dir, `${n}.${ext}`);
        await writeFile(file, XLSX.write(wb, { type: 'buffer', bookType }) as Buffer);
        reports.set(`${n}.${ext}`, checkDocument((await loadOne(file)).document, file));
      }
    }
  }, 300_000);
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  for (const n of SEEDS)
    for (const ext of ['xlsx', 'xls']) {
      it(`${n}.${ext}: the same tables and table findings as the HTML page`, () => {
        const html = reports.get(`${n}.html`) as Report;
        const sheet = reports.get(`${n}.${ext}`) as Report;
        expect(sheet.tables.map((t) => `${t.kind} ${titleOf(t)} ${t.unit}`)).toEqual(html.tables.map((t) => `${t.kind} ${titleOf(t)} ${t.unit}`));
        expect(signature(sheet).length).toBeGreaterThan(0);
        expect(signature(sheet)).toEqual(signature(html));
      });
    }

  it('reads an Excel "Save as Web Page" file named .xls as the page it is', async () => {
    const file = path.join(dir, 'saved-as-web-page.xls');
    await writeFile(file, await import('node:fs/promises').then((fs) => fs.readFile(path.join(FIXTURES, 'pages', '000-excel.html'))));
    const r = checkDocument((await loadOne(file)).document, file);
    expect(r.tables.length).toBeGreaterThan(5);
  });
});
