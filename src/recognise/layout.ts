/**
 * Header understanding: which rows are the header, which columns are stubs (codes, labels, line
 * numbers) and which hold values, and what each value column means (its header path).
 *
 * Headers in real pages are often misaligned with the data (a PDF extraction shifts a header row
 * by a column; a header cell lands one row too low). When the table has an index row (栏次 1 2 3 …),
 * it is the reliable guide: the n-th value header in reading order belongs to the column numbered
 * n, wherever the header text happens to stand.
 */
import { isNumeric } from '../model/number.js';
import type { Cell, Table } from '../model/table.js';
import { joinCjk, keyText } from '../model/text.js';
import { parseCode } from './codes.js';
import { INDEX_WORDS, NO_FIGURE, STUB_HEADER, TOTAL_LABEL } from './vocabulary.js';
import { runSync, type Steps } from '../model/steps.js';

export type ColumnRole = 'code' | 'code-part' | 'label' | 'line-no' | 'value' | 'empty';

export interface HeaderNode {
  readonly id: number;
  readonly text: string;
  readonly key: string;
  readonly row: number;
  readonly col0: number;
  readonly col1: number;
  /** Node of the row above that covers this one, or -1. */
  parent: number;
}

export interface Column {
  readonly col: number;
  role: ColumnRole;
  /** Header labels from the top (display text). */
  path: string[];
  /** Key text of each label in `path`. */
  keys: string[];
  /** Header nodes of `path` (ids into Layout.nodes). */
  nodes: number[];
  /** Number printed for this column in the index (栏次) row. */
  index: number | null;
  block: number;
}

export interface Block {
  readonly index: number;
  readonly cols: number[];
  readonly code: number[];
  readonly label: number | null;
  readonly lineNo: number | null;
  readonly values: number[];
}

export interface Layout {
  /** Rows [0, headerRows) are header rows (the index row included). */
  readonly headerRows: number;
  readonly indexRow: number | null;
  readonly columns: Column[];
  readonly blocks: Block[];
  readonly nodes: HeaderNode[];
  /** How value columns got their meaning. */
  readonly alignment: 'aligned' | 'realigned' | 'partial' | 'none';
  /** Columns of the index row that hold an amount instead of a column number. */
  readonly strays: number[];
}

const MAX_HEADER_ROWS = 10;

function originText(table: Table, r: number, c: number): string {
  const cell = table.grid[r]?.[c];
  if (!cell || cell.merged) return '';
  return cell.text;
}

function isOrigin(cell: Cell | undefined): cell is Cell {
  return !!cell && !cell.merged;
}

/**
 * A row of consecutive small integers (1 2 3 …), optionally with words such as 栏次, 类, 款, 项.
 * Amounts standing in it (a figure typed into the 栏次 row) do not stop it being the index row;
 * they are returned as strays.
 */
function indexNumbers(table: Table, r: number): { nums: Map<number, number>; strays: number[] } | null {
  const row = table.grid[r];
  if (!row) return null;
  const nums = new Map<number, number>();
  const strays: number[] = [];
  let last = 0;
  let skipped = 0;
  let word = false;
  for (const cell of row) {
    if (!isOrigin(cell)) continue;
    const v = cell.value;
    if (v.type === 'empty') continue;
    if (v.type === 'number') {
      if (v.scale !== 0 || v.grouped || v.value.isNegative() || v.value.gt(200)) {
        strays.push(cell.col);
        if (last > 0) skipped++;
        continue;
      }
      const n = v.value.toNumber();
      // a stray amount may stand where a column number should be; numbering restarts at 1 only
      // after a run of its own (two side-by-side blocks, 1 2 3 | 1 2 3), never as "1 1 1"
      if (!(n === last + 1 || n === last + 1 + skipped || (n === 1 && last >= 2))) return null;
      nums.set(cell.col, n);
      last = n;
      skipped = 0;
      continue;
    }
    if (v.type === 'percent') return null;
    const k = keyText(cell.text);
    if (!INDEX_WORDS.test(k) && !/^(?:项目)?栏次$/u.test(k)) return null;
    if (/栏次|行次|栏号|按次/u.test(k)) word = true;
  }
  // one column number is enough when the row says it is the 栏次 row
  return (nums.size >= 2 || (nums.size === 1 && word)) && strays.length <= nums.size / 2 ? { nums, strays } : null;
}

