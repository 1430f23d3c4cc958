/**
 * Finding the table cell a statement of the 情况说明 is about: by table kind, row label and column
 * header, never by position. Every lookup returns the printed figure with the cell's reference and
 * a name a reader can find in the page ("收入支出决算总表 / 本年收入合计").
 */
import { Decimal } from '../model/decimal.js';
import type { CellRef, Pos } from '../model/table.js';
import { printedAt, type Printed } from '../model/printed.js';
import type { Column, RecognisedDocument, RecognisedTable, RowInfo, TableKind } from '../recognise/index.js';
import { summarySides, type Side } from '../recognise/summary.js';
import { economicTotalCell } from '../recognise/figures.js';
import { columnName, tableTitle } from '../recognise/names.js';
import { nameKey } from './concepts.js';
import { columnYear } from '../recognise/year.js';

export interface CellValue {
  readonly rt: RecognisedTable;
  readonly pos: Pos;
  readonly ref: CellRef;
  readonly printed: Printed;
  /** "<table title> / <row> / <column>" */
  readonly name: string;
}

export function tablesOf(doc: RecognisedDocument, kinds: readonly TableKind[]): RecognisedTable[] {
  return doc.tables.filter((t) => kinds.includes(t.kind));
}

export function cellValue(rt: RecognisedTable, pos: Pos, rowLabel?: string): CellValue | null {
  const printed = printedAt(rt.table, pos);
  if (!printed) return null;
  const column = rt.layout.columns[pos.col];
  const col = column ? columnName(column) : '';
  // "决算数 / 决算数·合计" says it twice: the column already names the block
  const row = rowLabel && col.startsWith(rowLabel) ? undefined : rowLabel;
  const name = [tableTitle(rt), row, col].filter((x) => x && x.length > 0).join(' / ');
  return { rt, pos, ref: { table: rt.table.index, row: pos.row, col: pos.col }, printed, name };
}

/** A line of a summary table's side, matched by label ("本年收入合计", "年初结转和结余", "一般公共服务支出"). */
export function summaryCell(doc: RecognisedDocument, kinds: readonly TableKind[], side: Side, test: (key: string) => boolean, column: (c: Column) => boolean = () => true): CellValue | null {
  for (const rt of tablesOf(doc, kinds)) {
    for (const s of summarySides(rt)) {
      if (s.side !== side) continue;
      const row = s.rows.find((r) => test(r.key));
      if (!row) continue;
      const col = s.values.find((c) => column(rt.layout.columns[c] as Column)) ?? s.values[0];
      if (col === undefined) continue;
      return cellValue(rt, { row: row.valueRow, col }, row.label);
    }
  }
  return null;
}

/** The 合计 row of a table, in the column whose header path matches. */
export function totalRowCell(doc: RecognisedDocument, kinds: readonly TableKind[], column: (keys: string) => boolean): CellValue | null {
  for (const rt of tablesOf(doc, kinds)) {
    for (const [b, rows] of rt.rows.entries()) {
      const total = rows.find((r) => r.total === 'total' || r.total === 'grand');
      if (!total) continue;
      const block = rt.layout.blocks[b];
      const col = block?.values.find((c) => column((rt.layout.columns[c] as Column).keys.join('/')));
      if (col === undefined) continue;
      return cellValue(rt, { row: total.valueRow, col }, total.label);
    }
  }
  return null;
}

/** A row found by its label (a functional class or a 项 name) in tables of the given kinds. */
export function namedRowCell(doc: RecognisedDocument, kinds: readonly TableKind[], name: string, column: (keys: string) => boolean, level?: 1 | 2 | 3): CellValue | null {
  const want = nameKey(name).replace(/支出$/u, '');
  for (const rt of tablesOf(doc, kinds)) {
    for (const [b, rows] of rt.rows.entries()) {
      const block = rt.layout.blocks[b];
      const row = rows.find((r: RowInfo) => (level === undefined || r.level === level || r.level === null) && nameKey(r.label).replace(/支出$/u, '') === want && want.length >= 2);
      if (!row || !block) continue;
      const col = block.values.find((c) => column((rt.layout.columns[c] as Column).keys.join('/'))) ?? block.values[0];
      if (col === undefined) continue;
      return cellValue(rt, { row: row.valueRow, col }, row.code ? `${row.code} ${row.label}` : row.label);
    }
  }
  return null;
}

/** 人员经费合计 / 公用经费合计 of the 基本支出 detail table (the figure may stand in another block's column). */
export function economicTotal(doc: RecognisedDocument, which: 'personnel' | 'public'): CellValue | null {
  for (const rt of tablesOf(doc, ['D06', 'B06'])) {
    const found = economicTotalCell(rt, which);
    if (found) return cellValue(rt, found.pos, found.row.label);
  }
  return null;
}

export type ThreePublicItem = 'total' | 'abroad' | 'vehicle' | 'vehicle-purchase' | 'vehicle-running' | 'reception';

