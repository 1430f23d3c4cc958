/**
 * Spreadsheets (.xlsx, and .xls in the BIFF8 binary format) read with SheetJS Community Edition
 * (@e965/xlsx): each sheet becomes a table as printed — merges as spans, each cell's formatted text
 * (so 1,511.90 keeps its two places), hidden rows and columns left out — and tables a sheet holds
 * one under another (apart by blank rows) are read apart. Title, 公开0N表 and 单位 lines above a
 * table are found by the assembler as in a page. Nothing in the workbook runs: formulas are read
 * for their cached values only, macros (VBA) are not loaded, external links are not followed.
 */
import * as XLSX from '@e965/xlsx';
import type { ReaderItem } from './assemble.js';
import type { RawCell, RawRow } from './grid.js';
import { metaKind } from './meta.js';

/** The file starts like a ZIP (.xlsx) or an OLE compound document (.xls). */
export function isWorkbook(buf: Uint8Array): boolean {
  const zip = buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04;
  const ole = buf[0] === 0xd0 && buf[1] === 0xcf && buf[2] === 0x11 && buf[3] === 0xe0;
  return buf.length > 8 && (zip || ole);
}

/** Blank rows this many in a row end one table of a sheet and start the next. */
const TABLE_GAP = 2;

interface Sheetlike {
  readonly [cell: string]: unknown;
}

/** The cell's text as printed: its formatted text, else its value. */
function textOf(cell: { w?: unknown; v?: unknown; t?: unknown } | undefined): string {
  if (!cell) return '';
  if (typeof cell.w === 'string') return cell.w;
  if (cell.v === undefined || cell.v === null) return '';
  return String(cell.v);
}

/** Reads a workbook's sheets into reader items: each sheet's name, then its tables. */
export function readWorkbook(data: Uint8Array): { items: ReaderItem[]; sheets: number } {
  const wb = XLSX.read(data, { type: 'array', cellText: true, cellFormula: false, cellHTML: false, cellNF: false, cellStyles: false, bookVBA: false, WTF: false, dense: false });
  const items: ReaderItem[] = [];
  // one numbering of the cells over every sheet: the viewer finds a cell by it
  let src = 0;
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name] as Sheetlike | undefined;
    const ref = ws?.['!ref'];
    if (!ws || typeof ref !== 'string') continue;
    const range = XLSX.utils.decode_range(ref);
    const hiddenRows = new Set(((ws['!rows'] as Array<{ hidden?: boolean } | undefined> | undefined) ?? []).flatMap((r, i) => (r?.hidden ? [i] : [])));
    const hiddenCols = new Set(((ws['!cols'] as Array<{ hidden?: boolean } | undefined> | undefined) ?? []).flatMap((c, i) => (c?.hidden ? [i] : [])));
    const merges = (ws['!merges'] as XLSX.Range[] | undefined) ?? [];
    const covered = new Set<string>();
    const mergedRows = new Set<number>();
    const spans = new Map<string, { rows: number; cols: number }>();
    for (const m of merges) {
      let rows = 0;
      let cols = 0;
      for (let r = m.s.r; r <= m.e.r; r++) if (!hiddenRows.has(r)) rows++;
      for (let c = m.s.c; c <= m.e.c; c++) if (!hiddenCols.has(c)) cols++;
      spans.set(`${m.s.r}:${m.s.c}`, { rows: Math.max(1, rows), cols: Math.max(1, cols) });
      for (let r = m.s.r; r <= m.e.r; r++) {
        if (r > m.s.r) mergedRows.add(r);
        for (let c = m.s.c; c <= m.e.c; c++) if (r !== m.s.r || c !== m.s.c) covered.add(`${r}:${c}`);
      }
    }
    // the sheet's name says what it holds where it is a title or a 公开0N表 code
    if (metaKind(name) !== null) items.push({ type: 'block', text: name, heading: null });
    let rows: RawRow[] = [];
    let blank = 0;
    const flush = (): void => {
      while (rows.length > 0 && rows[rows.length - 1]?.cells.every((c) => c.text.trim() === '')) rows.pop();
      if (rows.length > 0) items.push({ type: 'table', rows });
      rows = [];
    };
    for (let r = range.s.r; r <= range.e.r; r++) {
      if (hiddenRows.has(r)) continue;
      const cells: RawCell[] = [];
      let filled = false;
      for (let c = range.s.c; c <= range.e.c; c++) {
        if (hiddenCols.has(c) || covered.has(`${r}:${c}`)) continue;
        const text = textOf(ws[XLSX.utils.encode_cell({ r, c })] as { w?: unknown; v?: unknown } | undefined);
        if (text.trim() !== '') filled = true;
        const span = spans.get(`${r}:${c}`) ?? { rows: 1, cols: 1 };
        cells.push({ text, rowSpan: span.rows, colSpan: span.cols, th: false, src: src++ });
      }
      // a row inside a merge that starts above still belongs to the table it is part of
      if (!filled && !mergedRows.has(r)) {
        blank++;
        if (blank >= TABLE_GAP) flush();
        continue;
      }
      blank = 0;
      rows.push({ cells, spacer: false });
    }
    flush();
  }
  return { items, sheets: wb.SheetNames.length };
}