function hasNumber(table: Table, r: number): boolean {
  return (table.grid[r] ?? []).some((c) => isOrigin(c) && isNumeric(c.value));
}

function rowTexts(table: Table, r: number): string[] {
  return (table.grid[r] ?? [])
    .filter(isOrigin)
    .map((c) => c.text)
    .filter((t) => t !== '');
}

/** Finds the index row and the number of header rows. */
function findHeader(table: Table): { headerRows: number; indexRow: number | null; index: Map<number, number>; strays: number[] } {
  const limit = Math.min(table.rows, MAX_HEADER_ROWS + 2);
  for (let r = 1; r < limit; r++) {
    // every row above an index row must be text (header), never data
    if (hasNumber(table, r - 1) && indexNumbers(table, r - 1) === null) break;
    const found = indexNumbers(table, r);
    if (found) {
      let end = r + 1;
      // rows of index words only (a lone "栏次" below the numbers) still belong to the header
      while (end < table.rows && !hasNumber(table, end)) {
        const texts = rowTexts(table, end);
        if (texts.length === 0 || !texts.every((t) => INDEX_WORDS.test(keyText(t)))) break;
        end++;
      }
      return { headerRows: end, indexRow: r, index: found.nums, strays: found.strays };
    }
  }
  let r = 0;
  while (r < Math.min(table.rows, MAX_HEADER_ROWS) && !hasNumber(table, r)) {
    const texts = rowTexts(table, r);
    // a 合计 line in the stub columns before any figure (its figures on the next line): data, not header
    const first = (table.grid[r] ?? []).find((c) => isOrigin(c) && c.text !== '');
    // (a row of several labels that starts with 合计 is a header: 合计 | 因公出国(境)费 | …)
    if (first && first.col <= 1 && TOTAL_LABEL.test(keyText(first.text)) && texts.length === 1) break;
    if (texts.length > 0 && texts.every((t) => parseCode(t) !== null)) break;
    r++;
  }
  if (r >= table.rows) r = Math.min(table.rows, 1); // no data at all: the first row is the header
  return { headerRows: r, indexRow: null, index: new Map(), strays: [] };
}

interface ColumnStats {
  amounts: number;
  ints: number;
  percents: number;
  codes: number;
  texts: number;
  empty: number;
  sequence: number;
}

function stats(table: Table, col: number, from: number): ColumnStats {
  const s: ColumnStats = { amounts: 0, ints: 0, percents: 0, codes: 0, texts: 0, empty: 0, sequence: 0 };
  let prevInt: number | null = null;
  for (let r = from; r < table.rows; r++) {
    const cell = table.grid[r]?.[col];
    if (!cell) continue;
    if (cell.merged && cell.origin.col !== col) continue; // counted in its origin column
    const v = cell.value;
    if (v.type === 'empty') {
      s.empty++;
      continue;
    }
    if (v.type === 'percent') s.percents++;
    else if (v.type === 'number') {
      if (v.scale > 0 || v.grouped) s.amounts++;
      else {
        s.ints++;
        if (parseCode(cell.text) !== null && cell.text.length >= 3) s.codes++;
        const n = v.value.toNumber();
        if (prevInt !== null && n === prevInt + 1) s.sequence++;
        prevInt = n;
      }
    } else if (!TOTAL_LABEL.test(keyText(cell.text)) && !NO_FIGURE.test(keyText(cell.text))) s.texts++;
  }
  return s;
}

function headerKeyOf(table: Table, col: number, headerRows: number): string {
  let out = '';
  for (let r = 0; r < headerRows; r++) {
    const cell = table.grid[r]?.[col];
    if (cell && cell.text) out += keyText(cell.text);
  }
  return out;
}