const THREE_LEAVES: Record<ThreePublicItem, RegExp> = {
  total: /^合计$/u,
  abroad: /因公出国/u,
  vehicle: /^小计$|公务用车购置及运行/u,
  'vehicle-purchase': /公务用车购置费$/u,
  'vehicle-running': /运行维护费$|运行费$/u,
  reception: /公务接待费$/u,
};

/** A figure of the 三公 table: the 预算数 or 决算数 block (the first block is 预算 unless its header says otherwise). */
export function threePublicCell(doc: RecognisedDocument, which: 'budget' | 'final', item: ThreePublicItem): CellValue | null {
  for (const rt of tablesOf(doc, ['D09', 'B07'])) {
    const values = rt.layout.columns.filter((c) => c.role === 'value' && c.path.length > 0);
    // items above and 预算数 | 决算数 under each (合计: 预算数 决算数 | 因公出国（境）费: 预算数 决算数 …)
    const leaves = values.filter((c) => (which === 'final' ? /^(?:本年)?决算数?$/u : /^(?:本年|全年|年初)?预算数?$/u).test(c.keys.at(-1) ?? ''));
    if (leaves.length >= 2) {
      const col = leaves.find((c) => {
        const item3 =
          c.keys
            .slice(0, -1)
            .filter((k) => k !== '')
            .at(-1) ?? '';
        return THREE_LEAVES[item].test(item3) && !(item === 'vehicle' && /购置费$|运行维护费$/u.test(item3));
      });
      const data = rt.rows.flat().filter((r) => !r.blank);
      const row = data.find((r) => r.total !== null) ?? data[0];
      if (col && row) return cellValue(rt, { row: row.valueRow, col: col.col }, which === 'final' ? '决算数' : '预算数');
    }
    const totals = values.filter((c) => /^合计$/u.test(c.keys[c.keys.length - 1] ?? ''));
    // blocks: from one 合计 to the next
    const blocks: Column[][] = totals.map((t, i) => values.filter((c) => c.col >= t.col && (i + 1 >= totals.length || c.col < (totals[i + 1] as Column).col)));
    if (blocks.length === 0) continue;
    // blocks named by what they hold (预算数 | 决算数) and, where the header says, by year (2016年预算数 | 2017年预算数)
    const year = doc.year;
    const named = blocks.map((bl) => ({
      bl,
      final: bl.some((c) => c.keys.some((k) => /决算/u.test(k))),
      budget: bl.some((c) => c.keys.some((k) => /预算/u.test(k) && !/决算/u.test(k))),
      year: columnYear(bl.flatMap((c) => c.keys)),
    }));
    const dated = named.some((n) => n.year !== null);
    const fits = named.filter((n) => (which === 'final' ? n.final : n.budget) && (!dated || n.year === null || n.year === year));
    let block: Column[] | undefined;
    if (fits.length > 0) block = (fits.length === 1 || !dated ? fits[0] : fits.find((n) => n.year === year))?.bl;
    else if (!dated && named.every((n) => !n.final && !n.budget)) block = blocks[which === 'budget' ? 0 : blocks.length > 1 ? 1 : -1];
    if (!block) continue;
    const col = block.find((c) => THREE_LEAVES[item].test(c.keys[c.keys.length - 1] ?? '') && !(item === 'vehicle' && /购置费$|运行维护费$/u.test(c.keys.at(-1) ?? '')));
    if (!col) continue;
    const data = rt.rows.flat().filter((r) => !r.blank);
    const row = data.find((r) => r.total !== null) ?? data[0];
    if (!row) continue;
    return cellValue(rt, { row: row.valueRow, col: col.col }, which === 'final' ? '决算数' : '预算数');
  }
  return null;
}

/** Σ over every 绩效自评表 of the funds-total row's figure in one column. */
export function performanceSums(doc: RecognisedDocument): { tables: number; initial: Decimal; annual: Decimal; executed: Decimal; refs: CellRef[] } {
  let initial = new Decimal(0);
  let annual = new Decimal(0);
  let executed = new Decimal(0);
  let tables = 0;
  const refs: CellRef[] = [];
  for (const rt of doc.tables) {
    const perf = rt.performance;
    if (!perf) continue;
    const total = perf.funds.find((f) => f.total) ?? perf.funds[0];
    if (!total) continue;
    tables++;
    const get = (p: Pos | undefined): Decimal => {
      if (!p) return new Decimal(0);
      const v = rt.table.grid[p.row]?.[p.col]?.value;
      return v?.type === 'number' ? v.value : new Decimal(0);
    };
    initial = initial.plus(get(total.cells.initial));
    annual = annual.plus(get(total.cells.annual));
    executed = executed.plus(get(total.cells.executed));
    if (total.cells.annual) refs.push({ table: rt.table.index, row: total.cells.annual.row, col: total.cells.annual.col });
  }
  return { tables, initial, annual, executed, refs };
}

export const byLeaf =
  (re: RegExp) =>
  (keys: string): boolean =>
    re.test(keys.split('/').at(-1) ?? '') || re.test(keys);
