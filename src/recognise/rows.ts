/**
 * Row roles: each data row of each column block gets its label, its subject code (科目代码, in one
 * column or split over 类/款/项 columns), its 行次, and whether it is a total (合计/总计/小计),
 * a named total (本年收入合计 …), or an "其中" part of the row above.
 */
import { isNumeric } from '../model/number.js';
import type { Table } from '../model/table.js';
import { displayText, keyText, labelKey } from '../model/text.js';
import { codeLevel, parseCode, type CodeLevel } from './codes.js';
import type { Block, Layout } from './layout.js';
import { totalKind, type TotalKind } from './vocabulary.js';
import { runSync, type Steps } from '../model/steps.js';

export interface RowInfo {
  readonly block: number;
  /** Grid row of the label. */
  readonly row: number;
  /** Grid row of the values: differs from `row` when a label and its values were split over two lines. */
  readonly valueRow: number;
  readonly code: string | null;
  readonly level: CodeLevel | null;
  /** Display label (as printed). */
  readonly label: string;
  /** Key of the label: ordinal removed, canonical characters. */
  readonly key: string;
  /** The label starts with an ordinal ("一、", "（二）", "3."). */
  readonly ordinal: OrdinalLevel | null;
  readonly total: TotalKind | null;
  /** "其中：…" rows are parts of the row above, never addends of a total. */
  readonly ofWhich: boolean;
  readonly lineNo: number | null;
  /** No value in any value column of the block. */
  readonly blank: boolean;
}

/** 1 for "一、", 2 for "（一）", 3 for "1." / "1、", 4 for "（1）". */
export type OrdinalLevel = 1 | 2 | 3 | 4;

export function ordinalLevel(label: string): OrdinalLevel | null {
  const t = displayText(label).normalize('NFKC');
  if (/^[一二三四五六七八九十百]+[、.]/u.test(t)) return 1;
  if (/^[(（][一二三四五六七八九十]+[)）]/u.test(t)) return 2;
  if (/^\d+[、.](?!\d)/u.test(t)) return 3;
  if (/^[(（]\d+[)）]/u.test(t)) return 4;
  return null;
}

function origin(table: Table, r: number, c: number): string {
  const cell = table.grid[r]?.[c];
  return cell ? cell.text : '';
}

function hasValue(table: Table, r: number, block: Block): boolean {
  return block.values.some((c) => {
    const v = table.grid[r]?.[c]?.value;
    return v !== undefined && isNumeric(v);
  });
}

function codeOf(table: Table, r: number, block: Block, last: { cls: string | null; item: string | null }): string | null {
  if (block.code.length === 0) return null;
  if (block.code.length === 1) {
    const col = block.code[0] as number;
    return parseCode(origin(table, r, col));
  }
  // split code columns: 类 | 款 | 项 (the first full, the others two digits)
  // (a part printed without its leading zero, "2" for 02, is read as the code it stands for)
  const parts = block.code.map((c, i) => {
    const t = displayText(origin(table, r, c)).normalize('NFKC');
    return i > 0 && /^\d$/.test(t) ? `0${t}` : t;
  });
  const [cls, item, sub] = parts;
  if (cls && /^\d{3}$/.test(cls)) {
    last.cls = cls;
    last.item = null;
  }
  if (item && /^\d{2}$/.test(item)) {
    if (!last.cls) return null;
    last.item = `${last.cls}${item}`;
  }
  if (sub && /^\d{2}$/.test(sub)) return last.item ? `${last.item}${sub}` : null;
  if (item && /^\d{2}$/.test(item)) return last.item;
  if (cls && /^\d{3}$/.test(cls)) return cls;
  return parseCode(parts.join(''));
}

function labelOf(table: Table, r: number, block: Block, labels: number[]): string {
  for (const c of labels) {
    const label = displayText(origin(table, r, c));
    if (label) return label;
  }
  // a total word in a code column ("合计" under 科目代码) or, in shifted rows, in a value column
  for (const c of block.cols) {
    const cell = table.grid[r]?.[c];
    if (!cell || cell.value.type !== 'text') continue;
    const k = keyText(cell.text);
    if (totalKind(k) !== null || /合计|总计/u.test(k)) return displayText(cell.text);
  }
  for (const c of block.code) {
    const t = displayText(origin(table, r, c));
    if (t && parseCode(t) === null) return t;
  }
  return '';
}

function lineNoOf(table: Table, r: number, block: Block): number | null {
  if (block.lineNo === null) return null;
  const v = table.grid[r]?.[block.lineNo]?.value;
  return v?.type === 'number' && v.scale === 0 ? v.value.toNumber() : null;
}

/** Row infos for one block, in order; split label/value lines are joined. */
export function analyseRows(table: Table, layout: Layout, block: Block): RowInfo[] {
  return runSync(analyseRowsSteps(table, layout, block));
}

/** analyseRows, a thousand rows at a time. */
export function* analyseRowsSteps(table: Table, layout: Layout, block: Block): Steps<RowInfo[]> {
  const out: RowInfo[] = [];
  const last = { cls: null as string | null, item: null as string | null };
  const labels = block.cols.filter((c) => layout.columns[c]?.role === 'label');
  for (let r = layout.headerRows; r < table.rows; r++) {
    if (r % 250 === 249) yield;
    const code = codeOf(table, r, block, last);
    const label = labelOf(table, r, block, labels);
    const key = labelKey(label);
    const blank = !hasValue(table, r, block);
    let valueRow = r;
    // "合计" on one line and its figures on the next, with no label of their own
    if (blank && (label !== '' || code !== null) && r + 1 < table.rows) {
      const nextLabel = labelOf(table, r + 1, block, labels);
      const nextCode = codeOf(table, r + 1, block, { ...last });
      if (nextLabel === '' && nextCode === null && hasValue(table, r + 1, block)) valueRow = r + 1;
    }
    out.push({
      block: block.index,
      row: r,
      valueRow,
      code,
      level: code ? codeLevel(code) : null,
      label,
      key,
      ordinal: ordinalLevel(label),
      total: totalKind(key),
      ofWhich: /^其中/u.test(key),
      lineNo: lineNoOf(table, r, block),
      blank: blank && valueRow === r,
    });
    if (valueRow !== r) r = valueRow;
  }
  return out;
}