function classify(table: Table, col: number, headerRows: number, indexed: boolean, hasIndex: boolean): ColumnRole {
  const s = stats(table, col, headerRows);
  const numeric = s.amounts + s.percents;
  const filled = s.amounts + s.ints + s.percents + s.texts;
  const head = headerKeyOf(table, col, headerRows);
  if (filled === 0) {
    if (indexed) return 'value';
    if (/代码|编码/u.test(head)) return 'code';
    if (/名称/u.test(head)) return 'label';
    return head === '' || hasIndex ? 'empty' : 'value';
  }
  if (s.codes >= 1 && numeric === 0 && s.codes >= 0.6 * filled && s.texts <= Math.max(2, s.codes / 3)) return 'code';
  if (s.texts > 0 && s.texts >= numeric + s.ints) return 'label';
  if (numeric === 0 && /行次|序号/u.test(head)) return 'line-no';
  if (!indexed && numeric === 0 && s.ints >= 3 && s.sequence >= s.ints - 2 && head === '') return 'line-no';
  return 'value';
}

/** Columns of two-digit parts right of a 类 column: a code split over 类 | 款 | 项 columns. */
function isCodePart(table: Table, col: number, from: number): boolean {
  let seen = 0;
  let short = 0;
  for (let r = from; r < table.rows; r++) {
    const t = originText(table, r, col);
    // the 款 / 项 header word may share its line with the 合计 row (PDF layouts draw them in one band)
    if (t === '' || (r === from && /^[款项]$/u.test(t))) continue;
    if (!/^\d{1,2}$/.test(t)) return false;
    seen++;
    if (t.length === 1) short++;
  }
  // a part printed without its leading zero ("2" for 02) now and then, never mostly
  return seen > 0 && short <= seen / 4;
}

/** Header nodes (explicit merges kept; implicit spans inferred for plain-text tables). */
function headerNodes(table: Table, headerRows: number, indexRow: number | null, stub: (c: number) => boolean): HeaderNode[] {
  const nodes: HeaderNode[] = [];
  const rows: number[] = [];
  for (let r = 0; r < headerRows; r++) if (r !== indexRow && !(indexRow !== null && r > indexRow)) rows.push(r);
  const covered: boolean[][] = rows.map(() => new Array<boolean>(table.cols).fill(false));
  const byRowLabels = rows.map((r) => new Set(rowTexts(table, r).map((t) => keyText(t))));
  rows.forEach((r, ri) => {
    for (let c = 0; c < table.cols; c++) {
      const cell = table.grid[r]?.[c];
      if (!cell || cell.merged || cell.text === '') continue;
      let col1 = c + cell.span.cols - 1;
      if (cell.span.cols === 1 && !stub(c)) {
        // implicit span: empty cells to the right with deeper labels below them
        while (col1 + 1 < table.cols) {
          const next = table.grid[r]?.[col1 + 1];
          if (!next || next.text !== '' || stub(col1 + 1)) break;
          let below: string | null = null;
          for (let rj = ri + 1; rj < rows.length; rj++) {
            const t = originText(table, rows[rj] ?? -1, col1 + 1);
            if (t) {
              below = keyText(t);
              break;
            }
          }
          if (below === null || byRowLabels[ri]?.has(below)) break;
          col1++;
        }
      }
      for (let k = c; k <= col1; k++) (covered[ri] as boolean[])[k] = true;
      nodes.push({ id: nodes.length, text: joinCjk(cell.text), key: keyText(cell.text), row: r, col0: c, col1, parent: -1 });
    }
  });
  // explicit rowspans from above cover lower rows too (they are merged slots there)
  for (const node of nodes) {
    const parent = nodes.filter((n) => n.row < node.row && n.col0 <= node.col0 && n.col1 >= node.col1).sort((a, b) => b.row - a.row)[0];
    node.parent = parent ? parent.id : -1;
  }
  return nodes;
}

function pathOf(nodes: HeaderNode[], leaf: HeaderNode | undefined): HeaderNode[] {
  const out: HeaderNode[] = [];
  let n = leaf;
  while (n) {
    out.unshift(n);
    n = n.parent >= 0 ? nodes[n.parent] : undefined;
  }
  return out;
}

/** The deepest header node covering a column. */
function leafAt(nodes: HeaderNode[], col: number): HeaderNode | undefined {
  let best: HeaderNode | undefined;
  for (const n of nodes) {
    if (n.col0 <= col && n.col1 >= col && (!best || n.row > best.row)) best = n;
  }
  return best;
}

/** Analyses a table's header and columns. */
export function analyseLayout(table: Table): Layout {
  return runSync(analyseLayoutSteps(table));
}

/** analyseLayout in steps: a long table's columns are read one step each. */
export function* analyseLayoutSteps(table: Table): Steps<Layout> {
  const { headerRows, indexRow, index, strays } = findHeader(table);
  const columns: Column[] = [];
  const long = table.rows > 2000;
  for (let c = 0; c < table.cols; c++) {
    if (long) yield;
    columns.push({ col: c, role: classify(table, c, headerRows, index.has(c), indexRow !== null), path: [], keys: [], nodes: [], index: index.get(c) ?? null, block: 0 });
  }
  // index numbers mark value columns, unless the data say otherwise (names under a shifted header)
  for (const column of columns) {
    if (column.index !== null && column.role === 'empty') column.role = 'value';
    const left = columns[column.col - 1];
    if ((left?.role === 'code' || left?.role === 'code-part') && column.role === 'value' && isCodePart(table, column.col, headerRows)) column.role = 'code-part';
  }
  const isStub = (c: number): boolean => {
    const role = columns[c]?.role;
    return role === 'code' || role === 'code-part' || role === 'label' || role === 'line-no';
  };
  const nodes = headerNodes(table, headerRows, indexRow, isStub);

  // leaves: nodes with nothing below them, that are not stub headers
  const isLeaf = (n: HeaderNode): boolean => !nodes.some((m) => m.parent === n.id);
  const valueLeaves = nodes.filter((n) => isLeaf(n) && !STUB_HEADER.test(n.key)).sort((a, b) => a.col0 - b.col0 || a.row - b.row);

  let alignment: Layout['alignment'] = 'none';
  const indexCols = columns.filter((c) => c.index !== null && c.role === 'value').map((c) => c.col);
  if (indexCols.length > 0 && valueLeaves.length === indexCols.length) {
    alignment = 'aligned';
    indexCols.forEach((col, i) => {
      const leaf = valueLeaves[i];
      if (!leaf) return;
      if (!(leaf.col0 <= col && leaf.col1 >= col)) alignment = 'realigned';
      assignPath(columns[col] as Column, pathOf(nodes, leaf));
    });
  } else {
    for (const column of columns) {
      if (column.role !== 'value') continue;
      const leaf = leafAt(nodes, column.col);
      if (leaf && !STUB_HEADER.test(leaf.key)) assignPath(column, pathOf(nodes, leaf));
    }
    const named = columns.filter((c) => c.role === 'value' && c.path.length > 0).length;
    const values = columns.filter((c) => c.role === 'value').length;
    alignment = values === 0 ? 'none' : named === values ? 'aligned' : named > 0 ? 'partial' : 'none';
  }

  // blocks: a stub column after value columns starts a new block (side-by-side layouts)
  const blocks: Block[] = [];
  let current: { cols: number[]; sawValue: boolean } = { cols: [], sawValue: false };
  const close = (): void => {
    if (current.cols.length === 0) return;
    const cols = current.cols;
    blocks.push({
      index: blocks.length,
      cols,
      code: cols.filter((c) => columns[c]?.role === 'code' || columns[c]?.role === 'code-part'),
      label: cols.find((c) => columns[c]?.role === 'label') ?? null,
      lineNo: cols.find((c) => columns[c]?.role === 'line-no') ?? null,
      values: cols.filter((c) => columns[c]?.role === 'value'),
    });
  };
  for (const column of columns) {
    if (column.role === 'empty') continue;
    const stub = isStub(column.col);
    if (stub && current.sawValue) {
      close();
      current = { cols: [], sawValue: false };
    }
    current.cols.push(column.col);
    if (!stub) current.sawValue = true;
  }
  close();
  for (const b of blocks) {
    const seen = new Set<number>();
    for (const c of b.cols) {
      const column = columns[c] as Column;
      column.block = b.index;
      // one column number names one column of its block: a repeated number names none
      if (column.index !== null) {
        if (seen.has(column.index)) column.index = null;
        else seen.add(column.index);
      }
    }
  }

  return { headerRows, indexRow, columns, blocks, nodes, alignment, strays };
}

function assignPath(column: Column, path: HeaderNode[]): void {
  column.path = path.map((n) => n.text);
  column.keys = path.map((n) => n.key);
  column.nodes = path.map((n) => n.id);
}
